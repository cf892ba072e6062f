import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Reader mode on the site, decided per cell by its tags (site/loaders/notebook/tags.ts):
 * a cell that only places an island shows the island without its code, a cell that
 * only imports is folded, and the reader still sees the code that computes.
 */
interface Cell {
  cell_type: string;
  id: string;
  source: string | string[];
  metadata: { tags?: string[] };
}
const text = (cell: Cell): string => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);
const NOTEBOOKS = readdirSync("notebooks").filter((name) => /^0\d-.*\.ipynb$/.test(name)).sort();

describe.each(NOTEBOOKS)("%s", (name) => {
  const cells = (JSON.parse(readFileSync(join("notebooks", name), "utf8")) as { cells: Cell[] }).cells;
  const code = cells.filter((cell) => cell.cell_type === "code");
  const tags = (cell: Cell): string[] => cell.metadata.tags ?? [];

  it("shows its islands without the line that places them", () => {
    const islands = code.filter((c) => /^showIsland\([^;]*\);?$/.test(text(c).trim()));
    // The notebooks with a live island at their end, or (7) near the top.
    expect(islands.length).toBe(["01", "02", "06", "07", "08", "09"].includes(name.slice(0, 2)) ? 1 : 0);
    for (const cell of islands) expect(tags(cell), cell.id).toContain("remove-input");
  });

  it("folds the cell that only imports", () => {
    const importsOnly = code.filter((c) => text(c).replace(/^\s*import\b[^;]*;/gm, "").replace(/^\s*\/\/.*$/gm, "").trim() === "");
    expect(importsOnly.length).toBeGreaterThanOrEqual(1);
    for (const cell of importsOnly) expect(tags(cell), cell.id).toContain("hide-input");
  });

  it("keeps most of its code open to read", () => {
    const open = code.filter((cell) => !tags(cell).some((tag) => tag === "hide-input" || tag === "remove-input" || tag === "remove-cell" || tag === "hide-cell"));
    expect(open.length).toBeGreaterThanOrEqual(Math.ceil(code.length / 3));
  });
});
