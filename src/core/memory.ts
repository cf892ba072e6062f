import { layerGroups } from "./layers";
import type { ModelSpec } from "./model";
import { countParams } from "./params";

/** Storage formats and their width in bits. */
export const DTYPE_BITS = { fp32: 32n, bf16: 16n, fp16: 16n, fp8: 8n, int8: 8n, int4: 4n } as const;
export type Dtype = keyof typeof DTYPE_BITS;
export const DTYPES = Object.keys(DTYPE_BITS) as Dtype[];

/** Bytes to hold `count` values of `dtype`, rounded up to whole bytes. */
export function bytesOf(count: bigint, dtype: Dtype): bigint {
  return (count * DTYPE_BITS[dtype] + 7n) / 8n;
}

/** Bytes of all weights stored in `dtype`. */
export function weightBytes(spec: ModelSpec, dtype: Dtype): bigint {
  return bytesOf(countParams(spec).total, dtype);
}

/**
 * What one layer caches per token: keys and values for every KV head, or for
 * MLA the compressed latent plus the shared rotary key ("latent"), or the
 * expanded per-head keys and values some implementations keep ("expanded").
 */
export function kvCacheValuesPerLayer(spec: ModelSpec, mla: "latent" | "expanded" = "latent"): bigint {
  const a = spec.attention;
  if (a.kind === "standard") return 2n * BigInt(a.numKvHeads) * BigInt(a.headDim);
  // DSA also caches one index key per token (DeepSeek keeps it in FP8; here it is stored like the rest).
  const indexKeys = BigInt(a.indexer?.headDim ?? 0);
  if (mla === "latent") return BigInt(a.kvLoraRank + a.qkRopeHeadDim) + indexKeys;
  return BigInt(a.numHeads) * BigInt(a.qkNopeHeadDim + a.qkRopeHeadDim + a.vHeadDim) + indexKeys;
}

export interface KvCacheOptions {
  dtype?: Dtype;
  mla?: "latent" | "expanded";
}

/** Bytes added to the KV cache by one more token, across all softmax-attention layers (before any sliding window fills). */
export function kvCacheBytesPerToken(spec: ModelSpec, options: KvCacheOptions = {}): bigint {
  const attentionLayers = layerGroups(spec).reduce((count, group) => count + (group.linear ? 0 : group.count), 0);
  return bytesOf(BigInt(attentionLayers) * kvCacheValuesPerLayer(spec, options.mla), options.dtype ?? "bf16");
}

/**
 * Bytes of the fixed-size recurrent state of one sequence, whatever its
 * length: per Gated DeltaNet layer, a dk × dv matrix per value head, per
 * Mamba-2 mixer a P × N matrix per head, and for both the last
 * convKernel − 1 inputs of the short convolution.
 */
export function recurrentStateBytes(spec: ModelSpec, dtype: Dtype = "bf16"): bigint {
  const m = spec.ssm;
  // Mamba-2 beside every layer: a P × N state per head and the conv tail over x, B, C.
  const ssm = m
    ? BigInt(spec.numLayers) * (BigInt(m.numHeads * m.headDim * m.stateSize) +
      BigInt(m.numHeads * m.headDim + 2 * m.numGroups * m.stateSize) * BigInt(m.convKernel - 1))
    : 0n;
  const l = spec.linearAttention;
  if (!l) return bytesOf(ssm, dtype);
  const layers = layerGroups(spec).reduce((count, group) => count + (group.linear ? group.count : 0), 0);
  const state = BigInt(l.numValueHeads * l.keyHeadDim * l.valueHeadDim);
  const convChannels = BigInt(2 * l.numKeyHeads * l.keyHeadDim + l.numValueHeads * l.valueHeadDim);
  return bytesOf(ssm + BigInt(layers) * (state + convChannels * BigInt(l.convKernel - 1)), dtype);
}

/**
 * Bytes of the KV cache of one sequence of `context` tokens. Sliding-window
 * layers keep only their window; chunked layers keep at most one chunk
 * (transformers' chunked cache holds the last attention_chunk_size tokens).
 */
export function kvCacheBytes(spec: ModelSpec, context: number, options: KvCacheOptions = {}): bigint {
  if (!Number.isSafeInteger(context) || context < 0) throw new RangeError(`context must be a non-negative integer, got ${String(context)}`);
  const perLayer = kvCacheValuesPerLayer(spec, options.mla);
  let values = 0n;
  for (const group of layerGroups(spec)) {
    if (group.linear) continue;
    const local = group.window ?? group.chunk;
    const kept = local === null ? context : Math.min(context, local);
    values += BigInt(group.count) * BigInt(kept) * perLayer;
  }
  return bytesOf(values, options.dtype ?? "bf16");
}
