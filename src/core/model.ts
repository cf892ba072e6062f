/**
 * The normalized description of a decoder-only transformer: every size the
 * parameter, FLOP and memory counts need, and nothing about training or
 * tokenizers. All sizes are positive integers (validated by `validateModel`).
 *
 * A description is plain JSON-safe data so that it can be written by hand in a
 * notebook cell, stored in a URL, or produced from a Hugging Face config.json.
 */
export interface ModelSpec {
  /** Display name, e.g. "Llama-2-7B". */
  name: string;
  /** Vocabulary size V (rows of the embedding matrix, columns of the LM head). */
  vocabSize: number;
  /** Residual stream width d (a.k.a. hidden_size, n_embd, d_model, E). */
  hiddenSize: number;
  /** Number of transformer blocks L. */
  numLayers: number;
  /** Attention in every block. */
  attention: AttentionSpec;
  /** Feed-forward block used by dense layers (and by every layer when there is no `moe`). */
  mlp: MlpSpec;
  /** Mixture of experts; absent for dense models. */
  moe?: MoeSpec;
  /** Normalization layers. */
  norm: NormSpec;
  /** How positions enter the model. */
  positions: PositionSpec;
  /** True when the LM head reuses the embedding matrix (no separate V×d weight). */
  tiedEmbeddings: boolean;
  /** True when the LM head has a bias of V. */
  lmHeadBias?: boolean;
  /**
   * True when attention and MLP read the same normalized input and add to the
   * residual together (GPT-J, GPT-NeoX/Pythia, Falcon). Affects only how many
   * norms a block has (see `NormSpec.perLayer`); the FLOP terms are unchanged.
   */
  parallelBlock?: boolean;
  /** Multiplies logits after tanh capping (Gemma 2): adds elementwise work only. */
  finalLogitSoftcap?: number;
  /**
   * Layers whose token mixer is linear attention instead of softmax attention
   * (Qwen3-Next's Gated DeltaNet): they keep a fixed-size recurrent state and
   * no KV cache. The other layers use `attention`.
   */
  linearAttention?: GatedDeltaNetSpec;
  /**
   * A Mamba-2 state-space mixer beside the attention of every layer (Falcon-H1's
   * parallel hybrid): both read the same normalized input and their outputs add.
   */
  ssm?: Mamba2Spec;
  /** A norm of width d right after the token embedding (BLOOM's word_embeddings_layernorm). */
  embeddingNorm?: boolean;
  /**
   * Multi-token-prediction modules shipped beside the main model (MiMo): each
   * is one more decoder layer of the dense kind plus its input projection
   * (2d → d) and three norms. Counted apart (`ParamCount.multiTokenPrediction`),
   * never in `total`, never in decode: a plain decoder does not run them.
   */
  multiTokenPrediction?: { layers: number };
}

export type AttentionSpec = StandardAttentionSpec | MlaAttentionSpec;

/** Multi-head, grouped-query or multi-query attention. */
export interface StandardAttentionSpec {
  kind: "standard";
  /** Query heads H. */
  numHeads: number;
  /** Key/value heads: H for MHA, 1 for MQA, a divisor of H for GQA. */
  numKvHeads: number;
  /** Per-head width; need not equal hiddenSize / numHeads (Gemma: 256). */
  headDim: number;
  /** Biases on the Q, K and V projections. */
  qkvBias: boolean;
  /** Bias on the output projection. */
  outBias: boolean;
  /**
   * Norms applied to queries and keys before the dot product:
   * "head" normalizes each head vector (Qwen3: 2 × headDim weights),
   * "full" normalizes the whole projected vector (OLMo 2: H·headDim + Hkv·headDim weights).
   * These norms are of the model's `norm.kind`, carry a weight when `norm.affine`, and never a bias.
   */
  qkNorm: "none" | "head" | "full";
  /** Local attention in some or all layers. */
  slidingWindow?: SlidingWindowSpec;
  /** tanh soft cap on attention logits (Gemma 2): adds elementwise work only. */
  logitSoftcap?: number;
  /**
   * Chunked local attention (Llama 4's attention_chunk_size): in these layers a
   * query at 0-based position i sees only the keys of its own chunk,
   * ⌊i / size⌋·size … i. A layer may be chunked or windowed, not both.
   */
  chunked?: ChunkedAttentionSpec;
  /**
   * Gated attention (Qwen3-Next): q_proj also produces a per-channel output
   * gate, d → 2·H·headDim, applied as sigmoid(gate) ⊙ attention output.
   */
  outputGate?: boolean;
  /**
   * Attention sinks (gpt-oss): one learned logit per head and layer that joins
   * every softmax row and takes probability mass but has no value. Adds H
   * parameters per layer and elementwise work only (see SINK_FLOPS_PER_ROW).
   */
  sinks?: boolean;
}

/**
 * Gated DeltaNet (transformers' Qwen3NextGatedDeltaNet): in_proj_qkvz
 * d → 2·Hk·dk + 2·Hv·dv, in_proj_ba d → 2·Hv, a depthwise causal conv1d of
 * `convKernel` taps over the q, k, v channels, per value head a dk × dv state
 * updated by the gated delta rule, a gated RMSNorm of dv, out_proj Hv·dv → d.
 */
export interface GatedDeltaNetSpec {
  kind: "gated-deltanet";
  /** Which layers (0-based) use it, as for sliding windows. */
  layers: "all" | "even" | "odd" | number[];
  numKeyHeads: number;
  numValueHeads: number;
  keyHeadDim: number;
  valueHeadDim: number;
  convKernel: number;
}

