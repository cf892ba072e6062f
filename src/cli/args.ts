import { findHardware, HARDWARE_PRESETS } from "../core/energy/hardware";
import { quoteText } from "../core/errors";
import { DTYPES, type Dtype } from "../core/memory";

export interface CliArgs {
  model?: string;
  context: number;
  batch: number;
  dtype: Dtype;
  json: boolean;
  elementwise: boolean;
  help: boolean;
  list: boolean;
  /** Hardware preset id; when absent, no time, energy or cost is printed. */
  gpu?: string;
  /** Tensor-parallel GPUs. */
  gpus?: number;
  /** Measured average power of one GPU, W. */
  powerWatts?: number;
  /** Share of peak FLOP/s reached, decode and prefill alike. */
  utilization?: number;
  usdPerGpuHour?: number;
  /** Storage format of the KV cache when it differs from --dtype. */
  kvDtype?: Dtype;
  /** Draft model preset for speculative decoding. */
  draft?: string;
  /** Probability that the target accepts one draft token. */
  acceptance?: number;
  /** Draft tokens proposed per iteration (default 4 with --draft). */
  draftTokens?: number;
}

/** Draft tokens per speculative iteration when --draft is given without --draft-tokens. */
export const DEFAULT_DRAFT_TOKENS = 4;
export const MAX_DRAFT_TOKENS = 64;

/** A command-line mistake: printed as one line, exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const DEFAULT_CONTEXT = 4096;
/** Contexts beyond this are not meaningful for any model and would only produce absurd numbers. */
export const MAX_CONTEXT = 2 ** 40;
export const MAX_BATCH = 1_000_000;
/** More GPUs than any tensor-parallel group has. */
export const MAX_GPUS = 4096;

