import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { denseDecode, paramsPlusAttention } from "../../../src/core/formulas/index";
import { NOTATION } from "../../../site/content/notation";

const symbols = new Set(NOTATION.map((symbol) => symbol.latex));

describe("the notation table", () => {
  it("has one row per symbol", () => {
    expect(symbols.size).toBe(NOTATION.length);
  });

  it("has the symbols the issue lists: E only as another name for d", () => {
    for (const latex of ["d", "d_{\\text{attn}}", "d_h", "H", "H_{kv}", "S", "N", "N_{\\text{active}}", "L", "V"]) expect(symbols.has(latex), latex).toBe(true);
    expect(symbols.has("E")).toBe(false);
    expect(NOTATION.find((symbol) => symbol.latex === "d")?.elsewhere.map((alias) => alias.latex)).toContain("E");
  });

  it("covers every symbol of the landing's headline formula and of the first-principles count", () => {
    for (const variable of [...paramsPlusAttention.variables, ...denseDecode.variables]) expect(symbols.has(variable.latex), variable.latex).toBe(true);
  });
});

describe("the notebooks' prose uses the table's symbols", () => {
  const prose = readdirSync("notebooks")
    .filter((name) => /^0\d-.*\.ipynb$/.test(name))
    .map((name) => {
      const cells = (JSON.parse(readFileSync(join("notebooks", name), "utf8")) as { cells: Array<{ cell_type: string; source: string[] | string }> }).cells;
      return [name, cells.filter((cell) => cell.cell_type === "markdown").map((cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source)).join("\n")] as const;
    });
  it.each(prose)("%s: query heads are H (not H_q), experts n_exp (E is the post's hidden size)", (_name, text) => {
    expect(text).not.toMatch(/H_q\b|H_\{q\}/);
    expect(text).not.toMatch(/\$E\$ experts|k\/E\b/);
  });
});
