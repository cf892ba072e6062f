/**
 * What the search index reads of a built page: the page as built, except
 * that each KaTeX formula becomes one line of plain text ("1.7 × 10^12")
 * read from its MathML. Pagefind indexes text content, and the MathML of
 * 10^{12} is <msup><mn>10</mn><mn>12</mn></msup>, whose text reads "1012":
 * search excerpts showed a different number. Only the index sees this copy;
 * the page a reader (or a screen reader) gets is unchanged.
 */
import type { Element, ElementContent, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { SKIP, visit } from "unist-util-visit";
import { classes, find } from "./hast";

/** Operators read with a space either side, as one writes them in prose. */
const SPACED_OPERATORS = new Set(["=", "+", "−", "-", "≈", "<", ">", "≤", "≥", "→", "∼", "~"]);

/** The built page `html` with every KaTeX formula replaced by its plain-text reading. */
export function searchHtml(html: string): string {
  const tree = fromHtml(html);
  let changed = false;
  visit(tree, "element", (node: Element, index, parent) => {
    const names = classes(node);
    if (!(names.includes("katex") || names.includes("katex-display")) || parent === undefined || index === undefined) return;
    const math = find(node, "math");
    if (!math) return;
    const text: ElementContent = { type: "text", value: formulaText(math) };
    (parent as Root | Element).children.splice(index, 1, { type: "element", tagName: "span", properties: {}, children: [text] });
    changed = true;
    return SKIP;
  });
  return changed ? toHtml(tree) : html;
}

/** A MathML tree as one line of text: powers as ^, subscripts as _, fractions as a/b, roots as √(…). */
export function formulaText(math: Element): string {
  return tidy(read(math));
}

/** Single spaces, none at the ends, and none after a leading sign ("−3", not "− 3"). */
function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/^([−+-]) /, "$1");
}

function read(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element") return "";
  const parts = node.children.filter((child): child is Element => child.type === "element");
  switch (node.tagName) {
    case "annotation":
    case "annotation-xml":
      return "";
    case "msup":
      return `${operand(parts[0])}^${operand(parts[1])}`;
    case "msub":
      return `${operand(parts[0])}_${operand(parts[1])}`;
    case "msubsup":
      return `${operand(parts[0])}_${operand(parts[1])}^${operand(parts[2])}`;
    case "mfrac":
      return `${operand(parts[0])}/${operand(parts[1])}`;
    case "msqrt":
      return `√(${node.children.map(read).join("")})`;
    case "mroot":
      return `${operand(parts[1])}√(${read(parts[0] as Element)})`;
    case "mspace":
      return " ";
    case "mo": {
      const text = node.children.map(read).join("");
      return SPACED_OPERATORS.has(text.trim()) ? ` ${text.trim()} ` : text;
    }
    default:
      return node.children.map(read).join("");
  }
}

/** A sub-expression, in parentheses when it is more than one token ("10^(−3)", "(a+b)/2"); one character never is ("S^∗", ")^T"). */
function operand(node: Element | undefined): string {
  if (!node) return "";
  const text = tidy(read(node));
  return [...text].length <= 1 || /^[\p{L}\p{N}.,′']+$/u.test(text) ? text : `(${text})`;
}
