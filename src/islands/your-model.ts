/**
 * Your model: a preset or a pasted Hugging Face config.json, and its full
 * breakdown at one context: parameters by component, FLOPs per generated
 * token by term (with and without a KV cache), weights and KV cache memory.
 * A pasted config travels in the URL as its validated ModelSpec.
 */
import { decodeFlops, decodeNoCacheFlops } from "../core/flops";
import { groupDigits } from "../core/format";
import { importHfConfig } from "../core/hf/import";
import { kvCacheBytes, kvCacheBytesPerToken, recurrentStateBytes, weightBytes, type Dtype } from "../core/memory";
import type { ModelSpec } from "../core/model";
import { countParams, PARAM_LABELS, type ParamBreakdown } from "../core/params";
import { presetById } from "../core/presets";
import { MATMUL_TERMS, TERM_INFO } from "../core/terms";
import { tokenFlow } from "../core/token-flow";
import { validateModel } from "../core/validate";
import { contextSweepChart, logSpacedContexts, SWEEP_POINTS, SWEEP_SERIES_INFO, type SweepPoint } from "../charts/context-sweep";
import { legendHtml } from "../charts/legend";
import { chartHtml } from "../charts/serialize";
import { tokenFlowFigureHtml } from "./token-flow-figure";
import { decodeBase64Url, encodeBase64Url } from "./base64url";
import { html, rawHtml, type Html } from "../core/html";
import { CONTEXT_CONTROL, presetSelectHtml, unknownControl } from "./controls";
import { DTYPE_FIELD, numberField } from "./fields";
import { bytesHtml, countHtml } from "./html";
import { checkQueryKeys, presetFor, readProps } from "./inputs";
import { controlsFrame, outputFrame } from "./frame";
import { IslandInputError, type IslandDefinition } from "./island";

/** Exactly one of `model` and `spec` is set. */
export interface YourModelProps {
  /** A preset id, e.g. "llama-2-7b". */
  model?: string;
  /** A validated model description (from a pasted config.json, a notebook or a link). */
  spec?: ModelSpec;
  /** The pasted config.json text `spec` was imported from: shown in the paste box and carried in the link. */
  pasted?: string;
  /** What the import assumed and which keys it did not know, shown under the breakdown. */
  notes: string[];
  /** Context length S. */
  S: number;
  /** Storage format of weights and KV cache. */
  dtype: Dtype;
}

/** Llama 2 7B at S = 4096, in bf16. */
export const YOUR_MODEL_DEFAULTS: Readonly<YourModelProps> = { model: "llama-2-7b", notes: [], S: 4096, dtype: "bf16" };

const CONTEXT_FIELD = numberField(CONTEXT_CONTROL);

/** Largest pasted config.json, in characters: real ones are a few KB. */
export const MAX_PASTE_CHARS = 100_000;
/** Longest `spec` URL value, in characters: a ModelSpec encodes to well under 2 KB. */
export const MAX_SPEC_QUERY_CHARS = 8_192;
const MAX_NOTES = 50;
const MAX_NOTE_CHARS = 2_000;
/** Unknown config keys listed by name; more are counted. */
const MAX_LISTED_KEYS = 40;
const QUERY_KEYS = ["model", "spec", "config", "s", "dtype"] as const;
/** What a pasted config.json without `_name_or_path` is called. */
export const PASTED_MODEL_NAME = "Your model";
/** The contexts the chart of FLOPs per token spans: S = 1 to a million (or to S when it is longer). */
const CHART_FROM = 1;
const CHART_TO = 1_000_000;

/** The model the props describe. */
export function yourModelSpec(props: YourModelProps): ModelSpec {
  if (props.spec) return props.spec;
  if (props.model !== undefined) return presetById(props.model).spec;
  throw new IslandInputError("model", "give a model or a spec");
}

/** Imports pasted config.json text, or says (naming the field) why it cannot be used. */
export function importPasted(text: string): { spec: ModelSpec; notes: string[] } {
  if (text.length > MAX_PASTE_CHARS) {
    throw new IslandInputError("config.json", `the pasted text is ${groupDigits(text.length)} characters; the limit is ${groupDigits(MAX_PASTE_CHARS)} (real config.json files are a few KB)`);
  }
  try {
    // The name a reader recognises: the repository the config was saved from, else "Your model" (not an architecture class).
    const imported = importHfConfig(text, hasNameOrPath(text) ? {} : { name: PASTED_MODEL_NAME });
    return { spec: imported.spec, notes: importNotes(imported.assumptions, imported.unrecognized) };
  } catch (error) {
    throw new IslandInputError("config.json", error instanceof Error ? error.message : "could not be imported");
  }
}

function hasNameOrPath(text: string): boolean {
  try {
    const config: unknown = JSON.parse(text);
    const path = typeof config === "object" && config !== null ? (config as Record<string, unknown>)._name_or_path : undefined;
    return typeof path === "string" && path.trim() !== "";
  } catch {
    return false;
  }
}

