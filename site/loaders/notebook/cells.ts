import type { Element, ElementContent } from "hast";
import { visit } from "unist-util-visit";
import { highlightCode } from "./code";
import { fail, type Place } from "./errors";
import { markdownToHast } from "./markdown";
import { checkOutputs, renderOutputs, type OutputContext } from "./outputs";
import { assertSafeMarkup } from "./safety";
import { cellDisplay } from "./tags";
import type { Cell } from "./validate";

/**
 * One cell as page content, its tags applied (see tags.ts): a markdown cell's
 * text, a code cell's highlighted source and its outputs. Every wrapper
 * carries `data-cell` so later passes can name the cell in messages.
 * Returns null for a removed cell, after still checking its outputs for
 * errors: a notebook that failed to run is not published.
 */
export async function renderCell(cell: Cell, file: string, context: OutputContext): Promise<Element | null> {
  const place: Place = { file, cell: cell.number };
  const display = cellDisplay(cell);
  if (!display.show || display.outputs === "remove") checkOutputs(cell.outputs, place);
  if (!display.show) return null;

  let children: ElementContent[];
  if (cell.type === "markdown") {
    const tree = markdownToHast(cell.source);
    inlineAttachments(tree.children as ElementContent[], cell, place);
    nameTaskCheckboxes(tree.children as ElementContent[]);
    assertSafeMarkup(tree, place, "the markdown");
    children = tree.children as ElementContent[];
  } else if (cell.type === "raw") {
    fail(place, "raw cells are not rendered; make it a markdown cell, or tag it remove-cell");
  } else {
    children = [];
    if (display.input !== "remove" && cell.source.trim() !== "") {
      const code = await highlightCode(cell.source);
      const copy = copyButton(cell.number);
      children.push(display.input === "fold" ? fold("cell-input", "Show code", [copy, code]) : element("div", ["cell-input"], [copy, code]));
    }
    if (display.outputs !== "remove" && cell.outputs.length > 0) {
      const outputs = renderOutputs(cell.outputs, place, context);
      children.push(display.outputs === "fold" ? fold("cell-outputs", "Show output", outputs) : element("div", ["cell-outputs"], outputs));
    }
  }
  // Search shows prose: a cell's code and its tables and charts would read as words run together.
  if (cell.type === "code") for (const child of children) if (child.type === "element") child.properties.dataPagefindIgnore = "";
  if (display.foldCell) children = [fold("cell-fold", cell.type === "code" ? "Show cell" : "Show more", children)];
  const wrapper = element(display.margin ? "aside" : "div", ["cell", `cell-${cell.type}`, ...(display.margin ? ["margin-note"] : [])], children);
  wrapper.properties.id = `cell-${cell.number}`;
  wrapper.properties.dataCell = cell.number;
  return wrapper;
}

/**
 * Shown and wired by the page script (site/client/copy-button.ts); hidden without JavaScript.
 * Its visible label comes from CSS, so the page's text is the same with and without scripts.
 */
function copyButton(cellNumber: number): Element {
  const button = element("button", ["copy-code"], []);
  Object.assign(button.properties, { type: "button", hidden: true, dataCopy: "", dataPagefindIgnore: "", ariaLabel: `Copy the code of cell ${cellNumber}` });
  return button;
}

function fold(className: string, summary: string, children: ElementContent[]): Element {
  return element("details", [className, "fold"], [element("summary", [], [{ type: "text", value: summary }]), ...children]);
}

function element(tagName: string, className: string[], children: ElementContent[]): Element {
  return { type: "element", tagName, properties: className.length ? { className } : {}, children };
}

/** GFM task-list boxes are disabled checkboxes with no label; give each its state as a name. */
function nameTaskCheckboxes(nodes: ElementContent[]): void {
  for (const node of nodes) {
    visit(node, "element", (input) => {
      if (input.tagName === "input" && input.properties.type === "checkbox" && input.properties.ariaLabel === undefined) {
        input.properties.ariaLabel = input.properties.checked ? "done" : "not done";
      }
    });
  }
}

/** `![plot](attachment:plot.png)`: Jupyter's pasted images, stored in the cell, become data: URLs. */
function inlineAttachments(nodes: ElementContent[], cell: Cell, place: Place): void {
  for (const node of nodes) {
    visit(node, "element", (img) => {
      const src = img.properties.src;
      if (img.tagName !== "img" || typeof src !== "string" || !src.startsWith("attachment:")) return;
      const name = decodeURIComponent(src.slice("attachment:".length));
      const bundle = cell.attachments[name];
      const mime = bundle && Object.keys(bundle).find((type) => type.startsWith("image/"));
      const data = mime && bundle[mime];
      if (!mime || typeof data !== "string") fail(place, `image attachment:${name} is not attached to the cell`);
      img.properties.src = `data:${mime};base64,${data.replace(/\s+/g, "")}`;
    });
  }
}
