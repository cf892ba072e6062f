/**
 * The parts of a DOM the chart functions and the notebook helpers use, typed
 * structurally: the code that renders charts is compiled without the DOM
 * library (tslab, Node), and gets its document from linkedom in Node or from
 * the browser. One definition for every module that builds elements.
 */

/** The SVG namespace, for createElementNS. */
export const SVG_NS = "http://www.w3.org/2000/svg";

/** An element as the chart functions build and serialise it. */
export interface MarkupNode {
  outerHTML: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  appendChild(child: unknown): unknown;
  querySelectorAll(selectors: string): ArrayLike<{ remove(): void; removeAttribute(name: string): void }>;
}

/** A document that makes elements: window.document, or linkedom's in Node. */
export interface MarkupDocument {
  createElement(tagName: string): MarkupNode;
  createElementNS(namespace: string, qualifiedName: string): MarkupNode;
  createTextNode(text: string): unknown;
}
