/**
 * Small ModelSpecs, one per architectural feature the FLOP and parameter
 * formulas must handle, shaped like real families but tiny enough for the
 * reference forward pass to run in milliseconds (d ≤ 32, V ≤ 64, L ≤ 3).
 * Learned-position tables hold 32 positions, enough for every test sequence.
 */
import type { ModelSpec } from "../core/model";

/** GPT-2: MHA, learned positions, LayerNorm with biases, biases everywhere, plain GELU(tanh) MLP, tied head. */
export const gpt2Like: ModelSpec = {
  name: "gpt2-like",
  vocabSize: 64,
  hiddenSize: 16,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 2, numKvHeads: 2, headDim: 8, qkvBias: true, outBias: true, qkNorm: "none" },
  mlp: { gated: false, intermediateSize: 64, activation: "gelu_tanh", bias: true },
  norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
  positions: { kind: "learned", maxPositions: 32 },
  tiedEmbeddings: true,
};

/** Llama: GQA, rotary, RMSNorm, gated SiLU, no biases, untied head. */
export const llamaLike: ModelSpec = {
  name: "llama-like",
  vocabSize: 48,
  hiddenSize: 16,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 2, headDim: 4, qkvBias: false, outBias: false, qkNorm: "none" },
  mlp: { gated: true, intermediateSize: 40, activation: "silu", bias: false },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: false,
};

/** Falcon-7B: MQA, a parallel block sharing one LayerNorm, plain GELU MLP, tied head. */
export const falconLike: ModelSpec = {
  name: "falcon-like",
  vocabSize: 40,
  hiddenSize: 16,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 1, headDim: 4, qkvBias: false, outBias: false, qkNorm: "none" },
  mlp: { gated: false, intermediateSize: 64, activation: "gelu", bias: false },
  norm: { kind: "layernorm", affine: true, bias: true, perLayer: 1, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: true,
  parallelBlock: true,
};

/** Pythia/GPT-NeoX: parallel block with two norms, partial rotary (¼ of each head), biases. */
export const pythiaLike: ModelSpec = {
  name: "pythia-like",
  vocabSize: 50,
  hiddenSize: 16,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 2, numKvHeads: 2, headDim: 8, qkvBias: true, outBias: true, qkNorm: "none" },
  mlp: { gated: false, intermediateSize: 64, activation: "gelu", bias: true },
  norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 0.25 },
  tiedEmbeddings: false,
  parallelBlock: true,
};

/** Phi-2: one shared norm in a parallel block, half rotary, QKV bias, an LM head bias. */
export const phiLike: ModelSpec = {
  name: "phi-like",
  vocabSize: 52,
  hiddenSize: 16,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 4, headDim: 4, qkvBias: true, outBias: true, qkNorm: "none" },
  mlp: { gated: false, intermediateSize: 32, activation: "gelu_tanh", bias: true },
  norm: { kind: "layernorm", affine: true, bias: true, perLayer: 1, final: true },
  positions: { kind: "rotary", fraction: 0.5 },
  tiedEmbeddings: false,
  lmHeadBias: true,
  parallelBlock: true,
};

/** Qwen3: GQA with per-head q/k RMSNorms, headDim·H ≠ d. */
export const qwen3Like: ModelSpec = {
  name: "qwen3-like",
  vocabSize: 56,
  hiddenSize: 16,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 2, headDim: 8, qkvBias: false, outBias: false, qkNorm: "head" },
  mlp: { gated: true, intermediateSize: 24, activation: "silu", bias: false },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: true,
};

/** OLMo 2: q/k norms over the whole projected vectors, two (post-)norms per block. */
export const olmo2Like: ModelSpec = {
  name: "olmo2-like",
  vocabSize: 60,
  hiddenSize: 16,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 2, headDim: 4, qkvBias: false, outBias: false, qkNorm: "full" },
  mlp: { gated: true, intermediateSize: 24, activation: "silu", bias: false },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: false,
};

