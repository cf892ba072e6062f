import type { Root, Element } from "hast";
import { visit } from "unist-util-visit";
import { fail, type Place } from "./errors";

/**
 * Markup that would run code or pull in other documents. The site's
 * Content-Security-Policy would block most of it anyway; refusing it at build
 * time says so with the cell, instead of leaving a page that silently differs
 * from the notebook.
 */
const FORBIDDEN_ELEMENTS = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "form", "portal"]);
const URL_PROPERTIES = ["href", "src", "action", "formAction", "xLinkHref", "poster", "data"];

/** Throws a NotebookError at `place` for scripts, event handlers, javascript: URLs and embedded documents in `tree`. */
export function assertSafeMarkup(tree: Root | Element, place: Place, what: string): void {
  visit(tree, "element", (node) => {
    if (FORBIDDEN_ELEMENTS.has(node.tagName)) fail(place, `${what} contains a <${node.tagName}> element, which the site does not render (no scripts or embedded documents in notebook output)`);
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on[a-z]/i.test(key)) fail(place, `${what} has an event handler attribute (${key.toLowerCase()} on <${node.tagName}>); pages run no inline script`);
      if (URL_PROPERTIES.includes(key) && typeof value === "string" && /^\s*(javascript|vbscript):/i.test(value)) {
        fail(place, `${what} has a ${value.trim().split(":")[0]}: URL on <${node.tagName}>`);
      }
    }
  });
}
