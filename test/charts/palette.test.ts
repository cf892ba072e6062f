/**
 * One visual language: every chart, static or live, in the islands and in
 * the notebooks, draws its concepts in the shared palette's colours, and no
 * tick label writes a bare SI letter for a quantity without an SI unit.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chartHtml } from "../../src/charts/serialize";
import { contextSweepChart } from "../../src/charts/context-sweep";
import { rooflineChart } from "../../src/charts/roofline";
import { threeAnswersChart } from "../../src/charts/three-answers";
import { tokenFlowChart } from "../../src/charts/token-flow";
import { tokenFlow } from "../../src/core/token-flow";
import { CONCEPT_COLORS, CONCEPTS, conceptScale } from "../../src/charts/palette";
import { countTickLabel, powerOfTenTicks, powerTickLabel, tokenTickLabel, unitTickLabel } from "../../src/charts/ticks";
import { legendHtml } from "../../src/charts/legend";
import { contextSweepData } from "../../src/islands/context-sweep";
import { presetById } from "../../src/core/presets";
import { freshDocument, parse, texts } from "../islands/dom";

const ROOT = join(import.meta.dirname, "../..");
const PALETTE_COLORS = new Set(Object.values(CONCEPT_COLORS));
/** Colours that follow the page's theme rather than name a concept. */
const THEME_COLORS = new Set(["currentColor", "none"]);

function chartColors(html: string): string[] {
  const root = parse(html);
  const colors: string[] = [];
  for (const el of root.querySelectorAll("[stroke], [fill]")) {
    for (const name of ["stroke", "fill"]) {
      const value = el.getAttribute(name);
      if (value !== null) colors.push(value);
    }
  }
  return colors;
}

const roofline = () =>
  chartHtml(
    rooflineChart(
      {
        hardwareName: "NVIDIA H100 SXM",
        precision: "bf16",
        peakFlops: 989.5e12,
        bandwidth: 3.35e12,
        utilization: 0.5,
        bandwidthEfficiency: 0.8,
        points: [
          { step: "decode", label: "decode", intensity: 1, flopsPerSecond: 2.68e12, bound: "memory" },
          { step: "prefill", label: "prefill", intensity: 4000, flopsPerSecond: 4.9e14, bound: "compute" },
        ],
      },
      freshDocument(),
    ),
  );
const sweep = () => chartHtml(contextSweepChart(contextSweepData(presetById("llama-2-7b").spec, 1, 1_000_000), freshDocument(), { modelName: "Llama 2 7B" }));

describe("one colour per concept", () => {
  it("gives every concept its own colour", () => {
    const colors = CONCEPTS.map((c) => CONCEPT_COLORS[c].toLowerCase());
    expect(new Set(colors).size).toBe(CONCEPTS.length);
  });

  it("draws the chart functions in the shared palette or the page's own colour only", () => {
    const answers = chartHtml(threeAnswersChart([{ id: "grok", label: "Grok", concept: "grok", flops: 10n ** 16n }, { id: "kv", label: "KV cache", concept: "kvCache", flops: 10n ** 11n }], freshDocument()));
    const flow = chartHtml(tokenFlowChart(tokenFlow(presetById("mixtral-8x7b").spec, 4096), freshDocument()));
    for (const [name, html] of [["roofline", roofline()], ["context sweep", sweep()], ["three answers", answers], ["token flow", flow]] as const) {
      const colors = chartColors(html);
      expect(colors.length, name).toBeGreaterThan(0);
      for (const color of colors) expect(PALETTE_COLORS.has(color) || THEME_COLORS.has(color), `${name}: ${color}`).toBe(true);
    }
  });

  it("colours the roofline by what bounds each step: memory on the slope, compute on the flat", () => {
    const root = parse(roofline());
    expect(root.querySelector(".hmf-roof-memory-bound")?.getAttribute("stroke")).toBe("#0891b2");
    expect(root.querySelector(".hmf-roof-compute-bound")?.getAttribute("stroke")).toBe("#ea580c");
    expect(root.querySelector(".hmf-step-decode")?.getAttribute("stroke")).toBe("#0891b2");
    expect(root.querySelector(".hmf-step-prefill")?.getAttribute("stroke")).toBe("#ea580c");
    // Hovering a marker shows its exact figures.
    expect(root.querySelector(".hmf-step-decode title")?.textContent).toBe("decode at 1.00 FLOPs per byte and 2.68 TFLOP/s per GPU (memory-bound)");
  });

  it("draws a legend swatch in both colours of a two-colour line", () => {
    const html = legendHtml([{ id: "roof", label: "Effective roof", color: "#0891b2", colorAfter: "#ea580c", width: 2 }], freshDocument());
    expect(chartColors(html)).toEqual(["#0891b2", "#ea580c"]);
  });

  it("maps named series to their concepts' colours for Plot, refusing an unknown concept", () => {
    expect(conceptScale({ "exact, KV cache": "kvCache", "Grok 2·N·S": "grok" })).toEqual({
      type: "ordinal",
      domain: ["exact, KV cache", "Grok 2·N·S"],
      range: ["#2563eb", "#c026d3"],
      legend: true,
    });
    expect(() => conceptScale({ x: "kv" as never })).toThrow(/series "x" has no concept "kv"/);
    expect(() => conceptScale({})).toThrow(RangeError);
  });

  it("keeps colour literals out of product code: only the palette names colours for charts", () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        // The code editor's syntax colours are its theme, not a chart's concepts.
        else if (/\.(ts|astro)$/.test(entry.name) && !path.endsWith(join("charts", "palette.ts")) && !path.includes(join("client", "editor"))) {
          const text = readFileSync(path, "utf8");
          for (const m of text.matchAll(/#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![\w-])/g)) offenders.push(`${path.slice(ROOT.length + 1)}: ${m[0]}`);
        }
      }
    };
    walk(join(ROOT, "src"));
    expect(offenders).toEqual([]);
  });
});

