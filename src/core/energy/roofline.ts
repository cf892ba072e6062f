import { decodeFlops, forwardFlops, prefillFlops, type FlopCount } from "../flops";
import { formatDatasheet, formatSI } from "../format";
import { kvCacheBytes, weightBytes, type Dtype, DTYPES } from "../memory";
import type { ModelSpec } from "../model";
import { peakFlopsFor, type ComputePrecision, type HardwarePreset, COMPUTE_PRECISIONS } from "./hardware";
import { type Assumptions, EnergyInputError, fraction, nonNegative, wholeNumber } from "./inputs";
import { weightTraffic } from "./traffic";

/**
 * Ceiling on the share of peak FLOP/s a matmul kernel reaches when it is
 * compute-bound: a kernel efficiency, not a step's achieved MFU (FLOPs done /
 * (step time × peak), see src/core/inference/utilization.ts), which a
 * memory-bound decode step keeps far below it. 0.5 is a round figure near
 * PaLM's 46.2% training MFU (Chowdhery et al. 2022, Appendix B): large
 * matmuls on a well-tuned stack, the regime prefill and large-batch decode
 * are in.
 */
export const DEFAULT_UTILIZATION = 0.5;

/**
 * Share of datasheet HBM bandwidth that a kernel streaming weights or a KV
 * cache reaches. Streaming benchmarks on HBM GPUs reach roughly 80–90% of the
 * datasheet figure; 0.8 takes the low end because decode kernels also wait on
 * launches and synchronisation.
 */
export const DEFAULT_BANDWIDTH_EFFICIENCY = 0.8;

/** Which resource limits a step. */
export type Bound = "compute" | "memory";

/**
 * How the two kernel groups of a step share time. "sequential": the matmuls
 * over weights and attention over the KV cache run one after the other, each
 * limited by its own resource (Σ max). "perfect": all compute overlaps all
 * memory traffic (max Σ), the textbook roofline and a lower bound on time.
 */
export type Overlap = "sequential" | "perfect";

/** Options of {@link decodeStep} and {@link prefillStep}. */
export interface StepOptions {
  /**
   * Context S. Decode: the generated token is the S-th and attends to S keys.
   * Prefill: each prompt has S tokens.
   */
  context: number;
  /** Sequences in the step, B (default 1). */
  batch?: number;
  /** Storage format of weights and KV cache (default bf16). */
  dtype?: Dtype;
  /** Storage format of the KV cache when it differs from the weights' (default: `dtype`). */
  kvDtype?: Dtype;
  /** Tensor-core precision of the matmuls (default: fp8 for fp8 weights, fp16 for fp16, else bf16). */
  computePrecision?: ComputePrecision;
  /** GPUs the model is split over by tensor parallelism, G (default 1). */
  gpus?: number;
  /** Ceiling on the share of peak FLOP/s a compute-bound matmul reaches, in (0, 1] (default {@link DEFAULT_UTILIZATION}). */
  utilization?: number;
  /** Share of peak HBM bandwidth reached, in (0, 1] (default {@link DEFAULT_BANDWIDTH_EFFICIENCY}). */
  bandwidthEfficiency?: number;
  /** How compute and memory traffic overlap (default "sequential"). */
  overlap?: Overlap;
  /** Fixed cost of one all-reduce, seconds (default 0: bandwidth only). */
  allReduceLatencySeconds?: number;
  /** Count softmax, norm and activation arithmetic too (default false). */
  elementwise?: boolean;
}

/** One kernel group of a step, limited by its own roofline. */
export interface KernelGroup {
  /** FLOPs of the group, all GPUs together. */
  flops: bigint;
  /** Bytes the group moves to or from HBM, all GPUs together. */
  bytes: bigint;
  /** Per GPU: flops / G / (peak × utilization). */
  computeSeconds: number;
  /** Per GPU: bytes / G / (bandwidth × efficiency). */
  memorySeconds: number;
  /** max(computeSeconds, memorySeconds). */
  seconds: number;
  bound: Bound;
}

