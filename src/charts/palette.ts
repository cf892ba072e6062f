/**
 * Series colours that read on light and dark pages alike: each has a relative
 * luminance between 0.12 and 0.30, which gives at least 3:1 contrast (WCAG's
 * bar for graphics) against white and against near-black backgrounds. Dash
 * patterns tell the lines apart without colour.
 */

/** How one series is drawn. */
export interface SeriesStyle {
  /** CSS colour, usable as an SVG presentation attribute. */
  color: string;
  /** SVG stroke-dasharray, or undefined for a solid line. */
  dash?: string;
  /** Stroke width in pixels. */
  width: number;
}

/** The palette in order: amber, fuchsia, blue, green. */
export const PALETTE: readonly string[] = ["#d97706", "#c026d3", "#2563eb", "#16a34a"];
