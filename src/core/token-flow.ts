/**
 * One generated token through the model, block by block, with the FLOPs each
 * block does and the bytes it reads from memory: the data of the signature
 * figure (src/charts/token-flow.ts).
 *
 * A matrix-vector product, which is what one token's projections are, does
 * one multiply-add (2 FLOPs) per weight it reads, so a projection reads
 * FLOPs / 2 weights. Attention over the KV cache reads the whole cache (every
 * layer's keys and values for the S tokens of context). Norms, softmax and
 * activations are left out: well under 1% of the FLOPs.
 *
 * Pure, ES2022, no DOM.
 */
import { decodeFlops } from "./flops";
import { bytesOf, kvCacheBytes, type Dtype } from "./memory";
import type { ModelSpec } from "./model";

/** The blocks a token passes through, in order. */
export const TOKEN_FLOW_BLOCKS = ["embedding", "qkv", "attention", "outProj", "mlp", "logits"] as const;
/** One of {@link TOKEN_FLOW_BLOCKS}. */
export type TokenFlowBlockId = (typeof TOKEN_FLOW_BLOCKS)[number];

/** One block, summed over all layers for the blocks inside the layer stack. */
export interface TokenFlowBlock {
  id: TokenFlowBlockId;
  label: string;
  /** Whether the block sits inside the repeated decoder layer. */
  inLayer: boolean;
  /** FLOPs of this block for one generated token, all layers together. */
  flops: bigint;
  /** Bytes this block reads from memory for the token: weights, or the KV cache for attention. */
  bytes: bigint;
}

/** The token's path, and what the figure's labels need. */
export interface TokenFlow {
  model: string;
  context: number;
  layers: number;
  dtype: Dtype;
  blocks: TokenFlowBlock[];
  /** Sum of the blocks' FLOPs (the matrix terms of decodeFlops). */
  totalFlops: bigint;
  totalBytes: bigint;
}

/**
 * The blocks of one decoding step at context S for a model with standard
 * (multi-head or grouped-query) attention. Other attention kinds are refused
 * with a RangeError naming the model: their caches are read in other shapes.
 */
export function tokenFlow(spec: ModelSpec, context: number, dtype: Dtype = "bf16"): TokenFlow {
  if (spec.attention.kind !== "standard") {
    throw new RangeError(`${spec.name}: the token-flow figure covers standard (multi-head or grouped-query) attention only`);
  }
  const t = decodeFlops(spec, context).terms;
  const weightsRead = (flops: bigint): bigint => bytesOf(flops / 2n, dtype);
  const block = (id: TokenFlowBlockId, label: string, inLayer: boolean, flops: bigint, bytes: bigint): TokenFlowBlock => ({ id, label, inLayer, flops, bytes });
  const qkv = t.qProj + t.kProj + t.vProj;
  const mlp = t.mlp + t.sharedExperts + t.experts + t.router;
  const blocks = [
    block("embedding", "Embedding lookup", false, 0n, bytesOf(BigInt(spec.hiddenSize), dtype)),
    block("qkv", "Q, K, V projections", true, qkv, weightsRead(qkv)),
    block("attention", "Attention over the KV cache", true, t.attnScores + t.attnValues, kvCacheBytes(spec, context, { dtype })),
    block("outProj", "Output projection", true, t.outProj, weightsRead(t.outProj)),
    block("mlp", spec.moe ? "Experts (the routed few) and router" : "MLP", true, mlp, weightsRead(mlp)),
    block("logits", "LM head: logits over the vocabulary", false, t.logits, weightsRead(t.logits)),
  ];
  return {
    model: spec.name,
    context,
    layers: spec.numLayers,
    dtype,
    blocks,
    totalFlops: blocks.reduce((sum, b) => sum + b.flops, 0n),
    totalBytes: blocks.reduce((sum, b) => sum + b.bytes, 0n),
  };
}
