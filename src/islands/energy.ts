/**
 * Energy: a model on a GPU, decoding a batch at a context. Time, energy and
 * cost per token of a decode step (per generated token) and of a prefill
 * step (per prompt token) side by side, the energy of one chat request, the
 * roofline both steps sit on, and every assumption behind the numbers.
 */
import { legendHtml } from "../charts/legend";
import { ROOF_SERIES, ROOF_STYLES, roofLabel, rooflineChart, type RooflineData, type RooflinePoint } from "../charts/roofline";
import { chartHtml } from "../charts/serialize";
import { DEFAULT_USD_PER_GPU_HOUR } from "../core/energy/cost";
import { energyPerToken, queryEnergy, type EnergyOptions, type EnergyReport, type PhaseEnergy, type QueryEnergy } from "../core/energy/energy";
import type { ModelSpec } from "../core/model";
import { findHardware, HARDWARE_PRESETS, type HardwarePreset } from "../core/energy/hardware";
import type { Assumption, Assumptions } from "../core/energy/inputs";
import { ML_ENERGY_WORKLOAD } from "../core/energy/measured";
import { DEFAULT_BANDWIDTH_EFFICIENCY, DEFAULT_UTILIZATION } from "../core/energy/roofline";
import { formatDatasheet, formatDuration, formatEnergy, formatMoney, formatPercent, formatSI, formatSignificant, formatWattHours, groupDigits } from "../core/format";
import { DTYPES, type Dtype } from "../core/memory";
import { PRESETS, presetById } from "../core/presets";
import { draftProblem, speculativeDecoding } from "../core/inference/speculative";
import { stepUtilization } from "../core/inference/utilization";
import {
  CONTEXT_CONTROL,
  presetSelectHtml,
  unknownControl,
  type NumberControl,
} from "./controls";
import { DTYPE_FIELD, fieldGroup, numberField, selectHtml, type Field } from "./fields";
import { controlsFrame, outputFrame } from "./frame";
import { countHtml } from "./html";
import { checkQueryKeys, describeValue, MAX_ID_CHARS, oneOf, presetFor, readProps, wholeNumber } from "./inputs";
import { html, rawHtml, type Html, type HtmlValue } from "../core/html";
import { IslandInputError, type ControlState, type IslandDefinition } from "./island";

/** A preset model served on one kind of GPU. */
export interface EnergyProps {
  /** Preset id (src/core/presets.ts), e.g. "llama-3.1-8b". */
  model: string;
  /** Hardware preset id (src/core/energy/hardware.ts), e.g. "h100-sxm". */
  gpu: string;
  /** Sequences decoded together, B (prefill: prompts run together). */
  batch: number;
  /** Context length S: decode generates the S-th token; prefill runs prompts of S tokens. */
  S: number;
  /** GPUs the model is split over by tensor parallelism within one server, G: 1, 2, 4 or 8. */
  gpus: number;
  /** Storage format of weights and KV cache. */
  dtype: Dtype;
  /** Measured average power of one GPU, W; absent: the GPU's TDP (an upper bound). */
  watts?: number;
  /** Rental price of one GPU-hour, US$ (default the core's {@link DEFAULT_USD_PER_GPU_HOUR}); set by props only. */
  usdPerGpuHour: number;
  /** Storage format of the KV cache; absent: the same as the weights (`dtype`). */
  kvDtype?: Dtype;
  /** Speculative decoding: the draft model's preset id (same vocabulary as `model`); absent: plain decode. */
  draft?: string;
  /** With `draft`: chance, in percent, that the target accepts one draft token (default {@link DEFAULT_ACCEPTANCE}). */
  acceptance?: number;
  /** With `draft`: draft tokens proposed per iteration (default {@link DEFAULT_DRAFT_TOKENS}). */
  draftTokens?: number;
}

/** Acceptance shown by the control when the props leave it out, percent. */
export const DEFAULT_ACCEPTANCE = 80;
/** Draft tokens shown by the control when the props leave them out. */
export const DEFAULT_DRAFT_TOKENS = 4;
/** The KV select's and the draft select's value for "not set". */
export const SAME_AS_WEIGHTS = "same";
export const NO_DRAFT = "none";

