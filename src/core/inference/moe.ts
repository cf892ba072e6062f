import { decodeFlops } from "../flops";
import type { Citation } from "../formula";
import { type HardwarePreset, peakFlopsFor, type ComputePrecision } from "../energy/hardware";
import { EnergyInputError, fraction, positive, wholeNumber } from "../energy/inputs";
import { moeLayerCount } from "../layers";
import { bytesOf, kvCacheBytes, type Dtype } from "../memory";
import type { ModelSpec } from "../model";
import { countParams, mlpParams } from "../params";
import { expertParallelBytesPerToken, type Interconnect } from "./interconnect";

/**
 * Expected distinct experts one MoE layer uses for T tokens, each picking k
 * of E experts uniformly and independently: E·(1 − (1 − k/E)^T). At large
 * batch nearly every expert is read: the FLOP saving of MoE stays, the byte
 * saving goes.
 */
export function expectedDistinctExperts(numExperts: number, expertsPerToken: number, tokens: number): number {
  const e = wholeNumber(numExperts, "numExperts");
  const k = wholeNumber(expertsPerToken, "expertsPerToken");
  const t = wholeNumber(tokens, "tokens", 0);
  if (k > e) throw new EnergyInputError("expertsPerToken", `must be at most numExperts (${e}), got ${k}`);
  return e * (1 - Math.pow(1 - k / e, t));
}

/**
 * Expected load of the busiest of G GPUs when each receives on average λ
 * token–expert pairs at random: λ + √(2 λ ln G) for λ ≫ ln G (the maximum of
 * G Poisson loads; Raab and Steger 1998, "Balls into bins: a simple and tight
 * analysis"). Returned as the factor over the mean, 1 + √(2 ln G / λ).
 */
export function loadImbalanceFactor(gpus: number, pairsPerGpu: number): number {
  const g = wholeNumber(gpus, "gpus");
  const lambda = positive(pairsPerGpu, "pairsPerGpu");
  return g === 1 ? 1 : 1 + Math.sqrt((2 * Math.log(g)) / lambda);
}

/** A kernel's measured ceiling, replacing the datasheet × efficiency for one kernel group. */
export interface KernelCeiling {
  flopsPerSecond: number;
  bytesPerSecond: number;
  citation: Citation;
}

/**
 * DeepSeek's MLA decode kernel as released in February 2025, on H800 SXM5:
 * "up to 3000 GB/s in memory-bound configuration and 580 TFLOPS in
 * computation-bound configuration" (bf16).
 */
export const FLASH_MLA_H800: KernelCeiling = {
  flopsPerSecond: 580e12,
  bytesPerSecond: 3000e9,
  citation: { label: "FlashMLA README (Feb 2025)", reference: "deepseek-ai/FlashMLA README, first release: 3000 GB/s memory-bound, 580 TFLOPS compute-bound on H800 SXM5 (bf16)", url: "https://github.com/deepseek-ai/FlashMLA" },
};

/** NVIDIA H800 SXM: the H100 SXM's compute and HBM, NVLink cut to 400 GB/s bidirectional (export variant). */
export const H800: HardwarePreset = {
  id: "h800-sxm",
  name: "NVIDIA H800 SXM",
  peakFlops: { bf16: 989.5e12, fp16: 989.5e12, fp8: 1979e12 },
  hbmBytes: 80e9,
  hbmBandwidth: 3.35e12,
  tdpWatts: 700,
  interconnectBandwidth: 200e9,
  interconnect: "NVLink (400 GB/s bidirectional)",
  citation: { label: "FlashMLA deep dive; NVIDIA H100 datasheet", reference: "H800 SXM5: 3.35 TB/s and 990 TFLOPS bf16 dense (FlashMLA deep-dive, Apr 2025), the H100 SXM datasheet figures; fp8 twice bf16 as on H100", url: "https://github.com/deepseek-ai/FlashMLA/blob/main/docs/20250422-new-kernel-deep-dive.md" },
};

