import type { Element, ElementContent, Root } from "hast";
import { toText } from "hast-util-to-text";
import { visitParents } from "unist-util-visit-parents";

/**
 * Wraps each table a markdown cell wrote in a sideways scroller (the
 * `.table-scroll` of notebook.css, with its edge shade): on a 390-px phone a
 * four-column prose table is wider than the column, and without a scroller
 * its last column ran off the page. Tables in outputs already scroll with
 * their output. The scroller is a named, focusable region, so a keyboard
 * reader can scroll it too; its name is the table's column heads.
 */
export function scrollWideTables(tree: Root): void {
  const found: Array<{ table: Element; parent: Root | Element }> = [];
  visitParents(tree, "element", (node, ancestors) => {
    if (node.tagName !== "table") return;
    if (ancestors.some((a) => a.type === "element" && (a.tagName === "hmf-island" || hasClass(a, "output") || hasClass(a, "table-scroll")))) return;
    found.push({ table: node, parent: ancestors[ancestors.length - 1] as Root | Element });
  });
  for (const { table, parent } of found) {
    const index = parent.children.indexOf(table);
    const wrapper: Element = { type: "element", tagName: "div", properties: { className: ["table-scroll"], tabIndex: 0, role: "region", ariaLabel: tableName(table) }, children: [table as ElementContent] };
    parent.children.splice(index, 1, wrapper);
  }
}

function tableName(table: Element): string {
  const heads: string[] = [];
  visitParents(table, "element", (node) => {
    if (node.tagName === "th" && heads.length < 4) heads.push(toText(node).replace(/\s+/g, " ").trim());
  });
  return heads.length > 0 ? `Table: ${heads.join(", ")}` : "Table";
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties?.className;
  return Array.isArray(value) && value.includes(name);
}
