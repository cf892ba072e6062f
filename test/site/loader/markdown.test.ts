import { describe, expect, it } from "vitest";
import { markdownCell, renderFixture, renderInline } from "./helpers";

describe("markdown cells", () => {
  it("renders GFM: tables, strikethrough, task lists", async () => {
    const { document } = await renderFixture("site/01-first.ipynb");
    const table = document.querySelector("#cell-3 table");
    expect([...(table?.querySelectorAll("th") ?? [])].map((th) => th.textContent)).toEqual(["term", "FLOPs"]);
    expect(table?.querySelector("td .katex")).not.toBeNull();
    expect(document.querySelector("#cell-3 del")?.textContent).toBe("struck");
    expect(document.querySelector("#cell-3 input[type=checkbox]")?.hasAttribute("checked")).toBe(true);
  });

  it("reads a paragraph that is only $$…$$ as display math, as Jupyter does", async () => {
    const { document } = await renderInline([markdownCell("$$a + b$$\n\ninline $$c$$ stays inline")]);
    expect(document.querySelectorAll(".katex-display")).toHaveLength(1);
    expect(document.querySelectorAll(".katex")).toHaveLength(2);
  });

  it("gives headings ids: explicit {#id}, else a slug; the title is the first # heading", async () => {
    const { notebook } = await renderFixture("site/01-first.ipynb");
    expect(notebook.title).toBe("Fixture one: the question");
    expect(notebook.headings.map(({ depth, slug, text }) => [depth, slug, text])).toEqual([
      [1, "fixture-one-the-question", "Fixture one: the question"],
      [2, "equations", "Equations"],
      [2, "per-token", "Per token"],
      [3, "a-subsection", "A subsection"],
    ]);
  });

  it("keeps a chart's own title (an <h2> in the output) out of the table of contents", async () => {
    const { notebook, document } = await renderFixture("site/01-first.ipynb");
    expect(document.querySelector("#cell-11 figure h2")?.textContent).toBe("Decode FLOPs per token against context length");
    expect(notebook.headings.map((heading) => heading.text)).not.toContain("Decode FLOPs per token against context length");
  });

  it("typesets math in headings for the table of contents", async () => {
    const { notebook } = await renderInline([markdownCell("# T\n\n## Why $S^2$ {#why}")]);
    expect(notebook.headings[1]?.slug).toBe("why");
    expect(notebook.headings[1]?.html).toContain('class="katex"');
  });

  it("keeps heading slugs unique", async () => {
    const { notebook } = await renderInline([markdownCell("## Try it\n\n## Try it")]);
    expect(notebook.headings.map((heading) => heading.slug)).toEqual(["try-it", "try-it-1"]);
  });

  it("points links to another notebook at its page", async () => {
    const { document } = await renderFixture("site/01-first.ipynb");
    expect(document.querySelector("#cell-1 a:not(.xref)")?.getAttribute("href")).toBe("../02-islands/#islands");
  });

  it("numbers captioned figures and resolves references to them", async () => {
    const { document } = await renderFixture("site/01-first.ipynb");
    expect([...document.querySelectorAll("figure.numbered-figure")].map((figure) => [figure.id, figure.querySelector(".figure-number")?.textContent])).toEqual([
      ["fig:sweep", "Figure 1."],
      ["figure-2", "Figure 2."],
    ]);
    expect(document.querySelector("#cell-15 a.xref")?.textContent).toBe("Figure 1");
  });

  it("inlines image attachments and refuses a missing one", async () => {
    const attached = { cell_type: "markdown", metadata: {}, source: "![dot](attachment:dot.png)", attachments: { "dot.png": { "image/png": "iVBORw0KGgo=" } } };
    const { document } = await renderInline([attached]);
    expect(document.querySelector("img")?.getAttribute("src")).toBe("data:image/png;base64,iVBORw0KGgo=");
    await expect(renderInline([markdownCell("![x](attachment:nope.png)")])).rejects.toThrow("inline.ipynb, cell 1: image attachment:nope.png is not attached to the cell");
  });

  it("highlights code cells as TypeScript, in both themes", async () => {
    const { document } = await renderFixture("site/01-first.ipynb");
    const pre = document.querySelector("#cell-4 pre.astro-code");
    expect(pre?.getAttribute("data-language")).toBe("typescript");
    const tokens = [...(pre?.querySelectorAll("span[style]") ?? [])].map((span) => span.getAttribute("style") ?? "");
    expect(tokens.length).toBeGreaterThan(3);
    for (const style of tokens) expect(style).toMatch(/--shiki-light:#[0-9a-f]{6};--shiki-dark:#[0-9a-f]{6}/i);
  });

  it("refuses raw cells", async () => {
    await expect(renderInline([{ cell_type: "raw", metadata: {}, source: "x" }])).rejects.toThrow("inline.ipynb, cell 1: raw cells are not rendered");
  });
});
