/**
 * What the runtime's worker gets for linkedom (astro.config.mjs aliases it there only): a DOM for
 * building elements and serialising them, which is all the worker does with one. Plot, d3-selection,
 * the project's charts and islands and the notebook helpers create elements, set attributes, styles
 * and text, move nodes, match simple selectors and read `outerHTML`; nothing parses HTML or lays out.
 *
 * Its `outerHTML` is linkedom's, byte for byte, so a chart drawn in the browser is the chart tslab drew
 * in Jupyter: attributes in linkedom's order (the newest first), attribute values with only `"`
 * escaped, empty `id`, `class` and `style` left out, SVG elements without children self-closed,
 * `<style>`, `<script>`, `<textarea>` and `<title>` text raw. A test renders charts with both and
 * compares. What goes beyond building (parsing HTML, selectors beyond worker-selectors.ts) is refused
 * with a message in the reader's words. About 3 KB gz instead of linkedom's 18.
 */
import { matches, prepareMatch } from "./worker-selectors";

const HTML_NS = "http://www.w3.org/1999/xhtml";
const SVG_NS = "http://www.w3.org/2000/svg";

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const DOCUMENT_NODE = 9;
const DOCUMENT_TYPE_NODE = 10;
const DOCUMENT_FRAGMENT_NODE = 11;

/** The message a cell gets when its code asks the worker's DOM to parse HTML. */
export const PARSE_REFUSED =
  "parsing HTML (innerHTML =, outerHTML =, insertAdjacentHTML, DOMParser) is not available in the browser's notebook runtime, which builds charts with createElement; run this notebook in Jupyter to parse HTML";

const VOID_ELEMENTS = /^(?:area|base|br|col|embed|hr|img|input|keygen|link|menuitem|meta|param|source|track|wbr)$/i;
/** HTML elements whose text linkedom writes raw (its TextElement). */
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "textarea", "title"]);
/** Attributes linkedom writes as a bare name when empty; of these, an empty id, class or style is left out. */
const EMPTY_ATTRIBUTES = new Set(["allowfullscreen", "allowpaymentrequest", "async", "autofocus", "autoplay", "checked", "class", "contenteditable", "controls", "default", "defer", "disabled", "draggable", "formnovalidate", "hidden", "id", "ismap", "itemscope", "loop", "multiple", "muted", "nomodule", "novalidate", "open", "playsinline", "readonly", "required", "reversed", "selected", "style", "truespeed"]);
// A no-break space as linkedom writes it: a decimal character reference.
const TEXT_ESCAPES: Record<string, string> = { "\xa0": `&#${0xa0};`, "&": "&amp;", "<": "&lt;", ">": "&gt;" };

function escapeText(text: string): string {
  return text.replace(/[<>&\xa0]/g, (c) => TEXT_ESCAPES[c]!);
}

/** camelCase to hyphen-case, as linkedom's styles (uhyphen) read property names. */
function hyphenate(name: string): string {
  return name.replace(/(([A-Z0-9])([A-Z0-9][a-z]))|(([a-z0-9]+)([A-Z]))/g, "$2$5-$3$6").toLowerCase();
}

type Listener = ((event: WorkerEvent) => unknown) | { handleEvent(event: WorkerEvent): unknown };

export class WorkerEvent {
  readonly type: string;
  readonly bubbles: boolean;
  readonly cancelable: boolean;
  target: unknown = null;
  currentTarget: unknown = null;
  defaultPrevented = false;
  private stopped = false;
  constructor(type: string, init: { bubbles?: boolean; cancelable?: boolean } = {}) {
    this.type = String(type);
    this.bubbles = Boolean(init.bubbles);
    this.cancelable = Boolean(init.cancelable);
  }
  preventDefault(): void {
    if (this.cancelable) this.defaultPrevented = true;
  }
  stopPropagation(): void {
    this.stopped = true;
  }
  stopImmediatePropagation(): void {
    this.stopped = true;
  }
  get propagationStopped(): boolean {
    return this.stopped;
  }
}

export class WorkerCustomEvent extends WorkerEvent {
  readonly detail: unknown;
  constructor(type: string, init: { bubbles?: boolean; cancelable?: boolean; detail?: unknown } = {}) {
    super(type, init);
    this.detail = init.detail ?? null;
  }
}

