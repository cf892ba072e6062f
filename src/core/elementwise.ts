import type { Activation, NormSpec } from "./model";

/**
 * Scalar-operation costs of the elementwise work, used only when a FLOP count
 * is asked to include it. Comparisons (max, top-k) are not arithmetic and are
 * not counted. Residual adds, bias adds, rotary embeddings, router softmax and
 * the final logit soft cap are not counted either.
 */

/** Per attention score: scale by 1/√d, subtract the row max, exp, add to the row sum, divide. */
export const SOFTMAX_FLOPS_PER_SCORE = 5n;

/**
 * Per softmax row (one query, one head) with an attention sink (gpt-oss): the
 * sink logit joins the row unscaled, so it pays subtract max, exp, add to the
 * sum and the divide whose result is then dropped: 4. Source: transformers'
 * modeling_gpt_oss.eager_attention_forward concatenates `sinks` to the logits,
 * subtracts the row max, softmaxes and drops the sink column.
 */
export const SINK_FLOPS_PER_ROW = 4n;

/** Per attention score when logits are soft-capped: divide by cap, tanh, multiply by cap. */
export const SOFTCAP_FLOPS_PER_SCORE = 3n;

/**
 * Per hidden unit:
 * silu  x / (1 + exp(−x))                       negate, exp, add, divide       = 4
 * gelu  0.5·x·(1 + erf(x/√2))                    divide, erf, add, mul, mul     = 5
 * gelu_tanh 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³)))  x·x, ·x, ·c, +x, ·k, tanh, +1, ·x, ·0.5 = 9
 * relu  max(0, x)                                one operation                  = 1
 */
export const ACTIVATION_FLOPS: Readonly<Record<Activation, bigint>> = {
  silu: 4n,
  gelu: 5n,
  gelu_tanh: 9n,
  relu: 1n,
};

/** Per hidden unit of a gated MLP: activation(gate) × up. */
export const GATE_PRODUCT_FLOPS = 1n;

/**
 * One norm applied to a vector of n values.
 * RMSNorm: square n, sum n, divide by n 1, add ε 1, sqrt 1, divide n, weight n   → 4n + 3 (3n + 3 without weight)
 * LayerNorm: sum n, mean 1, center n, square n, sum n, variance 1, add ε 1, sqrt 1, divide n,
 *            weight n, bias n                                                   → 7n + 4 (6n + 4 without bias, 5n + 4 without weight)
 */
export function normFlops(norm: Pick<NormSpec, "kind" | "affine" | "bias">, n: bigint): bigint {
  if (norm.kind === "rmsnorm") return (norm.affine ? 4n : 3n) * n + 3n;
  if (!norm.affine) return 5n * n + 4n;
  return (norm.bias ? 7n : 6n) * n + 4n;
}

/**
 * DeepSeek Sparse Attention's lightning indexer, counted as matrix work:
 * per visible key, each of the H_I index heads takes a d_I-long dot product
 * (q_h·k) and one multiply-add to weight it (w_h·ReLU(·)), so
 * 2·H_I·(d_I + 1) FLOPs per key. The ReLU and the top-k selection are
 * comparisons and are not counted; the main attention then reads
 * min(visible keys, top-k) keys. The key's LayerNorm is elementwise (norms).
 * Source: DeepSeek-V3.2-Exp, inference/model.py (Indexer.forward) and the
 * DeepSeek-V3.2-Exp report, Section 2.1.
 */
export const INDEXER_CONVENTION = {
  flopsPerKeyPerHead: (headDim: bigint): bigint => 2n * (headDim + 1n),
  source: "DeepSeek-AI 2025, DeepSeek-V3.2-Exp: Boosting Long-Context Efficiency with DeepSeek Sparse Attention, Section 2.1; inference/model.py, Indexer",
} as const;

/**
 * The gated delta rule per value head and token, over its dk × dv state S
 * (transformers' torch_recurrent_gated_delta_rule): S ← g·S (1 multiply per
 * entry), Sᵀk (1 multiply-add), S ← S + k·δᵀ (1), o = Sᵀq (1): 7 FLOPs per
 * state entry. The recurrent form is the convention for every regime: the
 * chunked form used in prefill and training does the same products in
 * another order. δ = β·(v − Sᵀk), the gates, the L2 norms of q and k, the
 * conv's SiLU and the gated RMSNorm are elementwise and not counted.
 */
export const DELTA_RULE_CONVENTION = {
  flopsPerStateEntry: 7n,
  source: "Yang et al. 2025, Gated Delta Networks: Improving Mamba2 with Delta Rule (ICLR), Eq. 10; transformers modeling_qwen3_next.torch_recurrent_gated_delta_rule",
} as const;

/**
 * One Mamba-2 step per head and token over its P × N state, as transformers'
 * Mamba2Mixer.torch_forward computes it with a cache: dB = dt·B and
 * dBx = dB·x (1 multiply each per entry), state·exp(dt·A) + dBx (a multiply
 * and an add), y = state·C (a multiply-add): 6 FLOPs per state entry, plus
 * y += D·x (2 per channel). The recurrent step is the convention for every
 * regime (the chunked scan of prefill reorders the same products).
 * exp(dt·A), softplus, the conv's SiLU and the gated norm are elementwise
 * and not counted.
 */
export const MAMBA2_CONVENTION = {
  flopsPerHead: (headDim: bigint, stateSize: bigint): bigint => 6n * headDim * stateSize + 2n * headDim,
  source: "Dao & Gu 2024, Transformers are SSMs (Mamba-2), Section 3; transformers modeling_mamba2.Mamba2Mixer.torch_forward (cached step)",
} as const;