/**
 * Mamba-2 (transformers' Mamba2Mixer / FalconH1Mixer): in_proj d → 2·H·P +
 * 2·G·N + H (gate z, x, B, C, dt), a depthwise causal conv1d over x, B, C,
 * per head a P × N state, dt_bias, A_log and D per head, a gated RMSNorm of
 * H·P, out_proj H·P → d.
 */
export interface Mamba2Spec {
  kind: "mamba2";
  /** Heads H. */
  numHeads: number;
  /** Channels per head P (H·P = d_inner). */
  headDim: number;
  /** State size N per channel. */
  stateSize: number;
  /** Groups G sharing B and C. */
  numGroups: number;
  convKernel: number;
  convBias: boolean;
  /** Biases on in_proj and out_proj. */
  projBias: boolean;
  /** The gated RMSNorm before out_proj (its H·P weights). */
  gatedNorm: boolean;
}

export interface ChunkedAttentionSpec {
  /** Tokens per chunk. */
  size: number;
  /** Which layers are chunked (0-based), as for sliding windows. */
  layers: "all" | "even" | "odd" | number[];
}

/**
 * DeepSeek's multi-head latent attention. Keys and values are compressed into a
 * shared latent of kvLoraRank plus one rotary key of qkRopeHeadDim per token.
 */
export interface MlaAttentionSpec {
  kind: "mla";
  numHeads: number;
  /** Rank of the query down-projection; null when queries are projected directly (V2-Lite). */
  qLoraRank: number | null;
  kvLoraRank: number;
  qkNopeHeadDim: number;
  qkRopeHeadDim: number;
  vHeadDim: number;
  /**
   * DeepSeek's attention_bias: biases on the query down-projection (when
   * qLoraRank is set), the KV down-projection and the output projection; the
   * up-projections never have one. (DeepSeek's released models: false.)
   */
  bias: boolean;
  slidingWindow?: SlidingWindowSpec;
  /**
   * DeepSeek Sparse Attention (DeepSeek-V3.2): a lightning indexer scores
   * every visible key and the attention reads only the top `topK` of them.
   */
  indexer?: IndexerSpec;
}

/**
 * DeepSeek-V3.2's lightning indexer (inference/model.py, class Indexer):
 * queries wq_b from the query latent (q_lora_rank → numHeads·headDim), one
 * shared key wk (d → headDim) with a LayerNorm (weight and bias), and per-head
 * weights weights_proj (d → numHeads). Index score of a key:
 * Σ_h w_h·ReLU(q_h·k). Its keys are cached beside the latent.
 */
export interface IndexerSpec {
  numHeads: number;
  headDim: number;
  /** Keys the main attention reads per query (index_topk). */
  topK: number;
}

export interface SlidingWindowSpec {
  /** Keys visible to a query, including itself. */
  size: number;
  /**
   * Which layers use the window (0-based): every layer, the even-indexed ones
   * (Gemma 2), the odd ones, or an explicit list.
   */
  layers: "all" | "even" | "odd" | number[];
}

export type Activation = "gelu" | "gelu_tanh" | "silu" | "relu";

export interface MlpSpec {
  /** Gated (SwiGLU/GeGLU: gate, up and down matrices) or plain (up and down). */
  gated: boolean;
  /** Width of the hidden layer. */
  intermediateSize: number;
  activation: Activation;
  /** Biases on the MLP matrices. */
  bias: boolean;
}

export interface MoeSpec {
  /** Routed experts E. */
  numExperts: number;
  /** Experts each token is sent to (top-k). */
  expertsPerToken: number;
  /** Hidden width of one routed expert (same activation and gating as `mlp`). */
  expertIntermediateSize: number;
  /** Experts every token always uses (DeepSeek: 1; Qwen2-MoE: 1 wide one). */
  numSharedExperts: number;
  /** Hidden width of one shared expert. */
  sharedExpertIntermediateSize: number;
  /** A sigmoid gate d→1 scaling the shared expert (Qwen2-MoE). */
  sharedExpertGate: boolean;
  /** A learned per-expert bias on router scores (DeepSeek-V3's e_score_correction_bias). */
  routerBias: boolean;
  /** The first this-many layers use the dense `mlp` instead of experts (DeepSeek: 3). */
  firstDenseLayers: number;
  /** Further 0-based layer indices that use the dense `mlp` (Qwen's mlp_only_layers, sparse steps). */
  denseLayers?: number[];
}

export interface NormSpec {
  kind: "layernorm" | "rmsnorm";
  /** False for non-parametric norms (OLMo 1): no weights at all. */
  affine: boolean;
  /** LayerNorm with a bias (GPT-2, Pythia, Falcon); ignored for RMSNorm. */
  bias: boolean;
  /**
   * Width-d norms in each block: 2 for pre-norm (before attention and before
   * the MLP), 1 for a parallel block sharing one norm (Falcon-7B), 4 for
   * Gemma 2's pre+post norms, 2 for OLMo 2's post-norms.
   */
  perLayer: number;
  /** A final norm before the LM head. */
  final: boolean;
}

export type PositionSpec =
  | { kind: "learned"; maxPositions: number }
  | { kind: "rotary"; fraction: number }
  | { kind: "alibi" }
  | { kind: "none" }
  /**
   * Transformer-XL relative positions (Gopher, Chinchilla): per layer a d×d
   * projection of the relative encodings plus two d-wide bias vectors.
   */
  | { kind: "relative" };