/** Time of one forward step of a batch on one or more GPUs, by roofline. */
export interface StepRoofline {
  phase: "decode" | "prefill";
  hardware: string;
  batch: number;
  context: number;
  gpus: number;
  dtype: Dtype;
  /** Storage format of the KV cache. */
  kvDtype: Dtype;
  /** The precision whose peak was used (fp8 falls back to bf16 on chips without fp8). */
  computePrecision: ComputePrecision;
  /** Tokens the step generates: B (prefill's last logits give each sequence its first token). */
  tokensProduced: number;
  /** Tokens the step runs through the model: B for decode, B·S for prefill. */
  tokensProcessed: number;
  /** FLOPs of the step, all GPUs together. */
  flops: bigint;
  /** Bytes moved to or from HBM, all GPUs together. */
  bytes: bigint;
  /** Matmuls over the weights (projections, MLP or experts, router, LM head): bytes are the weights read. */
  weights: KernelGroup;
  /** Attention over the KV cache (scores and weighted values): bytes are the KV cache read (decode) or written (prefill). */
  attention: KernelGroup;
  /** Distinct routed experts read per MoE layer (MoE only). */
  expertsPerLayer?: number;
  /** Σ compute seconds of both groups. */
  computeSeconds: number;
  /** Σ memory seconds of both groups. */
  memorySeconds: number;
  /** Tensor-parallel all-reduces, per GPU; 0 on one GPU. */
  communicationSeconds: number;
  /** The step's duration. */
  stepSeconds: number;
  /** The resource the step spends most of its compute-or-memory time waiting on. */
  bound: Bound;
  /** FLOPs per byte moved. */
  arithmeticIntensity: number;
  /** FLOPs per byte at which compute and memory time are equal on this hardware at these efficiencies. */
  ridgeIntensity: number;
  /** All weights (every expert) plus the batch's KV cache at context S, all GPUs together. */
  memoryFootprintBytes: bigint;
  /** Whether the footprint fits in G × HBM (activations and framework reserve not counted). */
  fitsInMemory: boolean;
  assumptions: Assumptions;
}

/** Generating one token for each of B sequences at context S. */
export function decodeStep(spec: ModelSpec, hardware: HardwarePreset, options: StepOptions): StepRoofline {
  const o = resolve(options);
  const count = decodeFlops(spec, o.context, { elementwise: o.elementwise });
  const kv = BigInt(o.batch) * kvCacheBytes(spec, o.context, { dtype: o.kvDtype });
  return step(spec, hardware, o, "decode", count, o.batch, kv);
}

/**
 * Scoring `tokens` new tokens per sequence after a context of S − 1 (the
 * first of them is the S-th token), logits for each: the verification pass of
 * speculative decoding. The weights are read once for all B·tokens tokens;
 * each sequence's KV cache (S − 1 + tokens positions) is read once.
 */
export function verifyStep(spec: ModelSpec, hardware: HardwarePreset, options: StepOptions & { tokens: number }): StepRoofline {
  const o = resolve(options);
  const tokens = wholeNumber(options.tokens, "tokens");
  const count = forwardFlops(spec, { tokens, past: o.context - 1, mask: "causal", logits: "all", mla: "absorbed", elementwise: o.elementwise });
  const kv = BigInt(o.batch) * kvCacheBytes(spec, o.context - 1 + tokens, { dtype: o.kvDtype });
  return step(spec, hardware, o, "decode", count, o.batch * tokens, kv);
}

/** Running B prompts of S tokens each through the model (logits for the last token of each). */
export function prefillStep(spec: ModelSpec, hardware: HardwarePreset, options: StepOptions): StepRoofline {
  const o = resolve(options);
  const count = prefillFlops(spec, o.context, { elementwise: o.elementwise });
  const kv = BigInt(o.batch) * kvCacheBytes(spec, o.context, { dtype: o.kvDtype });
  return step(spec, hardware, o, "prefill", count, o.batch * o.context, kv);
}

type Resolved = Required<Omit<StepOptions, "computePrecision">> & { computePrecision: ComputePrecision };