/** Acceptance α in percent: 0 to 100 in steps of 5 on the slider. */
export const ACCEPTANCE_CONTROL: NumberControl = {
  key: "alpha",
  label: "Acceptance α",
  hint: "% of draft tokens the target accepts",
  range: { min: 0, max: 100 },
  slider: { kind: "linear", min: 0, max: 100, step: 5 },
  unit: "%",
};

/** Draft tokens γ per speculative iteration: 1 to 16. */
export const DRAFT_TOKENS_CONTROL: NumberControl = {
  key: "gamma",
  label: "Draft tokens γ",
  hint: "proposed per iteration",
  range: { min: 1, max: 16 },
  slider: { kind: "linear", min: 1, max: 16, step: 1 },
};

/** Llama 3.1 8B on one H100, batch 8, S = 4096, bf16, at TDP and the core's default price. */
export const ENERGY_DEFAULTS: Readonly<EnergyProps> = {
  model: "llama-3.1-8b",
  gpu: "h100-sxm",
  batch: 8,
  S: 4096,
  gpus: 1,
  dtype: "bf16",
  usdPerGpuHour: DEFAULT_USD_PER_GPU_HOUR,
};

/** Tensor-parallel group sizes within one server (the all-reduce model assumes one NVLink or Infinity Fabric domain). */
export const GPU_COUNTS: readonly number[] = [1, 2, 4, 8];
/** Largest measured power accepted, W: well above any single accelerator's board power. */
export const MAX_WATTS = 5000;
/** Largest price accepted, US$ per GPU-hour. */
export const MAX_USD_PER_GPU_HOUR = 1000;
/** The query value of `watts` that stands for "no measurement: use the TDP". */
export const TDP_VALUE = "tdp";

/** Batch B: 1 to 4,096 sequences, on a log slider. */
export const BATCH_CONTROL: NumberControl = {
  key: "batch",
  label: "Batch B",
  hint: "sequences decoded together",
  range: { min: 1, max: 4096 },
  slider: { kind: "log", min: 1, max: 4096 },
};

const WATTS_RANGE = { min: 1, max: MAX_WATTS };

/** The GPU preset, by id. */
const GPU_FIELD: Field<string> = {
  key: "gpu",
  parse: (raw, field) => hardwareFor(raw, field).id,
  text: (value) => value,
  controlHtml: (value) => selectHtml("gpu", "GPU", "datasheet figures", HARDWARE_PRESETS.map((h): [string, string] => [h.id, h.name]), value).value,
  controlState: (value) => ({ gpu: { value } }),
  readControl: (name, value) => (name === "gpu" ? hardwareFor(value, "gpu").id : undefined),
};

/** GPUs in the tensor-parallel group: one of {@link GPU_COUNTS}. */
const GPUS_FIELD: Field<number> = {
  key: "gpus",
  parse: (raw, field) => gpuCount(raw, field),
  text: String,
  controlHtml: (value) => selectHtml("gpus", "GPUs", "tensor parallel, one server", GPU_COUNTS.map((g): [string, string] => [String(g), String(g)]), String(value)).value,
  controlState: (value) => ({ gpus: { value: String(value) } }),
  readControl: (name, value) => (name === "gpus" ? gpuCount(value, "gpus") : undefined),
};

/** How the model is served, declared once: the fields that need nothing but themselves (in the controls' order). */
const SERVING = fieldGroup({ gpu: GPU_FIELD, batch: numberField(BATCH_CONTROL), S: numberField(CONTEXT_CONTROL), gpus: GPUS_FIELD, dtype: DTYPE_FIELD });
const ACCEPTANCE_FIELD = numberField(ACCEPTANCE_CONTROL);
const DRAFT_TOKENS_FIELD = numberField(DRAFT_TOKENS_CONTROL);
const PROP_KEYS = ["model", "gpu", "batch", "S", "gpus", "dtype", "watts", "usdPerGpuHour", "kvDtype", "draft", "acceptance", "draftTokens"] as const;
const QUERY_KEYS = ["model", "gpu", "batch", "s", "gpus", "dtype", "watts", "kv", "draft", "alpha", "gamma"] as const;

