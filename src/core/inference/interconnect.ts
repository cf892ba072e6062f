import type { Citation } from "../formula";
import { moeLayerCount } from "../layers";
import type { ModelSpec } from "../model";
import { EnergyInputError, positive, wholeNumber } from "../energy/inputs";

/** A GPU's link to the others, one direction, as its datasheet gives it. */
export interface Interconnect {
  id: string;
  name: string;
  /** Bytes per second one GPU can send (one direction). */
  bytesPerSecond: number;
  citation: Citation;
}

/**
 * NVLink inside a server, InfiniBand between servers (one 400 Gb/s NIC per
 * GPU, the HGX H100/H200 reference design). Datasheets quote NVLink
 * bidirectional: one direction is half.
 */
export const INTERCONNECTS: readonly Interconnect[] = [
  {
    id: "nvlink4",
    name: "NVLink 4 (H100/H200 SXM)",
    bytesPerSecond: 450e9,
    citation: { label: "NVIDIA H100 datasheet", reference: "NVIDIA H100 Tensor Core GPU datasheet: NVLink 900 GB/s (bidirectional)", url: "https://www.nvidia.com/en-us/data-center/h100/" },
  },
  {
    id: "nvlink5",
    name: "NVLink 5 (B200)",
    bytesPerSecond: 900e9,
    citation: { label: "NVIDIA HGX specifications", reference: "NVIDIA HGX B200: NVLink 1.8 TB/s per GPU (bidirectional)", url: "https://www.nvidia.com/en-us/data-center/hgx/" },
  },
  {
    id: "infiniband-ndr",
    name: "InfiniBand NDR, 400 Gb/s per GPU",
    bytesPerSecond: 50e9,
    citation: { label: "NVIDIA ConnectX-7 datasheet", reference: "NVIDIA ConnectX-7 400G adapter datasheet: up to 400 Gb/s InfiniBand NDR per port", url: "https://www.nvidia.com/en-us/networking/ethernet/connectx-7/" },
  },
];

export function interconnectById(id: string): Interconnect {
  const found = INTERCONNECTS.find((link) => link.id === id);
  if (!found) throw new EnergyInputError("link", `unknown link "${id.slice(0, 40)}" (known: ${INTERCONNECTS.map((l) => l.id).join(", ")})`);
  return found;
}

/** Bytes of one activation value sent between GPUs: bf16. */
export const ACTIVATION_BYTES = 2n;

/**
 * Tensor parallelism over G GPUs (Megatron-LM, Shoeybi et al. 2019): two
 * all-reduces of the d-wide activation per layer per token; a ring all-reduce
 * sends 2(G − 1)/G of the message out of every GPU. Bytes each GPU sends per
 * token, as a fraction-free rational: L · 2 · d · 2 bytes · 2(G − 1) / G.
 */
export function tensorParallelBytesPerToken(spec: ModelSpec, gpus: number): number {
  const g = wholeNumber(gpus, "gpus");
  const message = 2n * BigInt(spec.numLayers) * BigInt(spec.hiddenSize) * ACTIVATION_BYTES;
  return (Number(message) * 2 * (g - 1)) / g;
}

/**
 * Expert parallelism over G GPUs: in every MoE layer each token's activation
 * goes to its k experts (dispatch) and comes back weighted (combine). With
 * experts spread evenly, (G − 1)/G of the k copies leave the GPU. DeepSeek-V3
 * dispatches in fp8 (1 byte) and combines in bf16 (2 bytes) (DeepSeek-AI 2024,
 * V3 report §3.3). Bytes one token sends, both directions counted once each.
 */
export function expertParallelBytesPerToken(spec: ModelSpec, gpus: number, options: { dispatchBytes?: number; combineBytes?: number } = {}): number {
  const moe = spec.moe;
  if (!moe) throw new EnergyInputError("model", `${spec.name} has no experts: expert parallelism does not apply`);
  const g = wholeNumber(gpus, "gpus");
  const perValue = positive(options.dispatchBytes ?? 1, "dispatchBytes") + positive(options.combineBytes ?? 2, "combineBytes");
  const copies = moeLayerCount(spec) * moe.expertsPerToken * spec.hiddenSize;
  return (copies * perValue * (g - 1)) / g;
}

/**
 * The idle share of a pipeline of p stages fed m micro-batches (GPipe,
 * Huang et al. 2019): (p − 1) / (m + p − 1).
 */
export function pipelineBubble(stages: number, microBatches: number): number {
  const p = wholeNumber(stages, "stages");
  const m = wholeNumber(microBatches, "microBatches");
  return (p - 1) / (m + p - 1);
}

/** Bytes a token's activation crosses between pipeline stages: d · 2 bytes per boundary, p − 1 boundaries. */
export function pipelineBytesPerToken(spec: ModelSpec, stages: number): number {
  return (wholeNumber(stages, "stages") - 1) * spec.hiddenSize * Number(ACTIVATION_BYTES);
}

/** Seconds a GPU spends sending `bytes` over a link (bandwidth only). */
export function linkSeconds(bytes: number, link: Interconnect): number {
  if (!Number.isFinite(bytes) || bytes < 0) throw new EnergyInputError("bytes", `must be a number ≥ 0, got ${String(bytes)}`);
  return bytes / link.bytesPerSecond;
}
