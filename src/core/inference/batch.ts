import { energyPerToken, type EnergyOptions } from "../energy/energy";
import type { HardwarePreset } from "../energy/hardware";
import { decodeStep, type Bound, type StepOptions } from "../energy/roofline";
import type { ModelSpec } from "../model";
import { stepUtilization } from "./utilization";

/** Largest batch the search looks at: beyond any server's batch. */
export const MAX_SEARCH_BATCH = 1 << 20;

/**
 * The smallest batch B at which decode's matmuls over the weights turn
 * compute-bound: their FLOPs (≈ 2 per active parameter per token, × B) take as
 * long as reading the weights once. For a dense model in bf16 on one GPU this
 * is B ≈ (peak × utilization) / (bandwidth × efficiency) × (2 bytes / 2 FLOPs),
 * Pope et al.'s and kipply's "ratio of FLOPs to bytes". MoE models read more
 * experts as the batch grows, which pushes it up. Attention over the KV cache
 * does a fixed number of FLOPs per byte whatever the batch (H_q/H_kv FLOPs per
 * byte in bf16 for grouped-query attention), so it never turns compute-bound
 * by batching; `stepBound` says what the whole step is at that batch.
 * null when no batch up to MAX_SEARCH_BATCH does it.
 */
export function computeBoundBatch(
  spec: ModelSpec,
  hardware: HardwarePreset,
  options: Omit<StepOptions, "batch">,
): { batch: number; stepBound: Bound } | null {
  const computeBound = (batch: number) => {
    const w = decodeStep(spec, hardware, { ...options, batch }).weights;
    return w.computeSeconds >= w.memorySeconds;
  };
  let high = 1;
  while (!computeBound(high)) {
    if (high >= MAX_SEARCH_BATCH) return null;
    high *= 2;
  }
  let low = high / 2;
  if (high === 1) return { batch: 1, stepBound: decodeStep(spec, hardware, { ...options, batch: 1 }).bound };
  // computeBound(low) is false, computeBound(high) true.
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (computeBound(mid)) high = mid;
    else low = mid;
  }
  return { batch: high, stepBound: decodeStep(spec, hardware, { ...options, batch: high }).bound };
}

/** One batch size of a decode sweep. */
export interface BatchPoint {
  batch: number;
  stepSeconds: number;
  /** Output tokens per second, all sequences together. */
  tokensPerSecond: number;
  /** Output tokens per second one sequence sees. */
  tokensPerSecondPerSequence: number;
  joulesPerToken: number;
  /** Achieved model FLOPs utilization of the step. */
  mfu: number;
  /** Achieved model bandwidth utilization of the step. */
  mbu: number;
  bound: Bound;
  fitsInMemory: boolean;
}

/** Decode at context S for each batch: throughput, latency, energy per token, MFU and MBU. */
export function batchSweep(spec: ModelSpec, hardware: HardwarePreset, options: Omit<EnergyOptions, "batch">, batches: readonly number[]): BatchPoint[] {
  return batches.map((batch) => {
    const report = energyPerToken(spec, hardware, { ...options, batch });
    const step = report.decode.step;
    const u = stepUtilization(step, hardware);
    return {
      batch,
      stepSeconds: step.stepSeconds,
      tokensPerSecond: report.decode.tokensPerSecond,
      tokensPerSecondPerSequence: 1 / step.stepSeconds,
      joulesPerToken: report.decode.joulesPerToken,
      mfu: u.mfu,
      mbu: u.mbu,
      bound: step.bound,
      fitsInMemory: step.fitsInMemory,
    };
  });
}
