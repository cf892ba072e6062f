import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { searchHtml } from "../../../site/integrations/search-text";

const page = (body: string): string => `<!doctype html><html lang="en"><head><title>t</title></head><body><main data-pagefind-body>${body}</main></body></html>`;
const typeset = (tex: string, displayMode = false): string => katex.renderToString(tex, { displayMode, throwOnError: true });

/** The text Pagefind keeps for a page (what its excerpts are cut from): its fragment's `content`. */
async function indexedContent(html: string): Promise<string> {
  const { createIndex, close } = await import("pagefind");
  const out = mkdtempSync(join(tmpdir(), "hmf-search-text-"));
  try {
    const { index } = await createIndex({ forceLanguage: "en", excludeSelectors: [".katex-html", "annotation"] });
    if (!index) throw new Error("pagefind did not start");
    const added = await index.addHTMLFile({ sourcePath: "page/index.html", content: html });
    expect(added.errors).toEqual([]);
    await index.writeFiles({ outputPath: out });
    const [fragment] = readdirSync(join(out, "fragment"));
    // A fragment is gzipped: a "pagefind_dcd" signature, then JSON.
    const text = gunzipSync(readFileSync(join(out, "fragment", fragment as string))).toString("utf8");
    return (JSON.parse(text.slice(text.indexOf("{"))) as { content: string }).content;
  } finally {
    await close();
    rmSync(out, { recursive: true, force: true });
  }
}

describe("search text of a built page", () => {
  it("reads a power of ten as 10^12, where the MathML text read 1012", async () => {
    const html = page(`<p>About ${typeset("1.7 \\times 10^{12}")} FLOPs per token.</p>`);
    // The failure this fixes: indexed as it is built, the exponent runs into its base.
    expect(await indexedContent(html)).toContain("1.7×1012 FLOPs");
    expect(await indexedContent(searchHtml(html))).toContain("About 1.7×10^12 FLOPs per token.");
  });

  it("writes subscripts, fractions, roots and multi-token exponents unambiguously", () => {
    const html = searchHtml(page(`<p>${typeset("E^2 + d_{\\text{head}} = \\frac{a+b}{2}")} and ${typeset("10^{-3}", true)} and ${typeset("\\sqrt{x}")} and ${typeset("S^* = (1-k)^T")}</p>`));
    expect(html).toContain("<p><span>E^2 + d_head = (a + b)/2</span> and <span>10^(−3)</span> and <span>√(x)</span> and <span>S^∗ = (1 − k)^T</span></p>");
    expect(html).not.toContain("katex");
  });

  it("leaves a page without formulas byte for byte as built", () => {
    const html = page("<p>No math: 1,234,567 FLOPs.</p>");
    expect(searchHtml(html)).toBe(html);
  });
});
