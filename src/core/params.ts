import { layerGroups, layerKind } from "./layers";
import type { MlpSpec, ModelSpec, MoeSpec, NormSpec } from "./model";

/** Parameters by component. Norm weights of every kind (block, final, qk, MLA latent) are under `norms`. */
export interface ParamBreakdown {
  embedding: bigint;
  positions: bigint;
  attention: bigint;
  mlp: bigint;
  sharedExperts: bigint;
  experts: bigint;
  router: bigint;
  norms: bigint;
  lmHead: bigint;
}

/** What each component of a {@link ParamBreakdown} is called in tables, in the order they are listed. */
export const PARAM_LABELS: Readonly<Record<keyof ParamBreakdown, string>> = {
  embedding: "token embedding",
  positions: "position embeddings",
  attention: "attention",
  mlp: "MLP (dense layers)",
  sharedExperts: "shared experts",
  experts: "routed experts",
  router: "router",
  norms: "norms",
  lmHead: "LM head",
};

export interface ParamCount {
  /** Every weight, counted once (a tied LM head adds nothing). */
  total: bigint;
  /** Weights one token uses: all but the routed experts it is not sent to. The embedding counts whole, as model cards count it. */
  active: bigint;
  /** Embedding matrix V·d. */
  embedding: bigint;
  /** Total minus token embedding, LM head and learned position table (the N of Kaplan et al. and of model cards' "non-embedding"). */
  nonEmbedding: bigint;
  /** Multi-token-prediction modules (MiMo, DeepSeek-V3, GLM-4.5), counted apart: not in total or active, never run in decode. 0 when there are none. */
  multiTokenPrediction: bigint;
  breakdown: ParamBreakdown;
  activeBreakdown: ParamBreakdown;
}

/** Exact parameter counts of a validated model description. */
export function countParams(spec: ModelSpec): ParamCount {
  const d = BigInt(spec.hiddenSize);
  const vocab = BigInt(spec.vocabSize);
  const layers = BigInt(spec.numLayers);

  const embedding = vocab * d;
  const lmHead = (spec.tiedEmbeddings ? 0n : vocab * d) + (spec.lmHeadBias ? vocab : 0n);
  const positions = positionParams(spec);
  let denseLayers = 0n;
  let moeLayers = 0n;
  let linearLayers = 0n;
  for (const group of layerGroups(spec)) {
    if (group.moe) moeLayers += BigInt(group.count);
    else denseLayers += BigInt(group.count);
    if (group.linear) linearLayers += BigInt(group.count);
  }
  const attentionLayers = layers - linearLayers;
  // Token mixers of every kind are under `attention`: softmax attention, linear attention and Mamba-2.
  const attention = attentionLayers * attentionParams(spec) + linearLayers * linearAttentionParams(spec) + layers * ssmParams(spec);
  const norms = layers * BigInt(spec.norm.perLayer) * normParams(spec.norm, d) + attentionLayers * attentionNormParams(spec) +
    linearLayers * linearAttentionNormParams(spec) + layers * (spec.ssm?.gatedNorm ? BigInt(spec.ssm.numHeads * spec.ssm.headDim) : 0n) +
    (spec.norm.final ? normParams(spec.norm, d) : 0n) + (spec.embeddingNorm ? normParams(spec.norm, d) : 0n);
  const mlp = denseLayers * mlpParams(spec.mlp, d, BigInt(spec.mlp.intermediateSize));

  const breakdown: ParamBreakdown = {
    embedding, positions, attention, mlp, sharedExperts: 0n, experts: 0n, router: 0n, norms, lmHead,
  };
  const activeBreakdown: ParamBreakdown = { ...breakdown };
  const moe = spec.moe;
  if (moe) {
    const expert = mlpParams(spec.mlp, d, BigInt(moe.expertIntermediateSize));
    const shared = BigInt(moe.numSharedExperts) * mlpParams(spec.mlp, d, BigInt(moe.sharedExpertIntermediateSize));
    const router = routerParams(moe, d);
    breakdown.experts = moeLayers * BigInt(moe.numExperts) * expert;
    activeBreakdown.experts = moeLayers * BigInt(moe.expertsPerToken) * expert;
    breakdown.sharedExperts = activeBreakdown.sharedExperts = moeLayers * shared;
    breakdown.router = activeBreakdown.router = moeLayers * router;
  }
  const total = sum(breakdown);
  const learnedPositions = spec.positions.kind === "learned" ? positions : 0n;
  return {
    total,
    active: sum(activeBreakdown),
    embedding,
    nonEmbedding: total - embedding - lmHead - learnedPositions,
    multiTokenPrediction: multiTokenPredictionParams(spec),
    breakdown,
    activeBreakdown,
  };
}

