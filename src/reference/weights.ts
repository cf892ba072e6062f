/**
 * Allocation of every parameter tensor a ModelSpec implies, filled with seeded
 * random values. The allocator counts each scalar it hands out, so the
 * reference's parameter count is literally "what was allocated".
 */
import type { MlaAttentionSpec, ModelSpec, NormSpec, StandardAttentionSpec } from "../core/model";
import type { Linear, NormWeights } from "./ops";
import { mulberry32 } from "./prng";

export interface StandardAttentionWeights {
  readonly kind: "standard";
  readonly q: Linear; // d → H·hd
  readonly k: Linear; // d → Hkv·hd
  readonly v: Linear; // d → Hkv·hd
  readonly o: Linear; // H·hd → d
  /** qkNorm "head": width hd, applied to every query head; "full": width H·hd. */
  readonly qNorm: NormWeights | null;
  /** qkNorm "head": width hd, applied to every key head; "full": width Hkv·hd. */
  readonly kNorm: NormWeights | null;
  /** gpt-oss attention sinks: one logit per query head. */
  readonly sinks: Float64Array | null;
}

export interface MlaAttentionWeights {
  readonly kind: "mla";
  /** With a query low-rank: d → qLoraRank, its norm, then qLoraRank → H·(nope + rope). */
  readonly qDown: Linear | null;
  readonly qDownNorm: NormWeights | null;
  readonly qUp: Linear | null;
  /** Without a query low-rank (V2-Lite): d → H·(nope + rope). */
  readonly qProj: Linear | null;
  /** d → kvLoraRank + rope: the latent and the shared rotary key. */
  readonly kvDown: Linear;
  /** Norm of the latent (width kvLoraRank). */
  readonly kvDownNorm: NormWeights;
  /**
   * DeepSeek's kv_b_proj (kvLoraRank → H·(nope + vHeadDim)) stored as its two
   * row blocks, which is the same set of scalars: keys (H·nope rows) and values
   * (H·vHeadDim rows), so that key and value work land in kUp and vUp.
   */
  readonly kUp: Linear; // kvLoraRank → H·nope
  readonly vUp: Linear; // kvLoraRank → H·vHeadDim
  readonly o: Linear; // H·vHeadDim → d
  /** DeepSeek-V3.2's lightning indexer, or null. */
  readonly indexer: IndexerWeights | null;
}

export interface IndexerWeights {
  readonly wqB: Linear; // query latent (or d without one) → H_I·d_I
  readonly wk: Linear; // d → d_I
  readonly kNorm: NormWeights; // LayerNorm(d_I) with weight and bias
  readonly weightsProj: Linear; // d → H_I
}

/** Qwen3-Next's Gated DeltaNet layer. */
export interface DeltaNetWeights {
  readonly kind: "deltanet";
  readonly inProjQkvz: Linear; // d → 2·Hk·dk + 2·Hv·dv
  readonly inProjBa: Linear; // d → 2·Hv
  /** Depthwise conv taps, channel-major: convChannels × kernel, no bias. */
  readonly conv: Float64Array;
  readonly dtBias: Float64Array; // Hv
  readonly aLog: Float64Array; // Hv
  readonly norm: NormWeights; // gated RMSNorm of dv
  readonly out: Linear; // Hv·dv → d
}

export type AttentionWeights = StandardAttentionWeights | MlaAttentionWeights | DeltaNetWeights;

/** Transformer-XL's per-layer relative-position parameters. */
export interface RelativePositionWeights {
  readonly projection: Linear; // d → d, applied to sinusoidal encodings of distances
  readonly contentBias: Float64Array; // u (d)
  readonly positionBias: Float64Array; // v (d)
}

/** One MLP: gated (gate, up, down) or plain (up, down). */
export interface FeedForwardWeights {
  readonly gate: Linear | null;
  readonly up: Linear;
  readonly down: Linear;
}

export interface MoeWeights {
  readonly router: Linear; // d → E, no bias
  /** DeepSeek-V3's e_score_correction_bias: shifts selection only. */
  readonly routerBias: Float64Array | null;
  readonly experts: readonly FeedForwardWeights[];
  readonly sharedExperts: readonly FeedForwardWeights[];
  /** Qwen2-MoE's d → 1 sigmoid gate on the shared expert output. */
  readonly sharedExpertGate: Linear | null;
}