class WorkerEventTarget {
  private listeners: Map<string, Listener[]> | undefined;
  addEventListener(type: string, listener: Listener | null): void {
    if (!listener) return;
    this.listeners ??= new Map();
    const list = this.listeners.get(type) ?? [];
    if (!list.includes(listener)) list.push(listener);
    this.listeners.set(type, list);
  }
  removeEventListener(type: string, listener: Listener | null): void {
    const list = this.listeners?.get(type);
    const at = list && listener ? list.indexOf(listener) : -1;
    if (at >= 0) list!.splice(at, 1);
  }
  dispatchEvent(event: WorkerEvent): boolean {
    event.target = this;
    for (let at: WorkerEventTarget | null = this; at && !event.propagationStopped; at = event.bubbles ? eventParent(at) : null) {
      event.currentTarget = at;
      for (const listener of [...(at.listeners?.get(event.type) ?? [])]) {
        if (typeof listener === "function") listener.call(at, event);
        else listener.handleEvent(event);
      }
    }
    event.currentTarget = null;
    return !event.defaultPrevented;
  }
}

function eventParent(target: WorkerEventTarget): WorkerEventTarget | null {
  return target instanceof WorkerNode ? target.parentNode : null;
}

export class WorkerNode extends WorkerEventTarget {
  parentNode: WorkerNode | null = null;
  readonly childNodes: WorkerNode[] = [];
  constructor(
    readonly ownerDocument: WorkerDocument | null,
    readonly nodeType: number,
    readonly nodeName: string,
  ) {
    super();
  }

  get parentElement(): WorkerElement | null {
    return this.parentNode instanceof WorkerElement ? this.parentNode : null;
  }
  get firstChild(): WorkerNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): WorkerNode | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }
  get nextSibling(): WorkerNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings ? (siblings[siblings.indexOf(this) + 1] ?? null) : null;
  }
  get previousSibling(): WorkerNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings ? (siblings[siblings.indexOf(this) - 1] ?? null) : null;
  }
  get isConnected(): boolean {
    let node: WorkerNode = this;
    while (node.parentNode) node = node.parentNode;
    return node.nodeType === DOCUMENT_NODE;
  }
  get nodeValue(): string | null {
    return null;
  }
  get textContent(): string | null {
    return null;
  }
  hasChildNodes(): boolean {
    return this.childNodes.length > 0;
  }
  contains(other: WorkerNode | null): boolean {
    for (let node = other; node; node = node.parentNode) if (node === this) return true;
    return false;
  }
  getRootNode(): WorkerNode {
    let node: WorkerNode = this;
    while (node.parentNode) node = node.parentNode;
    return node;
  }

  /** Inserts `child` (or a fragment's children) before `reference`, or at the end when `reference` is null. */
  insertBefore<T extends WorkerNode>(child: T, reference: WorkerNode | null): T {
    if (!(child instanceof WorkerNode)) throw new TypeError("insertBefore: the node to insert is not a node of this document");
    if (child.contains(this)) throw new RangeError("insertBefore: a node cannot be inserted into itself or its descendants");
    if (reference && reference.parentNode !== this) throw new RangeError("insertBefore: the reference node is not a child of this node");
    const nodes = child.nodeType === DOCUMENT_FRAGMENT_NODE ? [...child.childNodes] : [child];
    for (const node of nodes) {
      if (node === reference) continue;
      node.parentNode?.removeChild(node);
      const at = reference ? this.childNodes.indexOf(reference) : this.childNodes.length;
      this.childNodes.splice(at, 0, node);
      node.parentNode = this;
    }
    return child;
  }
  appendChild<T extends WorkerNode>(child: T): T {
    return this.insertBefore(child, null);
  }
  removeChild<T extends WorkerNode>(child: T): T {
    const at = this.childNodes.indexOf(child);
    if (at < 0) throw new RangeError("removeChild: the node is not a child of this node");
    this.childNodes.splice(at, 1);
    child.parentNode = null;
    return child;
  }
  replaceChild<T extends WorkerNode>(child: WorkerNode, old: T): T {
    this.insertBefore(child, old);
    return this.removeChild(old);
  }

  /** d3's selection.order() and sort() read this. */
  compareDocumentPosition(other: WorkerNode): number {
    if (other === this) return 0;
    const path = (node: WorkerNode): WorkerNode[] => {
      const nodes = [node];
      while (node.parentNode) nodes.unshift((node = node.parentNode));
      return nodes;
    };
    const mine = path(this);
    const theirs = path(other);
    if (mine[0] !== theirs[0]) return 1 | 32 | 4;
    if (theirs.length < mine.length && mine[theirs.length - 1] === other) return 8 | 2;
    if (mine.length < theirs.length && theirs[mine.length - 1] === this) return 16 | 4;
    let depth = 0;
    while (mine[depth] === theirs[depth]) depth++;
    const siblings = mine[depth - 1]!.childNodes;
    return siblings.indexOf(theirs[depth]!) < siblings.indexOf(mine[depth]!) ? 2 : 4;
  }
}

