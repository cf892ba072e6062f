/**
 * The few DOM features the client uses, as structural types. The client's
 * logic is written against these so that it type-checks without the DOM
 * library (the root tsconfig has none) and runs in linkedom for tests;
 * src/client/tsconfig.json adds the DOM library, and the checks at the end
 * of this file then prove the real DOM types satisfy these.
 */

/** An event as the client reads it. */
export interface EventLike {
  readonly type: string;
  readonly target: unknown;
}

/** addEventListener options the client uses. */
export interface ListenerOptions {
  capture?: boolean;
  passive?: boolean;
}

/** Something events can be listened to on. */
export interface ListenerTarget {
  addEventListener(type: string, listener: (event: EventLike) => void, options?: ListenerOptions): void;
  removeEventListener(type: string, listener: (event: EventLike) => void, options?: ListenerOptions): void;
}

/** An element as the client uses it. */
export interface ElementLike extends ListenerTarget {
  readonly tagName: string;
  textContent: string | null;
  outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): ElementLike | null;
  querySelectorAll(selectors: string): ArrayLike<ElementLike>;
  insertAdjacentHTML(position: "beforebegin" | "afterbegin" | "beforeend" | "afterend", html: string): void;
}

/** An input, select or textarea. */
export interface ControlLike extends ElementLike {
  name: string;
  value: string;
}

/** An <option> of a select. */
export interface OptionLike {
  value: string;
  selected: boolean;
}

/** The <hmf-island> element. */
export type HostElement = ElementLike;

/** What the live island needs from the window (injected, so tests can pass fakes). */
export interface ClientEnv {
  /** Where charts are made (Plot's `document` option). */
  readonly document: unknown;
  readonly location: { readonly search: string; readonly pathname: string; readonly hash: string };
  readonly history: { readonly state: unknown; replaceState(data: unknown, unused: string, url?: string | null): void };
  setTimeout(handler: () => void, timeout: number): unknown;
  clearTimeout(handle: any): void;
}

/** The browser globals the entry point uses. */
export interface BrowserGlobals {
  readonly HTMLElement?: new () => HostElement;
  readonly customElements?: {
    get(name: string): unknown;
    define(name: string, constructor: new () => HostElement): void;
  };
  readonly window?: ClientEnv;
}

// With the DOM library (src/client/tsconfig.json) these resolve to the real
// types and must satisfy the structural ones; without it they are vacuous.
type Satisfies<T, Shape> = [T] extends [Shape] ? true : false;
type DomGlobals = typeof globalThis extends {
  HTMLElement: { prototype: infer E };
  HTMLInputElement: { prototype: infer I };
  HTMLSelectElement: { prototype: infer S };
  HTMLTextAreaElement: { prototype: infer A };
  HTMLOptionElement: { prototype: infer O };
  window: infer W;
}
  ? [Satisfies<E, HostElement>, Satisfies<I, ControlLike>, Satisfies<S, ControlLike>, Satisfies<A, ControlLike>, Satisfies<O, OptionLike>, Satisfies<W, ClientEnv>]
  : [true, true, true, true, true, true];
/** Fails to compile under the DOM library if a structural type asks for something the DOM does not have. */
export const DOM_CONFORMS: DomGlobals = [true, true, true, true, true, true];
