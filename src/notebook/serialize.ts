import { escapeHtml } from "../core/html";

/** A DOM node as the serializer reads it (linkedom's and the browser's nodes both fit). */
export interface MarkupNode {
  readonly nodeType: number;
  readonly localName?: string | null;
  readonly namespaceURI?: string | null;
  readonly attributes?: ArrayLike<{ readonly name: string; readonly value: string }>;
  readonly childNodes: ArrayLike<MarkupNode>;
  readonly nodeValue: string | null;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
import { SVG_NS } from "../core/markup";
const VOID_HTML = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/**
 * Serializes a rendered chart to HTML, escaping every attribute value and
 * text node (linkedom leaves `<`, `>` and `&` raw inside attribute values, so
 * a title with markup in it would come out as markup). SVG elements without
 * children are self-closed, HTML void elements are left open.
 *
 * Refuses what would run code when the output is shown: `<script>`
 * elements, `on…` event attributes and `javascript:` links, naming the element.
 */
export function serializeMarkup(node: MarkupNode): string {
  if (node.nodeType === TEXT || node.nodeType === CDATA) return escapeHtml(node.nodeValue ?? "");
  // Comments and processing instructions render nothing.
  if (node.nodeType !== ELEMENT) return "";
  const name = node.localName ?? "";
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) throw new TypeError(`serializeMarkup: invalid element name ${JSON.stringify(name)}`);
  if (name.toLowerCase() === "script") throw new TypeError("serializeMarkup: a chart must not contain <script> elements");
  let open = `<${name}`;
  const attributes = node.attributes ?? [];
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i];
    if (attribute === undefined) continue;
    checkAttribute(name, attribute.name, attribute.value);
    open += ` ${attribute.name}="${escapeHtml(attribute.value)}"`;
  }
  const rawText = name.toLowerCase() === "style";
  let inner = "";
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i];
    if (child === undefined) continue;
    inner += rawText ? styleText(child) : serializeMarkup(child);
  }
  if (inner === "" && node.namespaceURI === SVG_NS) return `${open} />`;
  if (VOID_HTML.has(name.toLowerCase()) && node.namespaceURI !== SVG_NS) return `${open}>`;
  return `${open}>${inner}</${name}>`;
}

function checkAttribute(element: string, name: string, value: string): void {
  if (!/^[A-Za-z_:][A-Za-z0-9_.:-]*$/.test(name)) {
    throw new TypeError(`serializeMarkup: <${element}> has an invalid attribute name ${JSON.stringify(name)}`);
  }
  if (/^on/i.test(name)) throw new TypeError(`serializeMarkup: <${element}> has an event handler attribute (${name}); charts must not run code`);
  if (/href$/i.test(name) && /^\s*javascript:/i.test(value)) {
    throw new TypeError(`serializeMarkup: <${element} ${name}> is a javascript: link; charts must not run code`);
  }
}

/** CSS is raw text in HTML: it cannot be escaped, only refused when it would close its element. */
function styleText(node: MarkupNode): string {
  const text = node.nodeValue ?? "";
  if (/<\//.test(text)) throw new TypeError("serializeMarkup: a <style> element contains \"</\"");
  return text;
}