/**
 * The import's notes within the props' limits: long lists are shortened with
 * a count of what is left out, never cut silently.
 */
function importNotes(assumptions: readonly string[], unrecognized: readonly string[]): string[] {
  const room = MAX_NOTES - 2;
  const notes = assumptions.slice(0, room).map((note) => (note.length > MAX_NOTE_CHARS ? `${note.slice(0, MAX_NOTE_CHARS - 1)}…` : note));
  if (assumptions.length > room) notes.push(`…and ${assumptions.length - room} more assumptions.`);
  if (unrecognized.length > 0) {
    const listed = unrecognized.slice(0, MAX_LISTED_KEYS).map((key) => (key.length > 40 ? `${key.slice(0, 40)}…` : key));
    const more = unrecognized.length > MAX_LISTED_KEYS ? `, and ${unrecognized.length - MAX_LISTED_KEYS} more` : "";
    notes.push(`Keys this importer does not know (they may matter): ${listed.join(", ")}${more}.`);
  }
  return notes;
}

function specField(raw: unknown, field: string): ModelSpec {
  try {
    return validateModel(raw);
  } catch (error) {
    throw new IslandInputError(field, error instanceof Error ? error.message : "is not a valid model description");
  }
}

function pastedField(raw: unknown): string {
  if (typeof raw !== "string" || raw.length > MAX_PASTE_CHARS) throw new IslandInputError("props.pasted", `expected the pasted text, at most ${groupDigits(MAX_PASTE_CHARS)} characters`);
  return raw;
}

function notesField(raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.length > MAX_NOTES || !raw.every((note) => typeof note === "string" && note.length <= MAX_NOTE_CHARS)) {
    throw new IslandInputError("props.notes", `expected a list of at most ${MAX_NOTES} texts of at most ${MAX_NOTE_CHARS} characters`);
  }
  return [...(raw as string[])];
}

/** The spec as it travels in a URL: base64url of its JSON. */
export function encodeSpec(spec: ModelSpec): string {
  return encodeBase64Url(JSON.stringify(spec));
}

