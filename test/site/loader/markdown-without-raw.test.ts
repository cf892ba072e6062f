import { readdirSync, readFileSync } from "node:fs";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { hasRawHtml, markdownToHast, markdownToHastWithoutRaw } from "../../../site/loaders/notebook/markdown";

/** Every Markdown text of the notebooks: markdown cells and text/markdown outputs. */
function notebookMarkdown(): Array<{ where: string; text: string }> {
  const texts: Array<{ where: string; text: string }> = [];
  for (const name of readdirSync("notebooks").filter((file) => file.endsWith(".ipynb"))) {
    const notebook = JSON.parse(readFileSync(`notebooks/${name}`, "utf8")) as { cells: Array<{ cell_type: string; source: string | string[]; outputs?: Array<{ data?: Record<string, string | string[]> }> }> };
    notebook.cells.forEach((cell, index) => {
      const join = (value: string | string[]): string => (Array.isArray(value) ? value.join("") : value);
      if (cell.cell_type === "markdown") texts.push({ where: `${name} cell ${index + 1}`, text: join(cell.source) });
      for (const output of cell.outputs ?? []) if (output.data?.["text/markdown"] !== undefined) texts.push({ where: `${name} cell ${index + 1} output`, text: join(output.data["text/markdown"]) });
    });
  }
  return texts;
}

describe("Markdown without rehype-raw (what the live notebook loads when the text has no raw HTML)", () => {
  it("gives the build's HTML for every notebook Markdown text without raw HTML", () => {
    const texts = notebookMarkdown();
    let compared = 0;
    for (const { where, text } of texts) {
      const tree = markdownToHastWithoutRaw(text);
      if (hasRawHtml(tree)) continue;
      compared++;
      expect(toHtml(tree), where).toBe(toHtml(markdownToHast(text)));
    }
    // Nine notebooks, each with several markdown cells, and notebook 7's text/markdown output.
    expect(compared).toBeGreaterThan(20);
  });

  it("says when a text has raw HTML, which only the full pipeline parses", () => {
    expect(hasRawHtml(markdownToHastWithoutRaw("a <kbd>Tab</kbd> key"))).toBe(true);
    expect(hasRawHtml(markdownToHastWithoutRaw("<details><summary>s</summary>\n\nbody\n\n</details>"))).toBe(true);
    expect(hasRawHtml(markdownToHastWithoutRaw("**Llama 3.1 8B**: 32 layers, `x < y`, $a<b$, a | table"))).toBe(false);
    expect(toHtml(markdownToHast("a <kbd>Tab</kbd> key"))).toBe("<p>a <kbd>Tab</kbd> key</p>");
  });
});
