/**
 * Numeric primitives of the reference forward pass, each of which tallies the
 * arithmetic it really executes.
 *
 * Matrix work: every multiply-add is 2 FLOPs, added to the tally once per dot
 * product (2 × its length) inside the loop that computes it.
 * Elementwise work: every scalar arithmetic operation is 1, added right next to
 * the operation itself, following the op sequences written in
 * src/core/elementwise.ts. Comparisons (max, top-k), bias adds, residual adds,
 * rotary, router softmax and the final logit soft cap are not tallied.
 */
import type { Activation, NormSpec } from "../core/model";
import { ELEMENTWISE_TERMS, MATMUL_TERMS, type ElementwiseTerm, type MatmulTerm } from "../core/terms";

/**
 * Work that the reference performs but that has no term in terms.ts
 * (Transformer-XL relative-position projections and position scores). It is
 * tallied so that nothing is silently dropped, and reported apart from the terms.
 */
export type UntermedWork = "relativePositions";

/** Running tallies as plain numbers: exact below 2^53, far beyond test sizes. */
export type Tally = Record<MatmulTerm | ElementwiseTerm | UntermedWork, number>;

export function emptyTally(): Tally {
  const tally: Partial<Tally> = { relativePositions: 0 };
  for (const term of MATMUL_TERMS) tally[term] = 0;
  for (const term of ELEMENTWISE_TERMS) tally[term] = 0;
  return tally as Tally;
}

/** A dense layer y = W·x (+ b), W stored row-major as outFeatures × inFeatures. */
export interface Linear {
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weight: Float64Array;
  readonly bias: Float64Array | null;
}

/** The weights of one norm; `kind` says which arithmetic it runs. */
export interface NormWeights {
  readonly kind: NormSpec["kind"];
  readonly width: number;
  /** Null for non-affine norms. */
  readonly weight: Float64Array | null;
  /** Only LayerNorms with a bias have one. */
  readonly bias: Float64Array | null;
}

/** Dot product of a[aOffset ..) and b[bOffset ..) over `length` entries; tallies 2·length. */
export function dot(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  length: number,
  tally: Tally,
  term: MatmulTerm | UntermedWork,
): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += a[aOffset + i]! * b[bOffset + i]!;
  tally[term] += 2 * length;
  return sum;
}

/** y = W·x + b over all rows of the layer. */
export function applyLinear(layer: Linear, x: Float64Array, tally: Tally, term: MatmulTerm | UntermedWork): Float64Array {
  return applyLinearRows(layer, 0, layer.outFeatures, x, tally, term);
}

/**
 * Rows [firstRow, firstRow + rowCount) of W·x + b: one head's block of a
 * multi-head projection. x has length inFeatures.
 */
export function applyLinearRows(
  layer: Linear,
  firstRow: number,
  rowCount: number,
  x: Float64Array,
  tally: Tally,
  term: MatmulTerm | UntermedWork,
): Float64Array {
  if (x.length !== layer.inFeatures) throw new Error(`linear expects ${layer.inFeatures} inputs, got ${x.length}`);
  const y = new Float64Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const row = firstRow + r;
    const value = dot(layer.weight, row * layer.inFeatures, x, 0, layer.inFeatures, tally, term);
    y[r] = value + (layer.bias ? layer.bias[row]! : 0); // bias add: not counted
  }
  return y;
}

/**
 * Wᵀ restricted to rows [firstRow, firstRow + rowCount): returns z of length
 * inFeatures with z[c] = Σ_r W[firstRow + r][c] · x[r]. This is how MLA absorbs
 * W_UK into the query. No bias (the bias belongs to the un-transposed product).
 */
export function applyTransposedRows(
  layer: Linear,
  firstRow: number,
  rowCount: number,
  x: Float64Array,
  tally: Tally,
  term: MatmulTerm,
): Float64Array {
  if (x.length !== rowCount) throw new Error(`transposed block expects ${rowCount} inputs, got ${x.length}`);
  const cols = layer.inFeatures;
  const z = new Float64Array(cols);
  for (let c = 0; c < cols; c++) {
    let sum = 0;
    for (let r = 0; r < rowCount; r++) sum += layer.weight[(firstRow + r) * cols + c]! * x[r]!;
    tally[term] += 2 * rowCount;
    z[c] = sum;
  }
  return z;
}