export type FfnWeights = { readonly kind: "dense"; readonly mlp: FeedForwardWeights } | ({ readonly kind: "moe" } & MoeWeights);

/** A Mamba-2 mixer beside the attention (Falcon-H1). */
export interface Mamba2Weights {
  readonly inProj: Linear; // d → 2·H·P + 2·G·N + H: [z | x | B | C | dt]
  /** Depthwise conv taps over x, B, C, channel-major: channels × kernel. */
  readonly conv: Float64Array;
  readonly convBias: Float64Array | null;
  readonly dtBias: Float64Array; // H
  readonly aLog: Float64Array; // H
  readonly d: Float64Array; // H: the skip D·x
  readonly norm: NormWeights | null; // gated RMSNorm of H·P
  readonly out: Linear; // H·P → d
}

export interface LayerWeights {
  readonly attention: AttentionWeights;
  readonly ssm: Mamba2Weights | null;
  readonly relative: RelativePositionWeights | null;
  /** The block's `norm.perLayer` width-d norms, in slot order: pre-attn, pre-MLP, post-attn, post-MLP. */
  readonly norms: readonly NormWeights[];
  readonly ffn: FfnWeights;
}

export interface ModelWeights {
  readonly embedding: Float64Array; // V × d
  /** BLOOM's norm right after the embedding. */
  readonly embeddingNorm: NormWeights | null;
  readonly learnedPositions: Float64Array | null; // maxPositions × d
  readonly layers: readonly LayerWeights[];
  readonly finalNorm: NormWeights | null;
  /** Null when the LM head is tied to the embedding. */
  readonly lmHead: Linear | null;
  readonly lmHeadBias: Float64Array | null;
}

/** Hands out seeded random tensors and counts every scalar it allocates. */
export class ParameterAllocator {
  private allocated = 0;
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  get allocatedScalars(): number {
    return this.allocated;
  }

  /** Values uniform in [center − spread, center + spread]. */
  tensor(length: number, center: number, spread: number): Float64Array {
    const values = new Float64Array(length);
    for (let i = 0; i < length; i++) values[i] = center + spread * (2 * this.random() - 1);
    this.allocated += length;
    return values;
  }

  /** Weights scaled by 1/√fan-in so activations stay O(1) through the stack. */
  linear(inFeatures: number, outFeatures: number, bias: boolean): Linear {
    return {
      inFeatures,
      outFeatures,
      weight: this.tensor(inFeatures * outFeatures, 0, 1 / Math.sqrt(inFeatures)),
      bias: bias ? this.tensor(outFeatures, 0, 0.1) : null,
    };
  }

  norm(kind: NormSpec["kind"], width: number, weight: boolean, bias: boolean): NormWeights {
    return {
      kind,
      width,
      weight: weight ? this.tensor(width, 1, 0.1) : null,
      bias: bias ? this.tensor(width, 0, 0.1) : null,
    };
  }
}

/** True when layer `index` (0-based) runs the dense `mlp` rather than experts. */
export function isDenseLayer(spec: ModelSpec, index: number): boolean {
  const moe = spec.moe;
  if (!moe) return true;
  return index < moe.firstDenseLayers || (moe.denseLayers ?? []).includes(index);
}

export function allocateWeights(spec: ModelSpec, allocator: ParameterAllocator): ModelWeights {
  const d = spec.hiddenSize;
  const embedding = allocator.tensor(spec.vocabSize * d, 0, 1);
  const embeddingNorm = spec.embeddingNorm ? widthDNorm(spec, allocator) : null;
  const learnedPositions = spec.positions.kind === "learned" ? allocator.tensor(spec.positions.maxPositions * d, 0, 0.1) : null;
  const layers: LayerWeights[] = [];
  for (let index = 0; index < spec.numLayers; index++) layers.push(allocateLayer(spec, index, allocator));
  const finalNorm = spec.norm.final ? widthDNorm(spec, allocator) : null;
  const lmHead = spec.tiedEmbeddings ? null : allocator.linear(d, spec.vocabSize, false);
  const lmHeadBias = spec.lmHeadBias ? allocator.tensor(spec.vocabSize, 0, 0.1) : null;
  return { embedding, embeddingNorm, learnedPositions, layers, finalNorm, lmHead, lmHeadBias };
}