/** Gemma 2: sliding window on even layers, attention and final soft caps, GeGLU(tanh), 4 norms per block. */
export const gemma2Like: ModelSpec = {
  name: "gemma2-like",
  vocabSize: 64,
  hiddenSize: 16,
  numLayers: 3,
  attention: {
    kind: "standard",
    numHeads: 2,
    numKvHeads: 1,
    headDim: 8,
    qkvBias: false,
    outBias: false,
    qkNorm: "none",
    slidingWindow: { size: 3, layers: "even" },
    logitSoftcap: 50,
  },
  mlp: { gated: true, intermediateSize: 32, activation: "gelu_tanh", bias: false },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 4, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: true,
  finalLogitSoftcap: 30,
};

/** Mistral 7B v0.1: a sliding window on every layer. */
export const mistralLike: ModelSpec = {
  ...llamaLike,
  name: "mistral-like",
  attention: { ...(llamaLike.attention as Extract<ModelSpec["attention"], { kind: "standard" }>), slidingWindow: { size: 4, layers: "all" } },
};

/** Qwen2-MoE: QKV bias, routed experts plus one wide shared expert behind a sigmoid gate, a dense layer. */
export const qwen2MoeLike: ModelSpec = {
  name: "qwen2-moe-like",
  vocabSize: 48,
  hiddenSize: 16,
  numLayers: 3,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 4, headDim: 4, qkvBias: true, outBias: false, qkNorm: "none" },
  mlp: { gated: true, intermediateSize: 32, activation: "silu", bias: false },
  moe: {
    numExperts: 6,
    expertsPerToken: 2,
    expertIntermediateSize: 8,
    numSharedExperts: 1,
    sharedExpertIntermediateSize: 24,
    sharedExpertGate: true,
    routerBias: false,
    firstDenseLayers: 0,
    denseLayers: [1],
  },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: false,
};

/** DeepSeek-V3: MLA with a query low-rank, first dense layer, router bias, one shared expert. */
export const deepseekV3Like: ModelSpec = {
  name: "deepseek-v3-like",
  vocabSize: 64,
  hiddenSize: 24,
  numLayers: 3,
  attention: {
    kind: "mla",
    numHeads: 3,
    qLoraRank: 12,
    kvLoraRank: 8,
    qkNopeHeadDim: 6,
    qkRopeHeadDim: 4,
    vHeadDim: 5,
    bias: false,
  },
  mlp: { gated: true, intermediateSize: 40, activation: "silu", bias: false },
  moe: {
    numExperts: 8,
    expertsPerToken: 3,
    expertIntermediateSize: 6,
    numSharedExperts: 1,
    sharedExpertIntermediateSize: 6,
    sharedExpertGate: false,
    routerBias: true,
    firstDenseLayers: 1,
  },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: false,
};

/** DeepSeek-V2-Lite: MLA with queries projected directly (no qLoraRank), two shared experts. */
export const deepseekV2LiteLike: ModelSpec = {
  name: "deepseek-v2-lite-like",
  vocabSize: 40,
  hiddenSize: 16,
  numLayers: 2,
  attention: {
    kind: "mla",
    numHeads: 2,
    qLoraRank: null,
    kvLoraRank: 6,
    qkNopeHeadDim: 4,
    qkRopeHeadDim: 2,
    vHeadDim: 4,
    bias: false,
  },
  mlp: { gated: true, intermediateSize: 32, activation: "silu", bias: false },
  moe: {
    numExperts: 4,
    expertsPerToken: 2,
    expertIntermediateSize: 8,
    numSharedExperts: 2,
    sharedExpertIntermediateSize: 8,
    sharedExpertGate: false,
    routerBias: false,
    firstDenseLayers: 1,
  },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: false,
};

/** MLA with projection biases, to exercise the bias handling of the absorbed path (no real model has them). */
export const mlaWithBiases: ModelSpec = {
  ...withoutMoe(deepseekV2LiteLike),
  name: "mla-with-biases",
  attention: { ...(deepseekV2LiteLike.attention as Extract<ModelSpec["attention"], { kind: "mla" }>), bias: true, qLoraRank: 6 },
};

/** OLMo 1: non-parametric LayerNorm (no weights at all), gated SiLU, tied head. */
export const olmo1Like: ModelSpec = {
  name: "olmo1-like",
  vocabSize: 44,
  hiddenSize: 16,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 2, numKvHeads: 2, headDim: 8, qkvBias: false, outBias: false, qkNorm: "none" },
  mlp: { gated: true, intermediateSize: 24, activation: "silu", bias: false },
  norm: { kind: "layernorm", affine: false, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: true,
};

