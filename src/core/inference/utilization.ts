import { peakFlopsFor, type ComputePrecision, type HardwarePreset } from "../energy/hardware";
import { EnergyInputError, positive, wholeNumber } from "../energy/inputs";
import type { StepRoofline } from "../energy/roofline";

/**
 * What a step achieved against the datasheet: MFU (model FLOPs utilization,
 * Chowdhery et al. 2022) is the FLOPs the model needs per second over the
 * peak; MBU (model bandwidth utilization, Databricks' name for decode's
 * measure) is the bytes the model must move per second over the peak HBM
 * bandwidth. Decode is judged by MBU, prefill and training by MFU.
 */
export interface Utilization {
  /** FLOPs / (seconds × G × peak), in [0, 1] for a physical step. */
  mfu: number;
  /** Bytes / (seconds × G × HBM bandwidth). */
  mbu: number;
  /** FLOP/s achieved, all GPUs together. */
  flopsPerSecond: number;
  /** Bytes/s achieved, all GPUs together. */
  bytesPerSecond: number;
  /** The peak the MFU is measured against (the step's compute precision). */
  precision: ComputePrecision;
}

/** MFU and MBU of any step: FLOPs and bytes it must do, the seconds it took, on G GPUs. */
export function utilizationOf(
  work: { flops: bigint; bytes: bigint; seconds: number; gpus?: number; precision?: ComputePrecision },
  hardware: HardwarePreset,
): Utilization {
  if (typeof work.flops !== "bigint" || work.flops < 0n) throw new EnergyInputError("flops", "must be a bigint ≥ 0");
  if (typeof work.bytes !== "bigint" || work.bytes < 0n) throw new EnergyInputError("bytes", "must be a bigint ≥ 0");
  const seconds = positive(work.seconds, "seconds");
  const gpus = wholeNumber(work.gpus ?? 1, "gpus");
  const peak = peakFlopsFor(hardware, work.precision ?? "bf16");
  const flopsPerSecond = Number(work.flops) / seconds;
  const bytesPerSecond = Number(work.bytes) / seconds;
  return {
    mfu: flopsPerSecond / (gpus * peak.flops),
    mbu: bytesPerSecond / (gpus * hardware.hbmBandwidth),
    flopsPerSecond,
    bytesPerSecond,
    precision: peak.precision,
  };
}

/** The MFU and MBU a modelled step achieves over its own step time (communication included). */
export function stepUtilization(step: StepRoofline, hardware: HardwarePreset): Utilization {
  return utilizationOf({ flops: step.flops, bytes: step.bytes, seconds: step.stepSeconds, gpus: step.gpus, precision: step.computePrecision }, hardware);
}

/** Training throughput against the chips' peak, by model FLOPs and by hardware FLOPs. */
export interface TrainingUtilization {
  /** Model FLOPs per second / (chips × peak). */
  mfu: number;
  /** Hardware FLOPs (rematerialised forward passes included) per second / (chips × peak). */
  hfu: number;
}

/**
 * MFU against HFU (Chowdhery et al. 2022, Appendix B): MFU counts only the
 * FLOPs the model needs (6N + attention per token); HFU also counts the
 * forward pass recomputed by activation checkpointing, so HFU ≥ MFU for the
 * same run, and only MFU compares systems fairly.
 */
export function trainingUtilization(run: {
  tokensPerSecond: number;
  modelFlopsPerToken: number;
  hardwareFlopsPerToken: number;
  chips: number;
  peakFlopsPerChip: number;
}): TrainingUtilization {
  const tokens = positive(run.tokensPerSecond, "tokensPerSecond");
  const model = positive(run.modelFlopsPerToken, "modelFlopsPerToken");
  const hardwareFlops = positive(run.hardwareFlopsPerToken, "hardwareFlopsPerToken");
  if (hardwareFlops < model) throw new EnergyInputError("hardwareFlopsPerToken", "must be at least modelFlopsPerToken (recomputation only adds)");
  const capacity = wholeNumber(run.chips, "chips") * positive(run.peakFlopsPerChip, "peakFlopsPerChip");
  return { mfu: (tokens * model) / capacity, hfu: (tokens * hardwareFlops) / capacity };
}
