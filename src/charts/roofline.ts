/**
 * The roofline of one GPU, log-log: attainable FLOP/s against arithmetic
 * intensity (FLOPs per byte moved), with the datasheet roof, the effective
 * roof the energy model uses (peak × utilization, bandwidth × efficiency) and
 * the steps of the current inputs marked where their step times put them.
 *
 * Drawn directly in SVG, in the look of the Plot charts beside it (same
 * margins, fonts, grid and tick style): the whole chart is two bent lines,
 * a rule and two markers, and without Plot the energy island's download on
 * first interaction is a quarter of what it would be (see the island's
 * budget in scripts/bench). Built with the document's own API, so the
 * serializer escapes every label.
 */
import { formatDatasheet, formatPercent, formatSignificant } from "../core/format";
import { CONCEPT_COLORS, type SeriesStyle } from "./palette";
import { powerOfTenTicks, powerTickLabel } from "./ticks";
import type { MarkupNode } from "../core/markup";
import { chartSvg, logAxes, logFrame, round, svgMaker, type LogAxis } from "./log-frame";
import type { ChartElement } from "./serialize";

/** The two roofs, in drawing order. */
export const ROOF_SERIES = ["datasheet", "effective"] as const;
/** One of the roofs. */
export type RoofSeries = (typeof ROOF_SERIES)[number];

/**
 * How each roof is drawn (labels depend on the inputs: see {@link roofLabel}). The effective roof is
 * drawn in two colours: memory-bound on its slope, compute-bound where it is flat.
 */
export const ROOF_STYLES: Readonly<Record<RoofSeries, SeriesStyle>> = {
  datasheet: { color: "currentColor", dash: "5 4", width: 1.5 },
  effective: { color: CONCEPT_COLORS.memoryBound, colorAfter: CONCEPT_COLORS.computeBound, width: 2.5 },
};

/** The steps a roofline marks. */
export type RooflineStep = "decode" | "prefill";

/** Each step's marker shape, so that colour (which says what bounds the step) is not needed to tell them apart. */
export const STEP_STYLES: Readonly<Record<RooflineStep, { shape: "circle" | "square" }>> = {
  decode: { shape: "circle" },
  prefill: { shape: "square" },
};

/** A step's marker colour: what limits it, memory bandwidth or arithmetic. */
export function boundColor(bound: RooflinePoint["bound"]): string {
  return bound === "memory" ? CONCEPT_COLORS.memoryBound : CONCEPT_COLORS.computeBound;
}

/** One step on the chart. */
export interface RooflinePoint {
  step: RooflineStep;
  /** Text beside the marker, e.g. "decode". */
  label: string;
  /** FLOPs per byte moved to or from HBM. */
  intensity: number;
  /** FLOP/s one GPU sustains in this step: FLOPs / (GPUs × step time). */
  flopsPerSecond: number;
  /** What limits the step, for the description. */
  bound: "compute" | "memory";
}

/** The GPU's roofs and the steps to mark. */
export interface RooflineData {
  /** The GPU, for the accessible name, e.g. "NVIDIA H100 SXM". */
  hardwareName: string;
  /** The tensor-core precision whose peak is drawn, e.g. "bf16". */
  precision: string;
  /** Datasheet peak dense FLOP/s of one GPU at that precision. */
  peakFlops: number;
  /** Datasheet HBM bandwidth of one GPU, bytes/s. */
  bandwidth: number;
  /** Share of the peak the effective roof reaches, in (0, 1]. */
  utilization: number;
  /** Share of the bandwidth the effective roof reaches, in (0, 1]. */
  bandwidthEfficiency: number;
  points: readonly RooflinePoint[];
}

/** Options of {@link rooflineChart}. */
export interface RooflineChartOptions {
  /** Width in pixels (default 640); the SVG scales down with its container. */
  width?: number;
  /** Height in pixels (default 380). */
  height?: number;
}

/** Marker size in pixels. */
const MARKER = 11;

/**
 * FLOPs per byte the x axis always shows, so that the axes stay put while a
 * slider moves the markers: from 0.1 (fp32 decode reads 4 bytes per 2 FLOPs)
 * to 10^5 (prefill of a few dozen prompts of thousands of tokens).
 */
const INTENSITY_DOMAIN: readonly [number, number] = [0.1, 1e5];

