import type { Formula, Term } from "../formula";
import type { ModelSpec } from "../model";
import { cite, HOFFMANN_2022 } from "./sources";

/** Inputs of Appendix F, named after the paper's seq_len, d_model, key_size, num_heads, ffw_size, vocab_size, num_layers. */
export type ChinchillaVariable = "S" | "d" | "k" | "H" | "d_ff" | "V" | "L";
/** Table A4's accounting needs no vocabulary: it leaves embeddings and logits out. */
export type ChinchillaLayerVariable = Exclude<ChinchillaVariable, "V">;

/** One row of Table A4, with the fixture's field names. */
export interface ChinchillaTableA4Row {
  /** The model's size as the table labels it, e.g. "73M". */
  params: string;
  L: number;
  d_model: number;
  d_ff: number;
  heads: number;
  key_size: number;
  /** Appendix F FLOPs divided by 6ND, as printed (2 decimals). */
  ratio_to_6ND: number;
}

/** Table A4 as printed. Sequence length 2048 and vocabulary 32,000 for every row. */
export const CHINCHILLA_TABLE_A4: readonly ChinchillaTableA4Row[] = [
  { params: "73M", L: 10, d_model: 640, d_ff: 2560, heads: 10, key_size: 64, ratio_to_6ND: 1.03 },
  { params: "305M", L: 20, d_model: 1024, d_ff: 4096, heads: 16, key_size: 64, ratio_to_6ND: 1.1 },
  { params: "552M", L: 24, d_model: 1280, d_ff: 5120, heads: 10, key_size: 128, ratio_to_6ND: 1.08 },
  { params: "1.1B", L: 26, d_model: 1792, d_ff: 7168, heads: 14, key_size: 128, ratio_to_6ND: 1.04 },
  { params: "1.6B", L: 28, d_model: 2048, d_ff: 8192, heads: 16, key_size: 128, ratio_to_6ND: 1.03 },
  { params: "6.8B", L: 40, d_model: 3584, d_ff: 14336, heads: 28, key_size: 128, ratio_to_6ND: 0.99 },
];

export const CHINCHILLA_SEQUENCE_LENGTH = 2048n;
export const CHINCHILLA_VOCAB_SIZE = 32_000n;

const APPENDIX_F = cite(HOFFMANN_2022, "Appendix F");

// Examples: the 73M row of Table A4.
const VARIABLES = [
  { name: "S", latex: "S", meaning: "sequence length (seq_len)", example: 2048n },
  { name: "d", latex: "d", meaning: "residual stream width (d_model)", example: 640n },
  { name: "k", latex: "k", meaning: "key size per head (key_size)", example: 64n },
  { name: "H", latex: "H", meaning: "attention heads (num_heads)", example: 10n },
  { name: "d_ff", latex: "d_{\\text{ff}}", meaning: "feed-forward width (ffw_size)", example: 2560n },
  { name: "V", latex: "V", meaning: "vocabulary size (vocab_size)", example: 32_000n },
  { name: "L", latex: "L", meaning: "layers (num_layers)", example: 10n },
] as const;
const LAYER_VARIABLES = VARIABLES.filter((variable) => variable.name !== "V") as ReadonlyArray<
  (typeof VARIABLES)[number] & { name: ChinchillaLayerVariable }
>;

