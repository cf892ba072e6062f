import { readFileSync } from "node:fs";
import fc from "fast-check";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { markdownToHastWithoutRaw } from "../../../site/loaders/notebook/markdown-syntax";
import { plainMarkdownHtml } from "../../../site/client/plain-markdown";

/** The build's pipeline, as the live page runs it for text with no raw HTML and no math. */
const pipeline = (text: string): string => toHtml(markdownToHastWithoutRaw(text));

describe("plain Markdown without the pipeline (site/client/plain-markdown.ts)", () => {
  it("gives the HTML written by hand for bold runs in a line of text", () => {
    expect(plainMarkdownHtml("**GPT-2**: 12 layers, hidden size 768.")).toBe("<p><strong>GPT-2</strong>: 12 layers, hidden size 768.</p>");
    expect(plainMarkdownHtml("(**a**) and **b c**\n")).toBe("<p>(<strong>a</strong>) and <strong>b c</strong></p>");
  });

  it("leaves to the pipeline what it does not read for certain", () => {
    for (const text of ["a**b**", "**a **", "** a**", "**a", "1. item", "- item", "# title", "see www.example.com", "a_b_", "x < y", "$x$", "a\nb", " indented", "a & b", "[link](x)", "`code`", "a*b*", ""]) {
      expect(plainMarkdownHtml(text), text).toBeUndefined();
    }
  });

  it("takes notebook 07's model summary (the output a first run there changes)", () => {
    const notebook = JSON.parse(readFileSync("notebooks/07-your-model.ipynb", "utf8")) as { cells: Array<{ outputs?: Array<{ data?: Record<string, string | string[]> }> }> };
    const texts = notebook.cells.flatMap((cell) => cell.outputs ?? []).flatMap((output) => (output.data?.["text/markdown"] ? [[output.data["text/markdown"]].flat().join("")] : []));
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(plainMarkdownHtml(text), text).toBe(pipeline(text));
  });

  it("equals the pipeline on every generated line it takes", () => {
    const piece = fc.oneof(
      fc.constantFrom("**", "**", " ", "a", "Z", "7", "1.", "-", ":", ",", ".", "(", ")", "'", "·", "×", "%", "=", "?", "!", "é", "www.", "  ", "\n", "*", "_", "#", "<", "&", "$", "[", "`", "~", "|", ">", "+", "@", "http://x"),
      fc.stringMatching(/^[A-Za-z0-9 ]{1,6}$/),
    );
    let taken = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join("");
        const html = plainMarkdownHtml(text);
        if (html === undefined) return;
        taken++;
        expect(html).toBe(pipeline(text));
      }),
      { numRuns: 4000 },
    );
    // The comparison must have been made often enough to mean something.
    expect(taken).toBeGreaterThan(300);
  });
});
