import type { Element, ElementContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { fail, type Place } from "./errors";
import { ISLAND_MIME, IslandIds, islandElement, islandPayload } from "./island";
import { latexToDisplayMath } from "./latex";
import { markdownToHast } from "./markdown";
import { assertSafeMarkup } from "./safety";
import { firstLine, stripAnsi } from "./text";
import type { MimeBundle, Output } from "./validate";
import { MIME_PRIORITY } from "../../../src/client/mime";

export { MIME_PRIORITY };

/** Output metadata the site reads: a figure caption, alt text for images and charts, and a label for cross-references. */
export interface OutputMetadata {
  caption?: string;
  alt?: string;
  /** e.g. "fig:context-sweep": the figure's id, referenced as [](#fig:context-sweep). */
  label?: string;
}

/** State shared by the outputs of one notebook. */
export interface OutputContext {
  islandIds: IslandIds;
}

/**
 * Every output of a code cell, checked: an error output, anything on stderr,
 * or a bundle with no type the site can render throws, naming the cell.
 * Returns one element per rendered output, in order.
 */
export function renderOutputs(outputs: readonly Output[], place: Place, context: OutputContext): Element[] {
  return outputs.map((output, index) => renderOutput(output, index + 1, place, context));
}

/** For outputs the page leaves out (remove-output, remove-cell): only errors and stderr fail. */
export function checkOutputs(outputs: readonly Output[], place: Place): void {
  outputs.forEach((output, index) => {
    if (output.type === "error" || (output.type === "stream" && output.name === "stderr")) renderOutput(output, index + 1, place, { islandIds: new IslandIds() });
  });
}

function renderOutput(output: Output, number: number, place: Place, context: OutputContext): Element {
  const what = `output ${number}`;
  switch (output.type) {
    case "error":
      fail(place, `error output (${output.ename}: ${firstLine(output.evalue) || "no message"})`);
    case "stream":
      if (output.name === "stderr") fail(place, `${what} wrote to stderr: ${JSON.stringify(firstLine(output.text))}`);
      return wrap("stream", [pre("stream-text", stripAnsi(output.text))]);
    default: {
      const metadata = outputMetadata(output.metadata, place, what);
      const mime = MIME_PRIORITY.find((type) => type in output.data);
      if (mime === undefined) {
        const types = Object.keys(output.data);
        fail(place, `${what} has no MIME type the site can render (${types.length ? types.join(", ") : "empty bundle"}); add a text/plain or text/html fallback`);
      }
      const content = renderMime(mime, output.data, metadata, place, what, context);
      return figure(wrap(mime, content), metadata);
    }
  }
}

function renderMime(mime: (typeof MIME_PRIORITY)[number], data: MimeBundle, metadata: OutputMetadata, place: Place, what: string, context: OutputContext): ElementContent[] {
  const text = (type: string): string => {
    const value = data[type];
    if (typeof value !== "string") fail(place, `${what}: ${type} must be text`);
    return value;
  };
  switch (mime) {
    case ISLAND_MIME: {
      const { island, props } = islandPayload(data[ISLAND_MIME], place, what);
      if (!("text/html" in data)) fail(place, `${what}: an island output needs a text/html static fallback (the page must be complete without JavaScript)`);
      const fallback = html(text("text/html"), place, `${what} (island fallback)`);
      return [islandElement(island, props, context.islandIds.next(island), fallback)];
    }
    case "image/svg+xml":
      return labelChart(html(text(mime), place, `${what} (image/svg+xml)`), metadata);
    case "text/html":
      return labelChart(html(text(mime), place, `${what} (text/html)`), metadata);
    case "text/markdown": {
      const tree = markdownToHast(text(mime));
      assertSafeMarkup(tree, place, `${what} (text/markdown)`);
      return tree.children as ElementContent[];
    }
    case "text/latex":
      return [latexToDisplayMath(text(mime))];
    case "text/plain":
      return [pre("plain-text", stripAnsi(text(mime)))];
    default: {
      // Raster images: base64 in the notebook, a data: URL on the page.
      const base64 = text(mime).replace(/\s+/g, "");
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) fail(place, `${what}: ${mime} is not base64`);
      const alt = metadata.alt ?? metadata.caption;
      if (alt === undefined) fail(place, `${what}: an image needs alt text (output metadata "alt") or a caption`);
      return [{ type: "element", tagName: "img", properties: { src: `data:${mime};base64,${base64}`, alt }, children: [] }];
    }
  }
}

