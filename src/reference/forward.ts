/**
 * An instrumented reference forward pass: a small but real decoder-only
 * transformer over Float64Array, built from a ModelSpec with seeded random
 * weights, that tallies every operation it actually performs under the term
 * names of src/core/terms.ts. It is the ground truth the analytic FLOP and
 * parameter formulas are tested against, so it is written independently of
 * them: counts come from the loops that do the work (see ops.ts), never from a
 * formula for a whole layer.
 *
 * Conventions (where model.ts leaves a choice):
 * - Block layout: `norm.perLayer` norms fill the slots pre-attn, pre-MLP,
 *   post-attn, post-MLP in that order (0–4 supported). With 1 norm, or with
 *   `parallelBlock`, attention and MLP read the same block input (1 norm:
 *   sharing its output). Only the number of norm applications matters for counts.
 * - Masks: causal = a query at 0-based position i sees keys max(0, i − W + 1)..i
 *   (W = window on windowed layers, else unbounded), or ⌊i / C⌋·C..i on
 *   chunked layers (Llama 4). Full = every query sees every token of the
 *   sequence (cached + new); windows and chunks are not applied.
 * - Sinks (gpt-oss): one learned logit per head joins each softmax row
 *   unscaled and takes probability mass; it has no value (see ops.ts).
 * - Embedding norm (BLOOM): one width-d norm on each embedded token.
 * - Rotary: the first 2·⌊fraction·hd/2⌋ dims of each q/k head (GPT-NeoX pairing
 *   i ↔ i + half); MLA always rotates its qkRopeHeadDim dims. Not counted.
 * - ALiBi: −slope_h·|i − j| added to scaled scores. Not counted (a bias add).
 * - Relative (Transformer-XL): score = (q + u)·k + (q + v)·(W_R·R_{i−j}), needing
 *   H·headDim = d. (q + u)·k is the attnScores dot; W_R·R and (q + v)·r have no
 *   term in terms.ts and are reported in `untermed.relativePositions`.
 * - MoE: router softmax over W_r·x; top-k by probability (+ routerBias, which
 *   only steers selection); output = Σ p_e·expert_e(x) + gate·shared(x). Router
 *   softmax, top-k, expert weighting and the sigmoid of the shared gate are not
 *   counted; the gate's d → 1 dot product counts as router.
 */
import type { MlaAttentionSpec, ModelSpec, StandardAttentionSpec } from "../core/model";
import { ELEMENTWISE_TERMS, MATMUL_TERMS, type FlopTerm } from "../core/terms";
import {
  accumulateWeighted,
  activate,
  applyLinear,
  applyLinearRows,
  applyNorm,
  applyTransposedRows,
  attentionProbabilities,
  dot,
  emptyTally,
  gatedUnit,
  type Linear,
  type NormWeights,
  type SoftmaxSettings,
  type Tally,
} from "./ops";
import {
  allocateWeights,
  type DeltaNetWeights,
  type Mamba2Weights,
  feedForwardScalars,
  ParameterAllocator,
  type FeedForwardWeights,
  type FfnWeights,
  type MlaAttentionWeights,
  type ModelWeights,
  type MoeWeights,
  type RelativePositionWeights,
  type StandardAttentionWeights,
} from "./weights";

export type MlaMode = "absorbed" | "expanded";

export interface ForwardOptions {
  mask: "causal" | "full";
  /** Compute the LM head (and final norm) for every new token or only the last one. */
  logits: "all" | "last";
  /**
   * MLA only. "expanded" caches per-head keys and values and attends in head
   * space; "absorbed" caches the latent and folds W_UK / W_UV into query and
   * output. Fixed for the lifetime of a cache. Default "absorbed".
   */
  mla?: MlaMode;
  /** Report the elementwise terms (softmax, norms, activation); otherwise they are 0n. */
  elementwise?: boolean;
}

export interface ForwardResult {
  /** One vector of V logits per position whose logits were computed, in order. */
  logits: Float64Array[];
  /** FLOPs per term of terms.ts, every term present. */
  counts: Record<FlopTerm, bigint>;
  /** FLOPs of work that has no term in terms.ts (Transformer-XL relative positions). */
  untermed: { relativePositions: bigint };
  /** routedExperts[layer][t]: the experts new token t was sent to in that layer (empty for dense layers). */
  routedExperts: number[][][];
}

/** Per-layer KV cache, one entry per cached position; Gated DeltaNet layers keep a fixed-size state instead. */
type LayerCache =
  | { kind: "deltanet"; state: Float64Array[]; convInputs: Float64Array[] }
  | { kind: "standard"; keys: Float64Array[]; values: Float64Array[] }
  | {
      kind: "mla";
      /** Normalized latents (kvLoraRank) and rotated shared rotary keys (rope): what MLA caches. */
      latents: Float64Array[];
      ropeKeys: Float64Array[];
      /** Expanded mode only: per-head keys H·(nope + rope) and values H·vHeadDim. */
      keys: Float64Array[];
      values: Float64Array[];
      /** DSA: the indexer's normalized key per position. */
      indexKeys: Float64Array[];
    };

/** Local attention of a layer: a sliding window or a chunk. */
interface LocalPattern {
  kind: "window" | "chunk";
  size: number;
}