// Appendix F's per-layer terms, each already multiplied by L.
const QKV: Term<ChinchillaLayerVariable> = {
  id: "qkv",
  label: "key, query and value projections",
  latex: "L \\cdot 2 \\cdot 3\\,S\\,d\\,(kH)",
  claim: "Key, query and value projections: 2 × 3 × seq_len × d_model × (key_size × num_heads)",
  evaluate: ({ L, S, d, k, H }) => L * 2n * 3n * S * d * (k * H),
};
const QK_LOGITS: Term<ChinchillaLayerVariable> = {
  id: "qk-logits",
  label: "key @ query logits",
  latex: "L \\cdot 2\\,S^{2}\\,(kH)",
  claim: "Key @ Query logits: 2 × seq_len × seq_len × (key_size × num_heads)",
  evaluate: ({ L, S, k, H }) => L * 2n * S * S * (k * H),
};
const SOFTMAX: Term<ChinchillaLayerVariable> = {
  id: "softmax",
  label: "softmax",
  latex: "L \\cdot 3\\,H\\,S^{2}",
  claim: "Softmax: 3 × num_heads × seq_len × seq_len",
  evaluate: ({ L, H, S }) => L * 3n * H * S * S,
};
const SOFTMAX_VALUES: Term<ChinchillaLayerVariable> = {
  id: "softmax-values",
  label: "softmax @ values",
  latex: "L \\cdot 2\\,S^{2}\\,(kH)",
  claim: "Softmax @ query reductions: 2 × seq_len × seq_len × (key_size × num_heads)",
  evaluate: ({ L, S, k, H }) => L * 2n * S * S * (k * H),
};
const OUTPUT_LINEAR: Term<ChinchillaLayerVariable> = {
  id: "output-linear",
  label: "final linear (attention output)",
  latex: "L \\cdot 2\\,S\\,(kH)\\,d",
  claim: "Final Linear: 2 × seq_len × (key_size × num_heads) × d_model",
  evaluate: ({ L, S, k, H, d }) => L * 2n * S * (k * H) * d,
};
const DENSE: Term<ChinchillaLayerVariable> = {
  id: "dense",
  label: "dense block",
  latex: "L \\cdot 2\\,S\\,(2\\,d\\,d_{\\text{ff}})",
  claim: "Dense Block: 2 × seq_len × (d_model × ffw_size + d_model × ffw_size)",
  evaluate: ({ L, S, d, d_ff }) => L * 2n * S * (2n * d * d_ff),
};
const LAYER_TERMS = [QKV, QK_LOGITS, SOFTMAX, SOFTMAX_VALUES, OUTPUT_LINEAR, DENSE] as const;

/**
 * Appendix F's forward pass over one sequence of S tokens:
 * embeddings + L·(attention + dense block) + logits, as the paper writes it.
 */
export const chinchillaForward: Formula<ChinchillaVariable> = {
  id: "chinchilla-forward",
  title: "Chinchilla (Hoffmann et al.): forward FLOPs per sequence",
  latex:
    "F_{\\text{forward}} = 2\\,S\\,V\\,d + L\\left(2 \\cdot 3\\,S\\,d\\,(kH) + 2\\,S^{2}(kH) + 3\\,H\\,S^{2} + 2\\,S^{2}(kH) + 2\\,S\\,(kH)\\,d + 2\\,S\\,(2\\,d\\,d_{\\text{ff}})\\right) + 2\\,S\\,d\\,V",
  quantity: "forward-pass FLOPs per sequence of S tokens",
  variables: VARIABLES,
  terms: [
    {
      id: "embeddings",
      label: "embeddings",
      latex: "2\\,S\\,V\\,d",
      claim: "Embeddings: 2 × seq_len × vocab_size × d_model",
      evaluate: ({ S, V, d }) => 2n * S * V * d,
    },
    QKV,
    QK_LOGITS,
    SOFTMAX,
    SOFTMAX_VALUES,
    OUTPUT_LINEAR,
    DENSE,
    {
      id: "logits",
      label: "final logits",
      latex: "2\\,S\\,d\\,V",
      claim: "Final Logits: 2 × seq_len × d_model × vocab_size",
      evaluate: ({ S, d, V }) => 2n * S * d * V,
    },
  ],
  source: APPENDIX_F,
  notes: [
    "2 FLOPs per multiply-accumulate. Per sequence of S tokens: divide by S for a per-token figure.",
    "The embedding lookup is counted as if it were a one-hot matmul (2·S·V·d); a lookup does no arithmetic in practice.",
    "Softmax is counted as 3 FLOPs per score per head; the attention terms use the full S × S score matrix, although a causal mask needs only about half.",
    "The paper labels the attention-weighted sum of values “Softmax @ query reductions”.",
    "Examples: the 73M model of Table A4 (sequence 2048, vocabulary 32,000).",
  ],
};

/** Sum of the forward terms, for the training formulas below. */
function forwardFlops(values: Readonly<Record<ChinchillaVariable, bigint>>): bigint {
  return chinchillaForward.terms.reduce((sum, term) => sum + term.evaluate(values), 0n);
}

function layerForwardFlops(values: Readonly<Record<ChinchillaLayerVariable, bigint>>): bigint {
  return LAYER_TERMS.reduce((sum, term) => sum + term.evaluate(values), 0n);
}

