/**
 * Charts as HTML text. Plot puts a <style> element in every chart; a page
 * under a strict Content-Security-Policy (no 'unsafe-inline') refuses it, so
 * it is removed and the same rules live in src/islands/islands.css.
 */

import type { MarkupNode } from "../core/markup";

/** What the chart functions return: an element typed without the DOM library (see core/markup.ts). */
export type ChartElement = MarkupNode;

/** The chart's markup without Plot's inline <style>. */
export function chartHtml(chart: ChartElement): string {
  const styles = chart.querySelectorAll("style");
  for (let i = styles.length - 1; i >= 0; i--) styles[i]?.remove();
  return chart.outerHTML;
}
