import type { Tree } from "@lezer/common";
import { parser as upstreamParser } from "@lezer/javascript";
import { describe, expect, it } from "vitest";
import { parser } from "../../../src/client/grammar/parser";
import { notebookCells, SNIPPETS } from "../typescript-sources";

const typescript = parser.configure({ dialect: "ts" });
// The independent expected value: upstream's grammar, JSX included, in its TypeScript dialect.
const upstreamTypescript = upstreamParser.configure({ dialect: "ts" });
const upstreamJsx = upstreamParser.configure({ dialect: "jsx" });

/** Every node of a tree by name and range, nested: two trees print the same only where they are the same. */
function printed(tree: Tree): string {
  let out = "";
  tree.iterate({
    enter: (node) => void (out += `${node.name}[${node.from},${node.to}](`),
    leave: () => void (out += ")"),
  });
  return out;
}

function errorNodes(tree: Tree): number {
  let count = 0;
  tree.iterate({ enter: (node) => void (node.type.isError && count++) });
  return count;
}

/** The inputs of test/client/runtime/strip-types.test.ts beyond the notebooks and snippets, valid or not. */
const ERASER_INPUTS = [
  "interface P { a: number }\nconst x: number = 1;\ntype T = string;\nconst y = x as number;\n",
  'import { a, type T, b as c } from "m";',
  'import type { X } from "y";\nconst z = 1;',
  "const q = f<number>(1)!;",
  "class C { private readonly x?: number = 1; }",
  "const a = 1;\nconst b = ;\n",
  "const a = (1",
  "const a = 1;\nenum Colour { Red, Green }\n",
  "namespace N { export const a = 1; }",
  "class P {\n  constructor(private x: number) {}\n}",
];

describe("the TypeScript-only grammar", () => {
  it("gives upstream's TypeScript trees for every code cell of the notebooks", () => {
    const cells = notebookCells();
    expect(cells.length).toBeGreaterThan(60);
    for (const { where, source } of cells) {
      expect(printed(typescript.parse(source)), where).toBe(printed(upstreamTypescript.parse(source)));
    }
  });

  it("gives upstream's TypeScript trees for the type eraser's test inputs", () => {
    for (const source of [...SNIPPETS, ...ERASER_INPUTS]) {
      expect(printed(typescript.parse(source)), source).toBe(printed(upstreamTypescript.parse(source)));
    }
  });

  it("parses the TypeScript that looks like JSX: a generic arrow function and a prefix cast", () => {
    const arrow = typescript.parse("const f = <T,>(x: T) => x;");
    expect(errorNodes(arrow)).toBe(0);
    expect(arrow.toString()).toContain("ArrowFunction(TypeParamList(");
    const cast = typescript.parse("const n = <number>value;");
    expect(errorNodes(cast)).toBe(0);
    expect(cast.toString()).toContain("PrefixCast(");
  });

  it("has no JSX: an element is a syntax error, where upstream's JSX dialect reads a JSXElement", () => {
    // In parentheses: a bare `<div>hi</div>;` is a prefix cast of `hi < /div>;`, whose regular expression Lezer lets run
    // unterminated to the end of the line, so it would parse without an error node.
    const source = "const e = (<div>hi</div>);";
    expect(upstreamJsx.parse(source).toString()).toContain("JSXElement(");
    const tree = typescript.parse(source);
    expect(tree.toString()).not.toContain("JSX");
    expect(errorNodes(tree)).toBeGreaterThan(0);
    expect(parser.nodeSet.types.filter((type) => /^JSX/.test(type.name))).toEqual([]);
  });

  it("reads what looks like JSX as upstream's TypeScript dialect does", () => {
    for (const source of ["const e = <div>hi</div>;", 'const e = <div className="a">hi</div>;', "const e = <div><span>hi</span></div>;", "<></>"]) {
      expect(printed(typescript.parse(source)), source).toBe(printed(upstreamTypescript.parse(source)));
    }
  });
});