/** Everything one forward call shares across layers. */
interface Pass {
  /** Positions already cached before this call. */
  readonly start: number;
  /** Sequence length after this call. */
  readonly total: number;
  readonly mask: ForwardOptions["mask"];
  readonly mlaMode: MlaMode;
  readonly tally: Tally;
  /** Filled by MoE layers: see ForwardResult.routedExperts. */
  readonly routedExperts: number[][][];
}

const ROTARY_BASE = 10_000;

export class ReferenceModel {
  readonly spec: ModelSpec;
  /** Public so tests can copy weights between models (e.g. GQA → duplicated-head MHA). */
  readonly weights: ModelWeights;
  private readonly allocatedScalars: number;
  private cache: LayerCache[] = [];
  /** Mamba-2 state per layer (heads × P × N) and its conv tail; empty without `ssm`. */
  private ssmCache: Array<{ state: Float64Array[]; convInputs: Float64Array[] }> = [];
  private cachedPositions = 0;
  private cacheMlaMode: MlaMode | null = null;

  constructor(spec: ModelSpec, seed = 1) {
    checkSupported(spec);
    this.spec = spec;
    const allocator = new ParameterAllocator(seed);
    this.weights = allocateWeights(spec, allocator);
    this.allocatedScalars = allocator.allocatedScalars;
    this.reset();
  }

  /** Every scalar allocated for the model's parameters. */
  parameterCount(): bigint {
    return BigInt(this.allocatedScalars);
  }

  /**
   * Parameters one token touches: everything except, in each MoE layer, the
   * routed experts beyond the expertsPerToken it is sent to. Experts of a layer
   * all have the same size, so which ones are discounted does not matter. The
   * embedding counts whole.
   */
  activeParameterCount(): bigint {
    let unused = 0;
    const perToken = this.spec.moe?.expertsPerToken ?? 0;
    for (const layer of this.weights.layers) {
      if (layer.ffn.kind !== "moe") continue;
      const experts = layer.ffn.experts;
      for (let e = perToken; e < experts.length; e++) unused += feedForwardScalars(experts[e]!);
    }
    return BigInt(this.allocatedScalars - unused);
  }

  /** Number of positions in the KV cache. */
  get cacheLength(): number {
    return this.cachedPositions;
  }

  reset(): void {
    this.cache = this.weights.layers.map((layer): LayerCache => {
      if (layer.attention.kind === "standard") return { kind: "standard", keys: [], values: [] };
      if (layer.attention.kind === "mla") return { kind: "mla", latents: [], ropeKeys: [], keys: [], values: [], indexKeys: [] };
      const l = this.spec.linearAttention!;
      const state = Array.from({ length: l.numValueHeads }, () => new Float64Array(l.keyHeadDim * l.valueHeadDim));
      return { kind: "deltanet", state, convInputs: [] };
    });
    const m = this.spec.ssm;
    this.ssmCache = m
      ? this.weights.layers.map(() => ({ state: Array.from({ length: m.numHeads }, () => new Float64Array(m.headDim * m.stateSize)), convInputs: [] }))
      : [];
    this.cachedPositions = 0;
    this.cacheMlaMode = null;
  }

  /** Runs the new tokens after the cached ones, appends them to the cache, and reports logits and counts. */
  forward(tokenIds: readonly number[], opts: ForwardOptions): ForwardResult {
    if (tokenIds.length === 0) throw new Error("forward needs at least one token");
    const mlaMode = opts.mla ?? "absorbed";
    if (this.spec.attention.kind === "mla") {
      if (this.cacheMlaMode !== null && this.cacheMlaMode !== mlaMode) {
        throw new Error(`the cache holds ${this.cacheMlaMode} MLA state; reset() before switching to ${mlaMode}`);
      }
      this.cacheMlaMode = mlaMode;
    }
    const pass: Pass = {
      start: this.cachedPositions,
      total: this.cachedPositions + tokenIds.length,
      mask: opts.mask,
      mlaMode,
      tally: emptyTally(),
      routedExperts: this.weights.layers.map(() => []),
    };

    let hidden = tokenIds.map((token, t) => this.embed(token, pass.start + t));
    const embeddingNorm = this.weights.embeddingNorm;
    if (embeddingNorm) hidden = hidden.map((x) => applyNorm(embeddingNorm, x, pass.tally));
    for (let index = 0; index < this.spec.numLayers; index++) hidden = this.block(index, hidden, pass);

    const logitPositions = opts.logits === "all" ? hidden : hidden.slice(-1);
    const logits = logitPositions.map((h) => this.lmHead(h, pass.tally));
    this.cachedPositions = pass.total;
    return {
      logits,
      counts: toCounts(pass.tally, opts.elementwise === true),
      untermed: { relativePositions: BigInt(pass.tally.relativePositions) },
      routedExperts: pass.routedExperts,
    };
  }

  // ── embedding and head ────────────────────────────────────────────────────

  /** Row lookup (no FLOPs) plus the learned position row if any (a residual-style add: not counted). */
  private embed(token: number, position: number): Float64Array {
    const { vocabSize: v, hiddenSize: d } = this.spec;
    if (!Number.isInteger(token) || token < 0 || token >= v) throw new Error(`token ${token} outside vocabulary of ${v}`);
    const x = this.weights.embedding.slice(token * d, (token + 1) * d);
    const table = this.weights.learnedPositions;
    if (table) {
      if (this.spec.positions.kind === "learned" && position >= this.spec.positions.maxPositions) {
        throw new Error(`position ${position} beyond the ${this.spec.positions.maxPositions} learned positions`);
      }
      for (let i = 0; i < d; i++) x[i] = x[i]! + table[position * d + i]!;
    }
    return x;
  }

