/**
 * Cost per generated token against context length, log-log, for the three
 * answers (and first principles without a cache): GPT4o's S² and Grok's S
 * against the nearly flat cost of a token with a KV cache.
 */
import { formatScientificUnicode, groupDigits } from "../core/format";
import { CONCEPT_COLORS, type SeriesStyle } from "./palette";
import { chartSvg, logAxes, logFrame, round, svgMaker, type LogAxis } from "./log-frame";
import { powerOfTenTicks, powerTickLabel, tokenTickLabel } from "./ticks";
import type { ChartElement } from "./serialize";

/** The lines of the sweep, in drawing order. */
export const SWEEP_SERIES = ["gpt4o", "grok", "withoutCache", "withCache"] as const;
/** One of the sweep's lines. */
export type SweepSeries = (typeof SWEEP_SERIES)[number];

/** Legend text and style of each line. */
export const SWEEP_SERIES_INFO: Readonly<Record<SweepSeries, { label: string } & SeriesStyle>> = {
  gpt4o: { label: "GPT4o: E·V + L·(8E²S + 4EHS + HS²)", color: CONCEPT_COLORS.gpt4o, dash: "7 4", width: 2 },
  grok: { label: "Grok: 2·N·S", color: CONCEPT_COLORS.grok, dash: "2 3", width: 2 },
  withoutCache: { label: "First principles, no KV cache (recompute all S)", color: CONCEPT_COLORS.noCache, dash: "10 3 2 3", width: 2 },
  withCache: { label: "First principles, with a KV cache", color: CONCEPT_COLORS.kvCache, width: 3 },
};

/** Points per line: about seven per decade over six decades. */
export const SWEEP_POINTS = 41;

/** `count` whole contexts from `from` to `to`, evenly spaced on a log scale (duplicates dropped). */
export function logSpacedContexts(from: number, to: number, count: number): number[] {
  const contexts: number[] = [];
  const ratio = to / from;
  for (let i = 0; i < count; i++) {
    const context = i === count - 1 ? to : Math.round(from * ratio ** (i / (count - 1)));
    if (contexts[contexts.length - 1] !== context) contexts.push(context);
  }
  return contexts;
}

/** One point of one line: FLOPs per generated token at context S. */
export interface SweepPoint {
  series: SweepSeries;
  /** Context length S (tokens). */
  context: number;
  /** Exact FLOPs per generated token. */
  flops: bigint;
}

/** Options of {@link contextSweepChart}. */
export interface ContextSweepChartOptions {
  /** The model, for the accessible name (e.g. "Llama 2 7B"). */
  modelName: string;
  /** Width in pixels (default 640); the SVG scales down with its container. */
  width?: number;
  /** Height in pixels (default 380). */
  height?: number;
  /** A context to mark with a vertical rule, e.g. the post's 128,000. */
  highlight?: number;
}

/**
 * The log-log line chart of FLOPs per generated token against S, drawn in
 * SVG on the shared log frame (no Plot: the island that redraws it on every
 * input stays small). Series without points are left out, so the same chart
 * draws the two first-principles lines alone. Hovering a context shows
 * every line's exact value there. Deterministic: stable class names
 * (`hmf-series-<series>`), coordinates rounded to hundredths, no ids.
 */
