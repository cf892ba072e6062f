import { labelProblem } from "../../../src/notebook/label";
import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import { visitParents } from "unist-util-visit-parents";
import { fail } from "./errors";
import { placeOf } from "./place";

/**
 * Numbers display equations in document order, like LaTeX's `equation`:
 * every display equation of the text ($$ blocks in markdown cells) gets (1),
 * (2), … unless it contains \notag or \nonumber, or sets its own \tag{…}.
 * Formulas a cell outputs (text/latex: computed tables of values more than
 * equations) are numbered only when they carry a \label.
 * `\label{eq:name}` inside the TeX names it for cross-references
 * ([](#eq:name) or \eqref{eq:name}, see xrefs.ts) and becomes the id of the
 * equation's wrapper. Returns label → the text a reference shows ("(3)").
 */
export function numberEquations(tree: Root, file: string): Map<string, string> {
  const labels = new Map<string, string>();
  let count = 0;
  visitParents(tree, "element", (node, ancestors) => {
    if (!isDisplayMath(node)) return;
    const parent = ancestors[ancestors.length - 1];
    const code = node.children[0] as Element;
    const place = placeOf(file, ancestors);
    let tex = toText(code, { whitespace: "pre" });
    const found = [...tex.matchAll(/\\label\{([^}]*)\}/g)].map((match) => match[1] ?? "");
    if (found.length > 1) fail(place, `an equation has ${found.length} \\label{…}s (${found.join(", ")}); give it one`);
    const label = found[0];
    const problem = label === undefined ? null : labelProblem(label);
    if (problem !== null) fail(place, `equation ${problem}`);
    if (label !== undefined && labels.has(label)) fail(place, `equation label ${label} is used twice`);
    tex = normalizeEnvironments(tex.replace(/\\label\{[^}]*\}/g, ""));
    const ownTag = /\\tag\*?\{([^}]*)\}/.exec(tex);
    const unnumbered = /\\(notag|nonumber)\b/.test(tex) || (label === undefined && insideOutput(ancestors));
    if (unnumbered && label !== undefined) fail(place, `equation ${label} is marked \\notag, so it has no number to refer to`);
    tex = tex.replace(/\\(notag|nonumber)\b/g, "");
    let number: string | undefined;
    if (ownTag) number = ownTag[1];
    else if (!unnumbered) {
      count += 1;
      number = String(count);
      tex = `${tex.trimEnd()} \\tag{${number}}`;
    }
    code.children = [{ type: "text", value: tex.trim() }];
    if (label !== undefined && number !== undefined) labels.set(label, `(${number})`);
    const wrapper: Element = {
      type: "element",
      tagName: "div",
      properties: { className: ["equation"], ...(label !== undefined ? { id: label } : {}), ...(mayScroll(tex) ? { tabIndex: 0 } : {}) },
      children: [node],
    };
    if (parent && "children" in parent) parent.children.splice(parent.children.indexOf(node), 1, wrapper);
    return "skip";
  });
  return labels;
}

/**
 * A long or multi-line formula may be wider than the column and scroll
 * sideways; its wrapper is then focusable so that keyboard users can scroll
 * it too. Short ones are not made tab stops.
 */
function mayScroll(tex: string): boolean {
  return tex.length > 100 || /\\\\|\\begin\{/.test(tex);
}

function insideOutput(ancestors: readonly unknown[]): boolean {
  return ancestors.some((node) => ((node as Element).properties?.className as string[] | undefined)?.includes("output") ?? false);
}

function isDisplayMath(node: Element): boolean {
  if (node.tagName !== "pre") return false;
  const code = node.children[0];
  return code?.type === "element" && code.tagName === "code" && ((code.properties.className ?? []) as string[]).includes("math-display");
}

/**
 * KaTeX typesets a display as one block: numbering environments become their
 * unnumbered inner forms (equation → its body, align → aligned, gather →
 * gathered), and the whole display gets one number.
 */
function normalizeEnvironments(tex: string): string {
  return tex
    .replace(/\\(begin|end)\{equation\*?\}/g, "")
    .replace(/\\(begin|end)\{align\*?\}/g, "\\$1{aligned}")
    .replace(/\\(begin|end)\{gather\*?\}/g, "\\$1{gathered}");
}