  private lmHead(h: Float64Array, tally: Tally): Float64Array {
    const normalized = this.weights.finalNorm ? applyNorm(this.weights.finalNorm, h, tally) : h;
    const { vocabSize: v, hiddenSize: d } = this.spec;
    // Tied: the embedding matrix (V × d) is exactly an LM head's row-major weight.
    const head: Linear = this.weights.lmHead
      ? { ...this.weights.lmHead, bias: this.weights.lmHeadBias }
      : { inFeatures: d, outFeatures: v, weight: this.weights.embedding, bias: this.weights.lmHeadBias };
    const logits = applyLinear(head, normalized, tally, "logits");
    const cap = this.spec.finalLogitSoftcap;
    if (cap !== undefined) for (let i = 0; i < v; i++) logits[i] = cap * Math.tanh(logits[i]! / cap); // not counted
    return logits;
  }

  // ── transformer block ─────────────────────────────────────────────────────

  private block(index: number, xs: Float64Array[], pass: Pass): Float64Array[] {
    const layer = this.weights.layers[index]!;
    const [preAttn, preMlp, postAttn, postMlp] = layer.norms;
    const norm = (weights: NormWeights | undefined, x: Float64Array) => (weights ? applyNorm(weights, x, pass.tally) : x);
    const ffn = (h: Float64Array) => this.feedForward(layer.ffn, h, pass.tally, pass.routedExperts[index]!);

    if (this.spec.parallelBlock === true || layer.norms.length === 1) {
      // Attention and MLP both read the block input; with a single norm they share its output.
      const attnInputs = xs.map((x) => norm(preAttn, x));
      const mlpInputs = preMlp ? xs.map((x) => norm(preMlp, x)) : attnInputs;
      const attnOutputs = this.attention(index, attnInputs, pass).map((y) => norm(postAttn, y));
      const mlpOutputs = mlpInputs.map((h) => norm(postMlp, ffn(h)));
      return xs.map((x, t) => add(add(x, attnOutputs[t]!), mlpOutputs[t]!));
    }
    const mixerInputs = xs.map((x) => norm(preAttn, x));
    const attnOutputs = this.attention(index, mixerInputs, pass);
    // Falcon-H1: a Mamba-2 mixer reads the same normalized input and its output adds to attention's.
    const ssm = layer.ssm;
    if (ssm) mixerInputs.forEach((h, t) => (attnOutputs[t] = add(attnOutputs[t]!, this.mamba2(ssm, this.ssmCache[index]!, h, pass.tally))));
    const afterAttention = xs.map((x, t) => add(x, norm(postAttn, attnOutputs[t]!)));
    return afterAttention.map((x) => add(x, norm(postMlp, ffn(norm(preMlp, x)))));
  }

  private attention(index: number, hs: Float64Array[], pass: Pass): Float64Array[] {
    const layer = this.weights.layers[index]!;
    const cache = this.cache[index]!;
    const window = this.localPatternOf(index);
    if (layer.attention.kind === "standard" && cache.kind === "standard") {
      return this.standardAttention(layer.attention, layer.relative, cache, window, hs, pass);
    }
    if (layer.attention.kind === "mla" && cache.kind === "mla") {
      return this.mlaAttention(layer.attention, cache, window, hs, pass);
    }
    if (layer.attention.kind === "deltanet" && cache.kind === "deltanet") {
      return hs.map((x) => this.gatedDeltaNet(layer.attention as DeltaNetWeights, cache, x, pass.tally));
    }
    throw new Error("cache and attention kinds disagree");
  }

  /**
   * One token through a Mamba-2 mixer (Mamba2Mixer.torch_forward, cached
   * step): in_proj → [z | x | B | C | dt]; the depthwise causal conv over x,
   * B, C (2 per tap) and SiLU; per head h of group g, for every state entry
   * (p, n): dB = dt·B (1), dBx = dB·x (1), s = s·exp(dt·A) + dBx (2),
   * y += s·C (2); then y += D·x (2 per channel); gated RMSNorm; out_proj.
   */
  private mamba2(weights: Mamba2Weights, cache: { state: Float64Array[]; convInputs: Float64Array[] }, h: Float64Array, tally: Tally): Float64Array {
    const m = this.spec.ssm!;
    const { numHeads: heads, headDim: p, stateSize: n, numGroups: groups, convKernel } = m;
    const inner = heads * p;
    const proj = applyLinear(weights.inProj, h, tally, "linearProj");
    const z = proj.slice(0, inner);
    const xbc = proj.slice(inner, 2 * inner + 2 * groups * n);
    const dtRaw = proj.slice(2 * inner + 2 * groups * n);
    cache.convInputs.push(xbc);
    if (cache.convInputs.length > convKernel) cache.convInputs.shift();
    const convolved = new Float64Array(xbc.length);
    for (let c = 0; c < xbc.length; c++) {
      let sum = weights.convBias ? weights.convBias[c]! : 0; // bias add: not counted
      for (let i = 0; i < convKernel; i++) {
        const input = cache.convInputs[cache.convInputs.length - 1 - i];
        sum += weights.conv[c * convKernel + i]! * (input ? input[c]! : 0);
      }
      tally.conv += 2 * convKernel;
      convolved[c] = silu(sum);
    }
    const x = convolved.slice(0, inner);
    const b = convolved.slice(inner, inner + groups * n);
    const cMatrix = convolved.slice(inner + groups * n);
    const y = new Float64Array(inner);
    for (let head = 0; head < heads; head++) {
      const group = Math.floor(head / (heads / groups));
      const dt = softplus(dtRaw[head]! + weights.dtBias[head]!);
      const decay = Math.exp(dt * -Math.exp(weights.aLog[head]!));
      const state = cache.state[head]!; // row-major P × N
      for (let i = 0; i < p; i++) {
        const xi = x[head * p + i]!;
        let out = 0;
        for (let j = 0; j < n; j++) {
          const dB = dt * b[group * n + j]!;
          const dBx = dB * xi;
          const entry = state[i * n + j]! * decay + dBx;
          state[i * n + j] = entry;
          out += entry * cMatrix[group * n + j]!;
        }
        tally.stateUpdate += 6 * n;
        y[head * p + i] = out + weights.d[head]! * xi;
        tally.stateUpdate += 2;
      }
    }
    const gated = y.map((value, i) => value * silu(z[i]!));
    const normed = weights.norm ? applyNorm(weights.norm, gated, { ...tally }) : gated; // elementwise, not tallied
    return applyLinear(weights.out, normed, tally, "outProj");
  }

