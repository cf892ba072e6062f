/**
 * The frame of a log-log chart drawn directly in SVG, in the look of the Plot
 * charts in the notebooks (same margins, fonts, grid and tick style): scales,
 * grid, both axes and their labels. The roofline and the context sweep draw
 * their own marks on it; without Plot, an island that draws one downloads a
 * fraction of what Plot and d3 weigh (see the islands' budget in scripts/bench).
 * Built with the document's own API, so the serializer escapes every label.
 */
import { SVG_NS, type MarkupDocument, type MarkupNode } from "../core/markup";

/** Margins as the Plot charts beside these have them. */
export const LOG_FRAME_MARGIN = { top: 30, right: 24, bottom: 40, left: 56 } as const;

type Attributes = Record<string, string | number | undefined>;

/** Makes SVG elements in one document: `el(tag, attributes, text?)` and `group(attributes, children)`. */
export interface SvgMaker {
  el(tag: string, attributes: Attributes, text?: string): MarkupNode;
  group(attributes: Attributes, children: MarkupNode[]): MarkupNode;
}

/** An {@link SvgMaker} for `document` (linkedom's in Node, window.document in a browser). */
export function svgMaker(document: unknown): SvgMaker {
  const doc = document as MarkupDocument;
  const el = (tag: string, attributes: Attributes, text?: string): MarkupNode => {
    const node = doc.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const group = (attributes: Attributes, children: MarkupNode[]): MarkupNode => {
    const g = el("g", attributes);
    for (const child of children) g.appendChild(child);
    return g;
  };
  return { el, group };
}

/** One log axis: its domain, ticks, tick labels and title. */
export interface LogAxis {
  domain: readonly [number, number];
  ticks: readonly number[];
  tickLabel(value: number): string;
  /** "↑ FLOP/s per GPU" (y) or "Arithmetic intensity … →" (x). */
  label: string;
}

/** A log-log frame: pixel scales and the plot area's edges. */
export interface LogFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  x(value: number): number;
  y(value: number): number;
}

/** The scales of a `width` × `height` chart with the shared margins. */
export function logFrame(width: number, height: number, x: LogAxis, y: LogAxis): LogFrame {
  const left = LOG_FRAME_MARGIN.left;
  const right = width - LOG_FRAME_MARGIN.right;
  const top = LOG_FRAME_MARGIN.top;
  const bottom = height - LOG_FRAME_MARGIN.bottom;
  return { width, height, left, right, top, bottom, x: logScale(x.domain[0], x.domain[1], left, right), y: logScale(y.domain[0], y.domain[1], bottom, top) };
}

/** The chart's root <svg>: an image with a name and a description, its parts decoration. */
export function chartSvg(make: SvgMaker, frame: LogFrame, className: string, label: string, description: string): MarkupNode {
  return make.el("svg", {
    class: `hmf-chart ${className}`,
    role: "img",
    "aria-label": label,
    "aria-description": description,
    width: frame.width,
    height: frame.height,
    viewBox: `0 0 ${frame.width} ${frame.height}`,
    fill: "currentColor",
    "font-family": "system-ui, sans-serif",
    "font-size": 10,
    "text-anchor": "middle",
  });
}

/** Grid and axes: decoration for sighted readers; the chart's description says what they show. */
export function logAxes(make: SvgMaker, frame: LogFrame, x: LogAxis, y: LogAxis): MarkupNode[] {
  const { el, group } = make;
  const { left, right, top, bottom, width, height } = frame;
  return [
    group({ class: "hmf-grid", stroke: "currentColor", "stroke-opacity": 0.1, "aria-hidden": "true" }, [
      ...y.ticks.map((t) => el("line", { x1: left, x2: right, y1: frame.y(t), y2: frame.y(t) })),
      ...x.ticks.map((t) => el("line", { x1: frame.x(t), x2: frame.x(t), y1: top, y2: bottom })),
    ]),
    group({ class: "hmf-axis-y", "aria-hidden": "true" }, [
      group({ stroke: "currentColor" }, y.ticks.map((t) => el("line", { x1: left - 6, x2: left, y1: frame.y(t), y2: frame.y(t) }))),
      group({ "text-anchor": "end", "font-variant": "tabular-nums" }, y.ticks.map((t) => el("text", { x: left - 9, y: frame.y(t), dy: "0.32em" }, y.tickLabel(t)))),
      el("text", { x: 3, y: 3, dy: "0.71em", "text-anchor": "start" }, y.label),
    ]),
    group({ class: "hmf-axis-x", "aria-hidden": "true" }, [
      group({ stroke: "currentColor" }, x.ticks.map((t) => el("line", { x1: frame.x(t), x2: frame.x(t), y1: bottom, y2: bottom + 6 }))),
      group({ "font-variant": "tabular-nums" }, x.ticks.map((t) => el("text", { x: frame.x(t), y: bottom + 9, dy: "0.71em" }, x.tickLabel(t)))),
      el("text", { x: width - 3, y: height - 3, "text-anchor": "end" }, x.label),
    ]),
  ];
}

/** Maps [min, max] to [from, to] on a log scale, rounded to hundredths of a pixel. */
export function logScale(min: number, max: number, from: number, to: number): (value: number) => number {
  const lo = Math.log10(min);
  const span = Math.log10(max) - lo;
  return (value) => round(from + ((Math.log10(value) - lo) / span) * (to - from));
}

/** Rounded to hundredths: coordinates that serialize the same everywhere. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
