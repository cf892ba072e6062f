/**
 * Charts as HTML text. Plot puts a <style> element in every chart; a page
 * under a strict Content-Security-Policy (no 'unsafe-inline') refuses it, so
 * it is removed and the same rules live in src/islands/islands.css.
 */

/** What the chart functions return: Plot's element, typed without the DOM library. */
export interface ChartElement {
  outerHTML: string;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selectors: string): ArrayLike<{ remove(): void; removeAttribute(name: string): void }>;
}

/** The chart's markup without Plot's inline <style>. */
export function chartHtml(chart: ChartElement): string {
  const styles = chart.querySelectorAll("style");
  for (let i = styles.length - 1; i >= 0; i--) styles[i]?.remove();
  return chart.outerHTML;
}