  /**
   * One token through a Gated DeltaNet layer (Qwen3NextGatedDeltaNet,
   * recurrent form): projections, the depthwise causal conv over the q, k, v
   * channels, then per value head the gated delta rule on its dk × dv state
   * S: S ← g·S, δ = β·(v − Sᵀk), S ← S + k·δᵀ, o = Sᵀq. Tallied: the
   * projections, the conv taps (2 per tap), and per state entry the decay (1)
   * and the three multiply-adds (2 each). Gates, SiLU, L2 norms and the gated
   * RMSNorm are elementwise and not tallied (DELTA_RULE_CONVENTION).
   */
  private gatedDeltaNet(weights: DeltaNetWeights, cache: Extract<LayerCache, { kind: "deltanet" }>, x: Float64Array, tally: Tally): Float64Array {
    const l = this.spec.linearAttention!;
    const { numKeyHeads: hk, numValueHeads: hv, keyHeadDim: dk, valueHeadDim: dv, convKernel } = l;
    const keyWidth = hk * dk;
    const valueWidth = hv * dv;
    const qkvz = applyLinear(weights.inProjQkvz, x, tally, "linearProj");
    const ba = applyLinear(weights.inProjBa, x, tally, "linearProj");
    const mixed = qkvz.slice(0, 2 * keyWidth + valueWidth);
    const z = qkvz.slice(2 * keyWidth + valueWidth);
    cache.convInputs.push(mixed);
    if (cache.convInputs.length > convKernel) cache.convInputs.shift();
    const channels = mixed.length;
    const convolved = new Float64Array(channels);
    for (let c = 0; c < channels; c++) {
      let sum = 0;
      // Tap i reads the input i steps back; missing history is zero padding (still a multiply-add, as Conv1d's padding).
      for (let i = 0; i < convKernel; i++) {
        const input = cache.convInputs[cache.convInputs.length - 1 - i];
        sum += weights.conv[c * convKernel + i]! * (input ? input[c]! : 0);
      }
      tally.conv += 2 * convKernel;
      convolved[c] = silu(sum);
    }
    const q = l2NormalizeHeads(convolved.slice(0, keyWidth), hk, dk, 1 / Math.sqrt(dk));
    const k = l2NormalizeHeads(convolved.slice(keyWidth, 2 * keyWidth), hk, dk, 1);
    const v = convolved.slice(2 * keyWidth);
    const out = new Float64Array(valueWidth);
    for (let head = 0; head < hv; head++) {
      const keyHead = Math.floor(head / (hv / hk));
      const beta = 1 / (1 + Math.exp(-ba[head]!));
      const decay = Math.exp(-Math.exp(weights.aLog[head]!) * softplus(ba[hv + head]! + weights.dtBias[head]!));
      const state = cache.state[head]!; // row-major dk × dv
      for (let e = 0; e < dk * dv; e++) state[e] = state[e]! * decay;
      tally.stateUpdate += dk * dv;
      const read = new Float64Array(dv);
      for (let i = 0; i < dk; i++) for (let j = 0; j < dv; j++) read[j] = read[j]! + state[i * dv + j]! * k[keyHead * dk + i]!;
      tally.stateUpdate += 2 * dk * dv;
      const delta = new Float64Array(dv);
      for (let j = 0; j < dv; j++) delta[j] = beta * (v[head * dv + j]! - read[j]!);
      for (let i = 0; i < dk; i++) for (let j = 0; j < dv; j++) state[i * dv + j] = state[i * dv + j]! + k[keyHead * dk + i]! * delta[j]!;
      tally.stateUpdate += 2 * dk * dv;
      const o = new Float64Array(dv);
      for (let i = 0; i < dk; i++) for (let j = 0; j < dv; j++) o[j] = o[j]! + state[i * dv + j]! * q[keyHead * dk + i]!;
      tally.stateUpdate += 2 * dk * dv;
      const normed = applyNorm(weights.norm, o, { ...tally }); // gated RMSNorm: elementwise, not tallied
      for (let j = 0; j < dv; j++) out[head * dv + j] = normed[j]! * silu(z[head * dv + j]!);
    }
    return applyLinear(weights.out, out, tally, "outProj");
  }