/** Presets that can draft for `model`: smaller, with the same vocabulary (the target verifies the draft's tokens). */
export function draftCandidates(model: string): string[] {
  const target = presetById(model).spec;
  return PRESETS.filter((p) => draftProblem(target, p.spec) === null).map((p) => p.id);
}

/** A draft preset for `model`, refused naming the field when it is unknown or has another vocabulary. */
function draftFor(raw: unknown, field: string, model: string): string {
  const id = presetFor(raw, field).id;
  if (!draftCandidates(model).includes(id)) {
    const problem = draftProblem(presetById(model).spec, presetById(id).spec) ?? "";
    throw new IslandInputError(field, `${describeValue(raw)} cannot draft for ${model}: ${problem} (drafts for ${model}: ${draftCandidates(model).join(", ") || "none"})`);
  }
  return id;
}

/** The speculative settings of some props, kept only where set. */
type Speculation = Pick<EnergyProps, "kvDtype" | "draft" | "acceptance" | "draftTokens">;

function withSpeculation<T extends object>(props: T, extra: Speculation): T & Speculation {
  const out: T & Speculation = { ...props };
  if (extra.kvDtype !== undefined) out.kvDtype = extra.kvDtype;
  if (extra.draft !== undefined) out.draft = extra.draft;
  if (extra.acceptance !== undefined) out.acceptance = extra.acceptance;
  if (extra.draftTokens !== undefined) out.draftTokens = extra.draftTokens;
  return out;
}

function speculationOf(props: EnergyProps): Speculation {
  return { kvDtype: props.kvDtype, draft: props.draft, acceptance: props.acceptance, draftTokens: props.draftTokens };
}

/** The hardware preset with this id; anything else is refused naming the field and listing the ids. */
export function hardwareFor(raw: unknown, field: string): HardwarePreset {
  if (typeof raw !== "string") throw new IslandInputError(field, `expected a GPU id, got ${describeValue(raw)}`);
  const id = raw.trim();
  const found = id.length <= MAX_ID_CHARS ? findHardware(id) : undefined;
  if (!found) throw new IslandInputError(field, `unknown GPU ${describeValue(raw)} (known: ${HARDWARE_PRESETS.map((h) => h.id).join(", ")})`);
  return found;
}

function gpuCount(raw: unknown, field: string): number {
  const count = wholeNumber(raw, field, { min: 1, max: GPU_COUNTS[GPU_COUNTS.length - 1] as number });
  if (!GPU_COUNTS.includes(count)) throw new IslandInputError(field, `expected ${countList()} GPUs (tensor parallelism within one server), got ${count}`);
  return count;
}

function countList(): string {
  return `${GPU_COUNTS.slice(0, -1).join(", ")} or ${GPU_COUNTS[GPU_COUNTS.length - 1]}`;
}

/** Measured watts from a URL or the power box: a whole number, or "tdp" (the box also takes empty) for none. */
function wattsValue(raw: string, field: string, emptyMeansTdp: boolean): number | undefined {
  const text = raw.trim().toLowerCase();
  if (text === TDP_VALUE || (emptyMeansTdp && text === "")) return undefined;
  try {
    return wholeNumber(raw, field, WATTS_RANGE);
  } catch (error) {
    if (!(error instanceof IslandInputError)) throw error;
    throw new IslandInputError(field, `${error.message.slice(field.length + 2)} (or “${TDP_VALUE}” for the GPU's TDP)`);
  }
}

function priceProp(raw: unknown): number {
  if (typeof raw !== "number" || !Number.isFinite(raw) || raw <= 0 || raw > MAX_USD_PER_GPU_HOUR) {
    throw new IslandInputError("props.usdPerGpuHour", `expected a price in US$ above 0 and at most ${groupDigits(MAX_USD_PER_GPU_HOUR)}, got ${describeValue(raw)}`);
  }
  return raw;
}

