import { parseHTML } from "linkedom";

/** A fresh linkedom document, as the notebooks and the site render with. */
export function freshDocument() {
  return parseHTML("<!doctype html><html><body></body></html>").document;
}

/** Parses island HTML into a detached element to query. */
export function parse(html: string) {
  const container = freshDocument().createElement("div");
  container.innerHTML = html;
  return container;
}

/** Text of every element matching `selector`, whitespace collapsed. */
export function texts(html: string, selector: string): string[] {
  return [...parse(html).querySelectorAll(selector)].map((element: { textContent: string | null }) => (element.textContent ?? "").replace(/\s+/g, " ").trim());
}

/** Text of the first element matching `selector`; fails when there is none. */
export function textOf(html: string, selector: string): string {
  const [first] = texts(html, selector);
  if (first === undefined) throw new Error(`no element matches ${selector}`);
  return first;
}

/**
 * Markup for file snapshots: each opening tag on its own line, long decimals
 * rounded to 2 places (as Observable Plot's own tests normalize SVG).
 */
export function prettyMarkup(html: string): string {
  return (
    html
      .replace(/>(?=<[^/])/g, ">\n")
      .replace(/\d+\.\d{5,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
      .trimEnd() + "\n"
  );
}