function resolve(options: StepOptions): Resolved {
  if (typeof options !== "object" || options === null) throw new EnergyInputError("options", "must be an object");
  const dtype = options.dtype ?? "bf16";
  if (!(DTYPES as readonly string[]).includes(dtype)) throw new EnergyInputError("dtype", `must be one of ${DTYPES.join(", ")}, got ${String(dtype)}`);
  const kvDtype = options.kvDtype ?? dtype;
  if (!(DTYPES as readonly string[]).includes(kvDtype)) throw new EnergyInputError("kvDtype", `must be one of ${DTYPES.join(", ")}, got ${String(kvDtype)}`);
  const computePrecision = options.computePrecision ?? (dtype === "fp8" ? "fp8" : dtype === "fp16" ? "fp16" : "bf16");
  if (!COMPUTE_PRECISIONS.includes(computePrecision)) {
    throw new EnergyInputError("computePrecision", `must be one of ${COMPUTE_PRECISIONS.join(", ")}, got ${String(computePrecision)}`);
  }
  const overlap = options.overlap ?? "sequential";
  if (overlap !== "sequential" && overlap !== "perfect") throw new EnergyInputError("overlap", `must be "sequential" or "perfect", got ${String(overlap)}`);
  return {
    context: wholeNumber(options.context, "context"),
    batch: wholeNumber(options.batch ?? 1, "batch"),
    dtype,
    kvDtype,
    computePrecision,
    gpus: wholeNumber(options.gpus ?? 1, "gpus"),
    utilization: fraction(options.utilization ?? DEFAULT_UTILIZATION, "utilization"),
    bandwidthEfficiency: fraction(options.bandwidthEfficiency ?? DEFAULT_BANDWIDTH_EFFICIENCY, "bandwidthEfficiency"),
    overlap,
    allReduceLatencySeconds: nonNegative(options.allReduceLatencySeconds ?? 0, "allReduceLatencySeconds"),
    elementwise: options.elementwise ?? false,
  };
}

function step(
  spec: ModelSpec,
  hardware: HardwarePreset,
  o: Resolved,
  phase: "decode" | "prefill",
  perSequence: FlopCount,
  tokensProcessed: number,
  kvBytes: bigint,
): StepRoofline {
  const batch = BigInt(o.batch);
  const attentionFlops = batch * (perSequence.terms.attnScores + perSequence.terms.attnValues + perSequence.terms.softmax);
  const flops = batch * perSequence.total;
  const traffic = weightTraffic(spec, o.dtype, tokensProcessed);
  const peak = peakFlopsFor(hardware, o.computePrecision);
  const flopRate = peak.flops * o.utilization * o.gpus;
  const byteRate = hardware.hbmBandwidth * o.bandwidthEfficiency * o.gpus;
  const weights = group(flops - attentionFlops, traffic.bytes, flopRate, byteRate);
  const attention = group(attentionFlops, kvBytes, flopRate, byteRate);
  const communicationSeconds = allReduceSeconds(spec, hardware, o, tokensProcessed);
  const computeSeconds = weights.computeSeconds + attention.computeSeconds;
  const memorySeconds = weights.memorySeconds + attention.memorySeconds;
  const overlapped = o.overlap === "perfect";
  const busy = overlapped ? Math.max(computeSeconds, memorySeconds) : weights.seconds + attention.seconds;
  const bound = overlapped ? (computeSeconds >= memorySeconds ? "compute" : "memory") : dominantBound([weights, attention]);
  const footprint = weightBytes(spec, o.dtype) + kvBytes;
  const bytes = traffic.bytes + kvBytes;
  const result: StepRoofline = {
    phase,
    hardware: hardware.id,
    batch: o.batch,
    context: o.context,
    gpus: o.gpus,
    dtype: o.dtype,
    kvDtype: o.kvDtype,
    computePrecision: peak.precision,
    tokensProduced: o.batch,
    tokensProcessed,
    flops,
    bytes,
    weights,
    attention,
    computeSeconds,
    memorySeconds,
    communicationSeconds,
    stepSeconds: busy + communicationSeconds,
    bound,
    arithmeticIntensity: Number(flops) / Number(bytes),
    ridgeIntensity: flopRate / byteRate,
    memoryFootprintBytes: footprint,
    fitsInMemory: Number(footprint) <= hardware.hbmBytes * o.gpus,
    assumptions: stepAssumptions(hardware, o, phase, peak.precision, traffic.expertsPerLayer, footprint),
  };
  if (traffic.expertsPerLayer !== undefined) result.expertsPerLayer = traffic.expertsPerLayer;
  return result;
}

function group(flops: bigint, bytes: bigint, flopRate: number, byteRate: number): KernelGroup {
  const computeSeconds = Number(flops) / flopRate;
  const memorySeconds = Number(bytes) / byteRate;
  return {
    flops,
    bytes,
    computeSeconds,
    memorySeconds,
    seconds: Math.max(computeSeconds, memorySeconds),
    bound: computeSeconds >= memorySeconds ? "compute" : "memory",
  };
}

/** The bound of the groups that take most of the step. */
function dominantBound(groups: readonly KernelGroup[]): Bound {
  let compute = 0;
  let memory = 0;
  for (const g of groups) {
    if (g.bound === "compute") compute += g.seconds;
    else memory += g.seconds;
  }
  return compute >= memory ? "compute" : "memory";
}