/** Reads a `spec` URL value back: size cap, base64url, JSON, then full validation. */
export function decodeSpec(value: string): ModelSpec {
  if (value.length > MAX_SPEC_QUERY_CHARS) {
    throw new IslandInputError("spec", `is ${groupDigits(value.length)} characters; the limit is ${groupDigits(MAX_SPEC_QUERY_CHARS)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(decodeBase64Url(value));
  } catch (error) {
    throw new IslandInputError("spec", `is not an encoded model description (${error instanceof SyntaxError ? "not JSON" : (error as Error).message})`);
  }
  return specField(json, "spec");
}

const TITLE = "Your model: the full breakdown";

/**
 * Query keys: model (a preset id) or spec (base64url JSON of a ModelSpec), s, dtype.
 * Props: { model? | spec? | config? (a config.json object or text), notes?, S?, dtype? }.
 */
export const yourModel: IslandDefinition<YourModelProps> = {
  name: "your-model",
  title: TITLE,

  parseProps(raw) {
    const record = readProps(raw, ["model", "spec", "pasted", "config", "notes", "S", "dtype"]);
    if (record.pasted !== undefined && record.spec === undefined) throw new IslandInputError("props.pasted", "goes with the spec imported from it");
    const sources = ["model", "spec", "config"].filter((key) => record[key] !== undefined);
    if (sources.length > 1) throw new IslandInputError(`props.${sources[1]}`, `give one of model, spec and config, not ${sources.join(" and ")}`);
    const S = record.S === undefined ? YOUR_MODEL_DEFAULTS.S : CONTEXT_FIELD.parse(record.S, "props.S");
    const dtype = record.dtype === undefined ? YOUR_MODEL_DEFAULTS.dtype : DTYPE_FIELD.parse(record.dtype, "props.dtype");
    const notes = record.notes === undefined ? [] : notesField(record.notes);
    if (record.spec !== undefined) {
      const spec = specField(record.spec, "props.spec");
      return record.pasted === undefined ? { spec, notes, S, dtype } : { spec, pasted: pastedField(record.pasted), notes, S, dtype };
    }
    if (record.config !== undefined) {
      const text = typeof record.config === "string" ? record.config : JSON.stringify(record.config, null, 2);
      const imported = importPasted(text);
      return { spec: imported.spec, pasted: text, notes: [...imported.notes, ...notes], S, dtype };
    }
    const model = record.model === undefined ? YOUR_MODEL_DEFAULTS.model : presetFor(record.model, "props.model").id;
    return { model, notes, S, dtype };
  },

  compressedQueryKeys: ["config"],

  toQuery(props) {
    // A pasted config travels as its text (the client compresses it), so the link restores the paste box too.
    const source: Record<string, string> = props.pasted !== undefined ? { config: props.pasted } : props.spec ? { spec: encodeSpec(props.spec) } : { model: props.model ?? "" };
    return { ...source, [CONTEXT_FIELD.key]: CONTEXT_FIELD.text(props.S), [DTYPE_FIELD.key]: DTYPE_FIELD.text(props.dtype) };
  },

  fromQuery(query, base) {
    checkQueryKeys(query, QUERY_KEYS);
    const sources = (["model", "spec", "config"] as const).filter((key) => query[key] !== undefined);
    if (sources.length > 1) throw new IslandInputError(sources[1] as string, `give one of model, spec and config, not ${sources.join(" and ")}`);
    const S = query.s === undefined ? base.S : CONTEXT_FIELD.parse(query.s, CONTEXT_FIELD.key);
    const dtype = query.dtype === undefined ? base.dtype : DTYPE_FIELD.parse(query.dtype, DTYPE_FIELD.key);
    if (query.config !== undefined) {
      const imported = importPasted(query.config);
      return { spec: imported.spec, pasted: query.config, notes: imported.notes, S, dtype };
    }
    if (query.spec !== undefined) return { spec: decodeSpec(query.spec), notes: ["Model description read from the link."], S, dtype };
    if (query.model !== undefined) return { model: presetFor(query.model, "model").id, notes: [], S, dtype };
    return { ...base, S, dtype };
  },

  applyControl(name, value, props) {
    if (name === "model") {
      // The empty option stands for the pasted config: choosing it changes nothing.
      return value === "" ? props : { model: presetFor(value, "model").id, notes: [], S: props.S, dtype: props.dtype };
    }
    if (name === "config") {
      if (value.trim() === "") return props;
      const imported = importPasted(value);
      return { spec: imported.spec, pasted: value, notes: imported.notes, S: props.S, dtype: props.dtype };
    }
    const dtype = DTYPE_FIELD.readControl(name, value);
    if (dtype !== undefined) return { ...props, dtype };
    const S = CONTEXT_FIELD.readControl(name, value);
    return S === undefined ? unknownControl(name) : { ...props, S };
  },

  controlState: (props) => ({
    model: { value: props.spec ? "" : props.model ?? "" },
    config: { value: props.pasted ?? "" },
    ...DTYPE_FIELD.controlState(props.dtype),
    ...CONTEXT_FIELD.controlState(props.S),
  }),

  renderControls(props) {
    return controlsFrame(
      TITLE,
      presetSelectHtml("model", props.spec ? undefined : props.model, "Pasted config.json") +
        html`<div class="hmf-control hmf-control-paste"><label class="hmf-control-label"><span class="hmf-control-name">…or paste a config.json</span> ` +
        html`<span class="hmf-control-hint">from a Hugging Face model repository (at most ${groupDigits(MAX_PASTE_CHARS)} characters)</span>` +
        html`<textarea class="hmf-paste" name="config" rows="6" spellcheck="false" autocomplete="off" placeholder="${"{ \"model_type\": \"llama\", … }"}">${props.pasted ?? ""}</textarea></label></div>` +
        CONTEXT_FIELD.controlHtml(props.S) +
        DTYPE_FIELD.controlHtml(props.dtype),
    );
  },

  renderOutput(props, document) {
    const spec = yourModelSpec(props);
    const source = props.pasted !== undefined ? "a pasted config.json" : props.spec ? "a model description (notebook or link)" : presetById(props.model ?? "").citation.label;
    const header = html`<p class="hmf-ym-model"><strong>${spec.name}</strong> <span class="hmf-ym-source">from ${source}</span>; S = ${groupDigits(props.S)}, weights and KV cache in ${props.dtype}.</p>`;
    const notes = props.notes.length === 0 ? "" : html`<ul class="hmf-notes">${props.notes.map((note) => html`<li>${note}</li>`)}</ul>`;
    const tables = [paramsTable(spec), flopsTable(spec, props.S), memoryTable(spec, props.S, props.dtype)];
    const figures = [sweepFigure(spec, props.S, document), tokenFlowFigure(spec, props.S, props.dtype, document)];
    return outputFrame(html`<div class="hmf-ym">${header}<div class="hmf-ym-tables">${tables}</div><div class="hmf-ym-figures">${figures}</div>${notes}</div>`.value);
  },
};

/** The last sweep drawn: moving S (or the storage format) keeps the model, and with it the 82 counts the chart needs. */
let lastSweep: { spec: ModelSpec; to: number; points: SweepPoint[] } | undefined;

