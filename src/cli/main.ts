import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { DEFAULT_USD_PER_GPU_HOUR } from "../core/energy/cost";
import { energyPerToken } from "../core/energy/energy";
import { HARDWARE_PRESETS, hardwareById } from "../core/energy/hardware";
import { energyJson, type EnergyJson } from "../core/energy/json";
import { DEFAULT_BANDWIDTH_EFFICIENCY, DEFAULT_UTILIZATION } from "../core/energy/roofline";
import { keyText, ModelError } from "../core/errors";
import { importHfConfig, MAX_CONFIG_CHARS, SUPPORTED_MODEL_TYPES } from "../core/hf/import";
import { DTYPES } from "../core/memory";
import type { ModelSpec } from "../core/model";
import { PRESETS, presetById } from "../core/presets";
import { modelFigures, reportJson } from "../core/report";
import { computeBoundBatch } from "../core/inference/batch";
import { draftProblem, speculativeDecoding } from "../core/inference/speculative";
import { DEFAULT_CONTEXT, DEFAULT_DRAFT_TOKENS, MAX_DRAFT_TOKENS, parseArgs, printable, UsageError } from "./args";
import { renderEnergy, renderReport } from "./render";
import { oneLine, terminalLines } from "./terminal";

export const USAGE = `Usage: npm run -s flops -- <preset-id | path/to/config.json> [options]

How many FLOPs does this model spend per token? Exact parameter counts, FLOPs
per term (decode with and without a KV cache, prefill, training) and memory.

Arguments
  preset-id           one of the presets (see --list), e.g. llama-2-7b, mixtral-8x7b, deepseek-v3
  config.json         a Hugging Face config.json (at most ${MAX_CONFIG_CHARS.toLocaleString("en-US")} bytes); model_type one of:
                      ${SUPPORTED_MODEL_TYPES.join(", ")}

Options
  --context S         context length in tokens (default ${DEFAULT_CONTEXT}); 8k and 128k mean 8,192 and 131,072
  --batch B           sequences decoded together: scales the KV cache (default 1)
  --dtype T           storage format of weights and KV cache: ${DTYPES.join(", ")} (default bf16)
  --elementwise       also count softmax, norm and activation arithmetic

Time, energy and cost per token (roofline: decode of B sequences at context S, prefill of B prompts of S tokens)
  --gpu ID            one of ${HARDWARE_PRESETS.map((h) => h.id).join(", ")}
  --gpus G            GPUs the model is split over by tensor parallelism (default 1)
  --power-w W         measured average power of one GPU in watts (default: the GPU's TDP)
  --utilization U     share of peak FLOP/s compute-bound matmuls reach, above 0 and at most 1 (default ${DEFAULT_UTILIZATION}):
                      a ceiling, not the achieved MFU the report prints; HBM bandwidth at ${DEFAULT_BANDWIDTH_EFFICIENCY} of peak
  --usd-per-gpu-hour P  rental price of one GPU-hour in US$ (default ${DEFAULT_USD_PER_GPU_HOUR}, an assumption)
  --kv-dtype T        storage format of the KV cache when it differs from --dtype: ${DTYPES.join(", ")}
  --draft ID          speculative decoding: the draft model's preset id (decode of B sequences at context S)
  --acceptance A      with --draft: probability that the target accepts one draft token, 0 to 1
  --draft-tokens K    with --draft: draft tokens proposed per iteration, 1 to ${MAX_DRAFT_TOKENS} (default ${DEFAULT_DRAFT_TOKENS})
  --json              print one JSON object; counts are decimal strings
  --list              list the presets
  -h, --help          show this help

Exit status: 0 on success, 2 for bad input (one line on stderr naming the problem).`;

interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Unknown config keys named in the note; more are counted, not listed. */
const MAX_LISTED_KEYS = 40;

/**
 * Runs the CLI and returns its exit status; never throws. Everything written
 * passes through `terminalLines`, and every error is one line.
 */
export function run(argv: readonly string[], output: Output): number {
  const io: Output = {
    out: (text) => output.out(terminalLines(text)),
    err: (text) => output.err(oneLine(text)),
  };
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.out(USAGE);
      return 0;
    }
    if (args.list) {
      for (const preset of PRESETS) io.out(`${preset.id.padEnd(20)} ${preset.spec.name}`);
      return 0;
    }
    if (args.model === undefined) throw new UsageError("give a preset id or a config.json path (see --help)");
    const { spec, source, notes } = loadModel(args.model);
    if (spec.positions.kind === "learned" && args.context > spec.positions.maxPositions) {
      notes.push(`the context ${args.context} is beyond the model's ${spec.positions.maxPositions} learned positions; the counts extrapolate`);
    }
    const figures = modelFigures(spec, { context: args.context, batch: args.batch, dtype: args.dtype, elementwise: args.elementwise });
    const energy = args.gpu === undefined ? undefined : energyFor(spec, args);
    if (args.json) {
      const report = reportJson(figures);
      io.out(JSON.stringify(energy === undefined ? { ...report, source, notes } : { ...report, source, notes, energy }, null, 2));
    } else {
      io.out(renderReport(figures, source, notes) + (energy === undefined ? "" : `\n\n${renderEnergy(energy, figures)}`));
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ModelError || error instanceof RangeError) {
      io.err(`error: ${error.message}`);
      return 2;
    }
    io.err(`internal error: ${error instanceof Error ? error.message : String(error)} (please report it)`);
    return 1;
  }
}

