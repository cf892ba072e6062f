import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { CellSyntaxError } from "../../../src/client/runtime/cell-syntax-error";
import { stripTypes } from "../../../src/client/runtime/strip-types";
import { compileCell } from "../../../src/client/runtime/transform";
import { notebookCells, SNIPPETS } from "../typescript-sources";

// The oracle: TypeScript 5.0's own transpiler, the one tslab runs the notebooks with.
const ts = createRequire(import.meta.url)("@tslab/typescript-for-tslab") as typeof import("@tslab/typescript-for-tslab");

function transpiled(source: string): string {
  return ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true } }).outputText;
}

/**
 * The tokens of a JavaScript text, by TypeScript's scanner. Semicolons and
 * parentheses are left out (TypeScript's printer adds the first and drops
 * the second around an erased `as`), and numeric separators are taken out
 * (it prints `1_000` as `1000`).
 */
function tokens(code: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, code);
  const out: string[] = [];
  const braces: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.OpenBraceToken) braces.push("{");
    if (kind === ts.SyntaxKind.CloseBraceToken && braces.pop() === "${") kind = scanner.reScanTemplateToken(false);
    if (kind === ts.SyntaxKind.TemplateHead || kind === ts.SyntaxKind.TemplateMiddle) braces.push("${");
    const regexAllowed = out.length === 0 || /^([(,=:[!&|?{};]|return|typeof)$/.test(out[out.length - 1]!);
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && regexAllowed) kind = scanner.reScanSlashToken();
    let text = scanner.getTokenText();
    if (text === ";" || text === "(" || text === ")") continue;
    if (kind === ts.SyntaxKind.NumericLiteral || kind === ts.SyntaxKind.BigIntLiteral) text = text.replace(/_/g, "");
    out.push(text);
  }
  return out;
}

/** Erased types keep every character where it was: the same length, the line breaks at the same offsets. */
function expectSameShape(stripped: string, source: string): void {
  expect(stripped.length).toBe(source.length);
  expect([...stripped.matchAll(/\n/g)].map((match) => match.index)).toEqual([...source.matchAll(/\n/g)].map((match) => match.index));
}

/** Whether V8 parses the script the worker would evaluate (compiled, not run). */
function parsesAsJavaScript(stripped: string): boolean {
  try {
    new Function(compileCell(stripped).code);
    return true;
  } catch {
    return false;
  }
}

describe("stripTypes", () => {
  it("erases annotations, aliases, interfaces and assertions in place", () => {
    const source = "interface P { a: number }\nconst x: number = 1;\ntype T = string;\nconst y = x as number;\n";
    expect(stripTypes(source)).toBe(
      [";                        ", "const x         = 1;", ";               ", "const y = x          ;", ""].join("\n"),
    );
  });

  it("takes `type` names out of import groups with their comma, and `import type` whole", () => {
    expect(stripTypes('import { a, type T, b as c } from "m";')).toBe(`import { a, ${" ".repeat(7)} b as c } from "m";`);
    expect(stripTypes('import type { X } from "y";\nconst z = 1;')).toBe(`;${" ".repeat(26)}\nconst z = 1;`);
  });

  it("erases generics, non-null assertions and TypeScript's class modifiers", () => {
    expect(stripTypes("const q = f<number>(1)!;")).toBe("const q = f        (1) ;");
    expect(stripTypes("class C { private readonly x?: number = 1; }")).toBe("class C {                  x          = 1; }");
  });

  it("moves the `)` of an arrow function to the end of a return type that spans lines, so no line break precedes `=>`", () => {
    const source = "const g = (v: number): {\n  a: number;\n} => ({ a: v });\n";
    const stripped = stripTypes(source);
    expectSameShape(stripped, source);
    expect(stripped.split("\n")[2]).toBe(") => ({ a: v });");
    expect(new Function(`${stripped}; return g(3).a;`)()).toBe(3);
  });

  it("gives the same code as TypeScript's transpiler for every code cell of the notebooks", () => {
    const cells = notebookCells();
    expect(cells.length).toBeGreaterThan(60);
    for (const { where, source } of cells) {
      const stripped = stripTypes(source);
      expectSameShape(stripped, source);
      expect(tokens(stripped), where).toEqual(tokens(transpiled(source)));
      expect(parsesAsJavaScript(stripped), where).toBe(true);
    }
  });

  it("gives the same code as TypeScript's transpiler for the TypeScript readers are likely to write", () => {
    for (const source of SNIPPETS) {
      const stripped = stripTypes(source);
      expectSameShape(stripped, source);
      expect(tokens(stripped), source).toEqual(tokens(transpiled(source)));
    }
  });

  it("reports where a cell does not parse, in the cell as written", () => {
    const error = (source: string): CellSyntaxError => {
      try {
        stripTypes(source);
      } catch (caught) {
        return caught as CellSyntaxError;
      }
      throw new Error(`no syntax error in ${JSON.stringify(source)}`);
    };
    // "const b = ;": the `;` is the 11th character of line 2.
    expect(error("const a = 1;\nconst b = ;\n").message).toBe('Unexpected ";" (line 2, column 11)');
    expect(error("const a = (1").message).toBe("Unexpected end of the cell (line 1, column 13)");
  });

  it("refuses what cannot be erased (it needs generated code), naming it and where", () => {
    expect(() => stripTypes("const a = 1;\nenum Colour { Red, Green }\n")).toThrow(/^an `enum` needs code .* \(line 2, column 1\)$/);
    expect(() => stripTypes("namespace N { export const a = 1; }")).toThrow(/^a `namespace` needs code .* \(line 1, column 1\)$/);
    expect(() => stripTypes("class P {\n  constructor(private x: number) {}\n}")).toThrow(/^a constructor parameter with `public`.* \(line 2, column 15\)$/);
  });
});