/** Options of {@link expertParallelDecode}. */
export interface ExpertParallelOptions {
  /** GPUs in the expert-parallel group; attention runs data-parallel on the same GPUs. */
  gpus: number;
  /** Sequences each GPU decodes per step. */
  batchPerGpu: number;
  /** Context S each sequence attends to. */
  context: number;
  /** Routed experts held per GPU per layer (default E/G; more with redundant copies). */
  expertsPerGpu?: number;
  /** Tokens each sequence runs per step: 1, or 2 with one multi-token-prediction draft (default 1). */
  tokensPerSequence?: number;
  /** Tokens each sequence gains per step (default tokensPerSequence; less when drafts are rejected). */
  acceptedPerSequence?: number;
  /** Weights' storage (default fp8) and the matmuls' precision (default fp8). */
  dtype?: Dtype;
  computePrecision?: ComputePrecision;
  /** KV cache storage (default bf16). */
  kvDtype?: Dtype;
  /** Ceiling on the share of peak FLOP/s compute-bound matmuls reach (default 0.5). */
  utilization?: number;
  /** Share of HBM bandwidth streaming reaches (default 0.8). */
  bandwidthEfficiency?: number;
  /** The link dispatch and combine cross. */
  link: Interconnect;
  /** Share of all-to-all time hidden behind computation, [0, 1] (default 0: none). */
  allToAllOverlap?: number;
  /** Rows of the smallest tensor-core tile a grouped GEMM pads each expert's tokens to (default 64: Hopper's wgmma M). */
  gemmTileRows?: number;
  /** The attention kernel's measured ceiling (default: datasheet × efficiencies, like every other group). */
  attentionKernel?: KernelCeiling;
}

/** One kernel group of the per-GPU step. */
export interface GroupTime {
  flops: number;
  bytes: number;
  computeSeconds: number;
  memorySeconds: number;
  seconds: number;
}

/** One named addition to the roofline, in seconds per step (negative if it makes the step faster). */
export interface GapTerm {
  seconds: number;
  /** The factor or quantity behind it. */
  value: number;
  note: string;
}

export interface ExpertParallelStep {
  /** The roofline of one GPU's step: dense weights (attention projections, shared experts, dense layers, LM head), routed experts, attention over the KV cache. */
  dense: GroupTime;
  experts: GroupTime;
  attention: GroupTime;
  rooflineSeconds: number;
  /** What the roofline leaves out, each a stated term. */
  terms: { allToAll: GapTerm; smallGemms: GapTerm; loadImbalance: GapTerm; attentionKernel: GapTerm };
  seconds: number;
  /** Output tokens per second per GPU: by the roofline alone, and with every term. */
  rooflineTokensPerSecondPerGpu: number;
  tokensPerSecondPerGpu: number;
}

/**
 * One decode step of an MoE model served with expert parallelism and
 * data-parallel attention (DeepSeek-V3's decode deployment), per GPU. The
 * roofline sums three groups, each max(compute, memory); then four terms it
 * does not see: the all-to-all dispatch and combine over the link, grouped
 * GEMMs padding each expert's few tokens to a whole tile, the busiest GPU's
 * extra tokens (the step waits for it), and the attention kernel's real
 * ceiling instead of datasheet × efficiency.
 */
