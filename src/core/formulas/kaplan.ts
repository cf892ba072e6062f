import type { Formula, Term } from "../formula";
import { BROWN_2020, cite, KAPLAN_2020 } from "./sources";

/** Shape inputs of Kaplan et al.'s Table 1, named as in the paper. */
export type KaplanShapeVariable = "d_model" | "n_layer" | "d_attn" | "d_ff";
export type KaplanForwardVariable = KaplanShapeVariable | "n_ctx";
export type KaplanFullVariable = KaplanForwardVariable | "n_vocab";

const TABLE_1 = cite(KAPLAN_2020, "Section 2.1, Table 1");

// GPT-3 175B's shape (Brown et al. 2020, Table 2.1): 96 layers, d_model 12288,
// 96 heads of 128 (so d_attn = d_model), d_ff = 4·d_model, 2048 context, GPT-2's BPE vocabulary.
const D_MODEL = { name: "d_model", latex: "d_{\\text{model}}", meaning: "dimension of the residual stream", example: 12_288n } as const;
const N_LAYER = { name: "n_layer", latex: "n_{\\text{layer}}", meaning: "number of layers", example: 96n } as const;
const D_ATTN = { name: "d_attn", latex: "d_{\\text{attn}}", meaning: "dimension of the attention output", example: 12_288n } as const;
const D_FF = { name: "d_ff", latex: "d_{\\text{ff}}", meaning: "dimension of the intermediate feed-forward layer", example: 49_152n } as const;
const N_CTX = { name: "n_ctx", latex: "n_{\\text{ctx}}", meaning: "context length in tokens", example: 2048n } as const;
const N_VOCAB = { name: "n_vocab", latex: "n_{\\text{vocab}}", meaning: "vocabulary size", example: 50_257n } as const;

/** Table 1's per-token forward FLOPs, one row each. */
const ATTENTION_QKV: Term<KaplanShapeVariable> = {
  id: "attention-qkv",
  label: "Attention: QKV",
  latex: "2\\,n_{\\text{layer}}\\,d_{\\text{model}}\\,3\\,d_{\\text{attn}}",
  claim: "Table 1, “Attention: QKV”: 2·n_layer·d_model·3·d_attn FLOPs per token",
  evaluate: ({ n_layer, d_model, d_attn }) => 2n * n_layer * d_model * 3n * d_attn,
};
const ATTENTION_MASK: Term<KaplanForwardVariable> = {
  id: "attention-mask",
  label: "Attention: Mask",
  latex: "2\\,n_{\\text{layer}}\\,n_{\\text{ctx}}\\,d_{\\text{attn}}",
  claim: "Table 1, “Attention: Mask”: 2·n_layer·n_ctx·d_attn FLOPs per token",
  evaluate: ({ n_layer, n_ctx, d_attn }) => 2n * n_layer * n_ctx * d_attn,
};
const ATTENTION_PROJECT: Term<KaplanShapeVariable> = {
  id: "attention-project",
  label: "Attention: Project",
  latex: "2\\,n_{\\text{layer}}\\,d_{\\text{attn}}\\,d_{\\text{model}}",
  claim: "Table 1, “Attention: Project”: 2·n_layer·d_attn·d_embd FLOPs per token",
  evaluate: ({ n_layer, d_attn, d_model }) => 2n * n_layer * d_attn * d_model,
};
const FEEDFORWARD: Term<KaplanShapeVariable> = {
  id: "feedforward",
  label: "Feedforward",
  latex: "2\\,n_{\\text{layer}}\\,2\\,d_{\\text{model}}\\,d_{\\text{ff}}",
  claim: "Table 1, “Feedforward”: 2·n_layer·2·d_model·d_ff FLOPs per token",
  evaluate: ({ n_layer, d_model, d_ff }) => 2n * n_layer * 2n * d_model * d_ff,
};

