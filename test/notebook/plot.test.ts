import { describe, expect, it } from "vitest";
import * as Plot from "@observablehq/plot";
import { plotBundle } from "../../src/notebook/plot";
import { notebookDocument } from "../../src/notebook/document";
import { prettyMarkup, textOf } from "./markup";

/** FLOPs per token of a 7B dense model, by hand: 2 × 7 × 10^9 = 1.4 × 10^10. */
const bars = [
  { regime: "with KV cache", flops: 1.4e10 },
  { regime: "no cache, S = 4096", flops: 5.7344e13 },
];

const barChart = (): Plot.PlotOptions => ({
  marginLeft: 60,
  y: { type: "log", label: "FLOPs per token" },
  marks: [Plot.barY(bars, { x: "regime", y: "flops" }), Plot.ruleY([1], { clip: true })],
});

describe("plotBundle", () => {
  it("renders Plot options to inline SVG with a title, a description and text/plain", async () => {
    const bundle = plotBundle(barChart(), { title: "One token, two regimes", alt: "Recomputing the context costs 4096 times more." });
    expect(Object.keys(bundle.data).sort()).toEqual(["text/html", "text/plain"]);
    expect(textOf(bundle, "text/plain")).toBe("Chart: One token, two regimes\nRecomputing the context costs 4096 times more.");
    const html = textOf(bundle, "text/html");
    expect(html).toMatch(/^<figure/);
    expect(html).toMatch(/<svg[^>]* role="img"/);
    expect(html).toMatch(/<svg[^>]* aria-label="One token, two regimes"/);
    expect(html).toMatch(/<svg[^>]* aria-description="Recomputing the context costs 4096 times more."/);
    // The accessible name comes first inside the SVG.
    expect(html).toMatch(/<svg[^>]*><title>One token, two regimes<\/title>/);
    await expect(prettyMarkup(html)).toMatchFileSnapshot("./__snapshots__/plot-bars.html");
  });

  it("puts alt text, caption and label in the output metadata, where the site reads them", () => {
    const bundle = plotBundle(barChart(), { title: "t", alt: "a", caption: "c", label: "fig:regimes" });
    expect(bundle.metadata).toEqual({ alt: "a", caption: "c", label: "fig:regimes" });
    expect(plotBundle(barChart(), { title: "t" }).metadata).toEqual({});
    expect(() => plotBundle(barChart(), { title: "t", label: "1 figure" })).toThrow(
      'plotBundle: label "1 figure" must start with a letter and use letters, digits, "-", "_", ":" or "."',
    );
  });

  it("draws in the page's colour, so the chart reads in light and dark themes", () => {
    const html = textOf(plotBundle(barChart(), { title: "t" }), "text/html");
    expect(html).toContain('fill="currentColor"');
    expect(html).not.toMatch(/black|#000\b|#000000|rgb\(0, ?0, ?0\)/i);
    expect(html).toContain("--plot-background: var(--hmf-plot-background, var(--jp-layout-color0, Canvas))");
  });

  it("gives the same bytes every time, although Plot numbers clip paths per process", () => {
    const first = textOf(plotBundle(barChart(), { title: "t" }), "text/html");
    const second = textOf(plotBundle(barChart(), { title: "t" }), "text/html");
    expect(second).toBe(first);
    expect(first).not.toMatch(/plot-clip-\d/);
    const clipIds = [...first.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    expect(clipIds).toHaveLength(1);
    expect(clipIds[0]).toMatch(/^hmf-[0-9a-f]{8}-clip-1$/);
    expect(first).toContain(`clip-path="url(#${clipIds[0]})"`);
  });

  it("gives different charts different ids, so two charts on one page do not share a clip path", () => {
    const a = textOf(plotBundle(barChart(), { title: "a" }), "text/html");
    const b = textOf(plotBundle(barChart(), { title: "b" }), "text/html");
    const id = (html: string) => /id="([^"]+)"/.exec(html)?.[1];
    expect(id(a)).toBeDefined();
    expect(id(b)).toBeDefined();
    expect(id(a)).not.toBe(id(b));
  });

  it("takes a chart already rendered with notebookDocument()", async () => {
    const element = Plot.plot({
      document: notebookDocument() as never,
      ariaLabel: "Three points",
      marks: [Plot.dot([[1, 2], [2, 4], [3, 8]])],
    });
    const bundle = plotBundle(element);
    expect(textOf(bundle, "text/plain")).toBe("Chart: Three points");
    const html = textOf(bundle, "text/html");
    expect(html).toMatch(/^<svg[^>]*><title>Three points<\/title>/);
    await expect(prettyMarkup(html)).toMatchFileSnapshot("./__snapshots__/plot-element.html");
  });

  it("frames a rendered SVG with the title and caption, and leaves the caller's element unchanged", () => {
    const element = Plot.plot({ document: notebookDocument() as never, marks: [Plot.dot([[1, 2]])] }) as unknown as { outerHTML: string };
    const before = element.outerHTML;
    const html = textOf(plotBundle(element, { title: "One point", caption: "At (1, 2)." }), "text/html");
    expect(html).toMatch(/^<figure><h2>One point<\/h2><svg[^>]* role="img"[^>]*><title>One point<\/title>/);
    expect(html).toMatch(/<\/svg><figcaption>At \(1, 2\)\.<\/figcaption><\/figure>$/);
    expect(element.outerHTML).toBe(before);
  });

  it("labels the plot, not the legend swatches, in a figure with a legend", async () => {
    const html = textOf(
      plotBundle(
        { color: { legend: true }, marks: [Plot.barY(bars, { x: "regime", y: "flops", fill: "regime" })] },
        { title: "Two regimes", caption: "Colour is the regime." },
      ),
      "text/html",
    );
    const svgs = [...html.matchAll(/<svg[^>]*>/g)].map((m) => m[0]);
    // Two swatches, then the plot.
    expect(svgs).toHaveLength(3);
    expect(svgs.filter((svg) => svg.includes('role="img"'))).toEqual([svgs[2]]);
    expect(html).toContain("<figcaption>Colour is the regime.</figcaption>");
    await expect(prettyMarkup(html)).toMatchFileSnapshot("./__snapshots__/plot-legend.html");
  });

  it("says what to use instead of a continuous colour legend, which needs a canvas", () => {
    const options: Plot.PlotOptions = { color: { legend: true, type: "linear" }, marks: [Plot.cell([1, 2, 3], { x: (d: number) => d, fill: (d: number) => d })] };
    expect(() => plotBundle(options, { title: "t" })).toThrow("plotBundle: a continuous colour legend needs a <canvas>");
  });

  it("escapes titles and descriptions", () => {
    const html = textOf(plotBundle(barChart(), { title: "<script>alert(1)</script>", alt: '"quoted" & <b>' }), "text/html");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<b>");
  });

  it("refuses a chart without an accessible name, and input that is not a chart", () => {
    expect(() => plotBundle(barChart())).toThrow("plotBundle: the chart needs a title or alt text");
    expect(() => plotBundle(null as never)).toThrow("plotBundle: expected Plot options or a rendered chart; got null");
    const div = notebookDocument().createElement("div");
    expect(() => plotBundle(div, { title: "t" })).toThrow("plotBundle: the chart <div> contains no <svg>");
    expect(() => plotBundle({ outerHTML: "<svg></svg>" }, { title: "t" })).toThrow("plotBundle: the chart is not a DOM element");
  });

  it("makes room on the left for wide y-axis labels, unless the chart sets its own margin", () => {
    // Labels such as "100 mWh" (7 characters of Plot's 10-px text, ~6 px each, ending 9 px left of the frame)
    // need about 7 × 6 + 9 = 51 px; Plot's fixed left margin is 40 px.
    const wide = (extra: Partial<Plot.PlotOptions> = {}): Plot.PlotOptions => ({
      ...extra,
      y: { tickFormat: (value: number) => `${value} mWh` },
      marks: [Plot.dot([100, 200, 300], { x: (d: number) => d, y: (d: number) => d })],
    });
    const frameLeft = (html: string): number => Number(/aria-label="y-axis tick label"><text transform="translate\(([\d.]+),/.exec(html)![1]);
    const fitted = textOf(plotBundle(wide(), { title: "t" }), "text/html");
    expect(fitted).toContain(">300 mWh</text>");
    expect(frameLeft(fitted)).toBeGreaterThanOrEqual(7 * 6 + 9);
    const narrow = textOf(plotBundle({ marks: [Plot.dot([1, 2, 3], { x: (d: number) => d, y: (d: number) => d })] }, { title: "t" }), "text/html");
    expect(frameLeft(narrow)).toBe(40);
    const own = textOf(plotBundle(wide({ marginLeft: 30 }), { title: "t" }), "text/html");
    expect(frameLeft(own)).toBe(30);
  });
});