/** A node that can hold children: element, document, fragment. */
class WorkerParent extends WorkerNode {
  get children(): WorkerElement[] {
    return this.childNodes.filter((node): node is WorkerElement => node instanceof WorkerElement);
  }
  get childElementCount(): number {
    return this.children.length;
  }
  get firstElementChild(): WorkerElement | null {
    return this.children[0] ?? null;
  }
  get lastElementChild(): WorkerElement | null {
    const children = this.children;
    return children[children.length - 1] ?? null;
  }
  append(...nodes: Array<WorkerNode | string>): void {
    for (const node of nodes) this.appendChild(this.nodeOf(node));
  }
  prepend(...nodes: Array<WorkerNode | string>): void {
    const first = this.firstChild;
    for (const node of nodes) this.insertBefore(this.nodeOf(node), first);
  }
  replaceChildren(...nodes: Array<WorkerNode | string>): void {
    for (const child of [...this.childNodes]) this.removeChild(child);
    this.append(...nodes);
  }
  protected nodeOf(node: WorkerNode | string): WorkerNode {
    return node instanceof WorkerNode ? node : new WorkerText(this.ownerDocument ?? (this as unknown as WorkerDocument), String(node));
  }
  querySelectorAll(selectors: string): WorkerElement[] {
    const test = prepareMatch(String(selectors));
    const found: WorkerElement[] = [];
    const walk = (node: WorkerNode): void => {
      for (const child of node.childNodes) {
        if (!(child instanceof WorkerElement)) continue;
        if (test(child)) found.push(child);
        walk(child);
      }
    };
    walk(this);
    return found;
  }
  querySelector(selectors: string): WorkerElement | null {
    return this.querySelectorAll(selectors)[0] ?? null;
  }
  getElementsByTagName(name: string): WorkerElement[] {
    const wanted = String(name).toLowerCase();
    return this.querySelectorAll("*").filter((element) => wanted === "*" || element.localName.toLowerCase() === wanted);
  }
}

export class WorkerText extends WorkerNode {
  data: string;
  constructor(ownerDocument: WorkerDocument, data: string, nodeType = TEXT_NODE) {
    super(ownerDocument, nodeType, nodeType === TEXT_NODE ? "#text" : "#comment");
    this.data = String(data);
  }
  override get nodeValue(): string {
    return this.data;
  }
  override set nodeValue(value: string) {
    this.data = String(value);
  }
  override get textContent(): string {
    return this.data;
  }
  override set textContent(value: string) {
    this.data = String(value);
  }
  get length(): number {
    return this.data.length;
  }
  get outerHTML(): string {
    return this.nodeType === TEXT_NODE ? escapeText(this.data) : `<!--${this.data}-->`;
  }
  cloneNode(): WorkerText {
    return new WorkerText(this.ownerDocument!, this.data, this.nodeType);
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }
}

/** An attribute as serializers read it (`attributes[i].name`, `.value`). */
export interface WorkerAttribute {
  readonly name: string;
  value: string;
}

