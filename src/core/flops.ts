import {
  ACTIVATION_FLOPS,
  GATE_PRODUCT_FLOPS,
  normFlops,
  SOFTCAP_FLOPS_PER_SCORE,
  DELTA_RULE_CONVENTION,
  INDEXER_CONVENTION,
  MAMBA2_CONVENTION,
  SINK_FLOPS_PER_ROW,
  SOFTMAX_FLOPS_PER_SCORE,
} from "./elementwise";
import { layerGroups, type LayerGroup } from "./layers";
import type { ModelSpec } from "./model";
import { innerNorm } from "./params";
import { ELEMENTWISE_TERMS, MATMUL_TERMS, type FlopTerm } from "./terms";

/**
 * One forward pass over `tokens` new tokens that follow `past` cached tokens.
 * Every regime (decode, prefill, training) is such a pass.
 */
export interface ForwardOptions {
  /** New tokens processed in this pass (≥ 1). */
  tokens: number;
  /** Tokens already in the KV cache (default 0). */
  past?: number;
  /**
   * "causal": the token at 1-based position p sees min(p, window) keys.
   * "full": every new token sees all past + new tokens (windows do not apply),
   * the convention of calflops and Megatron-LM's formula.
   */
  mask?: "causal" | "full";
  /** Compute logits for every new token, or only for the last (generation). Default "last". */
  logits?: "all" | "last";
  /**
   * How multi-head latent attention is evaluated: "absorbed" attends in the
   * cached latent space (what a latent KV cache implies); "expanded" attends
   * with per-head keys and values. Default "expanded"; decode uses "absorbed".
   */
  mla?: "absorbed" | "expanded";
  /** Add the softmax, norm and activation arithmetic (see elementwise.ts). Default false. */
  elementwise?: boolean;
}

export interface FlopCount {
  /** Sum of all terms. */
  total: bigint;
  /** Every term, zero where the architecture has no such part. */
  terms: Record<FlopTerm, bigint>;
  /** Tokens this count covers (1 for decode; S for prefill and training). */
  tokens: number;
}

/** FLOPs of one forward pass (FLOP = 2 per multiply-add). */
export function forwardFlops(spec: ModelSpec, options: ForwardOptions): FlopCount {
  const tokens = requireCount(options.tokens, "tokens", 1);
  const past = requireCount(options.past ?? 0, "past", 0);
  const mask = options.mask ?? "causal";
  const mla = options.mla ?? "expanded";
  const n = BigInt(tokens);
  const logitTokens = options.logits === "all" ? n : 1n;
  const terms = emptyTerms();
  const d = BigInt(spec.hiddenSize);

  for (const group of layerGroups(spec)) {
    const layers = BigInt(group.count);
    addSsm(terms, spec, layers, n);
    if (group.linear) {
      addLinearAttention(terms, spec, layers, n);
      addFeedForward(terms, spec, group, layers, n, options.elementwise ?? false);
      if (options.elementwise) terms.norms += layers * n * BigInt(spec.norm.perLayer) * normFlops(spec.norm, d);
      continue;
    }
    const keys = attendedKeys(past, tokens, mask, group.window, group.chunk);
    const indexer = spec.attention.kind === "mla" ? spec.attention.indexer : undefined;
    if (indexer) addIndexer(terms, spec, layers, n, keys, options.elementwise ?? false);
    const readKeys = indexer ? sparseKeys(past, tokens, mask, indexer.topK) : keys;
    addAttention(terms, spec, layers, n, readKeys, mla, options.elementwise ?? false);
    addFeedForward(terms, spec, group, layers, n, options.elementwise ?? false);
    if (options.elementwise) terms.norms += layers * n * BigInt(spec.norm.perLayer) * normFlops(spec.norm, d);
  }
  if (options.elementwise && spec.embeddingNorm) terms.norms += n * normFlops(spec.norm, d);
  terms.logits += 2n * d * BigInt(spec.vocabSize) * logitTokens;
  if (options.elementwise && spec.norm.final) terms.norms += logitTokens * normFlops(spec.norm, d);
  return { total: sumTerms(terms), terms, tokens };
}

