import { denseGqaBaseline } from "./dense-baseline";
import { decodeFlops } from "./flops";
import { formatScientificUnicode, formatSI, groupDigits } from "./format";
import { kvCacheBytes, recurrentStateBytes } from "./memory";
import type { ModelSpec } from "./model";

/**
 * The real models whose cost per token notebook 5 follows from 1k to 1M tokens
 * of context, and the landing page shows at 128k: a dense GQA reference
 * (Llama 3.1 70B), then one model per way of capping attention (window,
 * chunk, top-k, linear attention, state space) and two full-attention MoE
 * models (MLA and GQA).
 */
export const LONG_CONTEXT_PRESET_IDS: readonly string[] = [
  "llama-3.1-70b", "gpt-oss-120b", "gemma-3-27b", "llama-4-scout", "deepseek-v3.2", "qwen3-next-80b-a3b",
  "falcon-h1-tiny-90m", "kimi-k2", "glm-4.5",
];

/** The context of the comparison table: 128k = 131,072 tokens. */
export const LONG_CONTEXT_TABLE_TOKENS = 131_072;

/** One model at one context beside its dense GQA baseline (see DENSE_GQA_BASELINE). */
export interface LongContextComparison {
  model: ModelSpec;
  baseline: ModelSpec;
  context: number;
  /** FLOPs of one generated token with a cache. */
  flops: bigint;
  baselineFlops: bigint;
  /** KV cache plus recurrent state of one sequence, bf16. */
  memoryBytes: bigint;
  baselineMemoryBytes: bigint;
}

export function longContextComparison(spec: ModelSpec, context: number): LongContextComparison {
  const baseline = denseGqaBaseline(spec);
  return {
    model: spec,
    baseline,
    context,
    flops: decodeFlops(spec, context).total,
    baselineFlops: decodeFlops(baseline, context).total,
    memoryBytes: kvCacheBytes(spec, context) + recurrentStateBytes(spec),
    baselineMemoryBytes: kvCacheBytes(baseline, context) + recurrentStateBytes(baseline),
  };
}

/** The comparison as the table rows notebook 5 and the landing page show, formatted once for both. */
export function longContextTableRow(comparison: LongContextComparison): Record<string, string> {
  const { baseline } = comparison;
  const heads = baseline.attention.kind === "standard"
    ? `${baseline.attention.numHeads}/${baseline.attention.numKvHeads} heads of ${baseline.attention.headDim}, `
    : "";
  return {
    model: comparison.model.name,
    "FLOPs per token": formatScientificUnicode(comparison.flops),
    "FLOPs ÷ dense GQA": ratio(comparison.flops, comparison.baselineFlops),
    "KV cache + state": formatSI(comparison.memoryBytes, { unit: "B", binary: true }),
    "cache ÷ dense GQA": ratio(comparison.memoryBytes, comparison.baselineMemoryBytes),
    "dense GQA baseline": `${heads}MLP ${groupDigits(baseline.mlp.intermediateSize)}`,
  };
}

function ratio(a: bigint, b: bigint): string {
  return (Number(a) / Number(b)).toFixed(2);
}
