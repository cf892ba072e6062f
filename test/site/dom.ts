/**
 * The parts of a parsed page (linkedom) the tests query, as structural types:
 * the root tsconfig has no DOM library.
 */
export interface QueryElement extends QueryRoot {
  id: string;
  tagName: string;
  innerHTML: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  getAttributeNames(): string[];
  classList: { contains(name: string): boolean };
}

export interface QueryRoot {
  textContent: string | null;
  querySelector(selectors: string): QueryElement | null;
  querySelectorAll(selectors: string): QueryElement[];
}
