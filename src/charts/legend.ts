/**
 * A chart legend built with the document's own API, so the serializer
 * escapes the labels: an HTML list of line swatches and labels.
 */
import type { SeriesStyle } from "./palette";

/** One legend entry. */
export interface LegendEntry extends SeriesStyle {
  /** Stable id, used in the class name `hmf-series-<id>`. */
  id: string;
  label: string;
}

interface LegendDocument {
  createElement(tag: string): LegendNode;
  createElementNS(namespace: string, tag: string): LegendNode;
}

interface LegendNode {
  outerHTML: string;
  textContent: string | null;
  setAttribute(name: string, value: string): void;
  appendChild(child: LegendNode): unknown;
}

const SVG = "http://www.w3.org/2000/svg";

/** The legend as HTML: `<ul class="hmf-legend">` with a swatch per entry. */
export function legendHtml(entries: readonly LegendEntry[], document: unknown, label = "Legend"): string {
  const doc = document as LegendDocument;
  const list = doc.createElement("ul");
  list.setAttribute("class", "hmf-legend");
  list.setAttribute("aria-label", label);
  for (const entry of entries) {
    const item = doc.createElement("li");
    item.setAttribute("class", `hmf-legend-item hmf-series-${entry.id}`);
    const swatch = doc.createElementNS(SVG, "svg");
    swatch.setAttribute("class", "hmf-legend-swatch");
    swatch.setAttribute("viewBox", "0 0 28 10");
    swatch.setAttribute("width", "28");
    swatch.setAttribute("height", "10");
    swatch.setAttribute("aria-hidden", "true");
    swatch.setAttribute("focusable", "false");
    const stroke = doc.createElementNS(SVG, "line");
    for (const [name, value] of [["x1", "0"], ["y1", "5"], ["x2", "28"], ["y2", "5"], ["stroke", entry.color], ["stroke-width", String(entry.width)]]) {
      stroke.setAttribute(name as string, value as string);
    }
    if (entry.dash !== undefined) stroke.setAttribute("stroke-dasharray", entry.dash);
    swatch.appendChild(stroke);
    const text = doc.createElement("span");
    text.textContent = entry.label;
    item.appendChild(swatch);
    item.appendChild(text);
    list.appendChild(item);
  }
  return list.outerHTML;
}