/**
 * out[outOffset ..+width) = Σ_j weights[j] · vectors[j][vectorOffset ..+width):
 * the attention-weighted sum of values. Tallies 2·width per vector.
 */
export function accumulateWeighted(
  weights: Float64Array,
  vectors: readonly Float64Array[],
  vectorOffset: number,
  width: number,
  out: Float64Array,
  outOffset: number,
  tally: Tally,
  term: MatmulTerm,
): void {
  for (let j = 0; j < vectors.length; j++) {
    const w = weights[j]!;
    const v = vectors[j]!;
    for (let i = 0; i < width; i++) out[outOffset + i] = out[outOffset + i]! + w * v[vectorOffset + i]!;
    tally[term] += 2 * width;
  }
}

const NORM_EPSILON = 1e-5;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * RMSNorm or LayerNorm of x. Each scalar op below adds 1 to `norms`, in the
 * order of elementwise.ts: RMSNorm 4n + 3 (3n + 3 without weight); LayerNorm
 * 7n + 4 (6n + 4 without bias, 5n + 4 without weight).
 */
export function applyNorm(norm: NormWeights, x: Float64Array, tally: Tally): Float64Array {
  if (x.length !== norm.width) throw new Error(`norm of width ${norm.width} applied to ${x.length} values`);
  return norm.kind === "rmsnorm" ? rmsNorm(norm, x, tally) : layerNorm(norm, x, tally);
}

function rmsNorm(norm: NormWeights, x: Float64Array, tally: Tally): Float64Array {
  const n = x.length;
  let sumOfSquares = 0;
  for (let i = 0; i < n; i++) {
    const square = x[i]! * x[i]!;
    tally.norms++;
    sumOfSquares += square;
    tally.norms++;
  }
  const meanSquare = sumOfSquares / n;
  tally.norms++;
  const shifted = meanSquare + NORM_EPSILON;
  tally.norms++;
  const rms = Math.sqrt(shifted);
  tally.norms++;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let value = x[i]! / rms;
    tally.norms++;
    if (norm.weight) {
      value *= norm.weight[i]!;
      tally.norms++;
    }
    y[i] = value;
  }
  return y;
}

function layerNorm(norm: NormWeights, x: Float64Array, tally: Tally): Float64Array {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += x[i]!;
    tally.norms++;
  }
  const mean = sum / n;
  tally.norms++;
  const centered = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    centered[i] = x[i]! - mean;
    tally.norms++;
  }
  let sumOfSquares = 0;
  for (let i = 0; i < n; i++) {
    const square = centered[i]! * centered[i]!;
    tally.norms++;
    sumOfSquares += square;
    tally.norms++;
  }
  const variance = sumOfSquares / n;
  tally.norms++;
  const shifted = variance + NORM_EPSILON;
  tally.norms++;
  const std = Math.sqrt(shifted);
  tally.norms++;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let value = centered[i]! / std;
    tally.norms++;
    if (norm.weight) {
      value *= norm.weight[i]!;
      tally.norms++;
    }
    if (norm.bias) {
      value += norm.bias[i]!;
      tally.norms++;
    }
    y[i] = value;
  }
  return y;
}

/** How an attention row turns raw dot products into probabilities. */
export interface SoftmaxSettings {
  /** 1/√(score width). */
  scale: number;
  /** Gemma 2's tanh cap on the scaled scores, if any. */
  softcap: number | undefined;
}

/**
 * Softmax over one query's visible keys. Per score: scale, (divide by cap,
 * tanh, multiply by cap,) subtract max, exp, add to sum, divide: 5 (+3) ops
 * tallied as `softmax`. The optional additive position bias (ALiBi) is a bias
 * add and is not counted; it is applied after scaling, before the cap. An
 * attention sink (gpt-oss) is one more logit in the row, unscaled, with no
 * value: subtract max, exp, add to sum, divide (its dropped probability): 4.
 */