/** Generating one token at context S with a KV cache: it is the S-th token and sees S keys (itself included). */
export function decodeFlops(spec: ModelSpec, context: number, options: Pick<ForwardOptions, "mla" | "elementwise"> = {}): FlopCount {
  requireCount(context, "context", 1);
  return forwardFlops(spec, { tokens: 1, past: context - 1, mask: "causal", logits: "last", mla: options.mla ?? "absorbed", elementwise: options.elementwise });
}

/**
 * Generating one token at context S without a KV cache: the whole context is
 * run through the model again (causal), and only the last logits are used.
 * This is the regime 2·N·S approximates.
 */
export function decodeNoCacheFlops(spec: ModelSpec, context: number, options: Pick<ForwardOptions, "mla" | "elementwise"> = {}): FlopCount {
  return forwardFlops(spec, { tokens: requireCount(context, "context", 1), mask: "causal", logits: "last", mla: options.mla, elementwise: options.elementwise });
}

/** Processing a prompt of S tokens before the first generated token (logits for the last only). */
export function prefillFlops(
  spec: ModelSpec,
  context: number,
  options: Pick<ForwardOptions, "mask" | "mla" | "elementwise" | "logits"> = {},
): FlopCount {
  return forwardFlops(spec, { ...options, tokens: requireCount(context, "context", 1) });
}

export interface TrainOptions extends Pick<ForwardOptions, "mla" | "elementwise" | "mask"> {
  /** Full activation recomputation: the forward pass runs twice. Default false. */
  recompute?: boolean;
}

/**
 * Training on one sequence of S tokens: forward (logits at every position)
 * plus backward at twice the forward (gradients for activations and for
 * weights). Full activation recomputation runs the transformer layers'
 * forward once more during backward; the LM head is not recomputed, as in
 * Megatron-LM's accounting.
 */
export function trainFlops(spec: ModelSpec, context: number, options: TrainOptions = {}): FlopCount {
  const forward = forwardFlops(spec, { tokens: requireCount(context, "context", 1), mask: options.mask ?? "causal", logits: "all", mla: options.mla, elementwise: options.elementwise });
  const terms = emptyTerms();
  for (const term of Object.keys(terms) as FlopTerm[]) {
    const recomputed = options.recompute && term !== "logits" ? 1n : 0n;
    terms[term] = forward.terms[term] * (3n + recomputed);
  }
  return { total: sumTerms(terms), terms, tokens: forward.tokens };
}

/**
 * Keys seen by the new tokens, summed over them, in one layer.
 * Causal: Σ_{p = past+1}^{past+tokens} min(p, window); with chunks of C,
 * the 1-based position p sees ((p − 1) mod C) + 1 keys, its own chunk so far.
 */
export function attendedKeys(past: number, tokens: number, mask: "causal" | "full", window: number | null, chunk: number | null = null): bigint {
  const a = BigInt(past);
  const n = BigInt(tokens);
  if (mask === "full") return n * (a + n);
  const last = a + n;
  if (chunk !== null) return chunkedKeysUpTo(last, BigInt(chunk)) - chunkedKeysUpTo(a, BigInt(chunk));
  if (window === null) return n * a + (n * (n + 1n)) / 2n;
  const w = BigInt(window);
  if (a >= w) return n * w;
  const rampEnd = last < w ? last : w;
  const ramp = (rampEnd * (rampEnd + 1n)) / 2n - (a * (a + 1n)) / 2n;
  return ramp + (last - rampEnd) * w;
}

/**
 * Keys the main attention reads under DeepSeek Sparse Attention: each new
 * token reads min(visible keys, top-k), which for a causal mask is the count
 * of a sliding window of k.
 */
export function sparseKeys(past: number, tokens: number, mask: "causal" | "full", topK: number): bigint {
  if (mask === "causal") return attendedKeys(past, tokens, "causal", topK);
  const visible = BigInt(past + tokens);
  const k = BigInt(topK);
  return BigInt(tokens) * (visible < k ? visible : k);
}

