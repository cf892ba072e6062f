import { parseHTML } from "linkedom";
import { IslandInputError } from "../../src/islands/index";

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

/** Markup for file snapshots, normalised the same way as the notebook helpers' snapshots. */
export { prettyMarkup } from "../notebook/markup";

/** The error a function throws, failing when it throws none or not an IslandInputError. */
export function inputError(run: () => unknown): IslandInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof IslandInputError) return error;
    throw new Error(`expected an IslandInputError, got ${String(error)}`);
  }
  throw new Error("expected an IslandInputError, nothing was thrown");
}