/** Props with `watts` set, or left out when undefined (so props compare and serialize the same). */
function withWatts(props: Omit<EnergyProps, "watts">, watts: number | undefined): EnergyProps {
  return watts === undefined ? { ...props } : { ...props, watts };
}

function withoutWatts(props: EnergyProps): Omit<EnergyProps, "watts"> {
  const { watts: _watts, ...rest } = props;
  return rest;
}

const TITLE = "Energy: time, joules and dollars per token";

/**
 * Query keys: model, gpu, batch, s, gpus, dtype, watts ("tdp" or whole watts).
 * Props: { model?, gpu?, batch?, S?, gpus?, dtype?, watts?, usdPerGpuHour? } (defaults above).
 */
export const energy: IslandDefinition<EnergyProps> = {
  name: "energy",
  title: TITLE,

  parseProps(raw) {
    const record = readProps(raw, PROP_KEYS);
    const d = ENERGY_DEFAULTS;
    const model = record.model === undefined ? d.model : presetFor(record.model, "props.model").id;
    return withSpeculation(withWatts(
      {
        model,
        ...SERVING.parse(record, d, (name) => `props.${name}`),
        usdPerGpuHour: record.usdPerGpuHour === undefined ? d.usdPerGpuHour : priceProp(record.usdPerGpuHour),
      },
      record.watts === undefined ? undefined : wholeNumber(record.watts, "props.watts", WATTS_RANGE),
    ), {
      kvDtype: record.kvDtype === undefined ? undefined : oneOf(record.kvDtype, "props.kvDtype", DTYPES),
      draft: record.draft === undefined ? undefined : draftFor(record.draft, "props.draft", model),
      acceptance: record.acceptance === undefined ? undefined : ACCEPTANCE_FIELD.parse(record.acceptance, "props.acceptance"),
      draftTokens: record.draftTokens === undefined ? undefined : DRAFT_TOKENS_FIELD.parse(record.draftTokens, "props.draftTokens"),
    });
  },

  toQuery: (props) => ({
    model: props.model,
    ...SERVING.toQuery(props),
    watts: props.watts === undefined ? TDP_VALUE : String(props.watts),
    ...(props.kvDtype === undefined ? {} : { kv: props.kvDtype }),
    ...(props.draft === undefined ? {} : { draft: props.draft }),
    ...(props.acceptance === undefined ? {} : { alpha: String(props.acceptance) }),
    ...(props.draftTokens === undefined ? {} : { gamma: String(props.draftTokens) }),
  }),

  fromQuery(query, base) {
    checkQueryKeys(query, QUERY_KEYS);
    const model = query.model === undefined ? base.model : presetFor(query.model, "model").id;
    const base2 = speculationOf(base);
    return withSpeculation(withWatts(
      {
        model,
        ...SERVING.parseQuery(query, base),
        usdPerGpuHour: base.usdPerGpuHour,
      },
      query.watts === undefined ? base.watts : wattsValue(query.watts, "watts", false),
    ), {
      kvDtype: query.kv === undefined ? base2.kvDtype : query.kv === SAME_AS_WEIGHTS ? undefined : oneOf(query.kv, "kv", DTYPES),
      draft: query.draft === undefined
        ? (base2.draft !== undefined && draftCandidates(model).includes(base2.draft) ? base2.draft : undefined)
        : query.draft === NO_DRAFT ? undefined : draftFor(query.draft, "draft", model),
      acceptance: query.alpha === undefined ? base2.acceptance : ACCEPTANCE_FIELD.parse(query.alpha, ACCEPTANCE_FIELD.key),
      draftTokens: query.gamma === undefined ? base2.draftTokens : DRAFT_TOKENS_FIELD.parse(query.gamma, DRAFT_TOKENS_FIELD.key),
    });
  },

  applyControl(name, value, props) {
    if (name === "model") {
      const model = presetFor(value, "model").id;
      // A draft with another vocabulary cannot draft for the new model: speculation is switched off, visibly (the draft select shows "none").
      const { draft, ...rest } = props;
      return draft !== undefined && draftCandidates(model).includes(draft) ? { ...rest, draft, model } : { ...rest, model };
    }
    if (name === "kv") {
      const { kvDtype: _kv, ...rest } = props;
      return value === SAME_AS_WEIGHTS ? rest : { ...rest, kvDtype: oneOf(value, "kv", DTYPES) };
    }
    if (name === "draft") {
      const { draft: _draft, ...rest } = props;
      return value === NO_DRAFT ? rest : { ...rest, draft: draftFor(value, "draft", props.model) };
    }
    const acceptance = ACCEPTANCE_FIELD.readControl(name, value);
    if (acceptance !== undefined) return { ...props, acceptance };
    const draftTokens = DRAFT_TOKENS_FIELD.readControl(name, value);
    if (draftTokens !== undefined) return { ...props, draftTokens };
    if (name === "watts") return withWatts(withoutWatts(props), wattsValue(value, "watts", true));
    return { ...props, ...(SERVING.readControl(name, value) ?? unknownControl(name)) };
  },

  controlState: (props): Record<string, ControlState> => ({
    model: { value: props.model },
    ...SERVING.controlState(props),
    watts: { value: props.watts === undefined ? "" : String(props.watts) },

    kv: { value: props.kvDtype ?? SAME_AS_WEIGHTS },
    draft: { value: props.draft ?? NO_DRAFT },
    ...ACCEPTANCE_FIELD.controlState(props.acceptance ?? DEFAULT_ACCEPTANCE),
    ...DRAFT_TOKENS_FIELD.controlState(props.draftTokens ?? DEFAULT_DRAFT_TOKENS),
  }),

  renderControls(props) {
    return controlsFrame(
      TITLE,
      presetSelectHtml("model", props.model) +
        SERVING.controlsHtml(props) +
        selectHtml("kv", "KV cache", "storage, if not the weights'", [[SAME_AS_WEIGHTS, "same as weights"], ...DTYPES.map((t): [string, string] => [t, t])], props.kvDtype ?? SAME_AS_WEIGHTS) +
        selectHtml("draft", "Draft model", "speculative decoding", [[NO_DRAFT, "none (plain decode)"], ...draftCandidates(props.model).map((id): [string, string] => [id, presetById(id).spec.name])], props.draft ?? NO_DRAFT) +
        ACCEPTANCE_FIELD.controlHtml(props.acceptance ?? DEFAULT_ACCEPTANCE) +
        DRAFT_TOKENS_FIELD.controlHtml(props.draftTokens ?? DEFAULT_DRAFT_TOKENS) +
        html`<div class="hmf-control hmf-control-number"><label class="hmf-control-label"><span class="hmf-control-name">Power</span> <span class="hmf-control-hint">measured watts per GPU; empty: TDP</span><input class="hmf-number" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" name="watts" placeholder="TDP" value="${props.watts === undefined ? "" : String(props.watts)}"></label></div>`.value,
    );
  },

  renderOutput(props, document) {
    const { spec, hardware, report, query, options } = energyFigures(props);
    const decode = report.decode;
    const prefill = report.prefill;

    const power = report.power;
    const powerText = power.source === "measured"
      ? `${groupDigits(power.wattsPerGpu)} W per GPU (measured)`
      : `${groupDigits(power.wattsPerGpu)} W per GPU (TDP: no measurement, so an upper bound)`;
    const storage = props.kvDtype === undefined || props.kvDtype === props.dtype ? `weights and KV cache in ${props.dtype}` : `weights in ${props.dtype}, KV cache in ${props.kvDtype}`;
    const price = `${formatMoney(props.usdPerGpuHour)} per GPU-hour${props.usdPerGpuHour === DEFAULT_USD_PER_GPU_HOUR ? " (assumed)" : ""}`;
    const setup = html`<p class="hmf-en-setup"><strong>${spec.name}</strong> on ${`${props.gpus} × ${hardware.name}`}; ${`batch ${groupDigits(props.batch)}, S = ${groupDigits(props.S)}, ${storage}. Power ${powerText}; price ${price}.`}</p>`;

    const table = phaseTable(decode, prefill, props, hardware);
    const queryText =
      `One chat request of ${groupDigits(query.promptTokens)} prompt tokens and ${groupDigits(query.outputTokens)} answer tokens ` +
      `(ML.ENERGY's mean LM-Arena request), served in a batch of ${groupDigits(query.batch)}: ` +
      `${formatWattHours(query.wattHours)} (${formatEnergy(query.joules)}: ${formatEnergy(query.prefillJoules)} prefill + ${formatEnergy(query.decodeJoules)} decode), ` +
      `${formatEnergy(query.joulesPerOutputToken)} per answer token.`;

    const assumptions = assumptionsHtml({ ...report.assumptions, ...(query.assumptions.query ? { query: query.assumptions.query } : {}) });
    return outputFrame(
      html`<div class="hmf-en">${setup}${memoryHtml(decode, hardware, props)}${table}<p class="hmf-en-query">${queryText}</p>${speculativeHtml(props, hardware, options)}${rooflineFigure(decode, prefill, hardware, document)}${assumptions}</div>`.value,
    );
  },
};

