import type { ModelSpec } from "../model";
import { costAssumptions, DEFAULT_USD_PER_GPU_HOUR, usdPerMillionTokens } from "./cost";
import type { HardwarePreset } from "./hardware";
import { type Assumptions, positive, wholeNumber } from "./inputs";
import { powerDraw, type PowerDraw, type PowerOptions, wattHours } from "./power";
import { type Bound, decodeStep, DEFAULT_UTILIZATION, prefillStep, type StepOptions, type StepRoofline } from "./roofline";

/** Options of {@link energyPerToken}: the step, the power and the price. */
export interface EnergyOptions extends Omit<StepOptions, "utilization">, PowerOptions {
  /** Share of peak FLOP/s decode matmuls reach (default {@link DEFAULT_UTILIZATION}). */
  decodeUtilization?: number;
  /** Share of peak FLOP/s prefill matmuls reach (default {@link DEFAULT_UTILIZATION}). */
  prefillUtilization?: number;
  /** Rental price of one GPU-hour, US$ (default {@link DEFAULT_USD_PER_GPU_HOUR}). */
  usdPerGpuHour?: number;
}

/** Time, energy and cost of one phase, per token. */
export interface PhaseEnergy {
  /** What a token is here: decode counts generated tokens, prefill counts prompt tokens. */
  perToken: "output token" | "prompt token";
  stepSeconds: number;
  bound: Bound;
  /** Tokens per step: B for decode, B·S for prefill. */
  tokensPerStep: number;
  tokensPerSecond: number;
  /** Power × step time / tokens per step. */
  joulesPerToken: number;
  usdPerMillionTokens: number;
  step: StepRoofline;
}

export interface EnergyReport {
  hardware: { id: string; name: string };
  /** B sequences each generating one token at context S. */
  decode: PhaseEnergy;
  /** B prompts of S tokens each. */
  prefill: PhaseEnergy;
  power: PowerDraw;
  /** Every assumption behind the figures, by name. */
  assumptions: Assumptions;
}

/**
 * Time, joules and dollars per token for decode (per generated token, B
 * sequences at context S) and prefill (per prompt token, B prompts of S
 * tokens) on G GPUs.
 */
export function energyPerToken(spec: ModelSpec, hardware: HardwarePreset, options: EnergyOptions): EnergyReport {
  const usdPerGpuHour = positive(options.usdPerGpuHour ?? DEFAULT_USD_PER_GPU_HOUR, "usdPerGpuHour");
  const decode = decodeStep(spec, hardware, { ...stepOptions(options), utilization: options.decodeUtilization ?? DEFAULT_UTILIZATION });
  const prefill = prefillStep(spec, hardware, { ...stepOptions(options), utilization: options.prefillUtilization ?? DEFAULT_UTILIZATION });
  const power = powerDraw(hardware, decode.gpus, options);
  return {
    hardware: { id: hardware.id, name: hardware.name },
    decode: phase(decode, power, usdPerGpuHour),
    prefill: phase(prefill, power, usdPerGpuHour),
    power,
    assumptions: {
      ...merged(decode, prefill),
      ...power.assumptions,
      ...costAssumptions(usdPerGpuHour),
      energyPerToken: { value: "power × step time / tokens", note: "decode per generated token (B per step); prefill per prompt token (B·S per step)" },
    },
  };
}

/** Options of {@link queryEnergy}: one request of P prompt tokens and O answer tokens, served in a batch of B. */
export interface QueryOptions extends Omit<EnergyOptions, "context"> {
  promptTokens: number;
  outputTokens: number;
}

export interface QueryEnergy {
  promptTokens: number;
  outputTokens: number;
  batch: number;
  /** The query's share of a prefill step of B prompts: power × step / B. */
  prefillJoules: number;
  /** O − 1 decode steps' share (prefill yields the first token), each priced at the mean context. */
  decodeJoules: number;
  joules: number;
  wattHours: number;
  /** joules / O: energy per output token with prefill amortised over the answer. */
  joulesPerOutputToken: number;
  /** Context at which decode steps are priced: P + O/2, rounded. */
  decodeContext: number;
  prefill: StepRoofline;
  /** Absent when the answer is one token (prefill produces it). */
  decode?: StepRoofline;
  power: PowerDraw;
  assumptions: Assumptions;
}