/** FLOPs per generated token against S for this model, with and without a KV cache. */
function sweepPoints(spec: ModelSpec, to: number): SweepPoint[] {
  if (lastSweep?.spec === spec && lastSweep.to === to) return lastSweep.points;
  const points = logSpacedContexts(CHART_FROM, to, SWEEP_POINTS).flatMap((s): SweepPoint[] => [
    { series: "withoutCache", context: s, flops: decodeNoCacheFlops(spec, s).total },
    { series: "withCache", context: s, flops: decodeFlops(spec, s).total },
  ]);
  lastSweep = { spec, to, points };
  return points;
}

/** FLOPs per generated token against S for this model, with and without a KV cache, S marked. */
function sweepFigure(spec: ModelSpec, context: number, document: unknown): Html {
  const to = Math.max(CHART_TO, context);
  const shown = ["withoutCache", "withCache"] as const;
  const legend = legendHtml(shown.map((id) => ({ id, ...SWEEP_SERIES_INFO[id] })), document, "Lines");
  const chart = chartHtml(contextSweepChart(sweepPoints(spec, to), document, { modelName: spec.name, highlight: context }));
  const caption = `${spec.name}: FLOPs per generated token for S from ${groupDigits(CHART_FROM)} to ${groupDigits(to)}, log-log; the rule marks S = ${groupDigits(context)}.`;
  return html`<figure class="hmf-figure hmf-ym-sweep">${rawHtml(legend)}${rawHtml(chart)}<figcaption>${caption}</figcaption></figure>`;
}

/** One token through this model at S, block by block (standard attention only: other kinds read their caches in other shapes). */
function tokenFlowFigure(spec: ModelSpec, context: number, dtype: Dtype, document: unknown): Html {
  if (spec.attention.kind !== "standard") {
    return html`<p class="hmf-note">The token-flow figure covers multi-head and grouped-query attention; ${spec.name} uses another kind, so it is left out.</p>`;
  }
  return rawHtml(tokenFlowFigureHtml(tokenFlow(spec, context, dtype), document));
}

function paramsTable(spec: ModelSpec): Html {
  const p = countParams(spec);
  const rows = (Object.keys(PARAM_LABELS) as Array<keyof ParamBreakdown>)
    .filter((key) => p.breakdown[key] !== 0n || p.activeBreakdown[key] !== 0n)
    .map((key) => row(PARAM_LABELS[key], [countHtml(p.breakdown[key], ""), countHtml(p.activeBreakdown[key], "")]));
  return table(
    "hmf-ym-params",
    "Parameters",
    ["Component", "Total", "Active per token"],
    rows,
    [row("Total", [countHtml(p.total, ""), countHtml(p.active, "")]), row("Non-embedding (Grok’s N)", [countHtml(p.nonEmbedding, ""), ""])],
  );
}

function flopsTable(spec: ModelSpec, context: number): Html {
  const cached = decodeFlops(spec, context);
  const uncached = decodeNoCacheFlops(spec, context);
  const rows = MATMUL_TERMS.filter((term) => cached.terms[term] !== 0n || uncached.terms[term] !== 0n).map((term) =>
    row(TERM_INFO[term].label, [countHtml(cached.terms[term], "FLOP"), countHtml(uncached.terms[term], "FLOP")]),
  );
  return table(
    "hmf-ym-flops",
    `FLOPs per generated token at S = ${groupDigits(context)}`,
    ["Term", "With a KV cache", "Without a cache"],
    rows,
    [row("Total", [countHtml(cached.total, "FLOP"), countHtml(uncached.total, "FLOP")])],
  );
}

function memoryTable(spec: ModelSpec, context: number, dtype: Dtype): Html {
  const rows = [
    row("Weights", [bytesHtml(weightBytes(spec, dtype))]),
    row("KV cache per token", [bytesHtml(kvCacheBytesPerToken(spec, { dtype }))]),
    row(`KV cache for one sequence of ${groupDigits(context)} tokens`, [bytesHtml(kvCacheBytes(spec, context, { dtype }))]),
  ];
  // Linear-attention and state-space layers keep a fixed-size state per sequence instead of a cache.
  const state = recurrentStateBytes(spec, dtype);
  if (state > 0n) rows.push(row("Recurrent state for one sequence (any length)", [bytesHtml(state)]));
  return table("hmf-ym-memory", `Memory in ${dtype}`, ["What", "Bytes"], rows, []);
}

/** A row whose cells are markup (counts) and whose label is text. */
function row(label: string, cells: string[]): Html {
  return html`<tr><th scope="row">${label}</th>${cells.map((cell) => html`<td class="hmf-num">${rawHtml(cell)}</td>`)}</tr>`;
}

function table(className: string, caption: string, columns: string[], rows: Html[], footer: Html[]): Html {
  const foot = footer.length === 0 ? "" : html`<tfoot>${footer}</tfoot>`;
  return html`<table class="hmf-table ${className}"><caption>${caption}</caption><thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>${rows}</tbody>${foot}</table>`;
}
