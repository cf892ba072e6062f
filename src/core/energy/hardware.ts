import type { Citation } from "../formula";
import { EnergyInputError, positive } from "./inputs";

/** Precisions a tensor core multiplies in. */
export type ComputePrecision = "bf16" | "fp16" | "fp8";
export const COMPUTE_PRECISIONS: readonly ComputePrecision[] = ["bf16", "fp16", "fp8"];

/**
 * One accelerator, as its datasheet describes it. Rates are floats (FLOP/s,
 * bytes/s); they only ever divide exact counts at the physics step.
 */
export interface HardwarePreset {
  /** Stable identifier used by the CLI, URLs and notebooks, e.g. "h100-sxm". */
  id: string;
  /** Display name, e.g. "NVIDIA H100 SXM". */
  name: string;
  /** Other names people type for it (matched without regard to case, spaces, hyphens or underscores). */
  aliases?: readonly string[];
  /**
   * Peak dense tensor-core FLOP/s by precision (without 2:4 sparsity, which
   * datasheets often quote and which a dense model cannot use). null where
   * the chip has no such tensor-core mode (A100 has no fp8).
   */
  peakFlops: Readonly<Record<ComputePrecision, number | null>>;
  /** HBM capacity in bytes (the datasheet's GB, 10^9 B). */
  hbmBytes: number;
  /** Peak HBM bandwidth, bytes/s. */
  hbmBandwidth: number;
  /** Thermal design power (board power) of one GPU, W. */
  tdpWatts: number;
  /** GPU-to-GPU bandwidth in one direction, bytes/s: half the bidirectional total datasheets quote. */
  interconnectBandwidth: number;
  /** The interconnect's name, e.g. "NVLink 4". */
  interconnect: string;
  citation: Citation;
  /** What the figures mean where the datasheet is ambiguous. */
  notes?: readonly string[];
}

const TB = 1e12;
const GB = 1e9;
const TFLOPS = 1e12;

/**
 * Five accelerators, dense figures from their vendors' datasheets. NVIDIA
 * quotes Hopper and Blackwell tensor-core rates with 2:4 sparsity; the dense
 * rate is half of it.
 */