export function attentionProbabilities(
  rawScores: Float64Array,
  settings: SoftmaxSettings,
  positionBias: Float64Array | null,
  tally: Tally,
  sink: number | null = null,
): Float64Array {
  const n = rawScores.length;
  const scores = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = rawScores[j]! * settings.scale;
    tally.softmax++;
    if (positionBias) s += positionBias[j]!;
    if (settings.softcap !== undefined) {
      s = s / settings.softcap;
      tally.softmax++;
      s = Math.tanh(s);
      tally.softmax++;
      s = s * settings.softcap;
      tally.softmax++;
    }
    scores[j] = s;
  }
  let max = sink ?? -Infinity;
  for (let j = 0; j < n; j++) max = Math.max(max, scores[j]!); // comparisons: not counted
  const exps = new Float64Array(n);
  let sum = 0;
  let sinkExp = 0;
  if (sink !== null) {
    // gpt-oss: the sink logit joins the row unscaled; its probability is computed and dropped.
    const shifted = sink - max;
    tally.softmax++;
    const e = Math.exp(shifted);
    tally.softmax++;
    sum += e;
    tally.softmax++;
    sinkExp = e;
  }
  for (let j = 0; j < n; j++) {
    const shifted = scores[j]! - max;
    tally.softmax++;
    exps[j] = Math.exp(shifted);
    tally.softmax++;
    sum += exps[j]!;
    tally.softmax++;
  }
  const probabilities = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    probabilities[j] = exps[j]! / sum;
    tally.softmax++;
  }
  if (sink !== null) {
    const sinkProbability = sinkExp / sum; // the mass the sink takes: computed, then dropped
    tally.softmax++;
    if (!(sinkProbability >= 0 && sinkProbability <= 1)) throw new Error("sink probability out of range");
  }
  return probabilities;
}

/** The activation of one hidden unit, tallying its ops as `activation` (silu 4, gelu 5, gelu_tanh 9, relu 1). */
export function activate(kind: Activation, x: number, tally: Tally): number {
  switch (kind) {
    case "silu": {
      // x / (1 + exp(−x)): negate, exp, add, divide
      const negated = -x;
      const e = Math.exp(negated);
      const denominator = 1 + e;
      const y = x / denominator;
      tally.activation += 4;
      return y;
    }
    case "gelu": {
      // 0.5·x·(1 + erf(x/√2)): divide, erf, add, mul, mul
      const scaled = x / Math.SQRT2;
      const e = erf(scaled);
      const onePlus = 1 + e;
      const timesX = x * onePlus;
      const y = 0.5 * timesX;
      tally.activation += 5;
      return y;
    }
    case "gelu_tanh": {
      // 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³))): x·x, ·x, ·c, +x, ·k, tanh, +1, ·x, ·0.5
      const x2 = x * x;
      const x3 = x2 * x;
      const cubic = 0.044715 * x3;
      const inner = x + cubic;
      const argument = SQRT_2_OVER_PI * inner;
      const t = Math.tanh(argument);
      const onePlus = 1 + t;
      const timesX = x * onePlus;
      const y = 0.5 * timesX;
      tally.activation += 9;
      return y;
    }
    case "relu": {
      tally.activation += 1;
      return Math.max(0, x);
    }
  }
}

/** activation(gate) × up for one hidden unit of a gated MLP: the product is 1 more op. */
export function gatedUnit(kind: Activation, gate: number, up: number, tally: Tally): number {
  const y = activate(kind, gate, tally) * up;
  tally.activation += 1;
  return y;
}

/**
 * The error function to ~1e-15: Maclaurin series below 3, the classic
 * continued fraction for erfc above (Math has no erf).
 */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  if (ax < 3) {
    // 2/√π Σ (−1)^n x^(2n+1) / (n!·(2n+1))
    const x2 = ax * ax;
    let power = ax; // (−1)^n x^(2n+1) / n!
    let sum = ax;
    for (let n = 1; n < 200; n++) {
      power *= -x2 / n;
      const term = power / (2 * n + 1);
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    }
    return (sign * 2 * sum) / Math.sqrt(Math.PI);
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated bottom-up
  let fraction = ax;
  for (let k = 80; k >= 1; k--) fraction = ax + k / 2 / fraction;
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / fraction;
  return sign * (1 - erfc);
}