/** An element's inline style: linkedom's CSSStyleDeclaration (a map over the style attribute, read back when the attribute changes). */
function styleOf(element: WorkerElement): Record<string, unknown> {
  const properties = new Map<string, string>();
  let synced: string | null = null;
  const sync = (): void => {
    const text = element.getAttribute("style");
    if (text === synced) return;
    properties.clear();
    for (const rule of (text ?? "").split(/\s*;\s*/)) {
      const [key, ...rest] = rule.split(":");
      if (rest.length === 0) continue;
      const name = key!.trim();
      const value = rest.join(":").trim();
      if (name && value) properties.set(name, value);
    }
    synced = text;
  };
  const serialized = (): string => [...properties].map(([name, value]) => `${name}:${value}`).join(";");
  const write = (name: string, value: unknown): void => {
    sync();
    if (value == null) properties.delete(hyphenate(name));
    else properties.set(hyphenate(name), value as string);
    synced = serialized();
    element.setAttribute("style", synced);
  };
  const methods: Record<string, unknown> = {
    getPropertyValue: (name: string) => (sync(), properties.get(hyphenate(String(name))) ?? ""),
    setProperty: (name: string, value: unknown) => write(String(name), value),
    removeProperty: (name: string) => write(String(name), null),
    toString: () => (sync(), serialized()),
    [Symbol.iterator]: () => (sync(), [...properties.keys()][Symbol.iterator]()),
  };
  return new Proxy(methods, {
    get(target, name) {
      if (name in target) return target[name as string];
      if (typeof name !== "string") return undefined;
      sync();
      if (name === "cssText") return serialized();
      if (name === "length") return properties.size;
      if (/^\d+$/.test(name)) return [...properties.keys()][Number(name)];
      return properties.get(hyphenate(name)) ?? "";
    },
    set(_target, name, value) {
      if (typeof name !== "string") return false;
      if (name === "cssText") element.setAttribute("style", String(value));
      else write(name, value);
      return true;
    },
  });
}

export class WorkerElement extends WorkerParent {
  /** Newest first, as linkedom keeps them. */
  private readonly attributeList: WorkerAttribute[] = [];
  private styleDeclaration: Record<string, unknown> | undefined;
  readonly localName: string;
  readonly namespaceURI: string;
  /** linkedom marks SVG elements with this property (its serializer self-closes them when empty). */
  readonly ownerSVGElement?: null;

  constructor(ownerDocument: WorkerDocument, localName: string, namespaceURI: string) {
    super(ownerDocument, ELEMENT_NODE, localName.toUpperCase());
    this.localName = localName;
    this.namespaceURI = namespaceURI;
    if (namespaceURI === SVG_NS) this.ownerSVGElement = null;
  }

  get tagName(): string {
    return this.nodeName;
  }
  get attributes(): readonly WorkerAttribute[] {
    return this.attributeList;
  }
  get id(): string {
    return this.getAttribute("id") ?? "";
  }
  set id(value: string) {
    this.setAttribute("id", value);
  }
  get className(): string {
    return this.getAttribute("class") ?? "";
  }
  set className(value: string) {
    this.setAttribute("class", value);
  }
  get classList(): { readonly length: number; readonly value: string; add(...tokens: string[]): void; remove(...tokens: string[]): void; contains(token: string): boolean; toggle(token: string, force?: boolean): boolean } {
    const element = this;
    const tokens = (): string[] => (element.getAttribute("class") ?? "").split(/\s+/).filter(Boolean);
    const set = (list: string[]): void => element.setAttribute("class", list.join(" "));
    return {
      get length() {
        return tokens().length;
      },
      get value() {
        return tokens().join(" ");
      },
      add: (...added) => set([...tokens(), ...added]),
      remove: (...removed) => set(tokens().filter((token) => !removed.includes(token))),
      contains: (token) => tokens().includes(token),
      toggle(token, force) {
        const has = tokens().includes(token);
        if (has && force !== true) this.remove(token);
        else if (!has && force !== false) this.add(token);
        return tokens().includes(token);
      },
    };
  }
  get style(): Record<string, unknown> {
    return (this.styleDeclaration ??= styleOf(this));
  }

  getAttribute(name: string): string | null {
    return this.attributeList.find((attribute) => attribute.name === String(name))?.value ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }
  hasAttributes(): boolean {
    return this.attributeList.length > 0;
  }
  getAttributeNames(): string[] {
    return this.attributeList.map((attribute) => attribute.name);
  }
  setAttribute(name: string, value: unknown): void {
    name = String(name);
    let text = String(value);
    // linkedom keeps class as a token list: whitespace collapses, duplicates go.
    if (name === "class") text = [...new Set(text.split(/\s+/).filter(Boolean))].join(" ");
    const existing = this.attributeList.find((attribute) => attribute.name === name);
    if (existing) existing.value = text;
    else this.attributeList.unshift({ name, value: text });
  }
  removeAttribute(name: string): void {
    const at = this.attributeList.findIndex((attribute) => attribute.name === String(name));
    if (at >= 0) this.attributeList.splice(at, 1);
  }
  toggleAttribute(name: string, force?: boolean): boolean {
    if (this.hasAttribute(name)) {
      if (force === true) return true;
      this.removeAttribute(name);
      return false;
    }
    if (force === false) return false;
    this.setAttribute(name, "");
    return true;
  }
  // linkedom ignores the namespace of attributes: xlink:href is the attribute "xlink:href".
  getAttributeNS(_namespace: string | null, name: string): string | null {
    return this.getAttribute(name);
  }
  setAttributeNS(_namespace: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }
  removeAttributeNS(_namespace: string | null, name: string): void {
    this.removeAttribute(name);
  }
  hasAttributeNS(_namespace: string | null, name: string): boolean {
    return this.hasAttribute(name);
  }