export function expertParallelDecode(spec: ModelSpec, hardware: HardwarePreset, options: ExpertParallelOptions): ExpertParallelStep {
  const moe = spec.moe;
  if (!moe) throw new EnergyInputError("model", `${spec.name} has no experts`);
  const gpus = wholeNumber(options.gpus, "gpus");
  const batch = wholeNumber(options.batchPerGpu, "batchPerGpu");
  const context = wholeNumber(options.context, "context");
  const perSequence = wholeNumber(options.tokensPerSequence ?? 1, "tokensPerSequence");
  const accepted = positive(options.acceptedPerSequence ?? perSequence, "acceptedPerSequence");
  const expertsPerGpu = positive(options.expertsPerGpu ?? moe.numExperts / gpus, "expertsPerGpu");
  const dtype = options.dtype ?? "fp8";
  const kvDtype = options.kvDtype ?? "bf16";
  const utilization = fraction(options.utilization ?? 0.5, "utilization");
  const efficiency = fraction(options.bandwidthEfficiency ?? 0.8, "bandwidthEfficiency");
  const overlapShare = options.allToAllOverlap ?? 0;
  if (!(overlapShare >= 0 && overlapShare <= 1)) throw new EnergyInputError("allToAllOverlap", `must be a number from 0 to 1, got ${String(overlapShare)}`);
  const tile = wholeNumber(options.gemmTileRows ?? 64, "gemmTileRows");
  const peak = peakFlopsFor(hardware, options.computePrecision ?? "fp8");
  const flopRate = peak.flops * utilization;
  const byteRate = hardware.hbmBandwidth * efficiency;

  const tokens = batch * perSequence;
  const counts = countParams(spec);
  const d = BigInt(spec.hiddenSize);
  const expertParams = mlpParams(spec.mlp, d, BigInt(moe.expertIntermediateSize));
  const moeLayers = moeLayerCount(spec);
  // Dense weights every GPU reads in full: everything active but the routed experts; lookup tables only for the rows used.
  let denseParams = counts.active - counts.activeBreakdown.experts;
  if (!spec.tiedEmbeddings) denseParams += BigInt(Math.min(tokens, spec.vocabSize)) * d - counts.embedding;
  const perToken = decodeFlops(spec, context, { mla: "absorbed" });
  const attentionFlopsPerToken = perToken.terms.attnScores + perToken.terms.attnValues + perToken.terms.softmax;
  const expertFlopsPerToken = 2n * counts.activeBreakdown.experts;
  const denseFlopsPerToken = perToken.total - attentionFlopsPerToken - expertFlopsPerToken;

  const globalTokens = tokens * gpus;
  const touched = expectedDistinctExperts(moe.numExperts, moe.expertsPerToken, globalTokens) / moe.numExperts;
  const expertBytes = moeLayers * expertsPerGpu * touched * Number(bytesOf(expertParams, dtype));
  const kvBytes = batch * Number(kvCacheBytes(spec, context, { dtype: kvDtype }));

  const dense = group(tokens * Number(denseFlopsPerToken), Number(bytesOf(denseParams, dtype)), flopRate, byteRate);
  const experts = group(tokens * Number(expertFlopsPerToken), expertBytes, flopRate, byteRate);
  const attention = group(tokens * Number(attentionFlopsPerToken), kvBytes, flopRate, byteRate);
  const rooflineSeconds = dense.seconds + experts.seconds + attention.seconds;

  // Tokens each expert gets per step, padded up to whole tiles by the grouped GEMM.
  const tokensPerExpert = (globalTokens * moe.expertsPerToken) / moe.numExperts;
  const padding = (Math.ceil(tokensPerExpert / tile) * tile) / tokensPerExpert;
  const imbalance = loadImbalanceFactor(gpus, tokens * moe.expertsPerToken);
  const padded = Math.max(experts.computeSeconds * padding, experts.memorySeconds);
  const unbalanced = Math.max(experts.computeSeconds * padding * imbalance, experts.memorySeconds);
  const kernel = options.attentionKernel;
  const attentionWithKernel = kernel ? Math.max(attention.flops / kernel.flopsPerSecond, attention.bytes / kernel.bytesPerSecond) : attention.seconds;
  const linkBytes = tokens * expertParallelBytesPerToken(spec, gpus);
  const allToAllSeconds = (linkBytes / options.link.bytesPerSecond) * (1 - overlapShare);

  const terms = {
    allToAll: {
      seconds: allToAllSeconds,
      value: linkBytes,
      note: `dispatch (fp8) and combine (bf16) of ${tokens} tokens × ${moe.expertsPerToken} experts × ${moeLayers} layers, ${gpus - 1}/${gpus} leaving the GPU: ${(linkBytes / 1e9).toFixed(2)} GB over ${options.link.name}, ${Math.round(overlapShare * 100)}% hidden behind compute`,
    },
    smallGemms: {
      seconds: padded - experts.seconds,
      value: padding,
      note: `each expert gets ${tokensPerExpert.toFixed(1)} tokens per step, padded to ${tile}-row tiles: ×${padding.toFixed(3)} expert compute`,
    },
    loadImbalance: {
      seconds: unbalanced - padded,
      value: imbalance,
      note: `the busiest of ${gpus} GPUs gets ×${imbalance.toFixed(3)} the mean ${tokens * moe.expertsPerToken} token–expert pairs (random routing, no rebalancing); the step waits for it`,
    },
    attentionKernel: {
      seconds: attentionWithKernel - attention.seconds,
      value: kernel ? kernel.flopsPerSecond : flopRate,
      note: kernel
        ? `attention at the kernel's measured ${(kernel.flopsPerSecond / 1e12).toFixed(0)} TFLOP/s and ${(kernel.bytesPerSecond / 1e9).toFixed(0)} GB/s (${kernel.citation.label}) instead of ${(flopRate / 1e12).toFixed(0)} TFLOP/s and ${(byteRate / 1e9).toFixed(0)} GB/s`
        : "attention at datasheet × efficiencies (no kernel figure given)",
    },
  };
  const seconds = dense.seconds + unbalanced + attentionWithKernel + allToAllSeconds;
  return {
    dense,
    experts,
    attention,
    rooflineSeconds,
    terms,
    seconds,
    rooflineTokensPerSecondPerGpu: (batch * accepted) / rooflineSeconds,
    tokensPerSecondPerGpu: (batch * accepted) / seconds,
  };
}