export function contextSweepChart(points: readonly SweepPoint[], document: unknown, options: ContextSweepChartOptions): ChartElement {
  if (points.length === 0) throw new RangeError("contextSweepChart: no points to draw");
  const contexts = points.map((p) => p.context);
  const values = points.map((p) => Number(p.flops));
  const sMin = Math.min(...contexts);
  const sMax = Math.max(...contexts);
  // Whole decades on the value axis, so that its ticks sit at the ends; one decade at least.
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const yMax = Math.max(10 ** Math.ceil(Math.log10(Math.max(...values))), yMin * 10);
  // A single context still gets an axis: a decade around it.
  const xDomain: [number, number] = sMin < sMax ? [sMin, sMax] : [sMin, sMin * 10];
  const xAxis: LogAxis = { domain: xDomain, ticks: powerOfTenTicks(xDomain[0], xDomain[1], 8), tickLabel: tokenTickLabel, label: "Context length S (tokens) →" };
  const yAxis: LogAxis = { domain: [yMin, yMax], ticks: powerOfTenTicks(yMin, yMax, 10), tickLabel: powerTickLabel, label: "↑ FLOPs per generated token" };
  const frame = logFrame(options.width ?? 640, options.height ?? 380, xAxis, yAxis);
  const make = svgMaker(document);
  const { el, group } = make;
  const series = SWEEP_SERIES.filter((id) => points.some((p) => p.series === id));
  const svg = chartSvg(make, frame, "hmf-chart-sweep", `FLOPs per generated token against context length, ${options.modelName}`, describeSweep(points, series, sMin, sMax));
  for (const child of logAxes(make, frame, xAxis, yAxis)) svg.appendChild(child);
  for (const id of series) {
    const info = SWEEP_SERIES_INFO[id];
    const own = points.filter((p) => p.series === id);
    const d = own.map((p, i) => `${i === 0 ? "M" : "L"}${frame.x(p.context)},${frame.y(Number(p.flops))}`).join("");
    const style = { stroke: info.color, "stroke-width": info.width, "stroke-dasharray": info.dash, "stroke-linecap": "round", "stroke-linejoin": "round", fill: "none" };
    svg.appendChild(group({ class: `hmf-series-${id}`, ...style }, [el("path", { d })]));
  }
  // Hovering a context (a band from halfway to the previous one to halfway to the next) shows every line's exact value there.
  const contextsDrawn = [...new Set(points.map((p) => p.context))].sort((p, q) => p - q);
  const xs = contextsDrawn.map((context) => frame.x(context));
  const bands = contextsDrawn.map((context, i) => {
    const x0 = i === 0 ? frame.left : round(((xs[i - 1] as number) + (xs[i] as number)) / 2);
    const x1 = i === xs.length - 1 ? frame.right : round(((xs[i] as number) + (xs[i + 1] as number)) / 2);
    const values = series.flatMap((id) => points.filter((p) => p.series === id && p.context === context).map((p) => `${SWEEP_SERIES_INFO[id].label}: ${groupDigits(p.flops)}`));
    const band = el("rect", { x: x0, y: frame.top, width: round(x1 - x0), height: frame.bottom - frame.top, fill: "none", "pointer-events": "all" });
    band.appendChild(el("title", {}, `S = ${groupDigits(context)}, FLOPs per generated token. ${values.join("; ")}`));
    return band;
  });
  svg.appendChild(group({ class: "hmf-sweep-hover" }, bands));
  const highlight = options.highlight;
  if (highlight !== undefined && highlight >= xDomain[0] && highlight <= xDomain[1]) {
    const hx = frame.x(highlight);
    svg.appendChild(el("line", { class: "hmf-sweep-highlight", x1: hx, x2: hx, y1: frame.top, y2: frame.bottom, stroke: "currentColor", "stroke-opacity": 0.5 }));
    svg.appendChild(el("text", { x: round(hx + 4), y: frame.top + 4, dy: "0.71em", "text-anchor": "start", "aria-hidden": "true" }, `S = ${groupDigits(highlight)}`));
  }
  return svg;
}

/** The chart in words, for screen readers: each line's value at the smallest and largest S. */
function describeSweep(points: readonly SweepPoint[], shown: readonly SweepSeries[], sMin: number, sMax: number): string {
  const parts = shown.flatMap((series) => {
    const own = points.filter((p) => p.series === series);
    const first = own[0];
    const last = own[own.length - 1];
    if (!first || !last) return [];
    return [`${SWEEP_SERIES_INFO[series].label} goes from ${formatScientificUnicode(first.flops)} at S = ${groupDigits(first.context)} to ${formatScientificUnicode(last.flops)} at S = ${groupDigits(last.context)}`];
  });
  return `Log-log axes, S from ${groupDigits(sMin)} to ${groupDigits(sMax)}. ${parts.join("; ")}.`;
}
