/**
 * Cost per generated token against context length, log-log, for the three
 * answers (and first principles without a cache): GPT4o's S² and Grok's S
 * against the nearly flat cost of a token with a KV cache.
 */
import { line, plot, ruleX, text, type PlotOptions } from "@observablehq/plot";
import { formatScientificUnicode, groupDigits } from "../core/format";
import { CONCEPT_COLORS, type SeriesStyle } from "./palette";
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
 * The log-log line chart of FLOPs per generated token against S. Returns
 * Plot's SVG element, made in `document` (window.document in a browser,
 * linkedom's in Node). Deterministic: stable class names, no random ids.
 */
export function contextSweepChart(points: readonly SweepPoint[], document: unknown, options: ContextSweepChartOptions): ChartElement {
  if (points.length === 0) throw new RangeError("contextSweepChart: no points to draw");
  const contexts = points.map((p) => p.context);
  const values = points.map((p) => Number(p.flops));
  const sMin = Math.min(...contexts);
  const sMax = Math.max(...contexts);
  // Whole decades on the value axis, so that its ticks sit at the ends.
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const marks = SWEEP_SERIES.map((series) => {
    const info = SWEEP_SERIES_INFO[series];
    const data = points.filter((p) => p.series === series).map((p) => ({ context: p.context, flops: Number(p.flops) }));
    return line(data, {
      x: "context",
      y: "flops",
      stroke: info.color,
      strokeWidth: info.width,
      strokeDasharray: info.dash,
      className: `hmf-series-${series}`,
    });
  });
  const highlight = options.highlight;
  const highlightMarks =
    highlight !== undefined && highlight >= sMin && highlight <= sMax
      ? [
          ruleX([highlight], { stroke: "currentColor", strokeOpacity: 0.5 }),
          text([highlight], { x: (d: number) => d, frameAnchor: "top", dy: 4, dx: 4, textAnchor: "start", text: () => `S = ${groupDigits(highlight)}`, ariaHidden: "true" }),
        ]
      : [];
  const svg = plot({
    document: document as PlotOptions["document"],
    className: "hmf-chart",
    width: options.width ?? 640,
    height: options.height ?? 380,
    marginTop: 30,
    marginLeft: 56,
    marginRight: 24,
    marginBottom: 40,
    ariaLabel: `FLOPs per generated token against context length, ${options.modelName}`,
    ariaDescription: describeSweep(points, sMin, sMax),
    x: {
      type: "log",
      domain: [sMin, sMax],
      ticks: powerOfTenTicks(sMin, sMax, 8),
      tickFormat: tokenTickLabel,
      grid: true,
      label: "Context length S (tokens) →",
      labelAnchor: "right",
    },
    y: {
      type: "log",
      domain: [yMin, yMax],
      ticks: powerOfTenTicks(yMin, yMax, 10),
      tickFormat: powerTickLabel,
      grid: true,
      label: "↑ FLOPs per generated token",
      labelAnchor: "top",
    },
    marks: [...marks, ...highlightMarks],
  }) as unknown as ChartElement;
  svg.setAttribute("class", "hmf-chart hmf-chart-sweep");
  // One image with a name and a description (the lines' values are in words there and in the island's
  // table); its parts carry no labels of their own, which ARIA forbids inside an image.
  svg.setAttribute("role", "img");
  const labelled = svg.querySelectorAll("[aria-label]");
  for (let i = 0; i < labelled.length; i++) labelled[i]?.removeAttribute("aria-label");
  return svg;
}

/** The chart in words, for screen readers: each line's value at the smallest and largest S. */
function describeSweep(points: readonly SweepPoint[], sMin: number, sMax: number): string {
  const parts = SWEEP_SERIES.flatMap((series) => {
    const own = points.filter((p) => p.series === series);
    const first = own[0];
    const last = own[own.length - 1];
    if (!first || !last) return [];
    return [`${SWEEP_SERIES_INFO[series].label} goes from ${formatScientificUnicode(first.flops)} at S = ${groupDigits(first.context)} to ${formatScientificUnicode(last.flops)} at S = ${groupDigits(last.context)}`];
  });
  return `Log-log axes, S from ${groupDigits(sMin)} to ${groupDigits(sMax)}. ${parts.join("; ")}.`;
}