function group(flops: number, bytes: number, flopRate: number, byteRate: number): GroupTime {
  const computeSeconds = flops / flopRate;
  const memorySeconds = bytes / byteRate;
  return { flops, bytes, computeSeconds, memorySeconds, seconds: Math.max(computeSeconds, memorySeconds) };
}

/** A measured MoE serving throughput and what it was measured under. */
export interface MeasuredMoePoint {
  label: string;
  presetId: string;
  /** Output tokens per second per GPU, decode only. */
  tokensPerSecondPerGpu: number;
  /** Output tokens per second one user sees. */
  tokensPerSecondPerUser: number;
  /** Mean context (KV length) per output token. */
  context: number;
  /** Expert-parallel group size of the decode deployment. */
  gpus: number;
  /** Routed experts per GPU per layer, redundant copies included. */
  expertsPerGpu: number;
  /** Multi-token prediction: tokens run per sequence per step, and the probability the draft is accepted. */
  tokensPerSequence: number;
  draftAcceptance: number;
  citation: Citation;
}

/**
 * DeepSeek's production V3/R1 service over 24 hours (27–28 Feb 2025): each
 * H800 node decodes ~14.8k output tokens/s, users see 20–22 tokens/s, the
 * mean KV length per output token is 4,989; decode runs EP144 (18 nodes) with
 * 32 redundant experts, 2 routed experts per GPU; MTP's second token is
 * accepted 85–90% of the time (V3 report §5.4.3), midpoint used.
 */
export const DEEPSEEK_V3_SERVICE: MeasuredMoePoint = {
  label: "DeepSeek-V3/R1 production decode, H800, EP144",
  presetId: "deepseek-v3",
  tokensPerSecondPerGpu: 14_800 / 8,
  tokensPerSecondPerUser: 21,
  context: 4989,
  gpus: 144,
  expertsPerGpu: 2,
  tokensPerSequence: 2,
  draftAcceptance: 0.875,
  citation: {
    label: "DeepSeek inference system overview (Feb 2025)",
    reference: "DeepSeek-AI, Open Infra Index, Day 6: DeepSeek-V3/R1 Inference System Overview (decode EP144, ~14.8k output tokens/s per H800 node, 20–22 tokens/s per user, mean KV length 4,989); DeepSeek-V3 Technical Report §5.4.3 (MTP acceptance 85–90%)",
    url: "https://github.com/deepseek-ai/open-infra-index/blob/main/202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md",
  },
};

/** Sequences decoding at once on one GPU: throughput per GPU / the speed one user sees (Little's law). */
export function concurrencyPerGpu(point: Pick<MeasuredMoePoint, "tokensPerSecondPerGpu" | "tokensPerSecondPerUser">): number {
  return positive(point.tokensPerSecondPerGpu, "tokensPerSecondPerGpu") / positive(point.tokensPerSecondPerUser, "tokensPerSecondPerUser");
}