/** N = 2·d_model·n_layer·(2·d_attn + d_ff): Table 1's non-embedding parameters, by row. */
export const kaplanParameters: Formula<KaplanShapeVariable> = {
  id: "kaplan-params",
  title: "Kaplan et al.: non-embedding parameters",
  latex: "N = 2\\,d_{\\text{model}}\\,n_{\\text{layer}}\\left(2\\,d_{\\text{attn}} + d_{\\text{ff}}\\right)",
  quantity: "non-embedding parameters",
  variables: [D_MODEL, N_LAYER, D_ATTN, D_FF],
  terms: [
    {
      id: "attention-qkv",
      label: "Attention: QKV",
      latex: "n_{\\text{layer}}\\,d_{\\text{model}}\\,3\\,d_{\\text{attn}}",
      claim: "Table 1, “Attention: QKV” parameters: n_layer·d_model·3·d_attn",
      evaluate: ({ n_layer, d_model, d_attn }) => n_layer * d_model * 3n * d_attn,
    },
    {
      id: "attention-project",
      label: "Attention: Project",
      latex: "n_{\\text{layer}}\\,d_{\\text{attn}}\\,d_{\\text{model}}",
      claim: "Table 1, “Attention: Project” parameters: n_layer·d_attn·d_model",
      evaluate: ({ n_layer, d_attn, d_model }) => n_layer * d_attn * d_model,
    },
    {
      id: "feedforward",
      label: "Feedforward",
      latex: "n_{\\text{layer}}\\,2\\,d_{\\text{model}}\\,d_{\\text{ff}}",
      claim: "Table 1, “Feedforward” parameters: n_layer·2·d_model·d_ff",
      evaluate: ({ n_layer, d_model, d_ff }) => n_layer * 2n * d_model * d_ff,
    },
  ],
  source: TABLE_1,
  notes: [
    "Biases, norms and the embedding rows are left out; the paper says these are negligible for its models.",
    "Examples: GPT-3 175B’s shape (Brown et al. 2020, Table 2.1), for which N = 173,946,175,488.",
  ],
};

/** C_forward = 2N + 2·n_layer·n_ctx·d_attn: Table 1's forward FLOPs per token, by row. */
export const kaplanForward: Formula<KaplanForwardVariable> = {
  id: "kaplan-forward",
  title: "Kaplan et al.: forward FLOPs per token",
  latex: "C_{\\text{forward}} = 2N + 2\\,n_{\\text{layer}}\\,n_{\\text{ctx}}\\,d_{\\text{attn}}",
  quantity: "forward-pass FLOPs per token, embeddings excluded",
  variables: [D_MODEL, N_LAYER, D_ATTN, D_FF, N_CTX],
  terms: [ATTENTION_QKV, ATTENTION_MASK, ATTENTION_PROJECT, FEEDFORWARD],
  source: TABLE_1,
  notes: [
    "2 FLOPs per multiply-add. Nonlinearities, biases, norms and residual adds are not counted.",
    "Table 1 also lists Embed (4·d_model) and De-embed (2·d_model·n_vocab) but leaves them out of C_forward, as N leaves out embedding parameters; kaplan-table1-full adds them back.",
    "The mask term is QKᵀ and attention × values averaged over a causal context: over all n_ctx positions they would cost 4·n_layer·n_ctx·d_attn.",
    "The paper writes the Project row with d_embd, which is d_model.",
  ],
};

