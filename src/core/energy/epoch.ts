import type { Citation } from "../formula";
import { type Assumptions, atLeastOne, EnergyInputError, fraction, positive, wholeNumber } from "./inputs";
import { wattHours } from "./power";

/** A query priced as pure compute: its FLOPs at a share of peak, on GPUs drawing a share of their power. */
export interface ComputeBoundQuery {
  /** FLOPs of the whole query. */
  flops: bigint;
  /** Peak FLOP/s of one GPU. */
  peakFlops: number;
  /** Share of peak reached, in (0, 1]. */
  utilization: number;
  /** Power charged per GPU (may include its share of the server), W. */
  gpuPowerWatts: number;
  /** Share of that power drawn on average, in (0, 1]. */
  loadFactor: number;
  /** Data-centre overhead, ≥ 1. */
  pue: number;
}

export interface ComputeBoundEnergy {
  /** GPU-seconds: flops / (peak × utilization). */
  gpuSeconds: number;
  /** gpuSeconds × power × load factor × PUE. */
  joules: number;
  wattHours: number;
  assumptions: Assumptions;
}

/** Energy of a query priced as compute time at some utilization. */
export function computeBoundQueryEnergy(query: ComputeBoundQuery): ComputeBoundEnergy {
  if (typeof query.flops !== "bigint" || query.flops <= 0n) throw new EnergyInputError("flops", `must be a positive bigint, got ${String(query.flops)}`);
  const peak = positive(query.peakFlops, "peakFlops");
  const utilization = fraction(query.utilization, "utilization");
  const power = positive(query.gpuPowerWatts, "gpuPowerWatts");
  const load = fraction(query.loadFactor, "loadFactor");
  const pue = atLeastOne(query.pue, "pue");
  const gpuSeconds = Number(query.flops) / (peak * utilization);
  const joules = gpuSeconds * power * load * pue;
  return {
    gpuSeconds,
    joules,
    wattHours: wattHours(joules),
    assumptions: {
      flops: { value: query.flops.toString(), unit: "FLOP", note: "FLOPs of the query" },
      peakFlops: { value: peak, unit: "FLOP/s", note: "peak of one GPU" },
      utilization: { value: utilization, note: "share of peak reached" },
      gpuPower: { value: power, unit: "W", note: "power charged per GPU" },
      loadFactor: { value: load, note: "share of that power drawn on average" },
      pue: { value: pue, note: "data-centre overhead" },
    },
  };
}

/** What Epoch AI assumes about a ChatGPT (GPT-4o) query. */
export interface EpochQueryAssumptions {
  /** Active parameters. */
  activeParams: bigint;
  /** Output tokens of a typical query. */
  outputTokens: number;
  /** Peak FLOP/s of one GPU. */
  peakFlops: number;
  utilization: number;
  /** Power charged per GPU, including its share of the server, W. */
  gpuPowerWatts: number;
  loadFactor: number;
  pue: number;
}

/** Epoch AI's GPT-4o query estimate and the assumptions it states. */
export const EPOCH_GPT4O_QUERY: EpochQueryAssumptions & { citation: Citation; estimateWattHours: number } = {
  citation: {
    label: "Epoch AI, How much energy does ChatGPT use?",
    reference: "Epoch AI, 'How much energy does ChatGPT use?' (Gradient Updates, February 2025)",
    url: "https://epoch.ai/gradient-updates/how-much-energy-does-chatgpt-use",
  },
  activeParams: 100_000_000_000n,
  outputTokens: 500,
  peakFlops: 989e12,
  utilization: 0.1,
  gpuPowerWatts: 1275,
  loadFactor: 0.7,
  pue: 1.2,
  estimateWattHours: 0.3,
};

/** Epoch AI's estimate from its own assumptions: 2 × active parameters × output tokens of compute. */
export function epochQueryEnergy(inputs: EpochQueryAssumptions = EPOCH_GPT4O_QUERY): ComputeBoundEnergy & { flops: bigint } {
  if (typeof inputs.activeParams !== "bigint" || inputs.activeParams <= 0n) {
    throw new EnergyInputError("activeParams", `must be a positive bigint, got ${String(inputs.activeParams)}`);
  }
  const flops = 2n * inputs.activeParams * BigInt(wholeNumber(inputs.outputTokens, "outputTokens"));
  return {
    flops,
    ...computeBoundQueryEnergy({
      flops,
      peakFlops: inputs.peakFlops,
      utilization: inputs.utilization,
      gpuPowerWatts: inputs.gpuPowerWatts,
      loadFactor: inputs.loadFactor,
      pue: inputs.pue,
    }),
  };
}

