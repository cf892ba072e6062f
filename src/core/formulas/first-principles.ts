import type { Citation, Formula } from "../formula";
import { POST_INPUTS } from "../post";
import type { ModelSpec } from "../model";
import { countParams } from "../params";

/** This project's own derivation: every term counted from the shapes, checked against the instrumented forward pass. */
export const FIRST_PRINCIPLES: Citation = {
  label: "first principles (this project)",
  reference: "how-many-flops: FLOPs counted from the matrix shapes of one decoding step, FLOP = 2 per multiply-add; equal to src/core/flops.ts and to the instrumented reference forward pass in src/reference",
};

export type DenseDecodeVariable = "d" | "L" | "H" | "H_kv" | "d_h" | "d_ff" | "m" | "V" | "S";

/**
 * Cost of generating one token with a KV cache, for a dense transformer
 * without sliding windows: what GPT4o's formula should have said.
 */
export const denseDecode: Formula<DenseDecodeVariable> = {
  id: "dense-decode",
  title: "One generated token with a KV cache, from first principles",
  latex:
    "\\text{FLOPs}_{\\text{token}} = L\\,\\bigl(2dHd_h + 4dH_{kv}d_h + 4Hd_hS + 2Hd_hd + 2m\\,d\\,d_{ff}\\bigr) + 2dV",
  quantity: "FLOPs per generated token at context S (the new token attends to S keys, itself included)",
  variables: [
    { name: "d", latex: "d", meaning: "hidden size (GPT4o's E)", example: BigInt(POST_INPUTS.E) },
    { name: "L", latex: "L", meaning: "layers", example: BigInt(POST_INPUTS.L) },
    { name: "H", latex: "H", meaning: "query heads", example: BigInt(POST_INPUTS.H) },
    { name: "H_kv", latex: "H_{kv}", meaning: "key/value heads (H for multi-head attention)", example: BigInt(POST_INPUTS.H) },
    { name: "d_h", latex: "d_h", meaning: "width of one head (usually d / H)", example: BigInt(POST_INPUTS.E / POST_INPUTS.H) },
    { name: "d_ff", latex: "d_{ff}", meaning: "MLP hidden width (4d in GPT-style models)", example: BigInt(4 * POST_INPUTS.E) },
    { name: "m", latex: "m", meaning: "MLP matrices: 2 (up, down) or 3 when gated (gate, up, down)", example: 2n },
    { name: "V", latex: "V", meaning: "vocabulary size", example: BigInt(POST_INPUTS.V) },
    { name: "S", latex: "S", meaning: "context length", example: BigInt(POST_INPUTS.S) },
  ],
  terms: [
    { id: "qProj", label: "Q projection", latex: "2LdHd_h", claim: "queries for the new token", evaluate: (v) => 2n * v.L * v.d * v.H * v.d_h },
    { id: "kvProj", label: "K and V projections", latex: "4LdH_{kv}d_h", claim: "the new token's key and value, appended to the cache", evaluate: (v) => 4n * v.L * v.d * v.H_kv * v.d_h },
    { id: "attention", label: "attention scores and × values", latex: "4LHd_hS", claim: "one dot product and one weighted sum per head per cached key: linear in S", evaluate: (v) => 4n * v.L * v.H * v.d_h * v.S },
    { id: "outProj", label: "output projection", latex: "2LHd_hd", claim: "heads back to the residual stream", evaluate: (v) => 2n * v.L * v.H * v.d_h * v.d },
    { id: "mlp", label: "MLP", latex: "2mLd\\,d_{ff}", claim: "up (and gate) and down projections", evaluate: (v) => 2n * v.m * v.L * v.d * v.d_ff },
    { id: "logits", label: "logits", latex: "2dV", claim: "one d × V product for the next-token distribution", evaluate: (v) => 2n * v.d * v.V },
  ],
  source: FIRST_PRINCIPLES,
  notes: [
    "FLOP = 2 per multiply-add; the embedding lookup costs nothing; norms, softmax and activations are left out (they add well under 1%).",
    "With H·d_h = d and H_kv = H this is 2·(12Ld² + dV) + 4LdS for a 4d MLP: about 2N + 4·L·S·d, where N counts every weight that multiplies.",
  ],
};

