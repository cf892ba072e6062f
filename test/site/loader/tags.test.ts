import { beforeAll, describe, expect, it } from "vitest";
import { cellDisplay } from "../../../site/loaders/notebook/tags";
import type { RenderedNotebook } from "../../../site/loaders/notebook/render";
import type { QueryRoot } from "../dom";
import { renderFixture } from "./helpers";

let notebook: RenderedNotebook;
let document: QueryRoot;
beforeAll(async () => {
  ({ notebook, document } = await renderFixture("site/01-first.ipynb"));
});

const cell = (n: number) => document.querySelector(`#cell-${n}`);

describe("cell tags (Jupyter Book / MyST)", () => {
  it("remove-cell: nothing of the cell is on the page", () => {
    expect(cell(9)).toBeNull();
    expect(notebook.html).not.toContain("REMOVED-CELL-MARKER");
  });

  it("remove-output: the code stays, the output goes", () => {
    expect(cell(8)?.querySelector(".cell-input")?.textContent).toContain('console.log("REMOVED-OUTPUT-MARKER");');
    expect(cell(8)?.querySelector(".cell-outputs")).toBeNull();
  });

  it("remove-input: the output stays, the code goes", () => {
    expect(cell(6)?.querySelector(".cell-input")).toBeNull();
    expect(cell(6)?.querySelector(".katex-display")).not.toBeNull();
  });

  it("hide-input: the code is folded under “Show code”, the output shown", () => {
    const fold = cell(5)?.querySelector("details.cell-input");
    expect(fold?.querySelector("summary")?.textContent).toBe("Show code");
    expect(fold?.querySelector("pre")?.textContent).toContain("table(rows);");
    expect(fold?.hasAttribute("open")).toBe(false);
    expect(cell(5)?.querySelector(".cell-outputs table.fixture-table")).not.toBeNull();
  });

  it("hide-output: the output is folded under “Show output”", () => {
    const fold = cell(16)?.querySelector("details.cell-outputs");
    expect(fold?.querySelector("summary")?.textContent).toBe("Show output");
    expect(fold?.textContent).toContain("HIDDEN-OUTPUT-MARKER");
  });

  it("hide-cell: the whole cell is folded", () => {
    const fold = cell(17)?.querySelector(":scope > details.cell-fold");
    expect(fold?.querySelector("summary")?.textContent).toBe("Show cell");
    expect(fold?.querySelector(".cell-input")).not.toBeNull();
    expect(fold?.textContent).toContain("HIDDEN-CELL-MARKER");
  });

  it("margin: the cell becomes a margin note", () => {
    const note = cell(7);
    expect(note?.tagName.toLowerCase()).toBe("aside");
    expect(note?.classList.contains("margin-note")).toBe(true);
    expect(note?.textContent).toContain("MARGIN-NOTE-MARKER");
    expect(note?.querySelector(".katex")).not.toBeNull();
  });

  it("other tags change nothing and are reported", () => {
    expect(cell(18)?.querySelector(".cell-input")?.textContent).toContain("const inputs");
    expect(notebook.warnings).toEqual(["test/fixtures/site-notebooks/site/01-first.ipynb, cell 18: tag parameters has no effect on the page"]);
  });

  it("remove wins over hide", () => {
    expect(cellDisplay({ tags: ["hide-input", "remove-input"] }).input).toBe("remove");
    expect(cellDisplay({ tags: ["hide-output", "remove-output"] }).outputs).toBe("remove");
    expect(cellDisplay({ tags: [] })).toEqual({ show: true, input: "show", outputs: "show", foldCell: false, margin: false, otherTags: [] });
  });
});