/** Gopher/Chinchilla: Transformer-XL relative positions, RMSNorm, plain GELU MLP. */
export const gopherLike: ModelSpec = {
  name: "gopher-like",
  vocabSize: 36,
  hiddenSize: 16,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 4, headDim: 4, qkvBias: false, outBias: false, qkNorm: "none" },
  mlp: { gated: false, intermediateSize: 64, activation: "gelu", bias: false },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "relative" },
  tiedEmbeddings: false,
};

/** BLOOM/MPT: ALiBi, ReLU MLP, no final norm, LayerNorm without bias. */
export const alibiLike: ModelSpec = {
  name: "alibi-like",
  vocabSize: 32,
  hiddenSize: 16,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 4, headDim: 4, qkvBias: false, outBias: false, qkNorm: "none" },
  mlp: { gated: false, intermediateSize: 32, activation: "relu", bias: false },
  norm: { kind: "layernorm", affine: true, bias: false, perLayer: 2, final: false },
  positions: { kind: "alibi" },
  tiedEmbeddings: true,
};

/**
 * gpt-oss: attention sinks, sliding window (here 3) on even layers and full
 * attention on odd ones (layer_types), biases on q, k, v, o, the router and
 * the experts, every layer MoE, untied head.
 */
export const gptOssLike: ModelSpec = {
  name: "gpt-oss-like",
  vocabSize: 40,
  hiddenSize: 16,
  numLayers: 3,
  attention: {
    kind: "standard", numHeads: 4, numKvHeads: 2, headDim: 4, qkvBias: true, outBias: true, qkNorm: "none",
    slidingWindow: { size: 3, layers: "even" }, sinks: true,
  },
  mlp: { gated: true, intermediateSize: 8, activation: "silu", bias: true },
  moe: {
    numExperts: 4, expertsPerToken: 2, expertIntermediateSize: 8, numSharedExperts: 0, sharedExpertIntermediateSize: 0,
    sharedExpertGate: false, routerBias: true, firstDenseLayers: 0,
  },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: false,
};

/**
 * Llama 4 (Maverick-like): chunked attention (chunks of 4) on the RoPE
 * layers, full attention on every 4th (NoPE) layer, MoE with a shared expert
 * on every 2nd layer (interleave_moe_layer_step 2), a wider dense MLP elsewhere.
 */
export const llama4Like: ModelSpec = {
  name: "llama4-like",
  vocabSize: 40,
  hiddenSize: 16,
  numLayers: 4,
  attention: {
    kind: "standard", numHeads: 4, numKvHeads: 2, headDim: 4, qkvBias: false, outBias: false, qkNorm: "none",
    chunked: { size: 4, layers: [0, 1, 2] },
  },
  mlp: { gated: true, intermediateSize: 24, activation: "silu", bias: false },
  moe: {
    numExperts: 4, expertsPerToken: 1, expertIntermediateSize: 8, numSharedExperts: 1, sharedExpertIntermediateSize: 8,
    sharedExpertGate: false, routerBias: false, firstDenseLayers: 0, denseLayers: [0, 2],
  },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: false,
};

/** Gemma 3: per-head qk norms, pre+post norms, sliding window (here 3) on all but every 3rd layer, GeGLU, tied head. */
export const gemma3Like: ModelSpec = {
  name: "gemma3-like",
  vocabSize: 40,
  hiddenSize: 16,
  numLayers: 3,
  attention: {
    kind: "standard", numHeads: 4, numKvHeads: 2, headDim: 8, qkvBias: false, outBias: false, qkNorm: "head",
    slidingWindow: { size: 3, layers: [0, 1] },
  },
  mlp: { gated: true, intermediateSize: 24, activation: "gelu_tanh", bias: false },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 4, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: true,
};

