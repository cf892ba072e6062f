import { decodeFlops, decodeNoCacheFlops, prefillFlops, trainFlops, type FlopCount } from "./flops";
import { exactRatio } from "./format";
import { type Dtype, kvCacheBytes, kvCacheBytesPerToken, recurrentStateBytes, weightBytes } from "./memory";
import type { ModelSpec } from "./model";
import { countParams, type ParamBreakdown, type ParamCount } from "./params";
import type { FlopTerm } from "./terms";

export interface ReportOptions {
  /** Context length S. */
  context: number;
  /** Sequences decoded together; scales the KV cache (FLOPs per token do not change). Default 1. */
  batch?: number;
  /** Storage format of weights and KV cache. Default bf16. */
  dtype?: Dtype;
  /** Include softmax, norm and activation arithmetic. Default false. */
  elementwise?: boolean;
}

/** A FLOP count as JSON: exact decimal strings, zero terms left out. */
export interface FlopJson {
  total: string;
  /** Tokens the count covers: 1 for decode, S for prefill and training. */
  tokens: number;
  /** total / tokens, rounded to one decimal. */
  perToken: string;
  terms: Partial<Record<FlopTerm, string>>;
}

export interface ModelReport {
  model: ModelSpec;
  context: number;
  batch: number;
  dtype: Dtype;
  params: {
    total: string;
    active: string;
    embedding: string;
    nonEmbedding: string;
    /** Multi-token-prediction modules (MiMo), counted apart from total and active; "0" without them. */
    multiTokenPrediction: string;
    breakdown: Record<keyof ParamBreakdown, string>;
    activeBreakdown: Record<keyof ParamBreakdown, string>;
  };
  flops: {
    decode: FlopJson;
    decodeNoCache: FlopJson;
    prefill: FlopJson;
    train: FlopJson;
    trainRecompute: FlopJson;
  };
  memory: {
    weightsBytes: string;
    kvCacheBytesPerToken: string;
    kvCacheBytesPerSequence: string;
    /** For `batch` sequences of `context` tokens. */
    kvCacheBytes: string;
    /** Fixed-size recurrent state of one sequence (linear-attention layers); "0" without them. */
    recurrentStateBytesPerSequence: string;
  };
}

/** Everything the CLI and the site show for one model at one context, exact: what `modelReport` writes as JSON. */
export interface ModelFigures {
  model: ModelSpec;
  context: number;
  batch: number;
  dtype: Dtype;
  params: ParamCount;
  flops: Record<keyof ModelReport["flops"], FlopCount>;
  memory: Record<keyof ModelReport["memory"], bigint>;
}

/** The counts for one model at one context, as bigints (the CLI's text report formats these). */
export function modelFigures(spec: ModelSpec, options: ReportOptions): ModelFigures {
  const { context } = options;
  const batch = options.batch ?? 1;
  if (!Number.isSafeInteger(batch) || batch < 1) throw new RangeError(`batch must be an integer ≥ 1, got ${String(batch)}`);
  const dtype = options.dtype ?? "bf16";
  const elementwise = options.elementwise ?? false;
  const perSequence = kvCacheBytes(spec, context, { dtype });
  return {
    model: spec,
    context,
    batch,
    dtype,
    params: countParams(spec),
    flops: {
      decode: decodeFlops(spec, context, { elementwise }),
      decodeNoCache: decodeNoCacheFlops(spec, context, { elementwise }),
      prefill: prefillFlops(spec, context, { elementwise }),
      train: trainFlops(spec, context, { elementwise }),
      trainRecompute: trainFlops(spec, context, { elementwise, recompute: true }),
    },
    memory: {
      weightsBytes: weightBytes(spec, dtype),
      kvCacheBytesPerToken: kvCacheBytesPerToken(spec, { dtype }),
      kvCacheBytesPerSequence: perSequence,
      kvCacheBytes: perSequence * BigInt(batch),
      recurrentStateBytesPerSequence: recurrentStateBytes(spec, dtype),
    },
  };
}

/** The figures as JSON-safe data: exact counts as decimal strings. */
export function reportJson(figures: ModelFigures): ModelReport {
  const { params, flops, memory } = figures;
  return {
    model: figures.model,
    context: figures.context,
    batch: figures.batch,
    dtype: figures.dtype,
    params: {
      total: params.total.toString(),
      active: params.active.toString(),
      embedding: params.embedding.toString(),
      nonEmbedding: params.nonEmbedding.toString(),
      multiTokenPrediction: params.multiTokenPrediction.toString(),
      breakdown: stringify(params.breakdown),
      activeBreakdown: stringify(params.activeBreakdown),
    },
    flops: {
      decode: flopJson(flops.decode),
      decodeNoCache: flopJson(flops.decodeNoCache),
      prefill: flopJson(flops.prefill),
      train: flopJson(flops.train),
      trainRecompute: flopJson(flops.trainRecompute),
    },
    memory: stringify(memory),
  };
}

/** Everything the CLI and the site show for one model at one context, as JSON-safe data. */
export function modelReport(spec: ModelSpec, options: ReportOptions): ModelReport {
  return reportJson(modelFigures(spec, options));
}

export function flopJson(count: FlopCount): FlopJson {
  const terms: Partial<Record<FlopTerm, string>> = {};
  for (const [term, value] of Object.entries(count.terms) as Array<[FlopTerm, bigint]>) {
    if (value !== 0n) terms[term] = value.toString();
  }
  return { total: count.total.toString(), tokens: count.tokens, perToken: exactRatio(count.total, BigInt(count.tokens), 1), terms };
}

function stringify<K extends string>(record: Record<K, bigint>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(record) as K[]) out[key] = record[key].toString();
  return out;
}