export const HARDWARE_PRESETS: readonly HardwarePreset[] = [
  {
    id: "a100-sxm-80gb",
    aliases: ["A100", "A100 80GB", "A100 SXM", "NVIDIA A100"],
    name: "NVIDIA A100 80GB SXM",
    peakFlops: { bf16: 312 * TFLOPS, fp16: 312 * TFLOPS, fp8: null },
    hbmBytes: 80 * GB,
    hbmBandwidth: 2039 * GB,
    tdpWatts: 400,
    interconnectBandwidth: 300 * GB,
    interconnect: "NVLink 3 (600 GB/s bidirectional)",
    citation: {
      label: "NVIDIA A100 datasheet",
      reference: "NVIDIA A100 Tensor Core GPU datasheet (A100 80GB SXM column)",
      locator: "BF16/FP16 Tensor Core 312 TFLOPS (624 with sparsity); 80GB HBM2e; 2,039 GB/s; max TDP 400 W; NVLink 600 GB/s",
      url: "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf",
    },
    notes: ["No fp8 tensor cores: fp8 weights are multiplied at the bf16 rate."],
  },
  {
    id: "h100-sxm",
    aliases: ["H100", "H100 SXM5", "NVIDIA H100"],
    name: "NVIDIA H100 SXM",
    peakFlops: { bf16: 989.5 * TFLOPS, fp16: 989.5 * TFLOPS, fp8: 1979 * TFLOPS },
    hbmBytes: 80 * GB,
    hbmBandwidth: 3.35 * TB,
    tdpWatts: 700,
    interconnectBandwidth: 450 * GB,
    interconnect: "NVLink 4 (900 GB/s bidirectional)",
    citation: {
      label: "NVIDIA H100 datasheet",
      reference: "NVIDIA H100 Tensor Core GPU datasheet (H100 SXM column)",
      locator: "BF16/FP16 Tensor Core 1,979 TFLOPS and FP8 3,958 TFLOPS, both with sparsity; 80GB HBM3; 3.35 TB/s; up to 700 W; NVLink 900 GB/s",
      url: "https://www.nvidia.com/en-us/data-center/h100/",
    },
  },
  {
    id: "h200",
    aliases: ["H200 SXM", "NVIDIA H200"],
    name: "NVIDIA H200 SXM",
    peakFlops: { bf16: 989.5 * TFLOPS, fp16: 989.5 * TFLOPS, fp8: 1979 * TFLOPS },
    hbmBytes: 141 * GB,
    hbmBandwidth: 4.8 * TB,
    tdpWatts: 700,
    interconnectBandwidth: 450 * GB,
    interconnect: "NVLink 4 (900 GB/s bidirectional)",
    citation: {
      label: "NVIDIA H200 datasheet",
      reference: "NVIDIA H200 Tensor Core GPU datasheet (H200 SXM column)",
      locator: "BF16/FP16 Tensor Core 1,979 TFLOPS and FP8 3,958 TFLOPS, both with sparsity; 141GB HBM3e; 4.8 TB/s; up to 700 W; NVLink 900 GB/s",
      url: "https://www.nvidia.com/en-us/data-center/h200/",
    },
  },
  {
    id: "b200",
    aliases: ["NVIDIA B200", "HGX B200"],
    name: "NVIDIA B200 (HGX)",
    peakFlops: { bf16: 2250 * TFLOPS, fp16: 2250 * TFLOPS, fp8: 4500 * TFLOPS },
    hbmBytes: 180 * GB,
    hbmBandwidth: 7.7 * TB,
    tdpWatts: 1000,
    interconnectBandwidth: 900 * GB,
    interconnect: "NVLink 5 (1.8 TB/s bidirectional)",
    citation: {
      label: "NVIDIA HGX B200 specifications",
      reference: "NVIDIA HGX platform, technical specifications (HGX B200, per GPU)",
      locator: "FP16/BF16 Tensor Core 4.5 PFLOPS and FP8 9 PFLOPS, both with sparsity; 180GB HBM3E; 7.7 TB/s; configurable up to 1,000 W; NVLink 1.8 TB/s",
      url: "https://www.nvidia.com/en-us/data-center/hgx/",
    },
    notes: ["Earlier NVIDIA material gives 8 TB/s for B200; the HGX B200 table gives 7.7 TB/s, used here."],
  },
  {
    id: "mi300x",
    aliases: ["MI300", "AMD MI300X", "Instinct MI300X"],
    name: "AMD Instinct MI300X",
    peakFlops: { bf16: 1307.4 * TFLOPS, fp16: 1307.4 * TFLOPS, fp8: 2614.9 * TFLOPS },
    hbmBytes: 192 * GB,
    hbmBandwidth: 5.3 * TB,
    tdpWatts: 750,
    interconnectBandwidth: 448 * GB,
    interconnect: "Infinity Fabric (7 links × 128 GB/s bidirectional = 896 GB/s)",
    citation: {
      label: "AMD Instinct MI300X datasheet",
      reference: "AMD Instinct MI300X Accelerator data sheet",
      locator: "Peak FP16/BF16 1,307.4 TFLOPS (2,614.9 with sparsity); peak FP8 2,614.9 TFLOPS (5,229.8 with sparsity); 192 GB HBM3; 5.3 TB/s; 750 W peak board power; 7 Infinity Fabric links, 128 GB/s each",
      url: "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-data-sheet.pdf",
    },
    notes: ["The links form a full mesh to 7 peers; the aggregate is used as if one all-reduce could use every link."],
  },
];

/** The hardware preset with this id; an unknown id throws an error that lists the valid ones. */
export function hardwareById(id: string): HardwarePreset {
  const preset = findHardware(id);
  if (!preset) {
    throw new EnergyInputError("gpu", `unknown GPU "${id.slice(0, 60)}" (known: ${HARDWARE_PRESETS.map((p) => p.id).join(", ")})`);
  }
  return preset;
}

/** Lower case, with spaces, hyphens and underscores dropped: "H100 SXM", "h100-sxm" and "h100_sxm" read alike. */
function hardwareKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

/**
 * The preset a person means by `name`: its id, its marketing name or an
 * alias, in any case ("H100", "h100", "NVIDIA H100 SXM"); undefined when none.
 */
export function findHardware(name: string): HardwarePreset | undefined {
  if (name.length > 80) return undefined;
  const key = hardwareKey(name);
  return HARDWARE_PRESETS.find((p) => [p.id, p.name, ...(p.aliases ?? [])].some((candidate) => hardwareKey(candidate) === key));
}

/**
 * Checks a user-defined accelerator (from a notebook cell, a URL or JSON)
 * and returns a fresh copy; anything missing, non-finite or non-positive
 * throws an EnergyInputError naming the field, e.g. "hardware.hbmBandwidth".
 */