/** BLOOM: ALiBi, a LayerNorm right after the embedding, biases everywhere, plain GELU MLP, tied head. */
export const bloomLike: ModelSpec = {
  name: "bloom-like",
  vocabSize: 36,
  hiddenSize: 16,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 4, headDim: 4, qkvBias: true, outBias: true, qkNorm: "none" },
  mlp: { gated: false, intermediateSize: 64, activation: "gelu_tanh", bias: true },
  norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
  positions: { kind: "alibi" },
  tiedEmbeddings: true,
  embeddingNorm: true,
};

/** GLM-4.5: partial rotary (½), q/k/v biases, a leading dense layer, routed + shared experts with a score-correction bias. */
export const glm4MoeLike: ModelSpec = {
  name: "glm4-moe-like",
  vocabSize: 40,
  hiddenSize: 16,
  numLayers: 3,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 2, headDim: 8, qkvBias: true, outBias: false, qkNorm: "none" },
  mlp: { gated: true, intermediateSize: 24, activation: "silu", bias: false },
  moe: {
    numExperts: 6, expertsPerToken: 2, expertIntermediateSize: 6, numSharedExperts: 1, sharedExpertIntermediateSize: 6,
    sharedExpertGate: false, routerBias: true, firstDenseLayers: 1,
  },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 0.5 },
  tiedEmbeddings: false,
};

/** DeepSeek-V3.2: V3's MLA and MoE with DeepSeek Sparse Attention (a lightning indexer keeping the top 4 keys). */
export const deepseekV32Like: ModelSpec = {
  ...deepseekV3Like,
  name: "deepseek-v32-like",
  attention: { ...(deepseekV3Like.attention as Extract<ModelSpec["attention"], { kind: "mla" }>), indexer: { numHeads: 2, headDim: 4, topK: 4 } },
};

/**
 * Qwen3-Next: three Gated DeltaNet layers to one gated full-attention layer
 * (per-head qk norms, partial rotary), MoE with a gated shared expert.
 */
export const qwen3NextLike: ModelSpec = {
  name: "qwen3-next-like",
  vocabSize: 40,
  hiddenSize: 16,
  numLayers: 4,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 2, headDim: 8, qkvBias: false, outBias: false, qkNorm: "head", outputGate: true },
  linearAttention: { kind: "gated-deltanet", layers: [0, 1, 2], numKeyHeads: 2, numValueHeads: 4, keyHeadDim: 4, valueHeadDim: 3, convKernel: 4 },
  mlp: { gated: true, intermediateSize: 24, activation: "silu", bias: false },
  moe: {
    numExperts: 6, expertsPerToken: 2, expertIntermediateSize: 6, numSharedExperts: 1, sharedExpertIntermediateSize: 6,
    sharedExpertGate: true, routerBias: false, firstDenseLayers: 0,
  },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 0.25 },
  tiedEmbeddings: false,
};

/** Falcon-H1: a Mamba-2 mixer in parallel with GQA attention in every layer, a gated SiLU MLP. */
export const falconH1Like: ModelSpec = {
  name: "falcon-h1-like",
  vocabSize: 40,
  hiddenSize: 16,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 2, headDim: 4, qkvBias: false, outBias: false, qkNorm: "none" },
  ssm: { kind: "mamba2", numHeads: 4, headDim: 3, stateSize: 5, numGroups: 2, convKernel: 4, convBias: true, projBias: false, gatedNorm: true },
  mlp: { gated: true, intermediateSize: 24, activation: "silu", bias: false },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: false,
};

/** A copy of the spec with no `moe` key at all (kept JSON-clean rather than `moe: undefined`). */
function withoutMoe(spec: ModelSpec): ModelSpec {
  const { moe: _moe, ...dense } = spec;
  return dense;
}

export const REFERENCE_SPECS: Record<string, ModelSpec> = {
  gpt2Like,
  llamaLike,
  falconLike,
  pythiaLike,
  phiLike,
  qwen3Like,
  olmo2Like,
  gemma2Like,
  mistralLike,
  qwen2MoeLike,
  deepseekV3Like,
  deepseekV2LiteLike,
  mlaWithBiases,
  olmo1Like,
  gopherLike,
  alibiLike,
  gptOssLike,
  llama4Like,
  gemma3Like,
  bloomLike,
  glm4MoeLike,
  deepseekV32Like,
  qwen3NextLike,
  falconH1Like,
};
