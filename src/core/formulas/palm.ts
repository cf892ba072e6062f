import type { Formula } from "../formula";
import { CHOWDHERY_2022, cite } from "./sources";

/** Inputs of PaLM's model-FLOPs count, named as in Appendix B. */
export type PalmVariable = "N" | "L" | "H" | "Q" | "T";

/** PaLM's training FLOPs per token: 6 per parameter plus the self-attention matmuls. */
export const palm: Formula<PalmVariable> = {
  id: "palm",
  title: "PaLM: model FLOPs per training token",
  latex: "6N + 12\\,L\\,H\\,Q\\,T",
  quantity: "training FLOPs per token (forward and backward), rematerialization excluded",
  // Examples: PaLM 540B (Table 1 and Appendix B).
  variables: [
    { name: "N", latex: "N", meaning: "parameters, shared input/output embedding included", example: 540_350_000_000n },
    { name: "L", latex: "L", meaning: "layers", example: 118n },
    { name: "H", latex: "H", meaning: "attention heads", example: 48n },
    { name: "Q", latex: "Q", meaning: "head size", example: 256n },
    { name: "T", latex: "T", meaning: "sequence length", example: 2048n },
  ],
  terms: [
    {
      id: "weights",
      label: "matmuls with the weights",
      latex: "6N",
      claim: "6N matmul FLOPs per token for a dense Transformer, excluding self-attention",
      evaluate: ({ N }) => 6n * N,
    },
    {
      id: "attention",
      label: "self-attention",
      latex: "12\\,L\\,H\\,Q\\,T",
      claim: "6LH(2QT) FLOPs per token for the self-attention matmuls",
      evaluate: ({ L, H, Q, T }) => 12n * L * H * Q * T,
    },
  ],
  source: cite(CHOWDHERY_2022, "Section 4.1 and Appendix B"),
  notes: [
    "Per token per layer per head, QKᵀ and attention × values each take Q·T multiply-adds over the full (non-causal) sequence: 2·2QT forward FLOPs, times 3 for forward and backward = 12QT.",
    "Model FLOPs only: activation rematerialization is not counted, so MFU does not depend on how the run was implemented.",
    "For PaLM 540B the attention term is about 1.1 % of the total.",
  ],
};

/** PaLM 540B's training run as reported (Section 4.1 and Appendix B): throughput, TPU v4 chips and their bf16 peak. */
export const PALM_540B_TRAINING_RUN = {
  tokensPerSecond: 238_300,
  chips: 6144,
  peakFlopsPerChip: 275e12,
  reportedMfu: 0.462,
} as const;

/** Inputs of `modelFlopsUtilization`. */
export interface MfuInputs {
  /** Model FLOPs per training token (e.g. `palm`'s total). */
  flopsPerToken: bigint;
  /** Observed training throughput of the whole system. */
  tokensPerSecond: number;
  chips: number;
  /** Peak FLOP/s of one chip at the precision used. */
  peakFlopsPerChip: number;
}

/**
 * Model FLOPs utilization: the FLOP/s the model needs at the observed
 * throughput, as a fraction of the hardware's peak (a ratio, hence a float).
 */
export function modelFlopsUtilization({ flopsPerToken, tokensPerSecond, chips, peakFlopsPerChip }: MfuInputs): number {
  if (flopsPerToken <= 0n) throw new RangeError(`modelFlopsUtilization: flopsPerToken must be positive, got ${flopsPerToken}`);
  for (const [name, value] of [["tokensPerSecond", tokensPerSecond], ["chips", chips], ["peakFlopsPerChip", peakFlopsPerChip]] as const) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`modelFlopsUtilization: ${name} must be a positive number, got ${value}`);
  }
  return (Number(flopsPerToken) * tokensPerSecond) / (chips * peakFlopsPerChip);
}