/** Weights of one norm of width n. */
export function normParams(norm: NormSpec, n: bigint): bigint {
  if (!norm.affine) return 0n;
  return norm.kind === "layernorm" && norm.bias ? 2n * n : n;
}

/** Projection weights and biases of one layer's attention (norms excluded). */
export function attentionParams(spec: ModelSpec): bigint {
  const d = BigInt(spec.hiddenSize);
  const a = spec.attention;
  if (a.kind === "standard") {
    const q = BigInt(a.numHeads * a.headDim);
    const kv = BigInt(a.numKvHeads * a.headDim);
    // Gated attention (Qwen3-Next): q_proj also yields the output gate, doubling its rows.
    const gate = a.outputGate ? d * q + (a.qkvBias ? q : 0n) : 0n;
    const weights = d * q + 2n * d * kv + q * d + gate;
    const biases = (a.qkvBias ? q + 2n * kv : 0n) + (a.outBias ? d : 0n);
    const sinks = a.sinks ? BigInt(a.numHeads) : 0n;
    return weights + biases + sinks;
  }
  const heads = BigInt(a.numHeads);
  const qkHead = BigInt(a.qkNopeHeadDim + a.qkRopeHeadDim);
  const kvRank = BigInt(a.kvLoraRank);
  const rope = BigInt(a.qkRopeHeadDim);
  const vHead = BigInt(a.vHeadDim);
  const qOut = heads * qkHead;
  const query = a.qLoraRank === null ? d * qOut : d * BigInt(a.qLoraRank) + BigInt(a.qLoraRank) * qOut;
  const kvDown = d * (kvRank + rope);
  const kvUp = kvRank * heads * (BigInt(a.qkNopeHeadDim) + vHead);
  const out = heads * vHead * d;
  const biases = a.bias ? (a.qLoraRank === null ? 0n : BigInt(a.qLoraRank)) + kvRank + rope + d : 0n;
  return query + kvDown + kvUp + out + biases + indexerParams(spec);
}

/**
 * One Gated DeltaNet layer (Qwen3NextGatedDeltaNet), its norm excluded:
 * in_proj_qkvz, in_proj_ba, the depthwise conv1d (no bias), dt_bias and
 * A_log (one each per value head), out_proj.
 */
export function linearAttentionParams(spec: ModelSpec): bigint {
  const l = spec.linearAttention;
  if (!l) return 0n;
  const d = BigInt(spec.hiddenSize);
  const keys = BigInt(l.numKeyHeads * l.keyHeadDim);
  const values = BigInt(l.numValueHeads * l.valueHeadDim);
  const heads = BigInt(l.numValueHeads);
  const convChannels = 2n * keys + values;
  return d * (2n * keys + 2n * values) + d * 2n * heads + convChannels * BigInt(l.convKernel) + 2n * heads + values * d;
}

/** One Mamba-2 mixer, its gated norm excluded: in_proj, conv1d, dt_bias, A_log, D, out_proj. */
export function ssmParams(spec: ModelSpec): bigint {
  const m = spec.ssm;
  if (!m) return 0n;
  const d = BigInt(spec.hiddenSize);
  const inner = BigInt(m.numHeads * m.headDim);
  const heads = BigInt(m.numHeads);
  const bc = 2n * BigInt(m.numGroups * m.stateSize);
  const projection = 2n * inner + bc + heads;
  const convChannels = inner + bc;
  return d * projection + (m.projBias ? projection : 0n) + convChannels * BigInt(m.convKernel) + (m.convBias ? convChannels : 0n) +
    3n * heads + inner * d + (m.projBias ? d : 0n);
}

/** The gated RMSNorm of a Gated DeltaNet layer: one weight per value-head channel, shared by the heads. */
export function linearAttentionNormParams(spec: ModelSpec): bigint {
  return spec.linearAttention ? BigInt(spec.linearAttention.valueHeadDim) : 0n;
}

/** The lightning indexer's projections (its LayerNorm is under norms): wq_b, wk, weights_proj. */
export function indexerParams(spec: ModelSpec): bigint {
  const a = spec.attention;
  if (a.kind !== "mla" || !a.indexer) return 0n;
  const d = BigInt(spec.hiddenSize);
  const heads = BigInt(a.indexer.numHeads);
  const width = BigInt(a.indexer.headDim);
  const queryIn = a.qLoraRank === null ? d : BigInt(a.qLoraRank);
  return queryIn * heads * width + d * width + d * heads;
}

