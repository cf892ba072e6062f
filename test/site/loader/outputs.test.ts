import { describe, expect, it } from "vitest";
import type { QueryElement } from "../dom";
import { codeCell, displayData, renderInline } from "./helpers";

const ISLAND = "application/vnd.how-many-flops.island+json";

/** The single output element of a one-cell notebook. */
async function output(data: Record<string, unknown>, metadata: Record<string, unknown> = {}): Promise<QueryElement> {
  const { document } = await renderInline([codeCell("x", [displayData(data, metadata)])]);
  const element = document.querySelector(".output");
  if (!element) throw new Error("no output rendered");
  return element;
}

describe("outputs by MIME priority", () => {
  it("prefers the island bundle, with the text/html fallback inside <hmf-island>", async () => {
    const element = await output({ [ISLAND]: { island: "context-sweep", props: { model: "gpt2" } }, "text/html": "<p>static sweep</p>", "text/plain": "sweep" });
    const island = element.querySelector("hmf-island");
    expect(island?.getAttribute("data-island")).toBe("context-sweep");
    expect(JSON.parse(island?.getAttribute("data-props") ?? "")).toEqual({ model: "gpt2" });
    expect(island?.getAttribute("data-id")).toBe("context-sweep-1");
    expect(island?.innerHTML).toBe("<p>static sweep</p>");
    expect(element.textContent).not.toContain("sweep\n");
  });

  it("numbers islands of one kind on a page: each has its own id for its URL state", async () => {
    const bundle = () => displayData({ [ISLAND]: { island: "three-answers", props: {} }, "text/html": "<p>three</p>" });
    const { document } = await renderInline([codeCell("a", [bundle()]), codeCell("b", [bundle(), displayData({ [ISLAND]: { island: "your-model", props: {} }, "text/html": "<p>mine</p>" })])]);
    expect([...document.querySelectorAll("hmf-island")].map((island) => island.getAttribute("data-id"))).toEqual(["three-answers-1", "three-answers-2", "your-model-1"]);
  });

  it("prefers image/svg+xml over text/html, text/html over markdown, markdown over LaTeX, LaTeX over PNG, PNG over plain text", async () => {
    expect((await output({ "image/svg+xml": "<svg><circle r='1'/></svg>", "text/html": "<p>html</p>" })).querySelector("svg circle")).not.toBeNull();
    expect((await output({ "text/html": "<p>html</p>", "text/markdown": "**md**" })).innerHTML).toBe("<p>html</p>");
    expect((await output({ "text/markdown": "**md**", "text/latex": "$$x$$" })).innerHTML).toBe("<p><strong>md</strong></p>");
    expect((await output({ "text/latex": "$$x^2$$", "image/png": "iVBORw0KGgo=" })).querySelector(".katex-display")).not.toBeNull();
    const png = await output({ "image/png": "iVBORw0K\nGgo=", "text/plain": "a picture" }, { alt: "a picture" });
    expect(png.querySelector("img")?.getAttribute("src")).toBe("data:image/png;base64,iVBORw0KGgo=");
    expect(png.querySelector("img")?.getAttribute("alt")).toBe("a picture");
    expect((await output({ "text/plain": "42n" })).querySelector("pre")?.textContent).toBe("42n");
  });

  it("uses a known type when the bundle also has an unknown one", async () => {
    expect((await output({ "application/x-widget": { a: 1 }, "text/plain": "fallback" })).textContent).toBe("fallback");
  });

  it("fails on a bundle with no type it can render, naming the cell and the types", async () => {
    await expect(renderInline([codeCell("x", [displayData({ "application/x-widget": { a: 1 } })])])).rejects.toThrow(
      "inline.ipynb, cell 1: output 1 has no MIME type the site can render (application/x-widget); add a text/plain or text/html fallback",
    );
  });

  it("fails on an error output with its name and message, ANSI colours removed", async () => {
    const error = { output_type: "error", ename: "TypeError", evalue: "\u001b[31mx is not a function\u001b[39m", traceback: [] };
    await expect(renderInline([codeCell("ok", []), codeCell("x()", [error])])).rejects.toThrow("inline.ipynb, cell 2: error output (TypeError: x is not a function)");
  });

  it("fails on stderr, shows stdout", async () => {
    const stream = (name: string, text: string) => ({ output_type: "stream", name, text });
    await expect(renderInline([codeCell("x", [stream("stderr", "warning: deprecated\n")])])).rejects.toThrow('inline.ipynb, cell 1: output 1 wrote to stderr: "warning: deprecated"');
    const { document } = await renderInline([codeCell("x", [stream("stdout", "\u001b[32mok\u001b[39m\n")])]);
    expect(document.querySelector(".output-stream pre")?.textContent).toBe("ok\n");
  });

  it("fails on an error even in a cell whose output or whole self is removed", async () => {
    const error = { output_type: "error", ename: "RangeError", evalue: "bad", traceback: [] };
    await expect(renderInline([codeCell("x", [error], ["remove-output"])])).rejects.toThrow("cell 1: error output (RangeError: bad)");
    await expect(renderInline([codeCell("x", [error], ["remove-cell"])])).rejects.toThrow("cell 1: error output (RangeError: bad)");
  });

  it("checks island payloads: a known island, object props, a static fallback", async () => {
    await expect(renderInline([codeCell("x", [displayData({ [ISLAND]: { island: "teleporter", props: {} }, "text/html": "<p/>" })])])).rejects.toThrow(
      'cell 1: output 1: unknown island "teleporter" (known: formula-explorer, three-answers, context-sweep, your-model, energy)',
    );
    await expect(renderInline([codeCell("x", [displayData({ [ISLAND]: { island: "energy", props: [] }, "text/html": "<p/>" })])])).rejects.toThrow("cell 1: output 1: island props must be an object");
    await expect(renderInline([codeCell("x", [displayData({ [ISLAND]: { island: "energy", props: {} }, "text/plain": "x" })])])).rejects.toThrow(
      "cell 1: output 1: an island output needs a text/html static fallback",
    );
  });

  it("asks for alt text on images", async () => {
    await expect(renderInline([codeCell("x", [displayData({ "image/png": "iVBORw0KGgo=" })])])).rejects.toThrow('cell 1: output 1: an image needs alt text (output metadata "alt") or a caption');
  });

  it("turns a caption into a figure, and gives an unlabelled chart the alt text as its name", async () => {
    const element = await output({ "image/svg+xml": "<svg><rect/></svg>" }, { caption: "A square.", alt: "a square", label: "fig:square" });
    const figure = element.querySelector("figure");
    expect(figure?.id).toBe("fig:square");
    expect(figure?.querySelector("figcaption")?.textContent).toBe("Figure 1. A square.");
    expect(figure?.querySelector("svg")?.getAttribute("aria-label")).toBe("a square");
    expect(figure?.querySelector("svg")?.getAttribute("role")).toBe("img");
  });
});