function html(source: string, place: Place, what: string): ElementContent[] {
  const tree = fromHtml(source, { fragment: true });
  assertSafeMarkup(tree, place, what);
  return tree.children as ElementContent[];
}

/**
 * Gives an unlabelled chart the output's alt text as its accessible name, and
 * drops the aria-labels Plot puts on the groups inside a chart that is one
 * image (role="img"): its parts are not separate objects to a screen reader,
 * and a label on a group with no role is not allowed.
 */
function labelChart(content: ElementContent[], metadata: OutputMetadata): ElementContent[] {
  const svg = findElement(content, "svg");
  if (svg && metadata.alt !== undefined && svg.properties.ariaLabel === undefined) {
    svg.properties.role = "img";
    svg.properties.ariaLabel = metadata.alt;
  }
  for (const chart of findElements(content, (element) => element.tagName === "svg" && element.properties.role === "img")) {
    for (const part of findElements(chart.children, (element) => element.properties.ariaLabel !== undefined && element.properties.role === undefined)) {
      delete part.properties.ariaLabel;
      delete part.properties.ariaDescription;
    }
  }
  return content;
}

function findElements(nodes: readonly ElementContent[], test: (element: Element) => boolean, found: Element[] = []): Element[] {
  for (const node of nodes) {
    if (node.type !== "element") continue;
    if (test(node)) found.push(node);
    findElements(node.children, test, found);
  }
  return found;
}

function findElement(nodes: readonly ElementContent[], tagName: string): Element | undefined {
  for (const node of nodes) {
    if (node.type !== "element") continue;
    if (node.tagName === tagName) return node;
    const inner = findElement(node.children, tagName);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * An output with a caption becomes a <figure>: its own, when the output
 * already is one (Plot charts from the notebook helpers), or a new one.
 * Figures are numbered later, over the whole notebook (figures.ts).
 */
function figure(output: Element, metadata: OutputMetadata): Element {
  const elements = output.children.filter((node): node is Element => node.type === "element");
  const existing = elements.length === 1 && elements[0]?.tagName === "figure" ? elements[0] : undefined;
  if (metadata.caption === undefined && existing === undefined) return output;
  const target = existing ?? { type: "element", tagName: "figure", properties: {}, children: output.children };
  if (metadata.label !== undefined) target.properties.id = metadata.label;
  if (metadata.caption !== undefined) {
    const caption: Element = { type: "element", tagName: "figcaption", properties: {}, children: [{ type: "text", value: metadata.caption }] };
    const at = target.children.findIndex((node) => node.type === "element" && node.tagName === "figcaption");
    if (at >= 0) target.children.splice(at, 1, caption);
    else target.children.push(caption);
  }
  if (!existing) output.children = [target];
  return output;
}

function outputMetadata(raw: Record<string, unknown>, place: Place, what: string): OutputMetadata {
  const metadata: OutputMetadata = {};
  for (const key of ["caption", "alt", "label"] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== "string") fail(place, `${what}: metadata.${key} must be a string`);
    metadata[key] = value;
  }
  if (metadata.label !== undefined && !/^[A-Za-z][\w:.-]*$/.test(metadata.label)) {
    fail(place, `${what}: metadata.label ${JSON.stringify(metadata.label)} must start with a letter and use letters, digits, "-", "_", ":" or "."`);
  }
  return metadata;
}

function wrap(kind: string, children: ElementContent[]): Element {
  const name = kind.replace(/^application\/vnd\.how-many-flops\.island\+json$/, "island").replace(/[^a-z0-9]+/gi, "-");
  return { type: "element", tagName: "div", properties: { className: ["output", `output-${name}`] }, children };
}

function pre(className: string, text: string): Element {
  return { type: "element", tagName: "pre", properties: { className: [className] }, children: [{ type: "text", value: text }] };
}