/** Gated DeltaNet layers: projections, short convolution and the state update per new token, whatever the context. */
function addLinearAttention(terms: Record<FlopTerm, bigint>, spec: ModelSpec, layers: bigint, n: bigint): void {
  const l = spec.linearAttention;
  if (!l) return;
  const d = BigInt(spec.hiddenSize);
  const keys = BigInt(l.numKeyHeads * l.keyHeadDim);
  const values = BigInt(l.numValueHeads * l.valueHeadDim);
  const perLayerTokens = layers * n;
  terms.linearProj += perLayerTokens * 2n * d * (2n * keys + 2n * values + 2n * BigInt(l.numValueHeads));
  terms.conv += perLayerTokens * 2n * BigInt(l.convKernel) * (2n * keys + values);
  terms.stateUpdate += perLayerTokens * BigInt(l.numValueHeads) * BigInt(l.keyHeadDim * l.valueHeadDim) * DELTA_RULE_CONVENTION.flopsPerStateEntry;
  terms.outProj += perLayerTokens * 2n * values * d;
}

/** A Mamba-2 mixer per layer: in_proj, conv, the scan step per new token, out_proj; independent of the context. */
function addSsm(terms: Record<FlopTerm, bigint>, spec: ModelSpec, layers: bigint, n: bigint): void {
  const m = spec.ssm;
  if (!m) return;
  const d = BigInt(spec.hiddenSize);
  const inner = BigInt(m.numHeads * m.headDim);
  const bc = 2n * BigInt(m.numGroups * m.stateSize);
  const perLayerTokens = layers * n;
  terms.linearProj += perLayerTokens * 2n * d * (2n * inner + bc + BigInt(m.numHeads));
  terms.conv += perLayerTokens * 2n * BigInt(m.convKernel) * (inner + bc);
  terms.stateUpdate += perLayerTokens * BigInt(m.numHeads) * MAMBA2_CONVENTION.flopsPerHead(BigInt(m.headDim), BigInt(m.stateSize));
  terms.outProj += perLayerTokens * 2n * inner * d;
}

/** The lightning indexer: its projections per new token, and its scores over every visible key. */
function addIndexer(terms: Record<FlopTerm, bigint>, spec: ModelSpec, layers: bigint, n: bigint, keys: bigint, elementwise: boolean): void {
  const a = spec.attention;
  if (a.kind !== "mla" || !a.indexer) return;
  const d = BigInt(spec.hiddenSize);
  const heads = BigInt(a.indexer.numHeads);
  const width = BigInt(a.indexer.headDim);
  const queryIn = a.qLoraRank === null ? d : BigInt(a.qLoraRank);
  terms.indexerProj += layers * n * 2n * (queryIn * heads * width + d * width + d * heads);
  terms.indexerScores += layers * keys * heads * INDEXER_CONVENTION.flopsPerKeyPerHead(width);
  if (elementwise) terms.norms += layers * n * normFlops({ kind: "layernorm", affine: true, bias: true }, width);
}

/** Σ_{p=1}^{m} ((p − 1) mod C + 1): q whole chunks of C(C + 1)/2 keys, then a ramp of r. */
function chunkedKeysUpTo(m: bigint, chunk: bigint): bigint {
  const whole = m / chunk;
  const rest = m % chunk;
  return (whole * chunk * (chunk + 1n)) / 2n + (rest * (rest + 1n)) / 2n;
}

