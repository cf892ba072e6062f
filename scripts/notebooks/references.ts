/**
 * Writes each notebook's last cell, "## References", from site/content/sources.ts:
 * the sources its prose names and the presets and GPUs its code uses. Only that
 * markdown cell changes (appended when missing, its id kept when present), so
 * the notebook needs no re-execution.
 *
 *   npx tsx scripts/notebooks/references.ts [notebooks/NN-x.ipynb …]
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { citedSources, REFERENCES_HEADING, referencesMarkdown } from "../../site/content/sources";

interface NotebookCell {
  cell_type: string;
  id?: string;
  metadata: Record<string, unknown>;
  source: string | string[];
}

const text = (cell: NotebookCell): string => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);

/** The notebook's prose and code, its references cell left out. */
export function notebookText(cells: readonly NotebookCell[]): { prose: string; code: string } {
  const body = cells.filter((cell) => !text(cell).startsWith(REFERENCES_HEADING));
  return {
    prose: body.filter((cell) => cell.cell_type === "markdown").map(text).join("\n\n"),
    code: body.filter((cell) => cell.cell_type === "code").map(text).join("\n\n"),
  };
}

function writeReferences(file: string): void {
  const notebook = JSON.parse(readFileSync(file, "utf8")) as { cells: NotebookCell[] };
  const { prose, code } = notebookText(notebook.cells);
  const markdown = referencesMarkdown(citedSources(prose, code));
  const lines = markdown.split(/(?<=\n)/);
  const last = notebook.cells[notebook.cells.length - 1];
  if (last && last.cell_type === "markdown" && text(last).startsWith(REFERENCES_HEADING)) last.source = lines;
  else notebook.cells.push({ cell_type: "markdown", id: `${basename(file).slice(0, 2)}-references`, metadata: {}, source: lines });
  writeFileSync(file, `${JSON.stringify(notebook, null, 1)}\n`);
  console.log(`${file}: ${markdown.split("\n").length - 2} references`);
}

const files = process.argv.slice(2);
for (const file of files.length ? files : readdirSync("notebooks").filter((name) => /^\d\d-.*\.ipynb$/.test(name)).map((name) => join("notebooks", name))) writeReferences(file);