  matches(selectors: string): boolean {
    return matches(this, String(selectors));
  }
  closest(selectors: string): WorkerElement | null {
    const test = prepareMatch(String(selectors));
    for (let node: WorkerNode | null = this; node instanceof WorkerElement; node = node.parentNode) if (test(node)) return node;
    return null;
  }

  get nextElementSibling(): WorkerElement | null {
    for (let node = this.nextSibling; node; node = node.nextSibling) if (node instanceof WorkerElement) return node;
    return null;
  }
  get previousElementSibling(): WorkerElement | null {
    for (let node = this.previousSibling; node; node = node.previousSibling) if (node instanceof WorkerElement) return node;
    return null;
  }
  before(...nodes: Array<WorkerNode | string>): void {
    const parent = this.parentNode;
    for (const node of nodes) parent?.insertBefore(this.nodeOf(node), this);
  }
  after(...nodes: Array<WorkerNode | string>): void {
    const parent = this.parentNode;
    const next = this.nextSibling;
    for (const node of nodes) parent?.insertBefore(this.nodeOf(node), next);
  }
  replaceWith(...nodes: Array<WorkerNode | string>): void {
    const parent = this.parentNode;
    if (!parent) return;
    const next = this.nextSibling;
    parent.removeChild(this);
    for (const node of nodes) parent.insertBefore(this.nodeOf(node), next);
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }

  override get textContent(): string {
    let text = "";
    const walk = (node: WorkerNode): void => {
      for (const child of node.childNodes) {
        if (child.nodeType === TEXT_NODE) text += (child as WorkerText).data;
        else walk(child);
      }
    };
    walk(this);
    return text;
  }
  override set textContent(text: unknown) {
    this.replaceChildren();
    if (text != null && text !== "") this.appendChild(new WorkerText(this.ownerDocument!, String(text)));
  }
  get innerHTML(): string {
    if (this.isRawText()) return this.textContent;
    return this.childNodes.map(serialize).join("");
  }
  set innerHTML(html: string) {
    if (String(html) !== "") throw new Error(PARSE_REFUSED);
    this.replaceChildren();
  }
  get outerHTML(): string {
    return serialize(this);
  }
  set outerHTML(_html: string) {
    throw new Error(PARSE_REFUSED);
  }
  insertAdjacentHTML(): void {
    throw new Error(PARSE_REFUSED);
  }
  /** linkedom's layout-free answer. */
  getBoundingClientRect(): Record<string, number> {
    return { x: 0, y: 0, bottom: 0, height: 0, left: 0, right: 0, top: 0, width: 0 };
  }

  cloneNode(deep = false): WorkerElement {
    const clone = this.ownerDocument!.createElementNS(this.namespaceURI, this.localName);
    for (let i = this.attributeList.length - 1; i >= 0; i--) clone.setAttribute(this.attributeList[i]!.name, this.attributeList[i]!.value);
    if (deep) for (const child of this.childNodes) clone.appendChild((child as WorkerElement | WorkerText).cloneNode(true));
    return clone;
  }

  /** Whether linkedom writes this element's text raw (its TextElement: HTML script, style, textarea, title). */
  isRawText(): boolean {
    return this.namespaceURI === HTML_NS && RAW_TEXT_ELEMENTS.has(this.localName);
  }
}

/** linkedom's HTMLCanvasElement without the optional `canvas` package: no 2D context. */
class WorkerCanvas extends WorkerElement {
  getContext(): null {
    return null;
  }
  toDataURL(): string {
    return "";
  }
  get width(): number {
    return Number(this.getAttribute("width") ?? 300);
  }
  set width(value: number) {
    this.setAttribute("width", value);
  }
  get height(): number {
    return Number(this.getAttribute("height") ?? 150);
  }
  set height(value: number) {
    this.setAttribute("height", value);
  }
}