/** What the island shows for these props: the model, the GPU, per-token figures and one chat request (ML.ENERGY's mean). */
export function energyFigures(props: EnergyProps): { spec: ModelSpec; hardware: HardwarePreset; options: EnergyOptions; report: EnergyReport; query: QueryEnergy } {
  const spec = presetById(props.model).spec;
  const hardware = hardwareFor(props.gpu, "gpu");
  const options: EnergyOptions = {
    context: props.S,
    batch: props.batch,
    gpus: props.gpus,
    dtype: props.dtype,
    ...(props.kvDtype === undefined ? {} : { kvDtype: props.kvDtype }),
    usdPerGpuHour: props.usdPerGpuHour,
    ...(props.watts === undefined ? {} : { measuredWatts: props.watts }),
  };
  const report = energyPerToken(spec, hardware, options);
  const { context: _context, ...queryOptions } = options;
  const query = queryEnergy(spec, hardware, { ...queryOptions, ...ML_ENERGY_WORKLOAD });
  return { spec, hardware, options, report, query };
}

/** Whether all weights and the batch's KV cache fit in the GPUs' memory, said either way. */
function memoryHtml(decode: PhaseEnergy, hardware: HardwarePreset, props: EnergyProps): Html {
  const step = decode.step;
  const capacity = hardware.hbmBytes * props.gpus;
  const what = `all weights and the KV cache of ${groupDigits(props.batch)} sequence${props.batch === 1 ? "" : "s"} at S = ${groupDigits(props.S)} take ${formatSI(step.memoryFootprintBytes, { unit: "B" })}`;
  const of = `${props.gpus} × ${formatDatasheet(hardware.hbmBytes, "B")} of HBM`;
  if (step.fitsInMemory) {
    return html`<p class="hmf-en-memory">${`Fits in memory: ${what} of ${of} (${formatPercent(Number(step.memoryFootprintBytes) / capacity)}; activations not counted).`}</p>`;
  }
  const advice = "The figures below are what the steps would take if it fitted: use more GPUs, a smaller batch, a shorter context or a smaller storage format.";
  return html`<p class="hmf-en-memory hmf-note hmf-note-warning"><strong>Does not fit in memory:</strong> ${`${what.charAt(0).toUpperCase()}${what.slice(1)}, more than the ${of}. ${advice}`}</p>`;
}

