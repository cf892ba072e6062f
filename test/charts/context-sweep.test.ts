import { describe, expect, it } from "vitest";
import { chartHtml, CONCEPT_COLORS, contextSweepChart, legendHtml, powerOfTenTicks, powerTickLabel, tokenTickLabel, SWEEP_SERIES_INFO } from "../../src/charts/index";
import { contextSweepData } from "../../src/islands/context-sweep";
import { presetById } from "../../src/core/presets";
import { freshDocument, parse, prettyMarkup, texts } from "../islands/dom";

const llama = presetById("llama-2-7b").spec;
const sweep = () => contextSweepData(llama, 1, 1_000_000);

describe("log axis ticks", () => {
  it("are whole powers of ten, thinned to fit", () => {
    expect(powerOfTenTicks(1, 1_000_000)).toEqual([1, 10, 100, 1000, 10_000, 100_000, 1_000_000]);
    expect(powerOfTenTicks(3, 2000)).toEqual([10, 100, 1000]);
    // 10^9 … 10^18 is ten decades; at most 5 ticks → every second decade.
    expect(powerOfTenTicks(1e9, 1e18, 5)).toEqual([1e9, 1e11, 1e13, 1e15, 1e17]);
    expect(() => powerOfTenTicks(0, 10)).toThrow(RangeError);
  });

  it("read as people say them", () => {
    expect([1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000].map(tokenTickLabel)).toEqual(["1", "10", "100", "1k", "10k", "100k", "1M", "10M"]);
    expect([1e9, 1e12, 1e15, 1e18, 1e21].map(powerTickLabel)).toEqual(["10⁹", "10¹²", "10¹⁵", "10¹⁸", "10²¹"]);
  });
});

describe("palette", () => {
  // WCAG 2 relative luminance and contrast ratio, written out from the definition.
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16)));
    return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
  };
  const contrast = (a: string, b: string): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return ((hi as number) + 0.05) / ((lo as number) + 0.05);
  };

  it("has at least 3:1 contrast on white, on the islands' dark background and on black", () => {
    for (const color of Object.values(CONCEPT_COLORS)) {
      expect(contrast(color, "#ffffff"), `${color} on white`).toBeGreaterThanOrEqual(3);
      expect(contrast(color, "#16161a"), `${color} on #16161a`).toBeGreaterThanOrEqual(3);
      expect(contrast(color, "#000000"), `${color} on black`).toBeGreaterThanOrEqual(3);
    }
  });

  it("tells the sweep's lines apart without colour: each has its own dash pattern", () => {
    const dashes = Object.values(SWEEP_SERIES_INFO).map((info) => info.dash ?? "solid");
    expect(new Set(dashes).size).toBe(dashes.length);
  });
});

describe("context sweep chart", () => {
  it("is deterministic, CSP-safe and labelled", () => {
    const html = chartHtml(contextSweepChart(sweep(), freshDocument(), { modelName: "Llama 2 7B" }));
    expect(chartHtml(contextSweepChart(sweep(), freshDocument(), { modelName: "Llama 2 7B" }))).toBe(html);
    expect(html).toMatch(/^<svg[^>]* class="hmf-chart hmf-chart-sweep"/);
    expect(html).toMatch(/<svg[^>]* aria-label="FLOPs per generated token against context length, Llama 2 7B"/);
    expect(html).toMatch(/<svg[^>]* role="img"/);
    expect(html).toMatch(/<svg[^>]* aria-description="Log-log axes, S from 1 to 1,000,000\. /);
    expect(html).not.toMatch(/<style|style="| id="/);
    const root = parse(html);
    // One line per series, in its colour and dash pattern, and nothing labelled inside the image.
    for (const [id, info] of Object.entries(SWEEP_SERIES_INFO)) {
      const group = root.querySelector(`g.hmf-series-${id}`);
      expect(group?.getAttribute("stroke")).toBe(info.color);
      expect(group?.getAttribute("stroke-dasharray") ?? undefined).toBe(info.dash);
      expect(group?.querySelectorAll("path")).toHaveLength(1);
    }
    expect(root.querySelectorAll("svg [aria-label]")).toHaveLength(0);
    const labels = texts(html, "svg text");
    // x ticks at every power of ten of S; y ticks at every decade from 10⁹ to 10¹⁸.
    expect(labels.filter((t) => /^[\d.]+[kM]?$/.test(t))).toEqual(["1", "10", "100", "1k", "10k", "100k", "1M"]);
    expect(labels.filter((t) => t.startsWith("10") && /[⁰¹²³⁴⁵⁶⁷⁸⁹]$/.test(t))).toEqual(["10⁹", "10¹⁰", "10¹¹", "10¹²", "10¹³", "10¹⁴", "10¹⁵", "10¹⁶", "10¹⁷", "10¹⁸"]);
  });

  it("matches its snapshot", async () => {
    const html = chartHtml(contextSweepChart(sweep(), freshDocument(), { modelName: "Llama 2 7B", highlight: 128_000 }));
    await expect(prettyMarkup(html)).toMatchFileSnapshot("./__snapshots__/context-sweep.svg");
  });

  it("refuses to draw nothing", () => {
    expect(() => contextSweepChart([], freshDocument(), { modelName: "x" })).toThrow("contextSweepChart: no points to draw");
  });
});

describe("legend", () => {
  it("escapes its labels through the document's serializer", async () => {
    const html = legendHtml([{ id: "x", label: '<script>alert(1)</script>"><img onerror=alert(1)>', color: CONCEPT_COLORS.gpt4o, width: 2, dash: "2 3" }], freshDocument());
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(texts(html, ".hmf-legend-item span")).toEqual(['<script>alert(1)</script>"><img onerror=alert(1)>']);
    await expect(prettyMarkup(html)).toMatchFileSnapshot("./__snapshots__/legend.html");
  });
});

describe("breakableDigitGroups", () => {
  it("lets grouped digits wrap between groups only", async () => {
    const { breakableDigitGroups } = await import("../../src/islands/html");
    expect(breakableDigitGroups("1,731,304,652,800,000 FLOPs")).toBe("1,<wbr>731,<wbr>304,<wbr>652,<wbr>800,<wbr>000 FLOPs");
    // A comma in words, or before fewer or more than three digits, is left alone.
    expect(breakableDigitGroups("a, b, 1,5 and 12,3456")).toBe("a, b, 1,5 and 12,3456");
  });
});
