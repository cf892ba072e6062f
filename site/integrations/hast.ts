/** Small readers of a built page's hast tree, shared by the integrations that rewrite or index it. */
import type { Element } from "hast";

/** The element's classes. */
export function classes(node: Element): string[] {
  const value = node.properties?.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** The first descendant element named `tagName`, depth first. */
export function find(node: Element, tagName: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === tagName) return child;
    const found = find(child, tagName);
    if (found) return found;
  }
  return undefined;
}
