import { parseHTML } from "linkedom";

/**
 * The part of a DOM element the display helpers use; linkedom's and the
 * browser's elements both have it. (The notebook code is compiled without the
 * DOM library, so the type is spelled out here.)
 */
export interface MarkupElement {
  readonly tagName: string;
  readonly outerHTML: string;
  readonly children: ArrayLike<MarkupElement>;
  readonly firstChild: unknown;
  readonly ownerDocument: ServerDocument;
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  insertBefore(node: unknown, reference: unknown): unknown;
  appendChild(node: unknown): unknown;
  cloneNode(deep: boolean): MarkupElement;
}

/** The part of a DOM document that Observable Plot and the chart functions use to build elements. */
export interface ServerDocument {
  createElement(tagName: string): MarkupElement;
  createElementNS(namespace: string, qualifiedName: string): MarkupElement;
  createTextNode(text: string): unknown;
}

/**
 * A fresh DOM document for rendering in Node (linkedom): pass it as Plot's
 * `document` option, or to a chart function, e.g.
 * `contextSweepChart(data, { document: notebookDocument() })`.
 */
export function notebookDocument(): ServerDocument {
  return parseHTML("<!doctype html><html><head></head><body></body></html>").document as ServerDocument;
}
