import type { Root } from "hast";
import rehypeKatex from "rehype-katex";
import type { Node } from "unist";
import { VFile } from "vfile";
import { fail } from "./errors";
import { placeOf } from "./place";

/**
 * Typesets every formula with KaTeX at build time (rehype-katex, so the
 * markup matches the KaTeX CSS the layout loads): the page needs no script
 * for math. KaTeX output includes MathML for screen readers. TeX that KaTeX
 * cannot parse fails with the cell, rather than showing red source on the page.
 */
export function typesetMath(tree: Root, file: string): void {
  const vfile = new VFile();
  const transform = rehypeKatex({ strict: "ignore" }) as (tree: Root, file: VFile) => void;
  transform(tree, vfile);
  const problem = vfile.messages.find((message) => message.source === "rehype-katex");
  if (problem) {
    const ancestors = (problem.ancestors ?? []) as Node[];
    const reason = problem.cause instanceof Error ? problem.cause.message : problem.reason;
    fail(placeOf(file, ancestors), `KaTeX cannot typeset this formula: ${reason}`);
  }
}
