/**
 * TypeScript sources for the client's tests (the type eraser's, the
 * grammar's): every code cell of the notebooks, which tslab ran, so they are
 * valid TypeScript, and snippets of what readers are likely to write.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Every code cell of notebooks/*.ipynb, named by notebook and cell number. */
export function notebookCells(): Array<{ where: string; source: string }> {
  const cells: Array<{ where: string; source: string }> = [];
  for (const file of readdirSync("notebooks").filter((name) => name.endsWith(".ipynb")).sort()) {
    const notebook = JSON.parse(readFileSync(`notebooks/${file}`, "utf8")) as { cells: Array<{ cell_type: string; source: string | string[] }> };
    notebook.cells.forEach((cell, index) => {
      if (cell.cell_type === "code") cells.push({ where: `${file}, cell ${index + 1}`, source: ([] as string[]).concat(cell.source).join("") });
    });
  }
  return cells;
}

/** TypeScript that readers are likely to write, beyond what the notebooks use. */
export const SNIPPETS = [
  "const x: number = 1;\nlet y: Array<string> | undefined;\nconst z = x as unknown as string;\n",
  "interface P { a: number; b?: string }\ntype T<K extends string> = Record<K, P>;\nconst p: P = { a: 1 } satisfies P;\n",
  'import { a, type T, b as c } from "m";\nimport type { X } from "y";\nimport * as N from "n";\n',
  "function f<T extends object>(this: Window, value: T, count?: number): value is T & { ok: true } {\n  return true;\n}\n",
  "function g(x: string): string;\nfunction g(x: number): number;\nfunction g(x: any) { return x; }\n",
  "class A<T> extends Base<T> implements I, J {\n  private x?: number;\n  readonly y!: string;\n  declare z: T;\n  static override w: number = 1;\n  protected m<U>(u: U): U { return u; }\n  public get n(): number { return 1; }\n}\n",
  "abstract class B { abstract size(): number; abstract name: string; describe(): string { return String(this.size()); } }\n",
  "const id = <T,>(v: T): T => v;\nconst pick = (o: { a: number }): number => o.a;\nconst n = maybe!.value!.length;\nconst m = new Map<string, bigint>();\n",
  "const g = (v: number): {\n  a: number;\n} => ({ a: v });\n",
  "for (const key of Object.keys(o) as (keyof typeof o)[]) console.log(key);\nconst t = `a ${x as number} b ${`c ${y!}`}`;\nconst r = /a\\/b/g.test(s as string);\n",
  "declare const ambient: number;\ndeclare function df(x: number): void;\nconst after = 1;\n",
  "try { run(); } catch (error: unknown) { console.log(error as Error); }\nconst fn = function <T>(x: T): void {};\nconst ctor: new () => object = Object;\n",
];
