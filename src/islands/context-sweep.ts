/**
 * Context sweep: FLOPs per generated token against S, log-log, for GPT4o,
 * Grok and first principles with and without a KV cache, redrawn on every
 * input.
 */
import { chartHtml } from "../charts/serialize";
import { contextSweepChart, logSpacedContexts, SWEEP_POINTS, SWEEP_SERIES, SWEEP_SERIES_INFO, type SweepPoint } from "../charts/context-sweep";

export { logSpacedContexts, SWEEP_POINTS };
import { legendHtml } from "../charts/legend";
import { formatSI, groupDigits } from "../core/format";
import type { ModelSpec } from "../core/model";
import { presetById } from "../core/presets";
import { answersFor, grokNFor } from "../core/answers";
import { fieldTable, numberField, presetField } from "./fields";
import { controlsFrame, outputFrame } from "./frame";
import { html, rawHtml, type Html } from "../core/html";
import { IslandInputError, type IslandDefinition } from "./island";

/** A preset and the range of contexts to sweep. */
export interface ContextSweepProps {
  /** Preset id, e.g. "llama-2-7b". */
  model: string;
  /** Smallest context S drawn. */
  from: number;
  /** Largest context S drawn (more than `from`). */
  to: number;
}

/** Llama 2 7B from S = 1 to a million. */
export const CONTEXT_SWEEP_DEFAULTS: Readonly<ContextSweepProps> = { model: "llama-2-7b", from: 1, to: 1_000_000 };

const CONTEXT_RANGE = { min: 1, max: 10_000_000 };
const FIELDS = fieldTable(
  {
    model: presetField(),
    from: numberField({ key: "from", label: "S from", hint: "smallest context", range: CONTEXT_RANGE, slider: { kind: "log", ...CONTEXT_RANGE }, unit: "tokens" }),
    to: numberField({ key: "to", label: "S to", hint: "largest context", range: CONTEXT_RANGE, slider: { kind: "log", ...CONTEXT_RANGE }, unit: "tokens" }),
  },
  CONTEXT_SWEEP_DEFAULTS,
);

/** Every line of the sweep for `spec`, from the core. */
export function contextSweepData(spec: ModelSpec, from: number, to: number, count = SWEEP_POINTS): SweepPoint[] {
  const grokN = grokNFor(spec);
  const points: SweepPoint[] = [];
  for (const context of logSpacedContexts(from, to, count)) {
    const a = answersFor(spec, context, grokN);
    points.push(
      { series: "gpt4o", context, flops: a.gpt4o.total },
      { series: "grok", context, flops: a.grok.total },
      { series: "withoutCache", context, flops: a.withoutCache.total },
      { series: "withCache", context, flops: a.withCache.total },
    );
  }
  return points;
}

function checkRange(props: ContextSweepProps, field: string): ContextSweepProps {
  if (props.from >= props.to) {
    throw new IslandInputError(field, `the sweep needs S from (${groupDigits(props.from)}) below S to (${groupDigits(props.to)})`);
  }
  return props;
}

const TITLE = "Context sweep: cost per token against S";

/** Query keys: model, from, to. Props: { model?, from?, to? } (defaults above). */
export const contextSweep: IslandDefinition<ContextSweepProps> = {
  name: "context-sweep",
  title: TITLE,

  ...FIELDS,
  // The range must run upwards: the field that broke it is named.
  parseProps: (raw) => checkRange(FIELDS.parseProps(raw), "props.to"),
  fromQuery: (query, base) => checkRange(FIELDS.fromQuery(query, base), query.to === undefined ? "from" : "to"),
  applyControl: (name, value, props) => checkRange(FIELDS.applyControl(name, value, props), name),
  renderControls: (props) => controlsFrame(TITLE, FIELDS.controlsHtml(props)),

  renderOutput(props, document) {
    const spec = presetById(props.model).spec;
    const points = contextSweepData(spec, props.from, props.to);
    const legend = legendHtml(SWEEP_SERIES.map((id) => ({ id, ...SWEEP_SERIES_INFO[id] })), document, "Lines");
    const chart = chartHtml(contextSweepChart(points, document, { modelName: spec.name }));
    const caption = `${spec.name}: FLOPs per generated token for S from ${groupDigits(props.from)} to ${groupDigits(props.to)}, log-log.`;
    return outputFrame(html`<figure class="hmf-figure">${rawHtml(legend)}${rawHtml(chart)}<figcaption>${caption}</figcaption></figure>${dataTable(points)}`.value);
  },
};

/** The chart's numbers, for readers who cannot see it. */
function dataTable(points: readonly SweepPoint[]): Html {
  const rows = new Map<number, Map<string, bigint>>();
  for (const p of points) {
    const row = rows.get(p.context) ?? new Map<string, bigint>();
    row.set(p.series, p.flops);
    rows.set(p.context, row);
  }
  const head = SWEEP_SERIES.map((id) => html`<th scope="col">${SWEEP_SERIES_INFO[id].label}</th>`);
  const body = [...rows].map(
    ([context, row]) => html`<tr><th scope="row">${groupDigits(context)}</th>${SWEEP_SERIES.map((id) => html`<td class="hmf-num">${formatSI(row.get(id) ?? 0n)}</td>`)}</tr>`,
  );
  return html`<details class="hmf-data"><summary>The numbers (FLOPs per generated token)</summary><table class="hmf-table"><thead><tr><th scope="col">S</th>${head}</tr></thead><tbody>${body}</tbody></table></details>`;
}