/** A roof's legend text: "Datasheet roof: 989.5 TFLOP/s, 3.35 TB/s". */
export function roofLabel(series: RoofSeries, data: RooflineData): string {
  if (series === "datasheet") return `Datasheet roof: ${formatDatasheet(data.peakFlops, "FLOP/s")}, ${formatDatasheet(data.bandwidth, "B/s")}`;
  return `Effective roof: ${formatPercent(data.utilization, 3, { trim: true })} of peak, ${formatPercent(data.bandwidthEfficiency, 3, { trim: true })} of bandwidth`;
}

/** FLOPs per byte at which the roof turns flat: peak / bandwidth, with the efficiencies for the effective roof. */
export function ridgeIntensity(series: RoofSeries, data: RooflineData): number {
  return series === "datasheet" ? data.peakFlops / data.bandwidth : (data.peakFlops * data.utilization) / (data.bandwidth * data.bandwidthEfficiency);
}

type SvgNode = MarkupNode;

/**
 * The roofline chart as an SVG element made in `document`. Deterministic:
 * stable class names (`hmf-roof-<series>`, `hmf-step-<step>`,
 * `hmf-step-label-<step>`), coordinates rounded to hundredths, no ids.
 */
export function rooflineChart(data: RooflineData, document: unknown, options: RooflineChartOptions = {}): ChartElement {
  checkData(data);
  const width = options.width ?? 640;
  const height = options.height ?? 380;
  const ridges = ROOF_SERIES.map((series) => ridgeIntensity(series, data));
  const intensities = [...data.points.map((p) => p.intensity), ...ridges];
  // Whole decades at least INTENSITY_DOMAIN, with room around the markers and the ridges so that none
  // sits on the frame; above the roof only a little room (nothing runs faster than the peak).
  const xMin = Math.min(INTENSITY_DOMAIN[0], 10 ** Math.floor(Math.log10(Math.min(...intensities) / 2)));
  const xMax = Math.max(INTENSITY_DOMAIN[1], 10 ** Math.ceil(Math.log10(Math.max(...intensities) * 2)));
  const effectiveFloor = xMin * data.bandwidth * data.bandwidthEfficiency;
  const yMin = 10 ** Math.floor(Math.log10(Math.min(effectiveFloor, ...data.points.map((p) => p.flopsPerSecond)) / 1.5));
  const yMax = data.peakFlops * 3;
  const xAxis: LogAxis = { domain: [xMin, xMax], ticks: powerOfTenTicks(xMin, xMax, 8), tickLabel: powerTickLabel, label: "Arithmetic intensity (FLOPs per byte moved) →" };
  const yAxis: LogAxis = { domain: [yMin, yMax], ticks: powerOfTenTicks(yMin, yMax, 8), tickLabel: powerTickLabel, label: "↑ FLOP/s per GPU" };
  const frame = logFrame(width, height, xAxis, yAxis);
  const { x, y, top, bottom } = frame;
  const logMid = (Math.log10(xMin) + Math.log10(xMax)) / 2;
  const decades = Math.log10(xMax / xMin);
  const make = svgMaker(document);
  const { el, group } = make;
  const svg = chartSvg(make, frame, "hmf-chart-roofline", `Roofline of the ${data.hardwareName} (${data.precision}): attainable FLOP/s against FLOPs per byte`, describeRoofline(data, ridges));
  const children: SvgNode[] = logAxes(make, frame, xAxis, yAxis);

  ROOF_SERIES.forEach((series, i) => {
    const style = ROOF_STYLES[series];
    const peak = series === "datasheet" ? data.peakFlops : data.peakFlops * data.utilization;
    const slope = series === "datasheet" ? data.bandwidth : data.bandwidth * data.bandwidthEfficiency;
    const ridge = ridges[i] as number;
    // A roof is straight in log-log on either side of its ridge: three points draw it exactly.
    const slopePart = `M${x(xMin)},${y(xMin * slope)}L${x(ridge)},${y(peak)}`;
    const flatPart = `L${x(xMax)},${y(peak)}`;
    const common = { fill: "none", "stroke-width": style.width, "stroke-dasharray": style.dash, "stroke-linejoin": "round" };
    if (style.colorAfter === undefined) {
      children.push(el("path", { class: `hmf-roof-${series}`, d: slopePart + flatPart, stroke: style.color, "stroke-opacity": series === "datasheet" ? 0.7 : undefined, ...common }));
    } else {
      children.push(
        group({ class: `hmf-roof-${series}` }, [
          el("path", { class: "hmf-roof-memory-bound", d: slopePart, stroke: style.color, ...common }),
          el("path", { class: "hmf-roof-compute-bound", d: `M${x(ridge)},${y(peak)}${flatPart}`, stroke: style.colorAfter, ...common }),
        ]),
      );
    }
  });

  const ridge = ridges[1] as number;
  const ridgeOnRight = Math.log10(ridge) > logMid;
  children.push(
    el("line", { class: "hmf-roof-ridge", x1: x(ridge), x2: x(ridge), y1: top, y2: bottom, stroke: "currentColor", "stroke-opacity": 0.4, "stroke-dasharray": "2 3" }),
    el(
      "text",
      { class: "hmf-roof-ridge-label", x: x(ridge) + (ridgeOnRight ? -4 : 4), y: top + 4, dy: "0.71em", "text-anchor": ridgeOnRight ? "end" : "start" },
      `ridge: ${formatSignificant(ridge)} FLOPs/byte`,
    ),
  );

  data.points.forEach((point, i) => {
    const style = STEP_STYLES[point.step];
    const px = x(point.intensity);
    const py = y(point.flopsPerSecond);
    const half = style.shape === "square" ? MARKER / 2 : 0;
    const toRight = Math.log10(point.intensity) <= logMid;
    // A label whose marker sits on an earlier one's (prefill of a single token is a decode step) goes below it.
    const stacked = data.points.slice(0, i).filter((other) => Math.abs(Math.log10(other.intensity / point.intensity)) < decades / 12).length;
    children.push(
      // A zero-length line with round caps is a circle; one as long as it is wide, with butt caps, a square.
      // Its <title> is the hover tooltip with the step's exact figures.
      withTitle(
        el("line", {
          class: `hmf-step-${point.step}`,
          x1: px,
          x2: px,
          y1: round(py - half),
          y2: round(py + half),
          stroke: boundColor(point.bound),
          "stroke-width": MARKER,
          "stroke-linecap": style.shape === "square" ? "butt" : "round",
        }),
        el("title", {}, stepText(point)),
      ),
      el(
        "text",
        {
          class: `hmf-step-label-${point.step}`,
          x: round(px + (toRight ? 10 : -10)),
          y: round(py + 12 + 14 * stacked),
          dy: "0.32em",
          "text-anchor": toRight ? "start" : "end",
          "font-weight": 600,
        },
        point.label,
      ),
    );
  });

  for (const child of children) svg.appendChild(child);
  return svg;
}

