import type { Citation } from "../formula";
import { EnergyInputError, atLeastOne, fraction, positive } from "../energy/inputs";
import { wattHours } from "../energy/power";

/** The training compute of a dense model: 6 FLOPs per parameter per token (2 forward, 4 backward; Kaplan et al. 2020). */
export function trainingFlops(params: bigint, tokens: bigint): bigint {
  if (typeof params !== "bigint" || params <= 0n) throw new EnergyInputError("params", `must be a positive bigint, got ${String(params)}`);
  if (typeof tokens !== "bigint" || tokens <= 0n) throw new EnergyInputError("tokens", `must be a positive bigint, got ${String(tokens)}`);
  return 6n * params * tokens;
}

export interface TrainingEnergy {
  flops: bigint;
  /** flops / (peak × MFU). */
  gpuHours: number;
  /** GPU-hours × watts per GPU × PUE. */
  joules: number;
  wattHours: number;
}

/** Energy of a training run of `flops` at an achieved MFU on GPUs drawing `wattsPerGpu`. */
export function trainingEnergy(run: { flops: bigint; peakFlopsPerGpu: number; mfu: number; wattsPerGpu: number; pue?: number }): TrainingEnergy {
  if (typeof run.flops !== "bigint" || run.flops <= 0n) throw new EnergyInputError("flops", "must be a positive bigint");
  const gpuSeconds = Number(run.flops) / (positive(run.peakFlopsPerGpu, "peakFlopsPerGpu") * fraction(run.mfu, "mfu"));
  const joules = gpuSeconds * positive(run.wattsPerGpu, "wattsPerGpu") * atLeastOne(run.pue ?? 1, "pue");
  return { flops: run.flops, gpuHours: gpuSeconds / 3600, joules, wattHours: wattHours(joules) };
}

/** Energy in GPU-hours at a power, with a PUE: what a reported GPU-hour figure means in joules. */
export function gpuHoursEnergy(gpuHours: number, wattsPerGpu: number, pue = 1): number {
  return positive(gpuHours, "gpuHours") * 3600 * positive(wattsPerGpu, "wattsPerGpu") * atLeastOne(pue, "pue");
}

/** Llama 3.1 405B's pre-training, as Meta reports it. */
export const LLAMA3_405B_TRAINING = {
  params: 405_000_000_000n,
  tokens: 15_600_000_000_000n,
  /** FLOPs Meta states for the run. */
  reportedFlops: 3.8e25,
  /** H100-80GB GPU-hours of the 405B model (model card). */
  gpuHours: 30.84e6,
  /** Per-GPU power Meta uses for its emission estimate (model card: 700 W TDP). */
  wattsPerGpu: 700,
  citation: {
    label: "Llama 3 paper; Llama 3.1 model card",
    reference: "Dubey et al. 2024, The Llama 3 Herd of Models, §3.3 (405B trained on 15.6T tokens with 3.8 × 10^25 FLOPs); Llama 3.1 model card, Training Energy Use (405B: 30.84M H100-80GB GPU hours at 700 W)",
    url: "https://arxiv.org/abs/2407.21783",
  } satisfies Citation,
} as const;