/** Bytes of one activation element sent in an all-reduce: bf16, whatever the weights are stored in. */
const ACTIVATION_BYTES = 2;

/**
 * Megatron-style tensor parallelism: per layer one all-reduce after attention
 * and one after the MLP, each of T·d activations. A ring all-reduce sends
 * 2(G−1)/G of the message through every GPU's link.
 */
function allReduceSeconds(spec: ModelSpec, hardware: HardwarePreset, o: Resolved, tokens: number): number {
  if (o.gpus === 1) return 0;
  const message = tokens * spec.hiddenSize * ACTIVATION_BYTES;
  const perAllReduce = ((2 * (o.gpus - 1)) / o.gpus) * message / hardware.interconnectBandwidth + o.allReduceLatencySeconds;
  return 2 * spec.numLayers * perAllReduce;
}

function stepAssumptions(
  hardware: HardwarePreset,
  o: Resolved,
  phase: "decode" | "prefill",
  precision: ComputePrecision,
  expertsPerLayer: number | undefined,
  footprint: bigint,
): Assumptions {
  const assumptions: Assumptions = {
    hardware: { value: hardware.name, note: `${hardware.citation.label}${hardware.citation.url ? ` (${hardware.citation.url})` : ""}` },
    computePrecision: {
      value: precision,
      note: precision === o.computePrecision
        ? `matmuls run at the dense ${precision} tensor-core peak, ${formatDatasheet(hardware.peakFlops[precision] ?? 0, "FLOP/s")} per GPU`
        : `${hardware.name} has no ${o.computePrecision} tensor cores: matmuls run at the dense ${precision} peak`,
    },
    utilization: {
      value: o.utilization,
      note: `ceiling on the share of peak FLOP/s the ${phase} matmuls reach when compute-bound (kernel efficiency, not the step's achieved MFU = FLOPs / (step time × peak), which a memory-bound step keeps far lower)${o.utilization === DEFAULT_UTILIZATION ? "; default 0.5, near PaLM's 46.2% MFU for large matmuls" : ""}`,
    },
    bandwidthEfficiency: {
      value: o.bandwidthEfficiency,
      note: `share of the datasheet's ${formatDatasheet(hardware.hbmBandwidth, "B/s")} HBM bandwidth reached${o.bandwidthEfficiency === DEFAULT_BANDWIDTH_EFFICIENCY ? "; default 0.8, the low end of what streaming kernels reach" : ""}`,
    },
    overlap: {
      value: o.overlap,
      note: o.overlap === "sequential"
        ? "matmuls over weights and attention over the KV cache run one after the other, each at max(compute, memory) time"
        : "all compute overlaps all memory traffic: step = max(total compute, total memory)",
    },
    weightsRead: {
      value: "once per step",
      note: "every weight a token of the step uses is read from HBM once per step; lookup tables only for the rows looked up; activations stay on chip and are not counted",
    },
    kvCache: {
      value: phase === "decode" ? "read" : "written",
      unit: o.kvDtype,
      note: phase === "decode"
        ? "each sequence's KV cache at context S is read once per step (sliding-window layers keep only their window)"
        : "each prompt's KV cache is written once; attention reads it from on-chip memory (FlashAttention-style)",
    },
    memoryCapacity: {
      value: Number(footprint) <= hardware.hbmBytes * o.gpus,
      note: `all weights + the batch's KV cache = ${formatSI(footprint, { unit: "B" })} against ${o.gpus} × ${formatDatasheet(hardware.hbmBytes, "B")} of HBM; activations and framework reserve not counted; the batch is not capped to fit`,
    },
  };
  if (expertsPerLayer !== undefined) {
    assumptions.expertsTouched = {
      value: expertsPerLayer,
      unit: "experts per MoE layer",
      note: "uniform, independent top-k routing: ⌈E·(1 − (1 − k/E)^T)⌉ distinct experts for T tokens in the step",
    };
  }
  assumptions.tensorParallel = {
    value: o.gpus,
    unit: "GPUs",
    note: o.gpus === 1
      ? "one GPU: no communication"
      : `FLOPs, weights and KV cache split evenly over ${o.gpus} GPUs; per layer 2 ring all-reduces of T·d bf16 activations, 2(G−1)/G of the message over ${hardware.interconnect} at ${formatDatasheet(hardware.interconnectBandwidth, "B/s")} per direction, ${o.allReduceLatencySeconds === 0 ? "latency ignored (bandwidth only)" : `plus ${o.allReduceLatencySeconds} s each`}, not overlapped with compute`,
  };
  return assumptions;
}
