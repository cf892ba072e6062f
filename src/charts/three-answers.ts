/**
 * The three answers to "how many FLOPs per token?" side by side on a log
 * scale: one bar per answer, its value written above it, so the factor of
 * thousands between the chatbots and the count is seen before it is read.
 *
 * Drawn directly in SVG with the document's own API (the serializer escapes
 * every label), small enough to stay legible on a 390-px phone: the natural
 * width is 400 px with 14-px text, so scaled to a phone's column the text
 * stays at 12 px or more, and on a laptop it is shown at its natural size.
 */
import { formatScientificUnicode, groupDigits } from "../core/format";
import { CONCEPT_COLORS, type Concept } from "./palette";
import { powerOfTenTicks, powerTickLabel } from "./ticks";
import { round, svgMaker } from "./log-frame";
import type { ChartElement } from "./serialize";

/** One answer: who gave it, its concept (for the colour) and its FLOPs per token. */
export interface AnswerBar {
  /** Stable id, used in the class name `hmf-answer-<id>`. */
  id: string;
  label: string;
  concept: Concept;
  flops: bigint;
}

/** Natural size and type of the chart. */
export const THREE_ANSWERS_LAYOUT = { width: 400, rowHeight: 52, top: 8, bottom: 34, left: 8, right: 16, fontSize: 14, barHeight: 14 } as const;

/**
 * The bar chart as an SVG element made in `document`. Bars start at the
 * decade below the smallest answer; the axis ends at the decade above the
 * largest. Deterministic: no ids, coordinates rounded to hundredths.
 */
export function threeAnswersChart(answers: readonly AnswerBar[], document: unknown): ChartElement {
  if (answers.length === 0) throw new RangeError("threeAnswersChart: no answers to draw");
  for (const a of answers) {
    if (typeof a.flops !== "bigint" || a.flops <= 0n) throw new RangeError(`threeAnswersChart: ${a.label} must have a positive FLOP count`);
  }
  const L = THREE_ANSWERS_LAYOUT;
  const height = L.top + answers.length * L.rowHeight + L.bottom;
  const values = answers.map((a) => Number(a.flops));
  const lo = 10 ** (Math.floor(Math.log10(Math.min(...values))) - 1);
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)) + 0.3);
  const left = L.left;
  const right = L.width - L.right;
  const x = (v: number): number => round(left + ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (right - left));
  const axisY = L.top + answers.length * L.rowHeight;

  const { el } = svgMaker(document);

  const svg = el("svg", {
    class: "hmf-chart hmf-chart-answers",
    role: "img",
    "aria-label": "FLOPs per generated token: the three answers on a log scale",
    "aria-description": answers.map((a) => `${a.label}: ${formatScientificUnicode(a.flops)} FLOPs`).join("; "),
    width: L.width,
    height,
    viewBox: `0 0 ${L.width} ${height}`,
    fill: "currentColor",
    "font-family": "system-ui, sans-serif",
    "font-size": L.fontSize,
  });
  const ticks = powerOfTenTicks(lo, hi, 5);
  const grid = el("g", { class: "hmf-grid", stroke: "currentColor", "stroke-opacity": 0.12, "aria-hidden": "true" });
  for (const t of ticks) grid.appendChild(el("line", { x1: x(t), x2: x(t), y1: L.top, y2: axisY }));
  svg.appendChild(grid);

  answers.forEach((answer, i) => {
    const rowTop = L.top + i * L.rowHeight;
    const color = CONCEPT_COLORS[answer.concept];
    const row = el("g", { class: `hmf-answer hmf-answer-${answer.id}` });
    // Label and value on one line above the bar, so that they never run into the bar or each other.
    const text = el("text", { x: left, y: rowTop + L.fontSize, "font-weight": 600 });
    text.appendChild(el("tspan", {}, `${answer.label}: `));
    text.appendChild(el("tspan", { "font-weight": 400, "font-variant": "tabular-nums" }, `${formatScientificUnicode(answer.flops)} FLOPs`));
    row.appendChild(text);
    const bar = el("rect", { x: left, y: rowTop + L.fontSize + 8, width: round(x(Number(answer.flops)) - left), height: L.barHeight, fill: color, rx: 2 });
    // Hovering the bar shows the exact count.
    bar.appendChild(el("title", {}, `${answer.label}: ${groupDigits(answer.flops)} FLOPs per token`));
    row.appendChild(bar);
    svg.appendChild(row);
  });

  const axis = el("g", { class: "hmf-axis-x", "aria-hidden": "true", "text-anchor": "middle", "font-variant": "tabular-nums" });
  axis.appendChild(el("line", { x1: left, x2: right, y1: axisY, y2: axisY, stroke: "currentColor", "stroke-opacity": 0.5 }));
  for (const t of ticks) {
    axis.appendChild(el("line", { x1: x(t), x2: x(t), y1: axisY, y2: axisY + 5, stroke: "currentColor" }));
    // Ticks at the ends are anchored inwards, so that their labels stay inside the image.
    const anchor = x(t) - left < 20 ? "start" : right - x(t) < 20 ? "end" : undefined;
    axis.appendChild(el("text", { x: x(t), y: axisY + 8, dy: "0.71em", "text-anchor": anchor }, powerTickLabel(t)));
  }
  svg.appendChild(axis);
  return svg;
}
