import { readFileSync, statSync } from "node:fs";
import { DEFAULT_USD_PER_GPU_HOUR } from "../core/energy/cost";
import { energyPerToken } from "../core/energy/energy";
import { HARDWARE_PRESETS, hardwareById } from "../core/energy/hardware";
import { energyJson, type EnergyJson } from "../core/energy/json";
import { DEFAULT_BANDWIDTH_EFFICIENCY, DEFAULT_UTILIZATION } from "../core/energy/roofline";
import { ModelError } from "../core/errors";
import { importHfConfig, MAX_CONFIG_CHARS, SUPPORTED_MODEL_TYPES } from "../core/hf/import";
import { DTYPES } from "../core/memory";
import type { ModelSpec } from "../core/model";
import { PRESETS, presetById } from "../core/presets";
import { modelReport } from "../core/report";
import { DEFAULT_CONTEXT, parseArgs, printable, UsageError } from "./args";
import { renderEnergy, renderReport } from "./render";

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
  --utilization U     share of peak FLOP/s the matmuls reach, above 0 and at most 1 (default ${DEFAULT_UTILIZATION}); HBM bandwidth at ${DEFAULT_BANDWIDTH_EFFICIENCY} of peak
  --usd-per-gpu-hour P  rental price of one GPU-hour in US$ (default ${DEFAULT_USD_PER_GPU_HOUR}, an assumption)
  --json              print one JSON object; counts are decimal strings
  --list              list the presets
  -h, --help          show this help

Exit status: 0 on success, 2 for bad input (one line on stderr naming the problem).`;

interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Runs the CLI and returns its exit status; never throws. */
export function run(argv: readonly string[], io: Output): number {
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
    const report = modelReport(spec, { context: args.context, batch: args.batch, dtype: args.dtype, elementwise: args.elementwise });
    const energy = args.gpu === undefined ? undefined : energyFor(spec, args);
    if (args.json) {
      io.out(JSON.stringify(energy === undefined ? { ...report, source, notes } : { ...report, source, notes, energy }, null, 2));
    } else {
      io.out(renderReport(report, source, notes) + (energy === undefined ? "" : `\n\n${renderEnergy(energy, report)}`));
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
  const report = energyPerToken(spec, hardware, {
    context: args.context,
    batch: args.batch,
    dtype: args.dtype,
    gpus: args.gpus ?? 1,
    elementwise: args.elementwise,
    decodeUtilization: utilization,
    prefillUtilization: utilization,
    ...(args.powerWatts === undefined ? {} : { measuredWatts: args.powerWatts }),
    ...(args.usdPerGpuHour === undefined ? {} : { usdPerGpuHour: args.usdPerGpuHour }),
  });
  return energyJson(report, hardware);
}

function loadModel(argument: string): { spec: ModelSpec; source: string; notes: string[] } {
  if (PRESETS.some((preset) => preset.id === argument)) {
    const preset = presetById(argument);
    return { spec: preset.spec, source: `preset ${preset.id}: ${preset.citation.label}`, notes: [] };
  }
  if (!argument.endsWith(".json") && !argument.includes("/") && !argument.includes("\\")) {
    throw new UsageError(`${printable(argument)} is neither a preset (see --list) nor a path to a config.json`);
  }
  let size: number;
  try {
    const stat = statSync(argument);
    if (!stat.isFile()) throw new UsageError(`${printable(argument)} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${printable(argument)}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  if (size > MAX_CONFIG_CHARS) {
    throw new UsageError(`${printable(argument)} is ${size.toLocaleString("en-US")} bytes; a config.json may be at most ${MAX_CONFIG_CHARS.toLocaleString("en-US")} bytes`);
  }
  try {
    const imported = importHfConfig(readFileSync(argument, "utf8"));
    const notes = [
      ...imported.assumptions,
      ...(imported.unrecognized.length > 0 ? [`keys not used by the count: ${imported.unrecognized.join(", ")}`] : []),
    ];
    return { spec: imported.spec, source: argument, notes };
  } catch (error) {
    if (error instanceof ModelError) throw new UsageError(`${argument}: ${error.message}`);
    throw error;
  }
}

const isEntryPoint = process.argv[1] !== undefined && /cli[\\/]main\.[cm]?[jt]s$/.test(process.argv[1]);
if (isEntryPoint) {
  process.exitCode = run(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
