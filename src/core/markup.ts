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

const TEXT_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\u00a0": "&nbsp;" };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", '"': "&quot;", "\u00a0": "&nbsp;" };

/** Text as the HTML serializer writes it. */
function escapeText(text: string): string {
  return text.replace(/[&<>\u00a0]/g, (c) => TEXT_ESCAPES[c] as string);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"\u00a0]/g, (c) => ATTRIBUTE_ESCAPES[c] as string);
}

class MarkupText {
  constructor(readonly text: string) {}
}

/** An element of {@link markupDocument}: attributes and children, serialised as the HTML serializer would. */
class MarkupElement implements MarkupNode {
  private readonly attributes = new Map<string, string>();
  private children: Array<MarkupElement | MarkupText> = [];
  constructor(readonly tagName: string) {}

  get textContent(): string {
    return this.children.map((child) => (child instanceof MarkupText ? child.text : child.textContent)).join("");
  }
  set textContent(text: string | null) {
    this.children = text === null || text === "" ? [] : [new MarkupText(text)];
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  appendChild(child: unknown): unknown {
    if (!(child instanceof MarkupElement || child instanceof MarkupText)) throw new TypeError("markupDocument: append only nodes made by the same kind of document");
    this.children.push(child);
    return child;
  }
  remove(): void {
    // Detached elements only: nothing here keeps parents (chartHtml removes <style>s, which these charts never make).
  }
  /** Descendants with this tag name; other selectors are refused, not guessed at. */
  querySelectorAll(selectors: string): MarkupElement[] {
    if (!/^[a-z][a-z0-9-]*$/i.test(selectors)) throw new RangeError(`markupDocument: only tag-name queries, not ${JSON.stringify(selectors)}`);
    const found: MarkupElement[] = [];
    const walk = (node: MarkupElement): void => {
      for (const child of node.children) {
        if (!(child instanceof MarkupElement)) continue;
        if (child.tagName === selectors) found.push(child);
        walk(child);
      }
    };
    walk(this);
    return found;
  }
  get outerHTML(): string {
    let out = `<${this.tagName}`;
    for (const [name, value] of this.attributes) out += ` ${name}="${escapeAttribute(value)}"`;
    out += ">";
    for (const child of this.children) out += child instanceof MarkupText ? escapeText(child.text) : child.outerHTML;
    return `${out}</${this.tagName}>`;
  }
}

/**
 * A document that only makes markup: elements that keep their attributes and
 * children and serialise them (escaped) as a browser's outerHTML does, for
 * tags with closing tags (the charts and legends make no void elements). The
 * browser's islands draw their charts with it, so an update builds a string
 * once instead of building DOM nodes, serialising them and parsing the text
 * back; linkedom and window.document remain for everything else.
 */
export function markupDocument(): MarkupDocument {
  return {
    createElement: (tagName) => new MarkupElement(tagName.toLowerCase()),
    createElementNS: (_namespace, qualifiedName) => new MarkupElement(qualifiedName),
    createTextNode: (text) => new MarkupText(text),
  };
}
