import { parseHTML } from "linkedom";
import type { MarkupDocument, MarkupNode } from "../core/markup";

/**
 * The part of a DOM element the display helpers use; linkedom's and the
 * browser's elements both have it. (The notebook code is compiled without the
 * DOM library, so the type is spelled out here.)
 */
export interface MarkupElement extends MarkupNode {
  readonly tagName: string;
  readonly children: ArrayLike<MarkupElement>;
  readonly firstChild: unknown;
  readonly ownerDocument: ServerDocument;
  insertBefore(node: unknown, reference: unknown): unknown;
  cloneNode(deep: boolean): MarkupElement;
}

/** The part of a DOM document that Observable Plot and the chart functions use to build elements. */
export interface ServerDocument extends MarkupDocument {
  createElement(tagName: string): MarkupElement;
  createElementNS(namespace: string, qualifiedName: string): MarkupElement;
}

/**
 * A fresh DOM document for rendering in Node (linkedom; in the browser's
 * notebook runtime, src/client/runtime/worker-dom.ts, which writes the same
 * markup): pass it as Plot's `document` option, or to a chart function, e.g.
 * `contextSweepChart(data, { document: notebookDocument() })`.
 */
export function notebookDocument(): ServerDocument {
  return parseHTML("<!doctype html><html><head></head><body></body></html>").document as ServerDocument;
}