/** Appendix F's training cost: the forward pass plus a backward pass of twice its FLOPs. */
export const chinchillaTraining: Formula<ChinchillaVariable> = {
  id: "chinchilla-training",
  title: "Chinchilla (Hoffmann et al.): training FLOPs per sequence",
  latex: "F_{\\text{train}} = F_{\\text{forward}} + 2\\,F_{\\text{forward}} = 3\\,F_{\\text{forward}}",
  quantity: "training FLOPs (forward and backward) per sequence of S tokens",
  variables: VARIABLES,
  terms: [
    {
      id: "forward",
      label: "forward pass",
      latex: "F_{\\text{forward}}",
      claim: "Total forward pass FLOPs: embeddings + num_layers × (total_attention + dense_block) + logits",
      evaluate: forwardFlops,
    },
    {
      id: "backward",
      label: "backward pass",
      latex: "2\\,F_{\\text{forward}}",
      claim: "As in Kaplan et al. (2020) we assume that the backward pass has twice the FLOPs of the forward pass",
      evaluate: (values) => 2n * forwardFlops(values),
    },
  ],
  source: APPENDIX_F,
  notes: ["Examples: the 73M model of Table A4 (sequence 2048, vocabulary 32,000)."],
};

/** The accounting that reproduces Table A4: training FLOPs of the layers only, embeddings and logits left out. */
export const chinchillaTableA4: Formula<ChinchillaLayerVariable> = {
  id: "chinchilla-table-a4",
  title: "Chinchilla Table A4: training FLOPs per sequence, layers only",
  latex: "F = 3\\,L\\left(2 \\cdot 3\\,S\\,d\\,(kH) + 2\\,S^{2}(kH) + 3\\,H\\,S^{2} + 2\\,S^{2}(kH) + 2\\,S\\,(kH)\\,d + 2\\,S\\,(2\\,d\\,d_{\\text{ff}})\\right)",
  quantity: "training FLOPs (forward and backward) per sequence of S tokens, embeddings and logits excluded",
  variables: LAYER_VARIABLES,
  terms: [
    {
      id: "forward",
      label: "forward pass of the layers",
      latex: "L\\,(\\text{attention} + \\text{dense block})",
      claim: "num_layers × (total_attention + dense_block), without the embeddings and logits of Appendix F’s total",
      evaluate: layerForwardFlops,
    },
    {
      id: "backward",
      label: "backward pass of the layers",
      latex: "2\\,L\\,(\\text{attention} + \\text{dense block})",
      claim: "the backward pass has twice the FLOPs of the forward pass",
      evaluate: (values) => 2n * layerForwardFlops(values),
    },
  ],
  source: cite(HOFFMANN_2022, "Appendix F, Table A4"),
  notes: [
    "Table A4 compares this with 6·N·D for one sequence (D = S = 2048 tokens). Its ratios reproduce only when embeddings and logits are left out (nanoGPT’s scaling_laws notebook, per correspondence with the authors), although Appendix F’s total includes them.",
    "N is the full parameter count: tied embedding, Transformer-XL relative-position weights, biases and LayerNorms (73,825,280 for the 73M model); see chinchillaModelSpec.",
  ],
};

/** Appendix F's inputs for a row of Table A4. */
export function chinchillaValues(
  row: ChinchillaTableA4Row,
  sequenceLength: bigint = CHINCHILLA_SEQUENCE_LENGTH,
): Record<ChinchillaVariable, bigint> {
  return {
    S: sequenceLength,
    d: BigInt(row.d_model),
    k: BigInt(row.key_size),
    H: BigInt(row.heads),
    d_ff: BigInt(row.d_ff),
    V: CHINCHILLA_VOCAB_SIZE,
    L: BigInt(row.L),
  };
}

/**
 * A row of Table A4 as a model description, so the project's parameter count
 * gives Table A4's N: Gopher/Chinchilla-style blocks with biases everywhere,
 * LayerNorm with bias, Transformer-XL relative positions, tied embeddings.
 */
export function chinchillaModelSpec(row: ChinchillaTableA4Row): ModelSpec {
  return {
    name: `Chinchilla Table A4 ${row.params}`,
    vocabSize: Number(CHINCHILLA_VOCAB_SIZE),
    hiddenSize: row.d_model,
    numLayers: row.L,
    attention: {
      kind: "standard",
      numHeads: row.heads,
      numKvHeads: row.heads,
      headDim: row.key_size,
      qkvBias: true,
      outBias: true,
      qkNorm: "none",
    },
    mlp: { gated: false, intermediateSize: row.d_ff, activation: "gelu", bias: true },
    norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
    positions: { kind: "relative" },
    tiedEmbeddings: true,
  };
}

/** FLOPs as a multiple of 6·N·D, the comparison Table A4 prints. */
export function ratioTo6ND(flops: bigint, params: bigint, tokens: bigint): number {
  if (params <= 0n || tokens <= 0n) throw new RangeError("ratioTo6ND: params and tokens must be positive");
  return Number(flops) / Number(6n * params * tokens);
}