  /** The local pattern of layer `index`: a sliding window, a chunk, or null when it attends globally. */
  private localPatternOf(index: number): LocalPattern | null {
    const applies = (layers: "all" | "even" | "odd" | number[]) =>
      layers === "all" ? true : layers === "even" ? index % 2 === 0 : layers === "odd" ? index % 2 === 1 : layers.includes(index);
    const attention = this.spec.attention;
    const window = attention.slidingWindow;
    if (window && applies(window.layers)) return { kind: "window", size: window.size };
    const chunked = attention.kind === "standard" ? attention.chunked : undefined;
    if (chunked && applies(chunked.layers)) return { kind: "chunk", size: chunked.size };
    return null;
  }

  /**
   * Cached positions a query at 0-based `position` sees, as an inclusive range:
   * a window of W ends at the query; a chunk of C starts at ⌊position / C⌋·C.
   */
  private visibleRange(position: number, local: LocalPattern | null, pass: Pass): { first: number; last: number } {
    if (pass.mask === "full") return { first: 0, last: pass.total - 1 };
    if (local === null) return { first: 0, last: position };
    if (local.kind === "window") return { first: Math.max(0, position - local.size + 1), last: position };
    return { first: Math.floor(position / local.size) * local.size, last: position };
  }

  // ── standard (MHA / GQA / MQA) attention ──────────────────────────────────

  private standardAttention(
    weights: StandardAttentionWeights,
    relative: RelativePositionWeights | null,
    cache: { keys: Float64Array[]; values: Float64Array[] },
    window: LocalPattern | null,
    hs: Float64Array[],
    pass: Pass,
  ): Float64Array[] {
    const spec = this.spec.attention as StandardAttentionSpec;
    const { numHeads: h, numKvHeads: hKv, headDim: hd } = spec;
    const { tally } = pass;

    // Project every new token first so that each query finds all keys it may see in the cache.
    const gates: Float64Array[] = [];
    const queries = hs.map((x, t) => {
      const position = pass.start + t;
      const projected = applyLinear(weights.q, x, tally, "qProj");
      if (spec.outputGate) gates.push(projected.slice(h * hd));
      const q = this.normalizeHeads(projected.slice(0, h * hd), weights.qNorm, h, hd, tally);
      const k = this.normalizeHeads(applyLinear(weights.k, x, tally, "kProj"), weights.kNorm, hKv, hd, tally);
      cache.values.push(applyLinear(weights.v, x, tally, "vProj"));
      this.rotateHeads(q, h, hd, 0, this.rotaryDims(hd), position);
      this.rotateHeads(k, hKv, hd, 0, this.rotaryDims(hd), position);
      cache.keys.push(k);
      return q;
    });

    const settings: SoftmaxSettings = { scale: 1 / Math.sqrt(hd), softcap: spec.logitSoftcap };
    const queriesPerKvHead = h / hKv;
    const relativeDistances = relative ? new Map<number, Float64Array>() : null;
    return queries.map((q, t) => {
      const position = pass.start + t;
      const { first, last } = this.visibleRange(position, window, pass);
      const keys = cache.keys.slice(first, last + 1);
      const values = cache.values.slice(first, last + 1);
      const keyPositions = Array.from({ length: keys.length }, (_, i) => first + i);
      const heads = new Float64Array(h * hd);
      for (let head = 0; head < h; head++) {
        const kvHead = Math.floor(head / queriesPerKvHead); // GQA: consecutive query heads share a KV head
        const query = relative ? addSegment(q, head * hd, relative.contentBias, hd) : q.slice(head * hd, (head + 1) * hd);
        const raw = new Float64Array(keys.length);
        for (let j = 0; j < keys.length; j++) raw[j] = dot(query, 0, keys[j]!, kvHead * hd, hd, tally, "attnScores");
        if (relative && relativeDistances) {
          this.addRelativeScores(raw, q, head, relative, relativeDistances, position, first, tally);
        }
        const sink = weights.sinks ? weights.sinks[head]! : null;
        const probabilities = attentionProbabilities(raw, settings, this.alibiBias(head, position, keyPositions), tally, sink);
        accumulateWeighted(probabilities, values, kvHead * hd, hd, heads, head * hd, tally, "attnValues");
      }
      // Gated attention (Qwen3-Next): sigmoid(gate) ⊙ output, elementwise, not counted.
      const gate = gates[t];
      if (gate) for (let i = 0; i < heads.length; i++) heads[i] = heads[i]! / (1 + Math.exp(-gate[i]!));
      return applyLinear(weights.o, heads, tally, "outProj");
    });
  }

  /** qk norms: "head" applies one width-hd norm to each head, "full" one norm to the whole projected vector. */
  private normalizeHeads(x: Float64Array, norm: NormWeights | null, heads: number, hd: number, tally: Tally): Float64Array {
    if (!norm) return x;
    if ((this.spec.attention as StandardAttentionSpec).qkNorm === "full") return applyNorm(norm, x, tally);
    const out = new Float64Array(x.length);
    for (let head = 0; head < heads; head++) out.set(applyNorm(norm, x.slice(head * hd, (head + 1) * hd), tally), head * hd);
    return out;
  }