/** One step in words, for the description and the marker's tooltip: "decode at 7.11 FLOPs per byte and 19.06 TFLOP/s per GPU (memory-bound)". */
function stepText(p: RooflinePoint): string {
  return `${p.label} at ${formatSignificant(p.intensity)} FLOPs per byte and ${formatDatasheet(p.flopsPerSecond, "FLOP/s")} per GPU (${p.bound}-bound)`;
}

function withTitle<T extends { appendChild(child: T): unknown }>(node: T, title: T): T {
  node.appendChild(title);
  return node;
}

function checkData(data: RooflineData): void {
  const positive: Array<[string, number]> = [
    ["peakFlops", data.peakFlops],
    ["bandwidth", data.bandwidth],
    ["utilization", data.utilization],
    ["bandwidthEfficiency", data.bandwidthEfficiency],
    ...data.points.flatMap((p): Array<[string, number]> => [
      [`${p.step}.intensity`, p.intensity],
      [`${p.step}.flopsPerSecond`, p.flopsPerSecond],
    ]),
  ];
  for (const [name, value] of positive) {
    if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`rooflineChart: ${name} must be a positive finite number, got ${String(value)}`);
  }
}

/** The chart in words, for screen readers: the roofs, their ridges and each step. */
function describeRoofline(data: RooflineData, ridges: readonly number[]): string {
  const roofs = ROOF_SERIES.map((series, i) => `${roofLabel(series, data)}, turning flat at ${formatSignificant(ridges[i] as number)} FLOPs per byte`);
  const steps = data.points.map(stepText);
  return `Log-log axes. ${roofs.join("; ")}. Markers: ${steps.join("; ")}.`;
}