/**
 * Energy of one query: its prompt prefilled together with B − 1 others, then
 * its answer decoded in a batch of B. Decode costs grow linearly with context
 * (KV cache read, attention FLOPs), so the O − 1 decode steps, at contexts
 * P + 1 … P + O − 1, are priced at their mean context P + O/2.
 */
export function queryEnergy(spec: ModelSpec, hardware: HardwarePreset, options: QueryOptions): QueryEnergy {
  const promptTokens = wholeNumber(options.promptTokens, "promptTokens");
  const outputTokens = wholeNumber(options.outputTokens, "outputTokens");
  const batch = wholeNumber(options.batch ?? 1, "batch");
  const base = stepOptions(options);
  const prefill = prefillStep(spec, hardware, { ...base, context: promptTokens, utilization: options.prefillUtilization ?? DEFAULT_UTILIZATION });
  const power = powerDraw(hardware, prefill.gpus, options);
  const decodeContext = Math.round(promptTokens + outputTokens / 2);
  const decode = outputTokens > 1
    ? decodeStep(spec, hardware, { ...base, context: decodeContext, utilization: options.decodeUtilization ?? DEFAULT_UTILIZATION })
    : undefined;
  const prefillJoules = (power.watts * prefill.stepSeconds) / batch;
  const decodeJoules = decode ? ((outputTokens - 1) * power.watts * decode.stepSeconds) / batch : 0;
  const joules = prefillJoules + decodeJoules;
  const result: QueryEnergy = {
    promptTokens,
    outputTokens,
    batch,
    prefillJoules,
    decodeJoules,
    joules,
    wattHours: wattHours(joules),
    joulesPerOutputToken: joules / outputTokens,
    decodeContext,
    prefill,
    power,
    assumptions: {
      ...(decode ? merged(decode, prefill) : prefill.assumptions),
      ...power.assumptions,
      query: {
        value: `${promptTokens} prompt + ${outputTokens} output tokens`,
        note: `prefill shares a step with ${batch - 1} other prompts; the first answer token comes from prefill, the other ${outputTokens - 1} from decode steps shared by ${batch} sequences, priced at the mean context ${decodeContext}`,
      },
    },
  };
  if (decode) result.decode = decode;
  return result;
}

/** The step options among energy options (utilizations are set per phase). */
function stepOptions(options: EnergyOptions | QueryOptions): StepOptions {
  const o = options as Partial<EnergyOptions>;
  return {
    context: o.context as number,
    batch: o.batch,
    dtype: o.dtype,
    kvDtype: o.kvDtype,
    computePrecision: o.computePrecision,
    gpus: o.gpus,
    bandwidthEfficiency: o.bandwidthEfficiency,
    overlap: o.overlap,
    allReduceLatencySeconds: o.allReduceLatencySeconds,
    elementwise: o.elementwise,
  };
}

function phase(step: StepRoofline, power: PowerDraw, usdPerGpuHour: number): PhaseEnergy {
  const tokens = step.phase === "decode" ? step.tokensProduced : step.tokensProcessed;
  return {
    perToken: step.phase === "decode" ? "output token" : "prompt token",
    stepSeconds: step.stepSeconds,
    bound: step.bound,
    tokensPerStep: tokens,
    tokensPerSecond: tokens / step.stepSeconds,
    joulesPerToken: (power.watts * step.stepSeconds) / tokens,
    usdPerMillionTokens: usdPerMillionTokens(step.stepSeconds, tokens, step.gpus, usdPerGpuHour),
    step,
  };
}

/** Phase-specific assumptions get the phase in their name; the rest are shared. */
const PER_PHASE = ["utilization", "kvCache", "expertsTouched"] as const;

/** One set of assumptions for a decode and a prefill step of the same options. */
function merged(decode: StepRoofline, prefill: StepRoofline): Assumptions {
  const out: Assumptions = {};
  for (const [key, value] of Object.entries(decode.assumptions)) {
    if (!(PER_PHASE as readonly string[]).includes(key)) out[key] = value;
  }
  for (const key of PER_PHASE) {
    const suffix = key.charAt(0).toUpperCase() + key.slice(1);
    const d = decode.assumptions[key];
    const p = prefill.assumptions[key];
    if (d) out[`decode${suffix}`] = d;
    if (p) out[`prefill${suffix}`] = p;
  }
  return out;
}