  /** Transformer-XL's position term (q_h + v_h)·r_{i−j,h}, with r_δ = W_R·R_δ computed once per distance per call. */
  private addRelativeScores(
    raw: Float64Array,
    q: Float64Array,
    head: number,
    relative: RelativePositionWeights,
    distances: Map<number, Float64Array>,
    position: number,
    first: number,
    tally: Tally,
  ): void {
    const hd = (this.spec.attention as StandardAttentionSpec).headDim;
    const query = addSegment(q, head * hd, relative.positionBias, hd);
    for (let j = 0; j < raw.length; j++) {
      const distance = position - (first + j);
      let r = distances.get(distance);
      if (!r) {
        r = applyLinear(relative.projection, sinusoid(distance, this.spec.hiddenSize), tally, "relativePositions");
        distances.set(distance, r);
      }
      raw[j] = raw[j]! + dot(query, 0, r, head * hd, hd, tally, "relativePositions");
    }
  }

  /** ALiBi's −slope·distance per visible key, or null without ALiBi. */
  private alibiBias(head: number, position: number, keys: readonly number[]): Float64Array | null {
    if (this.spec.positions.kind !== "alibi") return null;
    const heads = this.spec.attention.numHeads;
    const slope = Math.pow(2, (-8 * (head + 1)) / heads);
    const bias = new Float64Array(keys.length);
    for (let j = 0; j < keys.length; j++) bias[j] = -slope * Math.abs(position - keys[j]!);
    return bias;
  }

  // ── multi-head latent attention ───────────────────────────────────────────

  private mlaAttention(
    weights: MlaAttentionWeights,
    cache: Extract<LayerCache, { kind: "mla" }>,
    window: LocalPattern | null,
    hs: Float64Array[],
    pass: Pass,
  ): Float64Array[] {
    const spec = this.spec.attention as MlaAttentionSpec;
    const { numHeads: h, kvLoraRank: rank, qkNopeHeadDim: nope, qkRopeHeadDim: rope, vHeadDim: vd } = spec;
    const { tally } = pass;
    const queryHead = nope + rope;

    const indexQueries: Array<{ q: Float64Array; w: Float64Array } | null> = [];
    const queries = hs.map((x, t) => {
      const position = pass.start + t;
      const { q, latent: queryLatent } = this.mlaQuery(weights, x, tally); // per head: [nope | rope]
      if (weights.indexer) {
        const indexer = weights.indexer;
        indexQueries.push({ q: applyLinear(indexer.wqB, queryLatent, tally, "indexerProj"), w: applyLinear(indexer.weightsProj, x, tally, "indexerProj") });
        cache.indexKeys.push(applyNorm(indexer.kNorm, applyLinear(indexer.wk, x, tally, "indexerProj"), tally));
      } else {
        indexQueries.push(null);
      }
      this.rotateHeads(q, h, queryHead, nope, rope, position);
      const compressed = applyLinear(weights.kvDown, x, tally, "kvDown");
      const latent = applyNorm(weights.kvDownNorm, compressed.slice(0, rank), tally);
      const ropeKey = compressed.slice(rank, rank + rope);
      this.rotateHeads(ropeKey, 1, rope, 0, rope, position);
      cache.latents.push(latent);
      cache.ropeKeys.push(ropeKey);
      if (pass.mlaMode === "expanded") {
        const keysNope = applyLinear(weights.kUp, latent, tally, "kUp");
        const key = new Float64Array(h * queryHead);
        for (let head = 0; head < h; head++) {
          key.set(keysNope.subarray(head * nope, (head + 1) * nope), head * queryHead);
          key.set(ropeKey, head * queryHead + nope); // the rotary key is shared by all heads
        }
        cache.keys.push(key);
        cache.values.push(applyLinear(weights.vUp, latent, tally, "vUp"));
      }
      return q;
    });

    // The softmax scale belongs to the head-space score width in both modes, so both compute the same scores.
    const settings: SoftmaxSettings = { scale: 1 / Math.sqrt(queryHead), softcap: undefined };
    return queries.map((q, t) => {
      const position = pass.start + t;
      const { first, last } = this.visibleRange(position, window, pass);
      const visible = Array.from({ length: last - first + 1 }, (_, i) => first + i);
      const index = indexQueries[t];
      const keys = index && spec.indexer ? this.topKeys(index, cache.indexKeys, visible, spec.indexer, tally) : visible;
      const heads = new Float64Array(h * vd);
      for (let head = 0; head < h; head++) {
        const alibi = this.alibiBias(head, position, keys);
        const out =
          pass.mlaMode === "expanded"
            ? this.mlaExpandedHead(q, head, cache, keys, settings, alibi, tally)
            : this.mlaAbsorbedHead(weights, q, head, cache, keys, settings, alibi, tally);
        heads.set(out, head * vd);
      }
      return applyLinear(weights.o, heads, tally, "outProj");
    });
  }

  /** MLA's query heads, and what the indexer's query reads: the normalized query latent, or x without one. */
  private mlaQuery(weights: MlaAttentionWeights, x: Float64Array, tally: Tally): { q: Float64Array; latent: Float64Array } {
    if (weights.qProj) return { q: applyLinear(weights.qProj, x, tally, "qProj"), latent: x };
    if (!weights.qDown || !weights.qDownNorm || !weights.qUp) throw new Error("MLA query weights missing");
    const compressed = applyNorm(weights.qDownNorm, applyLinear(weights.qDown, x, tally, "qDown"), tally);
    return { q: applyLinear(weights.qUp, compressed, tally, "qUp"), latent: compressed };
  }

