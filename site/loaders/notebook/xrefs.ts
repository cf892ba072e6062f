import type { Element, ElementContent, Root, Text } from "hast";
import { toText } from "hast-util-to-text";
import { SKIP, visitParents } from "unist-util-visit-parents";
import { fail } from "./errors";
import { placeOf } from "./place";

/**
 * Cross-references inside one notebook.
 * - `[](#eq:name)` / `[](#fig:name)`: a link with no text shows the target's
 *   number, "(3)" or "Figure 2"; a link with text keeps it.
 * - `\eqref{eq:name}` in running text or as a whole inline formula
 *   (`$\eqref{eq:name}$`) becomes the same link.
 * - Links to another notebook (`03-first-principles.ipynb#section`) point to
 *   its page on the site.
 * Every #anchor must exist on the page (a heading, an equation label, a
 * figure, a cell): a dangling one fails with the cell that holds it.
 */
export function resolveReferences(tree: Root, file: string, numbers: ReadonlyMap<string, string>, ids: ReadonlySet<string>): void {
  visitParents(tree, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1] as Element | Root | undefined;
    if (node.type === "text" && parent && !insideCodeOrMath(ancestors)) {
      const replaced = splitEqrefs(node as Text, (label) => reference(label, numbers, ids, () => placeOf(file, ancestors)));
      if (replaced) {
        const index = parent.children.indexOf(node as Text);
        parent.children.splice(index, 1, ...replaced);
        return [SKIP, index + replaced.length];
      }
      return;
    }
    if (node.type !== "element") return;
    const element = node as Element;
    if (element.tagName === "code" && hasClass(element, "math-inline") && parent) {
      const only = /^\s*\\(?:eq)?ref\{([^}]*)\}\s*$/.exec(toText(element));
      if (only) {
        parent.children.splice(parent.children.indexOf(element), 1, reference(only[1] ?? "", numbers, ids, () => placeOf(file, ancestors)));
        return SKIP;
      }
      return;
    }
    if (element.tagName !== "a" || typeof element.properties.href !== "string") return;
    const href = element.properties.href;
    const notebookLink = /^(?:\.\/)?([\w.-]+)\.ipynb(#.*)?$/.exec(href);
    if (notebookLink) {
      element.properties.href = `../${notebookLink[1]}/${notebookLink[2] ?? ""}`;
      return;
    }
    if (!href.startsWith("#")) return;
    const target = decodeURIComponent(href.slice(1));
    if (!ids.has(target)) fail(placeOf(file, ancestors), `link to #${target}, which is not on this page (no heading, equation label, figure or cell has that id)`);
    const number = numbers.get(target);
    if (number !== undefined && toText(element).trim() === "") {
      element.children = [{ type: "text", value: number }];
      element.properties.className = ["xref"];
    }
  });
}

function reference(label: string, numbers: ReadonlyMap<string, string>, ids: ReadonlySet<string>, place: () => ReturnType<typeof placeOf>): Element {
  const number = numbers.get(label);
  if (number === undefined || !ids.has(label)) fail(place(), `\\eqref{${label}}: no equation or figure is labelled ${label}`);
  return { type: "element", tagName: "a", properties: { href: `#${label}`, className: ["xref"] }, children: [{ type: "text", value: number }] };
}

/** Text with \eqref{…} split into text and links, or undefined when there is none. */
function splitEqrefs(node: Text, link: (label: string) => Element): ElementContent[] | undefined {
  const pattern = /\\eqref\{([^}]*)\}/g;
  if (!pattern.test(node.value)) return undefined;
  pattern.lastIndex = 0;
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(pattern)) {
    if (match.index > last) parts.push({ type: "text", value: node.value.slice(last, match.index) });
    parts.push(link(match[1] ?? ""));
    last = match.index + match[0].length;
  }
  if (last < node.value.length) parts.push({ type: "text", value: node.value.slice(last) });
  return parts;
}

function insideCodeOrMath(ancestors: readonly unknown[]): boolean {
  return ancestors.some((node) => {
    const element = node as Element;
    return element.type === "element" && (element.tagName === "code" || element.tagName === "pre" || element.tagName === "style");
  });
}

function hasClass(element: Element, name: string): boolean {
  return ((element.properties.className ?? []) as string[]).includes(name);
}
