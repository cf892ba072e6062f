import { describe, expect, it } from "vitest";
import { codeCell, displayData, markdownCell, renderInline } from "./helpers";

describe("markup that would run code is refused, with the cell", () => {
  it.each([
    ["a script in text/html", codeCell("x", [displayData({ "text/html": "<p>hi</p><script>alert(1)</script>" })]), "cell 1: output 1 (text/html) contains a <script> element"],
    ["an event handler in SVG", codeCell("x", [displayData({ "image/svg+xml": '<svg onload="alert(1)"></svg>' }, { alt: "x" })]), "cell 1: output 1 (image/svg+xml) has an event handler attribute (onload on <svg>)"],
    ["a javascript: link in markdown", markdownCell("[click](javascript:alert(1))"), "cell 1: the markdown has a javascript: URL on <a>"],
    ["an iframe in raw HTML", markdownCell('<iframe src="https://example.com"></iframe>'), "cell 1: the markdown contains a <iframe> element"],
    ["a script in an island fallback", codeCell("x", [displayData({ "application/vnd.how-many-flops.island+json": { island: "energy", props: {} }, "text/html": "<script>1</script>" })]), "cell 1: output 1 (island fallback) contains a <script> element"],
  ])("%s", async (_, cell, message) => {
    await expect(renderInline([cell])).rejects.toThrow(`inline.ipynb, ${message}`);
  });

  it("lets Plot's <style> through and hashes it for the page's CSP", async () => {
    const css = ":where(.plot-x) { fill: currentColor; }";
    const { notebook } = await renderInline([codeCell("x", [displayData({ "text/html": `<svg><style>${css}</style></svg>` })])]);
    const { createHash } = await import("node:crypto");
    expect(notebook.styleHashes).toEqual([`sha256-${createHash("sha256").update(css).digest("base64")}`]);
  });
});
