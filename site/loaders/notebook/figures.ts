import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/**
 * Numbers captioned figures in document order: every <figure> with a
 * <figcaption> (outputs with a caption, Plot charts from the notebook
 * helpers) gets "Figure n." before its caption and an id: its label
 * (output metadata "label", e.g. "fig:context-sweep") or "figure-n".
 * Returns id → the text a reference shows ("Figure 2").
 */
export function numberFigures(tree: Root): Map<string, string> {
  const labels = new Map<string, string>();
  let count = 0;
  visit(tree, "element", (node) => {
    if (node.tagName !== "figure") return;
    const caption = node.children.find((child): child is Element => child.type === "element" && child.tagName === "figcaption");
    if (!caption) return;
    count += 1;
    const id = typeof node.properties.id === "string" ? node.properties.id : `figure-${count}`;
    node.properties.id = id;
    node.properties.className = [...((node.properties.className ?? []) as string[]), "numbered-figure"];
    labels.set(id, `Figure ${count}`);
    caption.children.unshift(
      { type: "element", tagName: "span", properties: { className: ["figure-number"] }, children: [{ type: "text", value: `Figure ${count}.` }] },
      { type: "text", value: " " },
    );
  });
  return labels;
}
