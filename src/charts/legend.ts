/**
 * A chart legend built with the document's own API, so the serializer
 * escapes the labels: an HTML list of line swatches and labels.
 */
import { SVG_NS, type MarkupDocument } from "../core/markup";
import type { SeriesStyle } from "./palette";

/** One legend entry. */
export interface LegendEntry extends SeriesStyle {
  /** Stable id, used in the class name `hmf-series-<id>`. */
  id: string;
  label: string;
}

type LegendDocument = MarkupDocument;

/** The legend as HTML: `<ul class="hmf-legend">` with a swatch per entry. */
export function legendHtml(entries: readonly LegendEntry[], document: unknown, label = "Legend"): string {
  const doc = document as LegendDocument;
  const list = doc.createElement("ul");
  list.setAttribute("class", "hmf-legend");
  list.setAttribute("aria-label", label);
  for (const entry of entries) {
    const item = doc.createElement("li");
    item.setAttribute("class", `hmf-legend-item hmf-series-${entry.id}`);
    const swatch = doc.createElementNS(SVG_NS, "svg");
    swatch.setAttribute("class", "hmf-legend-swatch");
    swatch.setAttribute("viewBox", "0 0 28 10");
    swatch.setAttribute("width", "28");
    swatch.setAttribute("height", "10");
    swatch.setAttribute("aria-hidden", "true");
    swatch.setAttribute("focusable", "false");
    // A line in two colours (colorAfter) shows both halves: the swatch is the line in small.
    const parts: Array<[string, string, string]> = entry.colorAfter === undefined ? [["0", "28", entry.color]] : [["0", "14", entry.color], ["14", "28", entry.colorAfter]];
    for (const [x1, x2, color] of parts) {
      const stroke = doc.createElementNS(SVG_NS, "line");
      const attributes: Array<[string, string]> = [["x1", x1], ["y1", "5"], ["x2", x2], ["y2", "5"], ["stroke", color], ["stroke-width", String(entry.width)]];
      for (const [name, value] of attributes) {
        stroke.setAttribute(name, value);
      }
      if (entry.dash !== undefined) stroke.setAttribute("stroke-dasharray", entry.dash);
      swatch.appendChild(stroke);
    }
    const text = doc.createElement("span");
    text.textContent = entry.label;
    item.appendChild(swatch);
    item.appendChild(text);
    list.appendChild(item);
  }
  return list.outerHTML;
}
