import { describe, expect, it } from "vitest";
import katex from "katex";
import { FORMULAS, gpt4o, grok } from "../../src/core/index";
import { formulaBundle, latexProse } from "../../src/notebook/formula";
import { textOf } from "./markup";

/** The math inside the $$ … $$ of a text/latex output. */
function mathOf(latex: string): string {
  const m = /^\$\$\n([\s\S]*)\n\$\$$/.exec(latex);
  if (m === null || m[1] === undefined) throw new Error(`not one display-math block: ${latex.slice(0, 80)}`);
  return m[1];
}

describe("formulaBundle", () => {
  it("shows GPT-4o's formula with each term's exact value at the post's inputs", async () => {
    const bundle = formulaBundle(gpt4o);
    expect(Object.keys(bundle.data).sort()).toEqual(["text/latex", "text/plain"]);
    // By hand, E = 4096, V = 200,000, S = 128,000, H = 8, L = 100:
    // E·V = 819,200,000; L·8·E²·S = 800 · 16,777,216 · 128,000 = 1,717,986,918,400,000;
    // L·4·E·H·S = 400 · 4096 · 8 · 128,000 = 1,677,721,600,000; L·H·S² = 800 · 16,384,000,000 = 13,107,200,000,000;
    // sum 1,732,772,659,200,000.
    const plain = textOf(bundle, "text/plain");
    expect(plain).toContain("with E = 4,096, V = 200,000, S = 128,000, H = 8, L = 100");
    expect(plain).toContain("  final output projection: 819,200,000 ≈ 8.19×10^8");
    expect(plain).toContain("  two-layer MLPs: 1,717,986,918,400,000 ≈ 1.72×10^15");
    expect(plain).toContain("  Q/K/V dot products: 1,677,721,600,000 ≈ 1.68×10^12");
    expect(plain).toContain("  self-attention: 13,107,200,000,000 ≈ 1.31×10^13");
    expect(plain).toContain("  sum (FLOPs per generated token (as claimed)): 1,732,772,659,200,000 ≈ 1.73×10^15");
    const latex = textOf(bundle, "text/latex");
    expect(latex).toContain("L \\cdot 8 \\cdot E^{2} \\cdot S &= 1{,}717{,}986{,}918{,}400{,}000 &&\\approx 1.72 \\times 10^{15} &&\\text{two-layer MLPs}");
    await expect(latex).toMatchFileSnapshot("./__snapshots__/formula-gpt4o.tex");
  });

  it("reproduces the post's 2.56 × 10^16 for Grok's 2·N·S with N = 10^11, S = 128,000", () => {
    const latex = textOf(formulaBundle(grok, { N: 100_000_000_000n, S: 128_000n }), "text/latex");
    expect(latex).toContain("\\text{sum} &= 25{,}600{,}000{,}000{,}000{,}000 &&\\approx 2.56 \\times 10^{16}");
  });

  it("leaves small values exact only", () => {
    const plain = textOf(formulaBundle(grok, { N: 10n, S: 3n }), "text/plain");
    expect(plain).toContain("  2 FLOPs per parameter per context position: 60\n");
  });

  it("renders in KaTeX without errors or warnings, for every formula in the core", () => {
    for (const formula of FORMULAS) {
      const math = mathOf(textOf(formulaBundle(formula), "text/latex"));
      expect(() => katex.renderToString(math, { displayMode: true, throwOnError: true, strict: "error" }), formula.id).not.toThrow();
    }
  });

  it("escapes prose and sets its symbols in math mode", () => {
    const prose = "50% of $5 & #1_a {b} ~ ^ \\";
    expect(latexProse(prose)).toBe("\\text{50\\% of \\$5 \\& \\#1\\_a \\{b\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}}");
    expect(latexProse("scores × values · 2², ≈ 3", "\\textbf")).toBe("\\textbf{scores }\\times \\textbf{ values }\\cdot \\textbf{ 2}^{2}\\textbf{, }\\approx \\textbf{ 3}");
    for (const text of [prose, "scores × values · 2², ≈ 3 → ∞ … ± ≤ ≥ ≠ −1"]) {
      expect(() => katex.renderToString(latexProse(text), { throwOnError: true, strict: "error" }), text).not.toThrow();
    }
  });

  it("labels the equation for cross-references", () => {
    const latex = textOf(formulaBundle(grok, undefined, { label: "eq:grok" }), "text/latex");
    expect(latex).toMatch(/\\end\{array\}\\label\{eq:grok\}\n\$\$$/);
    expect(() => formulaBundle(grok, undefined, { label: "eq grok" })).toThrow('formulaBundle: label "eq grok" must start with a letter');
  });

  it("names a missing input", () => {
    expect(() => formulaBundle(grok, { N: 1n } as never)).toThrow('formula "grok": variable S (context length (GPT-4o’s 128k window)) must be a bigint, got nothing');
  });
});

describe("formula displays fit a narrow output", () => {
  it("break prose between words into rows of at most 56 characters", async () => {
    const { wrapWords } = await import("../../src/notebook/formula");
    expect(wrapWords("FLOPs per generated token at context S (the new token attends to S keys, itself included).", 56)).toEqual([
      "FLOPs per generated token at context S (the new token",
      "attends to S keys, itself included).",
    ]);
    expect(wrapWords("a-word-longer-than-the-width fits alone", 10)).toEqual(["a-word-longer-than-the-width", "fits alone"]);
  });
});
