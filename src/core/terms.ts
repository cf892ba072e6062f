/**
 * The named parts of a FLOP count. Matrix terms count 2 FLOPs per
 * multiply-add; elementwise terms (present only when asked for) count scalar
 * operations with the costs in `elementwise.ts`.
 */
export const MATMUL_TERMS = [
  "qProj",
  "qDown",
  "qUp",
  "kProj",
  "vProj",
  "kvDown",
  "kUp",
  "vUp",
  "indexerProj",
  "indexerScores",
  "attnScores",
  "attnValues",
  "linearProj",
  "conv",
  "stateUpdate",
  "outProj",
  "mlp",
  "sharedExperts",
  "experts",
  "router",
  "logits",
] as const;

export const ELEMENTWISE_TERMS = ["softmax", "norms", "activation"] as const;

export type MatmulTerm = (typeof MATMUL_TERMS)[number];
export type ElementwiseTerm = (typeof ELEMENTWISE_TERMS)[number];
export type FlopTerm = MatmulTerm | ElementwiseTerm;

export interface TermInfo {
  label: string;
  /** What is multiplied (or computed), per token. */
  description: string;
}

export const TERM_INFO: Readonly<Record<FlopTerm, TermInfo>> = {
  qProj: { label: "Q projection", description: "hidden state (d) → queries (H·d_head); MLA without a query low-rank: d → H·(d_nope + d_rope)" },
  qDown: { label: "Q down-projection (MLA)", description: "d → q_lora_rank" },
  qUp: { label: "Q up-projection (MLA)", description: "q_lora_rank → H·(d_nope + d_rope)" },
  kProj: { label: "K projection", description: "d → H_kv·d_head" },
  vProj: { label: "V projection", description: "d → H_kv·d_head" },
  kvDown: { label: "KV down-projection (MLA)", description: "d → kv_lora_rank + d_rope (the cached latent and rotary key)" },
  kUp: { label: "K up-projection (MLA)", description: "latent → H·d_nope keys, or the same work absorbed into the query" },
  vUp: { label: "V up-projection (MLA)", description: "latent → H·d_v values, or the same work absorbed into the output" },
  indexerProj: { label: "indexer projections (DSA)", description: "index queries q_lora → H_I·d_I, index key d → d_I, head weights d → H_I" },
  indexerScores: { label: "indexer scores (DSA)", description: "per visible key: H_I dot products of d_I, weighted and summed over the H_I heads" },
  attnScores: { label: "attention scores QKᵀ", description: "one dot product per head per visible key" },
  attnValues: { label: "attention × values", description: "one weighted sum per head over the visible values" },
  linearProj: { label: "linear-attention / SSM input projections", description: "Gated DeltaNet in_proj_qkvz and in_proj_ba (d → 2·Hk·dk + 2·Hv·dv + 2·Hv); Mamba-2 in_proj (d → 2·H·P + 2·G·N + H)" },
  conv: { label: "short convolution", description: "depthwise causal conv1d (Gated DeltaNet's q, k, v or Mamba-2's x, B, C channels): kernel taps per channel" },
  stateUpdate: { label: "recurrent state update", description: "Gated DeltaNet's delta rule (7 per state entry) or Mamba-2's scan step (6 per state entry + D skip) over a fixed-size state" },
  outProj: { label: "output projection", description: "H·d_head → d" },
  mlp: { label: "MLP (dense layers)", description: "up (and gate) d → d_ff, down d_ff → d" },
  sharedExperts: { label: "shared experts", description: "experts every token uses" },
  experts: { label: "routed experts", description: "the top-k experts a token is sent to" },
  router: { label: "router", description: "d → E expert scores (and Qwen2-MoE's shared-expert gate d → 1)" },
  logits: { label: "logits (LM head)", description: "d → V, for every position whose logits are computed" },
  softmax: { label: "softmax (elementwise)", description: "scale, subtract max, exp, sum, divide per score (plus tanh soft cap)" },
  norms: { label: "norms (elementwise)", description: "LayerNorm/RMSNorm arithmetic on every normalized vector" },
  activation: { label: "activation (elementwise)", description: "GELU/SiLU/ReLU per hidden unit, plus the gate product" },
};