function allocateLayer(spec: ModelSpec, index: number, allocator: ParameterAllocator): LayerWeights {
  const d = spec.hiddenSize;
  const linear = spec.linearAttention;
  const isLinear = linear !== undefined && (linear.layers === "all" || (linear.layers === "even" && index % 2 === 0) ||
    (linear.layers === "odd" && index % 2 === 1) || (Array.isArray(linear.layers) && linear.layers.includes(index)));
  const attention: AttentionWeights = isLinear && linear
    ? allocateDeltaNet(spec, linear, allocator)
    : spec.attention.kind === "standard"
      ? allocateStandardAttention(spec, spec.attention, allocator)
      : allocateMlaAttention(spec, spec.attention, allocator);
  const relative: RelativePositionWeights | null =
    spec.positions.kind === "relative"
      ? {
          projection: allocator.linear(d, d, false),
          contentBias: allocator.tensor(d, 0, 0.1),
          positionBias: allocator.tensor(d, 0, 0.1),
        }
      : null;
  const ssm = spec.ssm ? allocateMamba2(spec, spec.ssm, allocator) : null;
  const norms: NormWeights[] = [];
  for (let i = 0; i < spec.norm.perLayer; i++) norms.push(widthDNorm(spec, allocator));
  const ffn = allocateFfn(spec, index, allocator);
  return { attention, ssm, relative, norms, ffn };
}

/** The width-d norms (per layer and final): weight if affine, bias if a LayerNorm with bias. */
function widthDNorm(spec: ModelSpec, allocator: ParameterAllocator): NormWeights {
  const { kind, affine, bias } = spec.norm;
  return allocator.norm(kind, spec.hiddenSize, affine, affine && bias && kind === "layernorm");
}

/**
 * Norms inside attention (qk norms, MLA's latent norms): the model's norm kind,
 * a weight when the model's norms are affine, never a bias (Qwen3, OLMo 2 and
 * DeepSeek have none, and the qkNorm JSDoc counts weights only).
 */
function innerNorm(spec: ModelSpec, width: number, allocator: ParameterAllocator): NormWeights {
  return allocator.norm(spec.norm.kind, width, spec.norm.affine, false);
}

function allocateStandardAttention(
  spec: ModelSpec,
  attention: StandardAttentionSpec,
  allocator: ParameterAllocator,
): StandardAttentionWeights {
  const d = spec.hiddenSize;
  const { numHeads: h, numKvHeads: hKv, headDim: hd, qkvBias, outBias, qkNorm } = attention;
  return {
    kind: "standard",
    q: allocator.linear(d, h * hd * (attention.outputGate ? 2 : 1), qkvBias), // gated attention: [queries | gates]
    k: allocator.linear(d, hKv * hd, qkvBias),
    v: allocator.linear(d, hKv * hd, qkvBias),
    o: allocator.linear(h * hd, d, outBias),
    qNorm: qkNorm === "none" ? null : innerNorm(spec, qkNorm === "head" ? hd : h * hd, allocator),
    kNorm: qkNorm === "none" ? null : innerNorm(spec, qkNorm === "head" ? hd : hKv * hd, allocator),
    sinks: attention.sinks ? allocator.tensor(h, 0, 1) : null,
  };
}

function allocateMamba2(spec: ModelSpec, m: NonNullable<ModelSpec["ssm"]>, allocator: ParameterAllocator): Mamba2Weights {
  const d = spec.hiddenSize;
  const inner = m.numHeads * m.headDim;
  const bc = 2 * m.numGroups * m.stateSize;
  const channels = inner + bc;
  return {
    inProj: allocator.linear(d, 2 * inner + bc + m.numHeads, m.projBias),
    conv: allocator.tensor(channels * m.convKernel, 0, 0.5),
    convBias: m.convBias ? allocator.tensor(channels, 0, 0.1) : null,
    dtBias: allocator.tensor(m.numHeads, 0, 0.5),
    aLog: allocator.tensor(m.numHeads, 0, 0.5),
    d: allocator.tensor(m.numHeads, 1, 0.1),
    norm: m.gatedNorm ? allocator.norm("rmsnorm", inner, true, false) : null,
    out: allocator.linear(inner, d, m.projBias),
  };
}

