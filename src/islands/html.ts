/**
 * Small HTML pieces shared by the islands: exact counts beside their SI
 * reading, ratios, share bars, built with the escaping `html` template.
 */
import { formatPercent, formatSI, groupDigits } from "../core/format";
import { escapeHtml, html, rawHtml, type Html } from "../core/html";

/** An exact count with its SI reading: "1.73 PFLOP" over "1,732,772,659,200,000". */
export function countHtml(value: bigint, unit: string): string {
  return html`<span class="hmf-count"><span class="hmf-si">${formatSI(value, { unit })}</span> <span class="hmf-exact">${digitsHtml(value)}</span></span>`.value;
}

/** Grouped digits that may wrap after a comma on a narrow screen (the text is unchanged). */
function digitsHtml(value: bigint): Html {
  return rawHtml(breakableDigitGroups(escapeHtml(groupDigits(value))));
}

/**
 * Escaped HTML in which every comma between digit groups ("1,731,304") may
 * wrap, and nothing else: a long exact count breaks between groups on a
 * phone, never inside one. Copying the text gives the same characters.
 */
export function breakableDigitGroups(escapedHtml: string): string {
  return escapedHtml.replace(/(\d),(?=\d{3}(?!\d))/g, "$1,<wbr>");
}

/** Bytes in binary units with the exact count: "12.6 GiB (13,476,831,232 B)". */
export function bytesHtml(value: bigint): string {
  return html`<span class="hmf-count"><span class="hmf-si">${formatSI(value, { unit: "B", binary: true })}</span> <span class="hmf-exact">${digitsHtml(value)} B</span></span>`.value;
}

/** a / b as a factor ("6,887×"): the core's one formatter for it. */
export { formatTimes as timesText } from "../core/format";

/** part / whole as a percentage with three significant digits. */
export function shareText(part: bigint, whole: bigint): string {
  if (whole <= 0n) return "0%";
  return formatPercent(shareOf(part, whole));
}

/** part / whole as a float in [0, 1], for drawing. */
export function shareOf(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  // Exact to 15 digits after the point, so that a share of 0.00005% does not print as 0%.
  return Number((part * 10n ** 15n) / whole) / 1e15;
}

/** A horizontal bar of `share` (0…1) drawn with SVG attributes, so a strict CSP allows it. */
export function shareBarHtml(share: number): string {
  const width = Math.min(Math.max(share, 0), 1) * 100;
  // Fill, size and opacity as attributes too, so the bar reads right where the site's CSS is absent (Jupyter).
  return html`<svg class="hmf-bar" viewBox="0 0 100 6" preserveAspectRatio="none" width="100%" height="6" aria-hidden="true" focusable="false"><rect class="hmf-bar-track" width="100" height="6" fill="currentColor" fill-opacity="0.12"></rect><rect class="hmf-bar-fill" width="${width.toFixed(2)}" height="6" fill="currentColor"></rect></svg>`.value;
}