describe("notebook charts", () => {
  const dir = join(ROOT, "notebooks");
  const chartCells = readdirSync(dir)
    .filter((name) => name.endsWith(".ipynb"))
    .flatMap((name) => {
      const nb = JSON.parse(readFileSync(join(dir, name), "utf8")) as { cells: Array<{ cell_type: string; source: string[] | string }> };
      return nb.cells
        .map((cell, index) => ({ where: `${name} cell ${index}`, type: cell.cell_type, source: Array.isArray(cell.source) ? cell.source.join("") : cell.source }))
        .filter((cell) => cell.type === "code" && /showPlot\(\{/.test(cell.source));
    });
  /**
   * Charts whose series are models or settings (batch sizes, draft lengths, two quantities on one axis), not
   * concepts: Plot's own categorical colours are the honest choice there.
   */
  const SERIES_ARE_MODELS = new Set([
    "04-real-models.ipynb cell 13",
    "05-long-context.ipynb cell 5",
    "05-long-context.ipynb cell 7",
    "09-inference-arithmetic.ipynb cell 6",
    "09-inference-arithmetic.ipynb cell 15",
    "09-inference-arithmetic.ipynb cell 24",
    "09-inference-arithmetic.ipynb cell 34",
  ]);

  it("finds the notebooks' charts", () => {
    expect(chartCells.length).toBeGreaterThanOrEqual(8);
  });

  it("colour named series through the shared palette", () => {
    for (const cell of chartCells) {
      if (SERIES_ARE_MODELS.has(cell.where)) continue;
      expect(cell.source, cell.where).not.toMatch(/#[0-9a-fA-F]{3,6}\b|scheme:/);
      if (/color: /.test(cell.source)) expect(cell.source, cell.where).toMatch(/color: conceptScale\(\{/);
      // A series named by a data field (stroke: "term", fill: "part") needs a colour scale.
      if (/(stroke|fill): "[a-z]+"/.test(cell.source)) expect(cell.source, cell.where).toMatch(/color: conceptScale\(\{/);
    }
  });

  it("label every log axis with the shared tick formats, never Plot's bare SI letters", () => {
    for (const cell of chartCells) {
      for (const axis of cell.source.matchAll(/\b[xy]: \{[^{}]*type: "log"[^{}]*\}/g)) {
        expect(axis[0], cell.where).toMatch(/tickFormat: (powerTickLabel|tokenTickLabel|countTickLabel|unitTickLabel\("[^"]+"\))/);
      }
    }
  });
});

describe("tick labels", () => {
  const BARE_SI = /\d\s?[kMGTPEZYRQmµnpf]$/;

  it("write counts without an SI unit as powers of ten over forty decades", () => {
    const ticks = powerOfTenTicks(1e-3, 1e36, 40);
    const labels = ticks.map(powerTickLabel);
    for (const label of labels) expect(label).not.toMatch(BARE_SI);
    expect(labels.slice(0, 8)).toEqual(["10⁻³", "10⁻²", "0.1", "1", "10", "100", "10³", "10⁴"]);
    expect(powerTickLabel(1e12)).toBe("10¹²");
    expect(powerTickLabel(2.5e12)).toBe("2.5×10¹²");
    expect(powerTickLabel(2e10)).toBe("2×10¹⁰");
  });

  it("write joules with their unit after the prefix: 100 mJ, 1 J, never 100m", () => {
    const joules = unitTickLabel("J");
    expect([0.001, 0.01, 0.1, 1, 10, 1000].map(joules)).toEqual(["1 mJ", "10 mJ", "100 mJ", "1 J", "10 J", "1 kJ"]);
    for (const t of powerOfTenTicks(1e-9, 1e9, 40)) expect(joules(t)).toMatch(/ [nµmkMG]?J$/);
    expect(() => unitTickLabel("")).toThrow(/name the unit/);
  });

  it("write small counts such as batch sizes in grouped digits", () => {
    expect([1, 2, 10, 200, 1000, 1e6].map(countTickLabel)).toEqual(["1", "2", "10", "200", "1,000", "10⁶"]);
  });

  it("keep the field's k and M for token counts only", () => {
    expect([1, 100, 1000, 128_000, 1_000_000].map(tokenTickLabel)).toEqual(["1", "100", "1k", "128k", "1M"]);
  });

  it("leave no bare SI letter on the chart functions' axes except k and M on a token axis", () => {
    const rooflineLabels = texts(roofline(), ".hmf-axis-x text, .hmf-axis-y text");
    expect(rooflineLabels.length).toBeGreaterThan(8);
    for (const label of rooflineLabels) expect(label).not.toMatch(BARE_SI);
    const all = texts(sweep(), "svg text");
    // The x axis (tokens) is the only one with k and M; the FLOPs axis has none, and nothing has G, T, P, E or m.
    expect(all.filter((t) => /\d\s?[kM]$/.test(t))).toEqual(["1k", "10k", "100k", "1M"]);
    for (const label of all) expect(label).not.toMatch(/\d\s?[GTPEZYRQmµnpf]$/);
    expect(all.filter((t) => /^10[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(t)).length).toBeGreaterThan(5);
  });
});
