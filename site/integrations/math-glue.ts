/**
 * Keeps a short inline formula on one line with the punctuation and word
 * fragments written against it: `($d = 4096$,`, `$7\times10^{11}$"`,
 * `$d_h$-vectors`. A browser may break a line on either side of KaTeX's
 * inline boxes, so a phone showed a lone `(` at the end of a line, or a line
 * starting with `" remark.`. After the build, each such run (the non-space
 * characters touching the formula, the formula, and the ones after it) is
 * wrapped in `<span class="math-glue">` (white-space: nowrap). The page's
 * other bytes are unchanged: the wrappers are inserted at source offsets.
 * Long formulas are left alone, so their own break points (after = and +)
 * still let them wrap.
 */
import type { Element, Root, RootContent, Text } from "hast";
import { fromHtml } from "hast-util-from-html";
import type { AstroIntegration } from "astro";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { classes, find } from "./hast";
import { htmlFiles } from "./pagefind";

/** A formula longer than this (its TeX source, in characters) keeps its own line breaks. */
export const MATH_GLUE_MAX_TEX = 24;
/** At most this many characters touching a formula are glued to it (a word such as "-parameter"). */
const MAX_TOUCHING = 16;

const OPEN = '<span class="math-glue">';
const CLOSE = "</span>";

/** The built page `html` with each short inline formula glued to the characters that touch it. */
export function glueMathPunctuation(html: string): string {
  if (!html.includes('class="katex"')) return html;
  const tree = fromHtml(html);
  const insertions: { at: number; text: string }[] = [];
  const walk = (parent: Root | Element): void => {
    const children = parent.children;
    let consumed: Text | undefined;
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (node.type !== "element") continue;
      if (!isInlineFormula(node)) {
        if (!isDisplayFormula(node)) walk(node);
        continue;
      }
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || texLength(node) > MATH_GLUE_MAX_TEX) continue;
      const before = textAt(children, i - 1);
      const after = textAt(children, i + 1);
      const prefix = before && before !== consumed ? touching(html, before, "end") : 0;
      const suffix = after ? touching(html, after, "start") : 0;
      const afterIsAllGlue = after !== undefined && suffix > 0 && suffix === after.position!.end.offset! - after.position!.start.offset!;
      if (prefix === 0 && suffix === 0) continue;
      insertions.push({ at: start - prefix, text: OPEN }, { at: end + suffix, text: CLOSE });
      // A text that is all glue after this formula cannot also be glued before the next one.
      consumed = afterIsAllGlue ? after : undefined;
    }
  };
  walk(tree);
  if (insertions.length === 0) return html;
  let out = "";
  let from = 0;
  for (const { at, text } of insertions.sort((a, b) => a.at - b.at)) {
    out += html.slice(from, at) + text;
    from = at;
  }
  return out + html.slice(from);
}

function isInlineFormula(node: Element): boolean {
  return node.tagName === "span" && classes(node).includes("katex");
}

function isDisplayFormula(node: Element): boolean {
  return classes(node).includes("katex-display");
}

/** The length of the formula's TeX source, from its MathML annotation. */
function texLength(node: Element): number {
  const annotation = find(node, "annotation");
  if (!annotation) return Number.POSITIVE_INFINITY;
  return annotation.children.reduce((sum, text) => sum + (text.type === "text" ? text.value.trim().length : 0), 0);
}

function textAt(children: RootContent[], index: number): Text | undefined {
  const node = children[index];
  return node?.type === "text" && node.position?.start.offset !== undefined && node.position.end.offset !== undefined ? node : undefined;
}

/** How many source characters at the end (or the start) of `text` touch the formula beside it (no space between). */
function touching(html: string, text: Text, side: "end" | "start"): number {
  const raw = html.slice(text.position!.start.offset, text.position!.end.offset);
  const match = (side === "end" ? /\S+$/u : /^\S+/u).exec(raw);
  return match && match[0].length <= MAX_TOUCHING && !match[0].includes("&nbsp;") ? match[0].length : 0;
}

/** The integration: glues formulas in every built page, before the search index reads them. */
export function mathGlue(): AstroIntegration {
  return {
    name: "hmf-math-glue",
    hooks: {
      "astro:build:done": ({ dir }) => {
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, "utf8");
          const glued = glueMathPunctuation(html);
          if (glued !== html) writeFileSync(file, glued);
        }
      },
    },
  };
}
