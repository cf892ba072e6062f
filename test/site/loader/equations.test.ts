import { describe, expect, it } from "vitest";
import type { QueryElement } from "../dom";
import { codeCell, displayData, markdownCell, renderFixture, renderInline } from "./helpers";

/** The tag KaTeX typeset for an equation ("(1)"), or null for an unnumbered one. */
function tagOf(equation: QueryElement | null | undefined): string | null {
  return equation?.querySelector(".katex-html .tag")?.textContent ?? null;
}

describe("numbered display equations and cross-references", () => {
  it("numbers display equations in order, skips \\notag, and labels them", async () => {
    const { document } = await renderFixture("site/01-first.ipynb");
    const equations = [...document.querySelectorAll(".equation")];
    expect(equations.map((eq) => [eq.id, tagOf(eq)])).toEqual([
      ["eq:gpt4o", "(1)"],
      ["eq:grok", "(2)"],
      ["", null],
      ["", null], // the text/latex output of cell 6: an output, unlabelled
    ]);
    // The label is not typeset.
    expect(document.querySelector("#eq\\:gpt4o")?.textContent).not.toContain("label");
  });

  it("resolves [](#eq:…) and \\eqref{…} to the number, as links", async () => {
    const { document } = await renderFixture("site/01-first.ipynb");
    const refs = [...document.querySelectorAll("#cell-1 a.xref")].map((a) => [a.getAttribute("href"), a.textContent]);
    expect(refs).toEqual([
      ["#eq:gpt4o", "(1)"],
      ["#eq:grok", "(2)"],
    ]);
    expect(document.querySelector("#cell-1")?.textContent).not.toContain("\\eqref");
  });

  it("resolves $\\eqref{…}$ written as inline math", async () => {
    const { document } = await renderInline([markdownCell("$$\na = b \\label{eq:ab}\n$$\n\nSee $\\eqref{eq:ab}$.")]);
    expect(document.querySelector("a.xref")?.textContent).toBe("(1)");
  });

  it("numbers a labelled text/latex output with the markdown equations, not an unlabelled one, and unwraps numbering environments", async () => {
    const latex = displayData({ "text/latex": "\\begin{align}\\label{eq:two} a &= 1 \\\\ b &= 2\\end{align}" });
    const table = displayData({ "text/latex": "$$\\begin{array}{l} c = 3 \\end{array}$$" });
    const { document } = await renderInline([markdownCell("$$\nx\n$$"), codeCell("f()", [latex, table]), markdownCell("As [](#eq:two) shows.")]);
    expect([...document.querySelectorAll(".equation")].map(tagOf)).toEqual(["(1)", "(2)", null]);
    expect(document.querySelector("#eq\\:two .katex-mathml")?.textContent).toContain("a=1");
    expect(document.querySelector("a.xref")?.textContent).toBe("(2)");
  });

  it("keeps an author's own \\tag", async () => {
    const { document } = await renderInline([markdownCell("$$\nE = mc^2 \\tag{*} \\label{eq:e}\n$$\n\n$$\nx\n$$\n\nSee [](#eq:e).")]);
    expect([...document.querySelectorAll(".equation")].map(tagOf)).toEqual(["(*)", "(1)"]);
    expect(document.querySelector("a.xref")?.textContent).toBe("(*)");
  });

  it("fails on a reference to a label that does not exist, naming the cell", async () => {
    await expect(renderInline([markdownCell("# T"), markdownCell("See [](#eq:missing).")])).rejects.toThrow("inline.ipynb, cell 2: link to #eq:missing, which is not on this page");
    await expect(renderInline([markdownCell("See \\eqref{eq:nowhere}.")])).rejects.toThrow("inline.ipynb, cell 1: \\eqref{eq:nowhere}: no equation or figure is labelled eq:nowhere");
  });

  it("fails on a label used twice or on a labelled \\notag equation", async () => {
    await expect(renderInline([markdownCell("$$\na \\label{eq:a}\n$$"), markdownCell("$$\nb \\label{eq:a}\n$$")])).rejects.toThrow("inline.ipynb, cell 2: equation label eq:a is used twice");
    await expect(renderInline([markdownCell("$$\na \\label{eq:a} \\notag\n$$")])).rejects.toThrow("cell 1: equation eq:a is marked \\notag");
  });

  it("fails on TeX that KaTeX cannot typeset, naming the cell", async () => {
    await expect(renderInline([markdownCell("fine"), markdownCell("Broken: $\\frac{1}{$.")])).rejects.toThrow(/^inline\.ipynb, cell 2: KaTeX cannot typeset this formula: KaTeX parse error/);
  });
});
