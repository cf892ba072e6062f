/**
 * HTML and SVG from a cell the reader ran, made safe to insert: parsed inert
 * (DOMParser runs no script and loads nothing), then stripped of what could
 * run code or load from elsewhere. The page's CSP blocks what this misses.
 * Stylesheets inside outputs (Plot charts carry one) become constructed
 * stylesheets, which the CSP's style-src does not need to allow by hash.
 */
import { withoutHandlerAttributes, withoutStyleElements } from "./handlers";

const FORBIDDEN_ELEMENTS = new Set([
  "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "form", "portal",
  "noscript", "template", "animate", "set", "animatemotion", "animatetransform", "handler", "listener", "audio", "video", "source", "track",
]);
const URL_ATTRIBUTES = new Set(["href", "xlink:href", "src", "action", "formaction", "poster", "data", "background", "ping", "srcset", "codebase", "cite", "longdesc", "usemap", "lowsrc", "dynsrc"]);

/** A sanitised fragment of `html`, and the CSS of its <style> elements (to adopt, not insert). */
export function sanitizeHtml(html: string, document: Document): { fragment: DocumentFragment; styles: string[] } {
  const extracted = withoutStyleElements(withoutHandlerAttributes(html));
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${extracted.html}`, "text/html");
  const styles: string[] = extracted.styles.map(safeCss);
  // Walked in place (a chart or an island is hundreds of elements, each run): no copies of child or attribute lists.
  const walk = (node: Element): void => {
    for (let child = node.firstElementChild, next: Element | null; child; child = next) {
      next = child.nextElementSibling;
      const name = child.localName.toLowerCase();
      if (name === "style") {
        styles.push(safeCss(child.textContent ?? ""));
        child.remove();
        continue;
      }
      if (FORBIDDEN_ELEMENTS.has(name)) {
        child.remove();
        continue;
      }
      const attributes = child.attributes;
      for (let i = attributes.length - 1; i >= 0; i--) {
        const attribute = attributes[i]!;
        const key = attribute.name.toLowerCase();
        const value = attribute.value;
        if (key.startsWith("on") || key === "is" || key === "autofocus") child.removeAttribute(attribute.name);
        else if (URL_ATTRIBUTES.has(key) && !safeUrl(key, name, value)) child.removeAttribute(attribute.name);
        else if (key === "style" && /url\s*\(|expression\s*\(|@import/i.test(value)) child.removeAttribute(attribute.name);
        else if (key === "target") child.removeAttribute(attribute.name);
      }
      walk(child);
    }
  };
  walk(parsed.body);
  // Moved, not copied, into the page's document (the parsed document is thrown away).
  const fragment = document.createDocumentFragment();
  for (let child = parsed.body.firstChild; child; child = parsed.body.firstChild) fragment.append(document.adoptNode(child));
  return { fragment, styles };
}

/** Links may go anywhere over http(s) or within the page; images only to data: images; nothing else loads. */
function safeUrl(attribute: string, element: string, value: string): boolean {
  const url = value.trim();
  if (url.startsWith("#")) return true;
  if (attribute === "href" && element === "a") return /^(https?:|mailto:|\/(?!\/)|\.\.?\/|[\w-]+\/)/i.test(url) || /^[^:]*$/.test(url) && !url.startsWith("//");
  if (attribute === "src" && element === "img") return /^data:image\/(png|jpeg|gif|webp);base64,/i.test(url);
  return false;
}

/** CSS without imports or external URLs (the CSP would block the loads; this keeps the console quiet). */
function safeCss(css: string): string {
  return css.replace(/@import[^;]*;?/gi, "").replace(/url\s*\([^)]*\)/gi, "none");
}

const adopted = new Set<string>();

/** Adds CSS to the page as constructed stylesheets (once per distinct text). */
export function adoptStyles(document: Document, styles: readonly string[]): void {
  for (const css of styles) {
    if (!css.trim() || adopted.has(css)) continue;
    adopted.add(css);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
}