const VALUE_OPTIONS = [
  "--context", "--batch", "--dtype", "--gpu", "--gpus", "--power-w", "--utilization", "--usd-per-gpu-hour",
  "--kv-dtype", "--draft", "--acceptance", "--draft-tokens",
] as const;
/** Options that only mean something with --gpu. */
const GPU_OPTIONS = [
  ["--gpus", "gpus"], ["--power-w", "powerWatts"], ["--utilization", "utilization"], ["--usd-per-gpu-hour", "usdPerGpuHour"],
  ["--kv-dtype", "kvDtype"], ["--draft", "draft"], ["--acceptance", "acceptance"], ["--draft-tokens", "draftTokens"],
] as const;
const FLAG_OPTIONS = ["--json", "--elementwise", "--help", "-h", "--list"] as const;

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { context: DEFAULT_CONTEXT, batch: 1, dtype: "bf16", json: false, elementwise: false, help: false, list: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const [flag, inline] = raw.startsWith("--") && raw.includes("=") ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)] : [raw, undefined];
    if ((VALUE_OPTIONS as readonly string[]).includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value (see --help)`);
      if (flag === "--context") args.context = integer(value, flag, 1, MAX_CONTEXT);
      else if (flag === "--batch") args.batch = integer(value, flag, 1, MAX_BATCH);
      else if (flag === "--dtype") args.dtype = dtype(value);
      else if (flag === "--gpu") args.gpu = gpu(value);
      else if (flag === "--gpus") args.gpus = integer(value, flag, 1, MAX_GPUS);
      else if (flag === "--power-w") args.powerWatts = decimal(value, flag, "a power in watts such as 450", 1e6);
      else if (flag === "--utilization") args.utilization = share(value, flag);
      else if (flag === "--kv-dtype") args.kvDtype = dtype(value, flag);
      else if (flag === "--draft") args.draft = value;
      else if (flag === "--acceptance") args.acceptance = probability(value, flag);
      else if (flag === "--draft-tokens") args.draftTokens = integer(value, flag, 1, MAX_DRAFT_TOKENS);
      else args.usdPerGpuHour = decimal(value, flag, "a price in US$ such as 2.5", 1e6);
    } else if ((FLAG_OPTIONS as readonly string[]).includes(flag)) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      if (flag === "--json") args.json = true;
      else if (flag === "--elementwise") args.elementwise = true;
      else if (flag === "--list") args.list = true;
      else args.help = true;
    } else if (flag.startsWith("-") && flag !== "-") {
      throw new UsageError(`unknown option ${printable(flag)} (see --help)`);
    } else if (args.model === undefined) {
      args.model = raw;
    } else {
      throw new UsageError(`unexpected argument ${printable(raw)}: give one model (a preset id or a config.json path)`);
    }
  }
  if (args.gpu === undefined) {
    for (const [flag, key] of GPU_OPTIONS) {
      if (args[key] !== undefined) throw new UsageError(`${flag} needs --gpu <preset> (one of ${hardwareIds()})`);
    }
  }
  if (args.draft === undefined) {
    if (args.acceptance !== undefined) throw new UsageError("--acceptance needs --draft <preset> (the draft model of speculative decoding)");
    if (args.draftTokens !== undefined) throw new UsageError("--draft-tokens needs --draft <preset> (the draft model of speculative decoding)");
  } else if (args.acceptance === undefined) {
    throw new UsageError("--draft needs --acceptance A: the probability that the target accepts one draft token, from 0 to 1, such as 0.8");
  }
  return args;
}

/** A probability in [0, 1]. */
function probability(text: string, flag: string): number {
  const trimmed = text.trim();
  const value = /^(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!(value >= 0 && value <= 1)) throw new UsageError(`${flag} expects a probability from 0 to 1, such as 0.8, got ${printable(text)}`);
  return value;
}

function hardwareIds(): string {
  return HARDWARE_PRESETS.map((h) => h.id).join(", ");
}

function gpu(text: string): string {
  const found = findHardware(text);
  if (!found) throw new UsageError(`--gpu must be one of ${hardwareIds()} (or a name such as H100, A100, MI300X), got ${printable(text)}`);
  return found.id;
}

/** A positive decimal such as 450, 0.5 or 2.75; no exponents, no units. */
function decimal(text: string, flag: string, example: string, max: number): number {
  const trimmed = text.trim();
  const value = /^(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new UsageError(`${flag} expects ${example} (a number above 0, at most ${max.toLocaleString("en-US")}), got ${printable(text)}`);
  }
  return value;
}

/** A share of a peak, in (0, 1]. */
function share(text: string, flag: string): number {
  const trimmed = text.trim();
  const value = /^(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!(value > 0 && value <= 1)) throw new UsageError(`${flag} expects a share of peak above 0 and at most 1, such as 0.5, got ${printable(text)}`);
  return value;
}

/** Accepts plain integers and the shorthands people type for contexts: 8192, 8_192, 8k, 128K, 1M, 1e6. */
function integer(text: string, flag: string, min: number, max: number): number {
  const match = /^(\d[\d_]*)([kKmM]?)$/.exec(text.trim());
  let value: number;
  if (match) {
    const scale = match[2] === "" ? 1 : /k/i.test(match[2] as string) ? 1024 : 1024 * 1024;
    value = Number((match[1] as string).replace(/_/g, "")) * scale;
  } else if (/^\d+(\.\d+)?e\d+$/i.test(text.trim())) {
    value = Number(text.trim());
  } else {
    throw new UsageError(`${flag} expects a whole number such as 4096 or 128k, got ${printable(text)}`);
  }
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max.toLocaleString("en-US")}, got ${printable(text)}`);
  }
  return value;
}

function dtype(text: string, flag = "--dtype"): Dtype {
  if (!(DTYPES as readonly string[]).includes(text)) throw new UsageError(`${flag} must be one of ${DTYPES.join(", ")}, got ${printable(text)}`);
  return text as Dtype;
}

/** Quotes user text for a message without letting control characters through. */
export function printable(text: string): string {
  return quoteText(text, 60);
}