export function validateHardware(input: unknown): HardwarePreset {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new EnergyInputError("hardware", "must be an object");
  }
  const raw = input as Record<string, unknown>;
  const known = new Set(["id", "name", "peakFlops", "hbmBytes", "hbmBandwidth", "tdpWatts", "interconnectBandwidth", "interconnect", "citation", "notes"]);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) throw new EnergyInputError(`hardware.${key.slice(0, 40)}`, "is not a hardware field");
  }
  const peaks = raw.peakFlops;
  if (typeof peaks !== "object" || peaks === null) throw new EnergyInputError("hardware.peakFlops", "must be an object with bf16, fp16 and fp8 rates");
  for (const key of Object.keys(peaks)) {
    if (!(COMPUTE_PRECISIONS as readonly string[]).includes(key)) {
      throw new EnergyInputError(`hardware.peakFlops.${key.slice(0, 40)}`, `is not a precision the model uses (${COMPUTE_PRECISIONS.join(", ")})`);
    }
  }
  const rate = (precision: ComputePrecision): number | null => {
    const value = (peaks as Record<string, unknown>)[precision];
    return value === null || value === undefined ? null : positive(value, `hardware.peakFlops.${precision}`);
  };
  const peakFlops = { bf16: rate("bf16"), fp16: rate("fp16"), fp8: rate("fp8") };
  if (peakFlops.bf16 === null) throw new EnergyInputError("hardware.peakFlops.bf16", "is required (the rate dense bf16 matmuls run at)");
  const text = (value: unknown, field: string, fallback?: string): string => {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== "string" || value.trim() === "" || value.length > 200) throw new EnergyInputError(field, "must be a non-empty string of at most 200 characters");
    return value;
  };
  const name = text(raw.name, "hardware.name");
  const notes = raw.notes === undefined ? undefined : noteList(raw.notes);
  return {
    id: text(raw.id, "hardware.id", "custom"),
    name,
    peakFlops,
    hbmBytes: positive(raw.hbmBytes, "hardware.hbmBytes"),
    hbmBandwidth: positive(raw.hbmBandwidth, "hardware.hbmBandwidth"),
    tdpWatts: positive(raw.tdpWatts, "hardware.tdpWatts"),
    interconnectBandwidth: positive(raw.interconnectBandwidth, "hardware.interconnectBandwidth"),
    interconnect: text(raw.interconnect, "hardware.interconnect", "unspecified"),
    citation: raw.citation === undefined ? { label: name, reference: "user-defined hardware" } : citation(raw.citation),
    ...(notes === undefined ? {} : { notes }),
  };
}

function citation(value: unknown): Citation {
  if (typeof value !== "object" || value === null) throw new EnergyInputError("hardware.citation", "must be an object with label and reference");
  const raw = value as Record<string, unknown>;
  const out: Citation = { label: shortText(raw.label, "hardware.citation.label"), reference: shortText(raw.reference, "hardware.citation.reference") };
  if (raw.locator !== undefined) out.locator = shortText(raw.locator, "hardware.citation.locator");
  if (raw.url !== undefined) out.url = shortText(raw.url, "hardware.citation.url");
  for (const key of Object.keys(raw)) {
    if (!["label", "reference", "locator", "url"].includes(key)) throw new EnergyInputError(`hardware.citation.${key.slice(0, 40)}`, "is not a citation field");
  }
  return out;
}

function noteList(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > 20) throw new EnergyInputError("hardware.notes", "must be a list of at most 20 strings");
  return value.map((note, i) => shortText(note, `hardware.notes[${i}]`));
}

function shortText(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "" || value.length > 500) throw new EnergyInputError(field, "must be a non-empty string of at most 500 characters");
  return value;
}

/**
 * The peak a matmul in `precision` runs at, and the precision actually used:
 * without fp8 tensor cores (A100) fp8 weights are multiplied at the bf16 rate.
 */
export function peakFlopsFor(hardware: HardwarePreset, precision: ComputePrecision): { flops: number; precision: ComputePrecision } {
  const rate = hardware.peakFlops[precision];
  if (rate !== null) return { flops: rate, precision };
  const bf16 = hardware.peakFlops.bf16;
  if (bf16 === null) throw new EnergyInputError("hardware.peakFlops.bf16", `${hardware.name} has no bf16 rate`);
  return { flops: bf16, precision: "bf16" };
}