function allocateDeltaNet(spec: ModelSpec, l: NonNullable<ModelSpec["linearAttention"]>, allocator: ParameterAllocator): DeltaNetWeights {
  const d = spec.hiddenSize;
  const keys = l.numKeyHeads * l.keyHeadDim;
  const values = l.numValueHeads * l.valueHeadDim;
  return {
    kind: "deltanet",
    inProjQkvz: allocator.linear(d, 2 * keys + 2 * values, false),
    inProjBa: allocator.linear(d, 2 * l.numValueHeads, false),
    conv: allocator.tensor((2 * keys + values) * l.convKernel, 0, 0.5),
    dtBias: allocator.tensor(l.numValueHeads, 0, 0.5),
    aLog: allocator.tensor(l.numValueHeads, 0, 0.5),
    norm: allocator.norm("rmsnorm", l.valueHeadDim, true, false),
    out: allocator.linear(values, d, false),
  };
}

function allocateMlaAttention(spec: ModelSpec, attention: MlaAttentionSpec, allocator: ParameterAllocator): MlaAttentionWeights {
  const d = spec.hiddenSize;
  const { numHeads: h, qLoraRank, kvLoraRank, qkNopeHeadDim: nope, qkRopeHeadDim: rope, vHeadDim, bias } = attention;
  const queryWidth = h * (nope + rope);
  const qDown = qLoraRank === null ? null : allocator.linear(d, qLoraRank, bias);
  const qDownNorm = qLoraRank === null ? null : innerNorm(spec, qLoraRank, allocator);
  const qUp = qLoraRank === null ? null : allocator.linear(qLoraRank, queryWidth, false);
  const qProj = qLoraRank === null ? allocator.linear(d, queryWidth, false) : null;
  return {
    kind: "mla",
    qDown,
    qDownNorm,
    qUp,
    qProj,
    kvDown: allocator.linear(d, kvLoraRank + rope, bias),
    kvDownNorm: innerNorm(spec, kvLoraRank, allocator),
    kUp: allocator.linear(kvLoraRank, h * nope, false),
    vUp: allocator.linear(kvLoraRank, h * vHeadDim, false),
    o: allocator.linear(h * vHeadDim, d, bias),
    indexer: attention.indexer
      ? {
          wqB: allocator.linear(qLoraRank ?? d, attention.indexer.numHeads * attention.indexer.headDim, false),
          wk: allocator.linear(d, attention.indexer.headDim, false),
          kNorm: allocator.norm("layernorm", attention.indexer.headDim, true, true),
          weightsProj: allocator.linear(d, attention.indexer.numHeads, false),
        }
      : null,
  };
}

/** One MLP of the given hidden width, with the model's gating and `mlp.bias` (experts included). */
function allocateFeedForward(spec: ModelSpec, width: number, allocator: ParameterAllocator): FeedForwardWeights {
  const d = spec.hiddenSize;
  const { gated, bias } = spec.mlp;
  return {
    gate: gated ? allocator.linear(d, width, bias) : null,
    up: allocator.linear(d, width, bias),
    down: allocator.linear(width, d, bias),
  };
}

function allocateFfn(spec: ModelSpec, index: number, allocator: ParameterAllocator): FfnWeights {
  const moe = spec.moe;
  if (!moe || isDenseLayer(spec, index)) {
    return { kind: "dense", mlp: allocateFeedForward(spec, spec.mlp.intermediateSize, allocator) };
  }
  const d = spec.hiddenSize;
  const router = allocator.linear(d, moe.numExperts, false);
  const routerBias = moe.routerBias ? allocator.tensor(moe.numExperts, 0, 0.1) : null;
  const experts: FeedForwardWeights[] = [];
  for (let e = 0; e < moe.numExperts; e++) experts.push(allocateFeedForward(spec, moe.expertIntermediateSize, allocator));
  const sharedExperts: FeedForwardWeights[] = [];
  for (let s = 0; s < moe.numSharedExperts; s++) {
    sharedExperts.push(allocateFeedForward(spec, moe.sharedExpertIntermediateSize, allocator));
  }
  const sharedExpertGate = moe.sharedExpertGate ? allocator.linear(d, 1, false) : null;
  return { kind: "moe", router, routerBias, experts, sharedExperts, sharedExpertGate };
}

/** Scalars in one MLP (used to discount the routed experts a token does not visit). */
export function feedForwardScalars(ffn: FeedForwardWeights): number {
  return [ffn.gate, ffn.up, ffn.down].reduce(
    (sum, layer) => sum + (layer ? layer.weight.length + (layer.bias?.length ?? 0) : 0),
    0,
  );
}