  /**
   * DSA's lightning indexer: score every visible key as Σ_h w_h·ReLU(q_h·k)
   * (a dot of d_I and one multiply-add per head, tallied as indexerScores;
   * the ReLU is a comparison) and keep the top k, ties to the earlier key,
   * returned in position order.
   */
  private topKeys(
    index: { q: Float64Array; w: Float64Array },
    indexKeys: readonly Float64Array[],
    visible: number[],
    indexer: { numHeads: number; headDim: number; topK: number },
    tally: Tally,
  ): number[] {
    const { numHeads, headDim, topK } = indexer;
    const scores = visible.map((j) => {
      let score = 0;
      for (let head = 0; head < numHeads; head++) {
        const logit = dot(index.q, head * headDim, indexKeys[j]!, 0, headDim, tally, "indexerScores");
        score += index.w[head]! * Math.max(0, logit);
        tally.indexerScores += 2;
      }
      return { j, score };
    });
    if (scores.length <= topK) return visible;
    return scores
      .sort((a, b) => b.score - a.score || a.j - b.j)
      .slice(0, topK)
      .map((entry) => entry.j)
      .sort((a, b) => a - b);
  }

  /** Head-space attention: scores over nope + rope dims, values of vHeadDim. */
  private mlaExpandedHead(
    q: Float64Array,
    head: number,
    cache: Extract<LayerCache, { kind: "mla" }>,
    keys: readonly number[],
    settings: SoftmaxSettings,
    alibi: Float64Array | null,
    tally: Tally,
  ): Float64Array {
    const { qkNopeHeadDim: nope, qkRopeHeadDim: rope, vHeadDim: vd } = this.spec.attention as MlaAttentionSpec;
    const width = nope + rope;
    const raw = new Float64Array(keys.length);
    keys.forEach((j, i) => (raw[i] = dot(q, head * width, cache.keys[j]!, head * width, width, tally, "attnScores")));
    const probabilities = attentionProbabilities(raw, settings, alibi, tally);
    const out = new Float64Array(vd);
    accumulateWeighted(probabilities, keys.map((j) => cache.values[j]!), head * vd, vd, out, 0, tally, "attnValues");
    return out;
  }

  /**
   * Latent-space attention. q_nope·(W_UK,h·c) = (W_UK,hᵀ·q_nope)·c, so the query
   * is moved into latent space (kUp) and scored against cached latents plus the
   * rotary key; the weighted latent sum is lifted by W_UV,h (vUp). A key bias
   * would add q_nope·b_k, the same for every key of the row, which softmax
   * ignores; a value bias passes through the convex combination unchanged.
   */
  private mlaAbsorbedHead(
    weights: MlaAttentionWeights,
    q: Float64Array,
    head: number,
    cache: Extract<LayerCache, { kind: "mla" }>,
    keys: readonly number[],
    settings: SoftmaxSettings,
    alibi: Float64Array | null,
    tally: Tally,
  ): Float64Array {
    const { kvLoraRank: rank, qkNopeHeadDim: nope, qkRopeHeadDim: rope, vHeadDim: vd } = this.spec.attention as MlaAttentionSpec;
    const width = nope + rope;
    const queryNope = q.slice(head * width, head * width + nope);
    const queryLatent = applyTransposedRows(weights.kUp, head * nope, nope, queryNope, tally, "kUp");
    const raw = new Float64Array(keys.length);
    keys.forEach((j, i) => {
      const content = dot(queryLatent, 0, cache.latents[j]!, 0, rank, tally, "attnScores");
      const positional = dot(q, head * width + nope, cache.ropeKeys[j]!, 0, rope, tally, "attnScores");
      raw[i] = content + positional;
    });
    const probabilities = attentionProbabilities(raw, settings, alibi, tally);
    const latentSum = new Float64Array(rank);
    accumulateWeighted(probabilities, keys.map((j) => cache.latents[j]!), 0, rank, latentSum, 0, tally, "attnValues");
    return applyLinearRows(weights.vUp, head * vd, vd, latentSum, tally, "vUp");
  }

  // ── rotary ────────────────────────────────────────────────────────────────

  /** Rotary dims of a standard head: the rotary fraction rounded down to an even number. */
  private rotaryDims(hd: number): number {
    const positions = this.spec.positions;
    if (positions.kind !== "rotary") return 0;
    return 2 * Math.floor((positions.fraction * hd) / 2);
  }

  /** Rotates dims [offset, offset + dims) of each of `heads` heads of width `headWidth`, in place. Not counted. */
  private rotateHeads(x: Float64Array, heads: number, headWidth: number, offset: number, dims: number, position: number): void {
    const half = Math.floor(dims / 2);
    for (let head = 0; head < heads; head++) {
      const base = head * headWidth + offset;
      for (let i = 0; i < half; i++) {
        const angle = position * Math.pow(ROTARY_BASE, (-2 * i) / dims);
        const cos = Math.cos(angle);
        const sin = Math.sin(angle);
        const a = x[base + i]!;
        const b = x[base + half + i]!;
        x[base + i] = a * cos - b * sin;
        x[base + half + i] = a * sin + b * cos;
      }
    }
  }

  // ── feed-forward ──────────────────────────────────────────────────────────