/** Every row of Table 1's FLOPs column, embed and de-embed included. */
export const kaplanTable1Full: Formula<KaplanFullVariable> = {
  id: "kaplan-table1-full",
  title: "Kaplan et al.: every row of Table 1",
  latex: "C = 4\\,d_{\\text{model}} + 2N + 2\\,n_{\\text{layer}}\\,n_{\\text{ctx}}\\,d_{\\text{attn}} + 2\\,d_{\\text{model}}\\,n_{\\text{vocab}}",
  quantity: "forward-pass FLOPs per token, embed and de-embed included",
  variables: [D_MODEL, N_LAYER, D_ATTN, D_FF, N_CTX, N_VOCAB],
  terms: [
    {
      id: "embed",
      label: "Embed",
      latex: "4\\,d_{\\text{model}}",
      claim: "Table 1, “Embed”: 4·d_model FLOPs per token",
      evaluate: ({ d_model }) => 4n * d_model,
    },
    ATTENTION_QKV,
    ATTENTION_MASK,
    ATTENTION_PROJECT,
    FEEDFORWARD,
    {
      id: "de-embed",
      label: "De-embed",
      latex: "2\\,d_{\\text{model}}\\,n_{\\text{vocab}}",
      claim: "Table 1, “De-embed”: 2·d_model·n_vocab FLOPs per token",
      evaluate: ({ d_model, n_vocab }) => 2n * d_model * n_vocab,
    },
  ],
  source: TABLE_1,
  notes: [
    "Not a total the paper states: its total is C_forward (kaplan-forward), which leaves out the first and last rows.",
    "De-embed is the logits (LM head) matmul; for GPT-3 175B it adds about 0.35 % to C_forward.",
  ],
};

/** C ≈ 6N per training token: forward 2N plus a backward pass of about twice that. */
export const kaplanTraining: Formula<"N"> = {
  id: "kaplan-training",
  title: "Kaplan et al.: training FLOPs per token",
  latex: "C \\approx 6N",
  quantity: "training FLOPs per token (forward and backward), context-dependent terms dropped",
  variables: [
    { name: "N", latex: "N", meaning: "non-embedding parameters (example: Table 1’s N for GPT-3 175B’s shape)", example: 173_946_175_488n },
  ],
  terms: [
    {
      id: "forward",
      label: "forward pass",
      latex: "2N",
      claim: "the forward pass uses 2N FLOPs per token once the n_ctx term is dropped",
      evaluate: ({ N }) => 2n * N,
    },
    {
      id: "backward",
      label: "backward pass",
      latex: "4N",
      claim: "Accounting for the backwards pass (approximately twice the compute as the forwards pass)",
      evaluate: ({ N }) => 4n * N,
    },
  ],
  source: cite(KAPLAN_2020, "Section 2.1"),
  notes: [
    "The paper drops 2·n_layer·n_ctx·d_attn because it is small when d_model > n_ctx/12.",
  ],
};

/** C ≈ 6·N·D for a whole training run, as GPT-3's Table D.1 computes it. */
export const sixND: Formula<"N" | "D"> = {
  id: "six-nd",
  title: "Training compute C ≈ 6ND",
  latex: "C \\approx 6ND",
  quantity: "training FLOPs for a whole run",
  variables: [
    { name: "N", latex: "N", meaning: "parameters (GPT-3 175B: 174.6 billion)", example: 174_600_000_000n },
    { name: "D", latex: "D", meaning: "training tokens (GPT-3: 300 billion)", example: 300_000_000_000n },
  ],
  terms: [
    {
      id: "forward",
      label: "forward passes",
      latex: "2ND",
      claim: "2 FLOPs per parameter per token in the forward pass",
      evaluate: ({ N, D }) => 2n * N * D,
    },
    {
      id: "backward",
      label: "backward passes",
      latex: "4ND",
      claim: "the backward pass costs about twice the forward pass",
      evaluate: ({ N, D }) => 4n * N * D,
    },
  ],
  source: cite(BROWN_2020, "Appendix D, Table D.1"),
  notes: [
    "Table D.1 gives GPT-3 175B 174.6 billion parameters, 300 billion tokens and 3.14 × 10²³ training FLOPs (3,640 petaflop/s-days); 6 · 174.6 × 10⁹ · 300 × 10⁹ = 3.1428 × 10²³.",
    "Attention is ignored: the table counts 6 FLOPs per parameter per token (Kaplan et al.’s C ≈ 6N per token, times D).",
  ],
};