function energyFor(spec: ModelSpec, args: ReturnType<typeof parseArgs>): EnergyJson {
  const hardware = hardwareById(args.gpu as string);
  const utilization = args.utilization ?? DEFAULT_UTILIZATION;
  const shared = {
    context: args.context,
    batch: args.batch,
    dtype: args.dtype,
    ...(args.kvDtype === undefined ? {} : { kvDtype: args.kvDtype }),
    gpus: args.gpus ?? 1,
    elementwise: args.elementwise,
  };
  const power = args.powerWatts === undefined ? {} : { measuredWatts: args.powerWatts };
  const report = energyPerToken(spec, hardware, {
    ...shared,
    decodeUtilization: utilization,
    prefillUtilization: utilization,
    ...power,
    ...(args.usdPerGpuHour === undefined ? {} : { usdPerGpuHour: args.usdPerGpuHour }),
  });
  const json = energyJson(report, hardware);
  const { batch: _batch, ...perBatch } = shared;
  json.computeBoundBatch = computeBoundBatch(spec, hardware, { ...perBatch, utilization });
  if (args.draft !== undefined) {
    const draft = loadDraft(args.draft, spec);
    const s = speculativeDecoding(spec, draft.spec, hardware, {
      ...shared,
      utilization,
      ...power,
      acceptance: args.acceptance as number,
      draftTokens: args.draftTokens ?? DEFAULT_DRAFT_TOKENS,
    });
    json.speculative = {
      draft: draft.id,
      acceptance: s.acceptance,
      draftTokens: s.draftTokens,
      tokensPerIteration: s.tokensPerIteration,
      iterationSeconds: s.iterationSeconds,
      iterationFlops: s.iterationFlops.toString(),
      flopsPerToken: s.flopsPerToken,
      tokensPerSecond: s.tokensPerSecond,
      joulesPerToken: s.joulesPerToken,
      speedup: s.speedup,
      baseline: { flopsPerToken: s.baseline.flopsPerToken, tokensPerSecond: s.baseline.tokensPerSecond, joulesPerToken: s.baseline.joulesPerToken },
    };
  }
  return json;
}

/** The draft model: a smaller preset that shares the target's vocabulary (its tokens are what the target verifies). */
function loadDraft(id: string, target: ModelSpec): { id: string; spec: ModelSpec } {
  if (!PRESETS.some((preset) => preset.id === id)) throw new UsageError(`--draft must be a preset id (see --list), got ${printable(id)}`);
  const spec = presetById(id).spec;
  const problem = draftProblem(target, spec);
  if (problem !== null) throw new UsageError(`--draft ${id} cannot draft for this model: ${problem}`);
  return { id, spec };
}

function loadModel(argument: string): { spec: ModelSpec; source: string; notes: string[] } {
  if (PRESETS.some((preset) => preset.id === argument)) {
    const preset = presetById(argument);
    return { spec: preset.spec, source: `preset ${preset.id}: ${preset.citation.label}`, notes: [] };
  }
  if (!argument.endsWith(".json") && !argument.includes("/") && !argument.includes("\\")) {
    throw new UsageError(`${printable(argument)} is neither a preset (see --list) nor a path to a config.json`);
  }
  const text = readConfigText(argument);
  try {
    const imported = importHfConfig(text);
    const notes = [...imported.assumptions];
    const { unrecognized } = imported;
    if (unrecognized.length > 0) {
      const more = unrecognized.length > MAX_LISTED_KEYS ? `, and ${unrecognized.length - MAX_LISTED_KEYS} more` : "";
      notes.push(`keys not used by the count: ${unrecognized.slice(0, MAX_LISTED_KEYS).map(keyText).join(", ")}${more}`);
    }
    return { spec: imported.spec, source: argument, notes };
  } catch (error) {
    if (error instanceof ModelError) throw new UsageError(`${printable(argument)}: ${error.message}`);
    throw error;
  }
}

/**
 * The file's text, read through one open handle so the size checked is the
 * size read: never more than MAX_CONFIG_CHARS bytes, never a directory, pipe
 * or device.
 */
function readConfigText(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new UsageError(`cannot read ${printable(path)}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UsageError(`${printable(path)} is not a file`);
    const tooLarge = () => new UsageError(`${printable(path)} is ${stat.size.toLocaleString("en-US")} bytes; a config.json may be at most ${MAX_CONFIG_CHARS.toLocaleString("en-US")} bytes`);
    if (stat.size > MAX_CONFIG_CHARS) throw tooLarge();
    // One byte more than allowed tells a file that grew since fstat from one that fits.
    const buffer = Buffer.alloc(MAX_CONFIG_CHARS + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_CONFIG_CHARS) throw tooLarge();
    return buffer.toString("utf8", 0, length);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${printable(path)}: ${(error as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

const isEntryPoint = process.argv[1] !== undefined && /cli[\\/]main\.[cm]?[jt]s$/.test(process.argv[1]);
if (isEntryPoint) {
  process.exitCode = run(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