const TEXT_ROWS: readonly string[] = ["The step", "Limited by"];

/** Decode and prefill side by side, one row per quantity. */
function phaseTable(decode: PhaseEnergy, prefill: PhaseEnergy, props: EnergyProps, hardware: HardwarePreset): Html {
  const d = stepUtilization(decode.step, hardware);
  const p = stepUtilization(prefill.step, hardware);
  const b = groupDigits(props.batch);
  const s = groupDigits(props.S);
  const plural = props.batch === 1 ? "" : "s";
  const count = (value: bigint, unit: string): Html => rawHtml(countHtml(value, unit));
  const rows: Array<[string, HtmlValue, HtmlValue]> = [
    ["The step", (`${b} sequence${plural}, 1 new token${plural ? " each" : ""}, at context ${s}`), (`${b} prompt${plural} of ${s} token${props.S === 1 ? "" : "s"}`)],
    ["FLOPs per step", count(decode.step.flops, "FLOP"), count(prefill.step.flops, "FLOP")],
    ["Bytes moved per step", count(decode.step.bytes, "B"), count(prefill.step.bytes, "B")],
    ["FLOPs per byte", (formatSignificant(decode.step.arithmeticIntensity)), (formatSignificant(prefill.step.arithmeticIntensity))],
    ["Step time", (formatDuration(decode.stepSeconds)), (formatDuration(prefill.stepSeconds))],
    ["Limited by", (boundText(decode)), (boundText(prefill))],
    ["Tokens per second", (formatSignificant(decode.tokensPerSecond)), (formatSignificant(prefill.tokensPerSecond))],
    ["Energy per token", html`<strong>${formatEnergy(decode.joulesPerToken)}</strong>`, html`<strong>${formatEnergy(prefill.joulesPerToken)}</strong>`],
    ["Cost per million tokens", (formatMoney(decode.usdPerMillionTokens)), (formatMoney(prefill.usdPerMillionTokens))],
    ["Achieved MFU (FLOPs / time / peak)", (formatPercent(d.mfu)), (formatPercent(p.mfu))],
    ["Achieved MBU (bytes / time / bandwidth)", (formatPercent(d.mbu)), (formatPercent(p.mbu))],
  ];
  // Words (what the step is, what limits it) read left-aligned; numbers line up on the right.
  const body = rows.map(([label, d, p]) => {
    const numeric = TEXT_ROWS.includes(label) ? undefined : "hmf-num";
    return numeric ? html`<tr><th scope="row">${label}</th><td class="hmf-num">${d}</td><td class="hmf-num">${p}</td></tr>` : html`<tr><th scope="row">${label}</th><td>${d}</td><td>${p}</td></tr>`;
  });
  return html`<table class="hmf-table hmf-en-phases"><caption>Decode and prefill, per token</caption><thead><tr><th scope="col">Quantity</th><th scope="col">Decode (per generated token)</th><th scope="col">Prefill (per prompt token)</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** Speculative decoding against plain decode, when a draft model is chosen. */
function speculativeHtml(props: EnergyProps, hardware: HardwarePreset, options: EnergyOptions): Html | "" {
  if (props.draft === undefined) return "";
  const draft = presetById(props.draft).spec;
  const acceptance = props.acceptance ?? DEFAULT_ACCEPTANCE;
  const gamma = props.draftTokens ?? DEFAULT_DRAFT_TOKENS;
  const { usdPerGpuHour: _price, ...stepOptions } = options;
  const s = speculativeDecoding(presetById(props.model).spec, draft, hardware, { ...stepOptions, acceptance: acceptance / 100, draftTokens: gamma });
  const rows: Array<[string, string, string]> = [
    ["Tokens per second", formatSignificant(s.tokensPerSecond), formatSignificant(s.baseline.tokensPerSecond)],
    ["Energy per token", formatEnergy(s.joulesPerToken), formatEnergy(s.baseline.joulesPerToken)],
    ["FLOPs per token", formatSI(s.flopsPerToken), formatSI(s.baseline.flopsPerToken)],
  ];
  const body = rows.map(([label, a, b]) => html`<tr><th scope="row">${label}</th><td class="hmf-num">${a}</td><td class="hmf-num">${b}</td></tr>`);
  const caption =
    `Speculative decoding: ${draft.name} drafts ${gamma} token${gamma === 1 ? "" : "s"}, each accepted with probability ${acceptance}%: ` +
    `(1 − α^(γ+1)) / (1 − α) = ${formatSignificant(s.tokensPerIteration)} tokens per sequence per iteration (Leviathan et al. 2023), ${s.speedup >= 1 ? "×" + formatSignificant(s.speedup) + " faster" : "×" + formatSignificant(1 / s.speedup) + " slower"} than plain decode`;
  return html`<table class="hmf-table hmf-en-speculative"><caption>${caption}</caption><thead><tr><th scope="col">Per output token</th><th scope="col">Speculative</th><th scope="col">Plain decode</th></tr></thead><tbody>${body}</tbody></table>`;
}

function boundText(phase: PhaseEnergy): string {
  const memory = phase.bound === "memory" ? "memory bandwidth" : "compute";
  return phase.step.communicationSeconds > 0 ? `${memory}, plus ${formatDuration(phase.step.communicationSeconds)} of all-reduces` : memory;
}

function rooflineFigure(decode: PhaseEnergy, prefill: PhaseEnergy, hardware: HardwarePreset, document: unknown): Html {
  const precision = decode.step.computePrecision;
  const point = (phase: PhaseEnergy, label: string): RooflinePoint => ({
    step: phase.step.phase,
    label,
    intensity: phase.step.arithmeticIntensity,
    flopsPerSecond: Number(phase.step.flops) / (phase.step.gpus * phase.stepSeconds),
    bound: phase.bound,
  });
  const data: RooflineData = {
    hardwareName: hardware.name,
    precision,
    peakFlops: hardware.peakFlops[precision] ?? 0,
    bandwidth: hardware.hbmBandwidth,
    utilization: DEFAULT_UTILIZATION,
    bandwidthEfficiency: DEFAULT_BANDWIDTH_EFFICIENCY,
    points: [point(decode, "decode"), point(prefill, "prefill")],
  };
  const legend = legendHtml(ROOF_SERIES.map((id) => ({ id: `roof-${id}`, label: roofLabel(id, data), ...ROOF_STYLES[id] })), document, "Roofs");
  const chart = chartHtml(rooflineChart(data, document));
  const caption =
    `Roofline of one ${hardware.name} at ${precision}, log-log: the FLOP/s a step can reach at its FLOPs per byte moved. ` +
    "The circle is the decode step and the square the prefill step, at the FLOP/s their step times give: " +
    "below the roof when part of the step waits on the other resource, or on all-reduces.";
  return html`<figure class="hmf-figure">${rawHtml(legend)}${rawHtml(chart)}<figcaption>${caption}</figcaption></figure>`;
}

/** Names of the core's assumption keys that read badly as words; any other key is shown as its words. */
const ASSUMPTION_LABELS: Readonly<Record<string, string>> = {
  hardware: "GPU",
  gpuPower: "GPU power",
  pue: "PUE",
  usdPerGpuHour: "Price",
  memoryCapacity: "Fits in memory",
  query: "Chat request",
};

/** "decodeKvCache" → "Decode kv cache" → with the known acronyms, "Decode KV cache". */
function assumptionLabel(key: string): string {
  const known = Object.prototype.hasOwnProperty.call(ASSUMPTION_LABELS, key) ? ASSUMPTION_LABELS[key] : undefined;
  if (known !== undefined) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().replace(/\bkv\b/g, "KV");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function assumptionValue(assumption: Assumption): string {
  const value = typeof assumption.value === "boolean" ? (assumption.value ? "yes" : "no") : String(assumption.value);
  return assumption.unit === undefined ? value : `${value} ${assumption.unit}`;
}

/** Every named assumption, with its value and why. */
function assumptionsHtml(assumptions: Assumptions): Html {
  const items = Object.entries(assumptions).map(
    ([key, a]) => html`<li class="hmf-en-assumption" data-key="${key}"><strong>${assumptionLabel(key)}</strong>: ${assumptionValue(a)}. <span class="hmf-en-assumption-note">${a.note}</span></li>`,
  );
  return html`<details class="hmf-data hmf-en-assumptions"><summary>${`Every assumption behind these numbers (${Object.keys(assumptions).length})`}</summary><ul class="hmf-notes">${items}</ul></details>`;
}