/** The values of `denseDecode`'s variables for a dense standard-attention model at context S. */
export function denseDecodeValues(spec: ModelSpec, context: number): Record<DenseDecodeVariable, bigint> {
  if (spec.attention.kind !== "standard" || spec.moe || spec.attention.slidingWindow || spec.attention.chunked ||
    spec.attention.outputGate || spec.linearAttention || spec.ssm) {
    throw new RangeError(`${spec.name}: the dense formula covers dense models with full attention only (use decodeFlops for the rest)`);
  }
  const a = spec.attention;
  return {
    d: BigInt(spec.hiddenSize), L: BigInt(spec.numLayers), H: BigInt(a.numHeads), H_kv: BigInt(a.numKvHeads),
    d_h: BigInt(a.headDim), d_ff: BigInt(spec.mlp.intermediateSize), m: spec.mlp.gated ? 3n : 2n,
    V: BigInt(spec.vocabSize), S: BigInt(context),
  };
}

export type ParamsPlusAttentionVariable = "N" | "L" | "S" | "d_attn";

/** The compact rule: 2 FLOPs per weight used, plus attention over the cache. Grok's 2·N·S is what it becomes without a cache. */
export const paramsPlusAttention: Formula<ParamsPlusAttentionVariable> = {
  id: "params-plus-attention",
  title: "2N + 4·L·S·d: one token with a KV cache",
  latex: "\\text{FLOPs}_{\\text{token}} \\approx 2N + 4\\,L\\,S\\,d_{\\text{attn}}",
  quantity: "FLOPs per generated token at context S, with a KV cache",
  variables: [
    { name: "N", latex: "N", meaning: "weights that multiply the new token (active parameters, without the embedding lookup)", example: 12n * BigInt(POST_INPUTS.L) * BigInt(POST_INPUTS.E) ** 2n + BigInt(POST_INPUTS.E) * BigInt(POST_INPUTS.V) },
    { name: "L", latex: "L", meaning: "layers", example: BigInt(POST_INPUTS.L) },
    { name: "S", latex: "S", meaning: "context length", example: BigInt(POST_INPUTS.S) },
    { name: "d_attn", latex: "d_{\\text{attn}}", meaning: "attention width: heads × head width", example: BigInt(POST_INPUTS.E) },
  ],
  terms: [
    { id: "weights", label: "every weight once", latex: "2N", claim: "one multiply-add per weight", evaluate: (v) => 2n * v.N },
    { id: "attention", label: "attention over the cache", latex: "4LSd_{\\text{attn}}", claim: "QKᵀ and AV against S cached keys and values, in every layer", evaluate: (v) => 4n * v.L * v.S * v.d_attn },
  ],
  source: { label: "Kaplan et al. 2020, Table 1 (per token, with a cache)", reference: "Kaplan et al. 2020, Scaling Laws for Neural Language Models, Table 1: C_forward = 2N + 2·n_layer·n_ctx·d_attn, whose n_ctx term is the causal average; a token at context S attends to all S keys, hence 4·L·S·d_attn", url: "https://arxiv.org/abs/2001.08361" },
  notes: [
    "Kaplan's N excludes embeddings; here N includes the LM head, which also multiplies (2·d·V).",
    "Examples: the post's model (E = 4096, L = 100, V = 200,000), whose multiplying weights are 12·L·E² + E·V.",
  ],
};

/** N for `paramsPlusAttention`: the active weights that multiply (no embedding lookup, norms or position tables; a tied LM head counts). */
export function multipliedWeights(spec: ModelSpec): bigint {
  const counts = countParams(spec);
  const used = counts.active - counts.embedding - counts.activeBreakdown.norms - counts.activeBreakdown.positions;
  return spec.tiedEmbeddings ? used + BigInt(spec.vocabSize) * BigInt(spec.hiddenSize) : used;
}
