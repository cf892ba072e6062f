import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Freshness stamps of the published notebooks (notebooks/*.ipynb), so that
 * the site, which is built from committed outputs without Jupyter, can still
 * refuse outputs that no longer match their code:
 *
 * - metadata.how_many_flops.library: a digest of the TypeScript the notebooks
 *   can import (the core, these helpers, the islands, the charts, the
 *   reference forward pass) when the notebook was last executed;
 * - each code cell's metadata.how_many_flops.source: a digest of its source.
 *
 * Both are computed here only: the TypeScript wrapper hands the runner
 * (scripts/notebooks/run.py) the finished stamps (stampsOf) to write into the
 * outputs it executes, and checks them itself (staleReason).
 */
export const FRESHNESS_KEY = "how_many_flops";

/** The folders whose TypeScript a notebook's outputs depend on, relative to the repository root. */
export const LIBRARY_DIRS: readonly string[] = ["src/core", "src/notebook", "src/islands", "src/charts", "src/reference"];

const DIGEST_CHARS = 16;

/** Digest of every .ts file under LIBRARY_DIRS: path and bytes, in path order. */
export function libraryDigest(root: string): string {
  const files: string[] = [];
  for (const dir of LIBRARY_DIRS) collect(join(root, dir), files);
  const hash = createHash("sha256");
  for (const file of files.map((f) => relative(root, f).split(sep).join("/")).sort()) {
    hash.update(file, "utf8");
    hash.update("\0");
    hash.update(readFileSync(join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, DIGEST_CHARS);
}

/** Digest of one code cell's source text. */
export function sourceDigest(source: string): string {
  return createHash("sha256").update(source, "utf8").digest("hex").slice(0, DIGEST_CHARS);
}

/** The parts of a notebook the stamps concern (nbformat 4 JSON). */
export interface StampedNotebook {
  metadata?: Record<string, unknown>;
  cells: ReadonlyArray<{ cell_type: string; source: string | string[]; metadata?: Record<string, unknown> }>;
}

/** Why a notebook's committed outputs are not known to be fresh. `cell` is 1-based, null for the notebook. */
export interface StaleReason {
  cell: number | null;
  message: string;
}

/** The first reason the outputs are stale, or null when every stamp matches. */
export function staleReason(notebook: StampedNotebook, library: string, refresh: string): StaleReason | null {
  const stamp = record(notebook.metadata?.[FRESHNESS_KEY]);
  if (!stamp || typeof stamp.library !== "string") {
    return { cell: null, message: `has no freshness stamp: it was not executed with the project's runner; run \`${refresh}\`` };
  }
  for (const [index, cell] of notebook.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const cellStamp = record(cell.metadata?.[FRESHNESS_KEY]);
    if (!cellStamp || cellStamp.source !== sourceDigest(sourceText(cell.source))) {
      return { cell: index + 1, message: `its code changed since the notebook was executed, so its outputs may be stale; run \`${refresh}\`` };
    }
  }
  if (stamp.library !== library) {
    return { cell: null, message: `the code it imports (${LIBRARY_DIRS.join(", ")}) changed since it was executed, so its outputs may be stale; run \`${refresh}\`` };
  }
  return null;
}

/** What the runner writes into a notebook it executes: the library digest and each cell's digest (null for non-code cells), by cell index. */
export interface NotebookStamps {
  library: string;
  cells: Array<string | null>;
}

/** The stamps for a notebook's cells as they are now. */
export function stampsOf(notebook: StampedNotebook, library: string): NotebookStamps {
  return {
    library,
    cells: notebook.cells.map((cell) => (cell.cell_type === "code" ? sourceDigest(sourceText(cell.source)) : null)),
  };
}

function sourceText(source: string | string[]): string {
  return Array.isArray(source) ? source.join("") : source;
}

function collect(dir: string, into: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, into);
    else if (entry.isFile() && entry.name.endsWith(".ts")) into.push(path);
  }
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
