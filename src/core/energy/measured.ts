import type { Citation } from "../formula";
import { presetById } from "../presets";
import { queryEnergy, type EnergyOptions, type QueryEnergy } from "./energy";
import { hardwareById } from "./hardware";
import type { Assumptions } from "./inputs";

/** One measured energy-per-token figure and the conditions it was measured under. */
export interface MeasuredEnergyPoint {
  /** The model as the source names it. */
  model: string;
  /** The preset that describes it. */
  presetId: string;
  /** The hardware preset it ran on. */
  hardwareId: string;
  gpus: number;
  /** The server's maximum batch (vLLM max_num_seqs); at steady state the batch is full. */
  maxBatch: number;
  /** GPU energy per output token, prefill amortised, J. */
  joulesPerOutputToken: number;
  /** Measured average power of one GPU, W, where published. */
  avgGpuPowerWatts?: number;
  /** Mean answer length, tokens, where published. */
  avgOutputTokens?: number;
  /** Median time between two tokens of one answer, ms, where published. */
  medianInterTokenLatencyMs?: number;
}

export const ML_ENERGY_SOURCE: Citation = {
  label: "ML.ENERGY Leaderboard v3",
  reference: "ML.ENERGY Leaderboard v3 (ml-energy/leaderboard public data, updated 2026-02-16): GPU energy only (Zeus/NVML), steady state at a fixed maximum batch, vLLM, LM-Arena chat prompts",
  url: "https://ml.energy/leaderboard",
};

/** Llama-3.1-8B-Instruct on one H100 at three batch sizes and on one B200 at 2048. */
export const ML_ENERGY_POINTS: readonly MeasuredEnergyPoint[] = [
  { model: "Llama-3.1-8B-Instruct", presetId: "llama-3.1-8b", hardwareId: "h100-sxm", gpus: 1, maxBatch: 8, joulesPerOutputToken: 0.4548, avgGpuPowerWatts: 486, avgOutputTokens: 389, medianInterTokenLatencyMs: 7.32 },
  { model: "Llama-3.1-8B-Instruct", presetId: "llama-3.1-8b", hardwareId: "h100-sxm", gpus: 1, maxBatch: 128, joulesPerOutputToken: 0.0951, avgGpuPowerWatts: 669 },
  { model: "Llama-3.1-8B-Instruct", presetId: "llama-3.1-8b", hardwareId: "h100-sxm", gpus: 1, maxBatch: 512, joulesPerOutputToken: 0.0702, avgGpuPowerWatts: 688 },
  { model: "Llama-3.1-8B-Instruct", presetId: "llama-3.1-8b", hardwareId: "b200", gpus: 1, maxBatch: 2048, joulesPerOutputToken: 0.0467 },
];

/**
 * The workload every ML.ENERGY point is modelled with; the same for every
 * point, so that no point gets a constant of its own.
 */
export interface ServingWorkload {
  /** Mean prompt length, tokens. */
  promptTokens: number;
  /** Mean answer length, tokens. */
  outputTokens: number;
}

/**
 * LM-Arena chat requests. Answer length: the 389 tokens ML.ENERGY reports at
 * batch 8, used at every batch (the same prompts, so the same answers).
 * Prompt length is not published with the figures. ML.ENERGY turns each
 * conversation into one request per turn carrying the turns before it; with
 * LMSYS-Chat-1M's averages (Zheng et al. 2023, Table 1: 69.5 tokens per
 * prompt, 214.5 per answer, 2.0 turns) a two-turn conversation gives requests
 * of 69.5 and 69.5 + 214.5 + 69.5 tokens, 212 on average.
 */
export const ML_ENERGY_WORKLOAD: ServingWorkload = { promptTokens: 212, outputTokens: 389 };

/** A measured point next to what the model predicts for it. */
export interface ModelledPoint {
  point: MeasuredEnergyPoint;
  /** Modelled GPU energy per output token, prefill amortised, J. */
  modelledJoulesPerOutputToken: number;
  /** modelled / measured. */
  ratio: number;
  /** Modelled time between two tokens of one answer (the decode step), ms. */
  modelledInterTokenLatencyMs: number;
  query: QueryEnergy;
  assumptions: Assumptions;
}

/**
 * Models one measured point: the point's preset on its hardware at its batch,
 * with its measured average power (or TDP when none is published), GPU
 * energy only, and the shared workload and efficiencies.
 */
export function modelMeasuredPoint(
  point: MeasuredEnergyPoint,
  workload: ServingWorkload = ML_ENERGY_WORKLOAD,
  options: Omit<EnergyOptions, "context" | "batch" | "gpus" | "measuredWatts"> = {},
): ModelledPoint {
  const spec = presetById(point.presetId).spec;
  const hardware = hardwareById(point.hardwareId);
  const query = queryEnergy(spec, hardware, {
    ...options,
    promptTokens: workload.promptTokens,
    outputTokens: workload.outputTokens,
    batch: point.maxBatch,
    gpus: point.gpus,
    ...(point.avgGpuPowerWatts === undefined ? {} : { measuredWatts: point.avgGpuPowerWatts }),
  });
  const modelled = query.joulesPerOutputToken;
  return {
    point,
    modelledJoulesPerOutputToken: modelled,
    ratio: modelled / point.joulesPerOutputToken,
    modelledInterTokenLatencyMs: (query.decode ?? query.prefill).stepSeconds * 1000,
    query,
    assumptions: {
      ...query.assumptions,
      workload: {
        value: `${workload.promptTokens} prompt + ${workload.outputTokens} output tokens`,
        note: "mean LM-Arena request: answers as ML.ENERGY reports at batch 8; prompts from LMSYS-Chat-1M averages (see ML_ENERGY_WORKLOAD)",
      },
      batch: { value: point.maxBatch, note: "the server's maximum batch, full at steady state" },
      scope: { value: "GPU only", note: "ML.ENERGY measures GPU energy (NVML): host overhead and PUE are 1" },
    },
  };
}