  /** The block's MLP for one token; MoE layers append the token's chosen experts to `routing`. */
  private feedForward(ffn: FfnWeights, h: Float64Array, tally: Tally, routing: number[][]): Float64Array {
    if (ffn.kind === "dense") {
      routing.push([]);
      return this.mlp(ffn.mlp, h, tally, "mlp");
    }
    return this.mixtureOfExperts(ffn, h, tally, routing);
  }

  private mlp(weights: FeedForwardWeights, x: Float64Array, tally: Tally, term: "mlp" | "experts" | "sharedExperts"): Float64Array {
    const activation = this.spec.mlp.activation;
    const up = applyLinear(weights.up, x, tally, term);
    const hidden = new Float64Array(up.length);
    if (weights.gate) {
      const gate = applyLinear(weights.gate, x, tally, term);
      for (let i = 0; i < up.length; i++) hidden[i] = gatedUnit(activation, gate[i]!, up[i]!, tally);
    } else {
      for (let i = 0; i < up.length; i++) hidden[i] = activate(activation, up[i]!, tally);
    }
    return applyLinear(weights.down, hidden, tally, term);
  }

  private mixtureOfExperts(moe: MoeWeights, x: Float64Array, tally: Tally, routing: number[][]): Float64Array {
    const k = this.spec.moe?.expertsPerToken ?? 0;
    const probabilities = plainSoftmax(applyLinear(moe.router, x, tally, "router"));
    const selection = probabilities.map((p, e) => p + (moe.routerBias ? moe.routerBias[e]! : 0));
    const chosen = [...selection.keys()].sort((a, b) => selection[b]! - selection[a]! || a - b).slice(0, k);
    routing.push(chosen);

    const out = new Float64Array(this.spec.hiddenSize);
    for (const e of chosen) addScaled(out, this.mlp(moe.experts[e]!, x, tally, "experts"), probabilities[e]!);
    const gate = moe.sharedExpertGate ? sigmoid(applyLinear(moe.sharedExpertGate, x, tally, "router")[0]!) : 1;
    for (const shared of moe.sharedExperts) addScaled(out, this.mlp(shared, x, tally, "sharedExperts"), gate);
    return out;
  }
}

// ── helpers ─────────────────────────────────────────────────────────────────

function checkSupported(spec: ModelSpec): void {
  if (spec.ssm && (spec.parallelBlock === true || spec.norm.perLayer === 1)) {
    throw new Error("the reference runs a Mamba-2 mixer beside attention in sequential blocks only");
  }
  if (spec.norm.perLayer < 0 || spec.norm.perLayer > 4) {
    throw new Error(`the reference places up to 4 norms per layer, not ${spec.norm.perLayer}`);
  }
  const attention = spec.attention;
  if (attention.kind === "standard" && attention.numHeads % attention.numKvHeads !== 0) {
    throw new Error("numKvHeads must divide numHeads");
  }
  if (spec.positions.kind === "relative") {
    if (attention.kind !== "standard") throw new Error("relative positions are implemented for standard attention only");
    if (attention.numHeads * attention.headDim !== spec.hiddenSize) {
      throw new Error("Transformer-XL relative positions need numHeads·headDim = hiddenSize");
    }
  }
}

function silu(x: number): number {
  return x / (1 + Math.exp(-x));
}

function softplus(x: number): number {
  return Math.log1p(Math.exp(x));
}

/** Each of `heads` vectors of `width` scaled to unit length, then by `scale` (not counted). */
function l2NormalizeHeads(x: Float64Array, heads: number, width: number, scale: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let head = 0; head < heads; head++) {
    let sum = 0;
    for (let i = 0; i < width; i++) sum += x[head * width + i]! ** 2;
    const norm = Math.sqrt(sum + 1e-6);
    for (let i = 0; i < width; i++) out[head * width + i] = (x[head * width + i]! / norm) * scale;
  }
  return out;
}

/** Residual add (not counted). */
function add(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! + b[i]!;
  return out;
}

/** out += scale·x (expert weighting: not counted). */
function addScaled(out: Float64Array, x: Float64Array, scale: number): void {
  for (let i = 0; i < out.length; i++) out[i] = out[i]! + scale * x[i]!;
}

/** x[offset ..+width) + bias[offset ..+width): a head's slice plus a bias (not counted). */
function addSegment(x: Float64Array, offset: number, bias: Float64Array, width: number): Float64Array {
  const out = new Float64Array(width);
  for (let i = 0; i < width; i++) out[i] = x[offset + i]! + bias[offset + i]!;
  return out;
}

/** Router softmax: not an elementwise term, so computed without tallying. */
function plainSoftmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Transformer-XL's sinusoidal encoding of a (possibly negative) distance. */
function sinusoid(distance: number, width: number): Float64Array {
  const encoding = new Float64Array(width);
  const half = Math.floor(width / 2);
  for (let i = 0; i < half; i++) {
    const angle = distance * Math.pow(ROTARY_BASE, (-2 * i) / width);
    encoding[i] = Math.sin(angle);
    encoding[half + i] = Math.cos(angle);
  }
  return encoding;
}

function toCounts(tally: Tally, includeElementwise: boolean): Record<FlopTerm, bigint> {
  const counts = {} as Record<FlopTerm, bigint>;
  for (const term of MATMUL_TERMS) counts[term] = BigInt(tally[term]);
  for (const term of ELEMENTWISE_TERMS) counts[term] = includeElementwise ? BigInt(tally[term]) : 0n;
  return counts;
}

