import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { renderNotebook, type RenderedNotebook } from "../../../site/loaders/notebook/render";
import type { QueryRoot } from "../dom";

export const FIXTURES = "test/fixtures/site-notebooks";

/** A fixture notebook's path (as messages name it) and text. */
export function fixture(path: string): { file: string; text: string } {
  const file = `${FIXTURES}/${path}`;
  return { file, text: readFileSync(file, "utf8") };
}

/** Renders a fixture notebook and parses its HTML, to query it like a page. */
export async function renderFixture(path: string): Promise<{ notebook: RenderedNotebook; document: QueryRoot }> {
  const { file, text } = fixture(path);
  const notebook = await renderNotebook(file, text);
  return { notebook, document: parseDocument(notebook.html) };
}

/** A minimal valid notebook around `cells` (nbformat 4.5). */
export function notebookText(cells: unknown[]): string {
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells });
}

export function markdownCell(source: string, tags: string[] = []): unknown {
  return { cell_type: "markdown", metadata: { tags }, source };
}

export function codeCell(source: string, outputs: unknown[], tags: string[] = []): unknown {
  return { cell_type: "code", metadata: { tags }, execution_count: 1, source, outputs };
}

export function displayData(data: Record<string, unknown>, metadata: Record<string, unknown> = {}): unknown {
  return { output_type: "display_data", data, metadata };
}

/** Renders notebook JSON text given inline (file name "inline.ipynb") and parses its HTML. */
export async function renderInline(cells: unknown[]): Promise<{ notebook: RenderedNotebook; document: QueryRoot }> {
  const notebook = await renderNotebook("inline.ipynb", notebookText(cells));
  return { notebook, document: parseDocument(notebook.html) };
}

function parseDocument(body: string): QueryRoot {
  return parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as QueryRoot;
}