/** An element's HTML as linkedom writes it. */
function serialize(node: WorkerNode): string {
  if (!(node instanceof WorkerElement)) return node instanceof WorkerText ? node.outerHTML : node.nodeType === DOCUMENT_TYPE_NODE ? "<!DOCTYPE html>" : "";
  let open = `<${node.localName}`;
  for (const { name, value } of node.attributes) {
    if (EMPTY_ATTRIBUTES.has(name) && !value) {
      if (name !== "id" && name !== "class" && name !== "style") open += ` ${name}`;
    } else open += ` ${name}="${value.replace(/"/g, "&quot;")}"`;
  }
  if (node.isRawText()) return `${open}>${node.textContent}</${node.localName}>`;
  if (node.childNodes.length === 0) {
    if (node.namespaceURI === SVG_NS) return `${open} />`;
    if (VOID_ELEMENTS.test(node.localName)) return `${open}>`;
  }
  return `${open}>${node.childNodes.map(serialize).join("")}</${node.localName}>`;
}

class WorkerFragment extends WorkerParent {
  cloneNode(deep = false): WorkerFragment {
    const clone = new WorkerFragment(this.ownerDocument, DOCUMENT_FRAGMENT_NODE, "#document-fragment");
    if (deep) for (const child of this.childNodes) clone.appendChild((child as WorkerElement | WorkerText).cloneNode(true));
    return clone;
  }
}

/** The window a worker document belongs to: what d3 and Plot read from `document.defaultView`. */
export interface WorkerWindow {
  readonly document: WorkerDocument;
  readonly Event: typeof WorkerEvent;
  readonly CustomEvent: typeof WorkerCustomEvent;
  getComputedStyle(element: WorkerElement): Record<string, unknown>;
}

export class WorkerDocument extends WorkerParent {
  readonly documentElement: WorkerElement;
  readonly head: WorkerElement;
  readonly body: WorkerElement;
  readonly defaultView: WorkerWindow;

  constructor() {
    super(null, DOCUMENT_NODE, "#document");
    this.appendChild(new WorkerNode(this, DOCUMENT_TYPE_NODE, "html"));
    this.documentElement = this.appendChild(this.createElement("html"));
    this.head = this.documentElement.appendChild(this.createElement("head"));
    this.body = this.documentElement.appendChild(this.createElement("body"));
    this.defaultView = { document: this, Event: WorkerEvent, CustomEvent: WorkerCustomEvent, getComputedStyle: (element) => element.style };
  }

  get doctype(): WorkerNode {
    return this.childNodes[0]!;
  }
  createElement(tagName: string): WorkerElement {
    const name = String(tagName).toLowerCase();
    return name === "canvas" ? new WorkerCanvas(this, name, HTML_NS) : new WorkerElement(this, name, HTML_NS);
  }
  createElementNS(namespace: string | null, qualifiedName: string): WorkerElement {
    return namespace === SVG_NS ? new WorkerElement(this, String(qualifiedName), SVG_NS) : this.createElement(qualifiedName);
  }
  createTextNode(data: string): WorkerText {
    return new WorkerText(this, data);
  }
  createComment(data: string): WorkerText {
    return new WorkerText(this, data, COMMENT_NODE);
  }
  createDocumentFragment(): WorkerFragment {
    return new WorkerFragment(this, DOCUMENT_FRAGMENT_NODE, "#document-fragment");
  }
  getElementById(id: string): WorkerElement | null {
    return this.querySelectorAll("*").find((element) => element.getAttribute("id") === String(id)) ?? null;
  }
  override get textContent(): null {
    return null;
  }
}

/**
 * linkedom's entry point as src/notebook/document.ts calls it: a fresh empty page. The worker's
 * only page is that one, so any other HTML is refused rather than parsed.
 */
export function parseHTML(html: string): { document: WorkerDocument; window: WorkerWindow } {
  if (!/^<!doctype html><html><head><\/head><body><\/body><\/html>$/i.test(String(html).trim())) throw new Error(PARSE_REFUSED);
  const document = new WorkerDocument();
  return { document, window: document.defaultView };
}