function addAttention(
  terms: Record<FlopTerm, bigint>,
  spec: ModelSpec,
  layers: bigint,
  n: bigint,
  keys: bigint,
  mla: "absorbed" | "expanded",
  elementwise: boolean,
): void {
  const d = BigInt(spec.hiddenSize);
  const a = spec.attention;
  const heads = BigInt(a.numHeads);
  const perLayerTokens = layers * n;
  if (a.kind === "standard") {
    const hd = BigInt(a.headDim);
    const kv = BigInt(a.numKvHeads);
    terms.qProj += perLayerTokens * 2n * d * heads * hd * (a.outputGate ? 2n : 1n);
    terms.kProj += perLayerTokens * 2n * d * kv * hd;
    terms.vProj += perLayerTokens * 2n * d * kv * hd;
    terms.attnScores += layers * keys * 2n * heads * hd;
    terms.attnValues += layers * keys * 2n * heads * hd;
    terms.outProj += perLayerTokens * 2n * heads * hd * d;
    if (elementwise) {
      const perScore = SOFTMAX_FLOPS_PER_SCORE + (a.logitSoftcap !== undefined ? SOFTCAP_FLOPS_PER_SCORE : 0n);
      terms.softmax += layers * keys * heads * perScore;
      if (a.sinks) terms.softmax += perLayerTokens * heads * SINK_FLOPS_PER_ROW;
      const norm = innerNorm(spec.norm);
      if (a.qkNorm === "head") terms.norms += perLayerTokens * (heads + kv) * normFlops(norm, hd);
      if (a.qkNorm === "full") terms.norms += perLayerTokens * (normFlops(norm, heads * hd) + normFlops(norm, kv * hd));
    }
    return;
  }
  const nope = BigInt(a.qkNopeHeadDim);
  const rope = BigInt(a.qkRopeHeadDim);
  const rank = BigInt(a.kvLoraRank);
  const vHead = BigInt(a.vHeadDim);
  if (a.qLoraRank === null) {
    terms.qProj += perLayerTokens * 2n * d * heads * (nope + rope);
  } else {
    const qRank = BigInt(a.qLoraRank);
    terms.qDown += perLayerTokens * 2n * d * qRank;
    terms.qUp += perLayerTokens * 2n * qRank * heads * (nope + rope);
  }
  terms.kvDown += perLayerTokens * 2n * d * (rank + rope);
  // Absorbed or not, each new token pays the same: either its keys/values are
  // expanded from the latent, or its query and output are mapped through W_UK and W_UV.
  terms.kUp += perLayerTokens * 2n * rank * heads * nope;
  terms.vUp += perLayerTokens * 2n * rank * heads * vHead;
  const scoreDim = mla === "absorbed" ? rank + rope : nope + rope;
  const valueDim = mla === "absorbed" ? rank : vHead;
  terms.attnScores += layers * keys * 2n * heads * scoreDim;
  terms.attnValues += layers * keys * 2n * heads * valueDim;
  terms.outProj += perLayerTokens * 2n * heads * vHead * d;
  if (elementwise) {
    terms.softmax += layers * keys * heads * SOFTMAX_FLOPS_PER_SCORE;
    const norm = innerNorm(spec.norm);
    terms.norms += perLayerTokens * (normFlops(norm, rank) + (a.qLoraRank === null ? 0n : normFlops(norm, BigInt(a.qLoraRank))));
  }
}

function addFeedForward(
  terms: Record<FlopTerm, bigint>,
  spec: ModelSpec,
  group: LayerGroup,
  layers: bigint,
  n: bigint,
  elementwise: boolean,
): void {
  const d = BigInt(spec.hiddenSize);
  const matrices = spec.mlp.gated ? 3n : 2n;
  const perUnit = ACTIVATION_FLOPS[spec.mlp.activation] + (spec.mlp.gated ? GATE_PRODUCT_FLOPS : 0n);
  const perLayerTokens = layers * n;
  const moe = spec.moe;
  if (!group.moe || !moe) {
    const width = BigInt(spec.mlp.intermediateSize);
    terms.mlp += perLayerTokens * matrices * 2n * d * width;
    if (elementwise) terms.activation += perLayerTokens * width * perUnit;
    return;
  }
  const routedWidth = BigInt(moe.expertsPerToken) * BigInt(moe.expertIntermediateSize);
  const sharedWidth = BigInt(moe.numSharedExperts) * BigInt(moe.sharedExpertIntermediateSize);
  terms.experts += perLayerTokens * matrices * 2n * d * routedWidth;
  terms.sharedExperts += perLayerTokens * matrices * 2n * d * sharedWidth;
  terms.router += perLayerTokens * 2n * d * (BigInt(moe.numExperts) + (moe.sharedExpertGate ? 1n : 0n));
  if (elementwise) terms.activation += perLayerTokens * (routedWidth + sharedWidth) * perUnit;
}

/** Every term at zero, built once: a count starts from a copy (islands count 80 points per slider input). */
const ZERO_TERMS: Readonly<Record<FlopTerm, bigint>> = Object.fromEntries([...MATMUL_TERMS, ...ELEMENTWISE_TERMS].map((term) => [term, 0n])) as Record<FlopTerm, bigint>;

function emptyTerms(): Record<FlopTerm, bigint> {
  return { ...ZERO_TERMS };
}

function sumTerms(terms: Record<FlopTerm, bigint>): bigint {
  let total = 0n;
  for (const value of Object.values(terms)) total += value;
  return total;
}

function requireCount(value: number, field: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${field} must be an integer ≥ ${min}, got ${String(value)}`);
  }
  return value;
}
