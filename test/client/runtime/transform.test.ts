import { describe, expect, it } from "vitest";
import { stripTypes } from "../../../src/client/runtime/strip-types";
import { CellSyntaxError } from "../../../src/client/runtime/cell-syntax-error";
import { compileCell as compileScript } from "../../../src/client/runtime/transform";

/** A cell as the page and the worker compile it: types erased, then the top level rewritten. */
const compileCell = (source: string) => compileScript(stripTypes(source));

/** Runs cells one after another in one shared global scope, as the worker does. */
function runCells(...sources: string[]): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  const modules: Record<string, unknown> = { m: { a: 1, b: 2, default: "D" } };
  for (const source of sources) {
    const { code } = compileCell(source);
    // The worker evaluates global code; here each cell is a function that receives the names above as parameters and returns its `var`s.
    const names = [...code.matchAll(/\bvar\s+(?:\{([^}]*)\}|([\w$]+))/g)].flatMap((match) => (match[1] ? match[1].split(",").map((part) => part.split(":").pop()!.trim()) : [match[2]!]));
    const body = `${code}\nreturn { ${names.join(", ")} };`;
    const values = new Function("__hmfImport", ...Object.keys(scope), body)((name: string) => modules[name], ...Object.values(scope)) as Record<string, unknown>;
    Object.assign(scope, values);
  }
  return scope;
}

describe("compileCell", () => {
  it("strips types and keeps every line where it was", () => {
    const source = "interface P { a: number }\nconst x: number = 1;\ntype T = string;\nconst y = x as number;\n";
    const { code } = compileCell(source);
    expect(code.split("\n")).toHaveLength(source.split("\n").length);
    expect(code).not.toMatch(/interface|: number|as number/);
  });

  it("makes top-level const, let and class redefinable globals, and leaves nested ones alone", () => {
    const { code } = compileCell("const a = 1;\nlet b = 2;\nclass C { m() { const inner = 3; return inner; } }\nfor (const i of [1]) { let j = i; }\n");
    expect(code).toBe("var   a = 1;\nvar b = 2;\nvar C = class C { m() { const inner = 3; return inner; } };\nfor (const i of [1]) { let j = i; }\n");
  });

  it("turns imports into variables, named, renamed, default and namespace, keeping the line count", () => {
    const { code, imports } = compileCell('import * as P from "@observablehq/plot";\nimport D, {\n  a,\n  b as c,\n  type T,\n} from "m";\nconst z = 1;');
    expect(imports).toEqual([
      { specifier: "@observablehq/plot", names: "*" },
      { specifier: "m", names: "*" },
    ]);
    expect(code.split("\n")).toHaveLength(7);
    expect(code.split("\n")[0]).toBe('var P = __hmfImport("@observablehq/plot");');
    expect(code.split("\n")[1]).toBe('var D = __hmfImport("m").default, { a, b: c } = __hmfImport("m");');
    expect(code.split("\n")[6]).toBe("var   z = 1;");
  });

  it("names what a cell imports from each module: the imported names (not their local names, not types), or all of it", () => {
    const { imports } = compileCell('import { a, b as c, type T } from "./src/core/index";\nimport "./effects";\nimport type { U } from "m";\nimport * as N from "n";');
    expect(imports).toEqual([
      { specifier: "./src/core/index", names: ["a", "b"] },
      { specifier: "./effects", names: "*" },
      { specifier: "n", names: "*" },
    ]);
  });

  it("shares declarations between cells and lets a later cell redefine them (tslab's semantics)", () => {
    const scope = runCells('import { a } from "m";\nconst x: number = a + 1;', "const y = x * 10;", "const x = 100;");
    expect(scope.a).toBe(1);
    expect(scope.y).toBe(20);
    expect(scope.x).toBe(100);
  });

  it("does not mistake braces in strings, templates, regexes and comments for blocks", () => {
    const { code } = compileCell("const s = `{${ {a: 1}.a }`;\nconst r = /[}{]/g; // }\nconst t = '}';\n/* { */ const u = 1;\n");
    expect(code).toBe("var   s = `{${ {a: 1}.a }`;\nvar   r = /[}{]/g; // }\nvar   t = '}';\n/* { */ var   u = 1;\n");
  });

  it("reports a syntax error with the line and column of the cell as written", () => {
    let error: unknown;
    try {
      compileCell("const a = 1;\nconst b = ;\n");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CellSyntaxError);
    expect((error as CellSyntaxError).line).toBe(2);
    // "const b = ;": the `;` is the 11th character.
    expect((error as CellSyntaxError).column).toBe(11);
  });

  it("refuses `export` in a cell, naming where", () => {
    expect(() => compileCell("const a = 1;\n  export const b = 2;\n")).toThrow("(line 2, column 3)");
  });

  it("maps a position in the compiled script back to the cell as written", () => {
    // Column 0-based. In the source, `missing` starts at column 33 of line 2 (after the type annotation).
    const source = "const k = 1;\nconst value: Record<string, 1> = missing();\n";
    const compiled = compileCell(source);
    const line2 = compiled.code.split("\n")[1]!;
    expect(compiled.original(2, line2.indexOf("missing"))).toEqual({ line: 2, column: source.split("\n")[1]!.indexOf("missing") });
  });
});