/** The norms inside attention (qk-norms, MLA's latent norms): the model's kind, a weight when affine, never a bias. */
export function innerNorm(norm: NormSpec): NormSpec {
  return { ...norm, bias: false };
}

/** Norms inside one layer's attention: qk-norms, or MLA's latent norms. */
export function attentionNormParams(spec: ModelSpec): bigint {
  const a = spec.attention;
  const norm = innerNorm(spec.norm);
  if (a.kind === "mla") {
    // The indexer's key norm is a LayerNorm with weight and bias whatever the model's norms are.
    const indexerNorm = a.indexer ? 2n * BigInt(a.indexer.headDim) : 0n;
    return normParams(norm, BigInt(a.kvLoraRank)) + (a.qLoraRank === null ? 0n : normParams(norm, BigInt(a.qLoraRank))) + indexerNorm;
  }
  if (a.qkNorm === "head") return 2n * normParams(norm, BigInt(a.headDim));
  if (a.qkNorm === "full") {
    return normParams(norm, BigInt(a.numHeads * a.headDim)) + normParams(norm, BigInt(a.numKvHeads * a.headDim));
  }
  return 0n;
}

/** One feed-forward block of hidden width `width`, in the style of `mlp`. */
export function mlpParams(mlp: MlpSpec, d: bigint, width: bigint): bigint {
  const matrices = (mlp.gated ? 3n : 2n) * d * width;
  const biases = mlp.bias ? (mlp.gated ? 2n : 1n) * width + d : 0n;
  return matrices + biases;
}

function positionParams(spec: ModelSpec): bigint {
  const d = BigInt(spec.hiddenSize);
  if (spec.positions.kind === "learned") return BigInt(spec.positions.maxPositions) * d;
  if (spec.positions.kind === "relative") {
    // Transformer-XL: W_R projects the relative encodings into attention space; u and v are its two biases.
    const attentionWidth = spec.attention.kind === "standard" ? BigInt(spec.attention.numHeads * spec.attention.headDim) : d;
    return BigInt(spec.numLayers) * (d * attentionWidth + 2n * attentionWidth);
  }
  return 0n;
}

/**
 * Multi-token-prediction modules (DeepSeek-V3 §2.2, MiMo's MiMoMTPLayers,
 * GLM-4.5's layer num_hidden_layers): per module two norms (enorm, hnorm) of
 * the embedding and of the hidden state, a projection 2d → d without bias
 * (eh_proj), one decoder block, and a final norm (shared_head.norm). The
 * embedding and LM head are the main model's, shared, and not counted again
 * (DeepSeek's checkpoint stores copies of both in its MTP layer; those copies
 * are not weights of the model). The block is of the kind of the model's last
 * layer: dense for MiMo, routed experts plus shared experts for DeepSeek-V3
 * and GLM-4.5.
 */
function multiTokenPredictionParams(spec: ModelSpec): bigint {
  const modules = BigInt(spec.multiTokenPrediction?.layers ?? 0);
  if (modules === 0n) return 0n;
  const d = BigInt(spec.hiddenSize);
  const norm = normParams(spec.norm, d);
  const mixer = attentionParams(spec) + attentionNormParams(spec) + BigInt(spec.norm.perLayer) * norm;
  const moe = spec.moe;
  let feedForward: bigint;
  if (moe && layerKind(spec, spec.numLayers - 1).moe) {
    const expert = mlpParams(spec.mlp, d, BigInt(moe.expertIntermediateSize));
    feedForward = BigInt(moe.numExperts) * expert +
      BigInt(moe.numSharedExperts) * mlpParams(spec.mlp, d, BigInt(moe.sharedExpertIntermediateSize)) + routerParams(moe, d);
  } else {
    feedForward = mlpParams(spec.mlp, d, BigInt(spec.mlp.intermediateSize));
  }
  return modules * (3n * norm + 2n * d * d + mixer + feedForward);
}

/** The router d → E, its per-expert bias (DeepSeek-V3, gpt-oss) and the shared expert's gate d → 1 (Qwen). */
function routerParams(moe: MoeSpec, d: bigint): bigint {
  return d * BigInt(moe.numExperts) + (moe.routerBias ? BigInt(moe.numExperts) : 0n) + (moe.sharedExpertGate ? d : 0n);
}

function sum(breakdown: ParamBreakdown): bigint {
  return Object.values(breakdown).reduce((total, value) => total + value, 0n);
}
