/**
 * Messages between a notebook page and its runtime worker. Outputs use the
 * notebook format's shapes (nbformat 4), so the page renders them, and the
 * downloaded .ipynb stores them, exactly like tslab's.
 */

export type CellOutput =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string }
  | { output_type: "display_data"; data: Record<string, unknown>; metadata: Record<string, unknown> }
  | { output_type: "execute_result"; data: Record<string, unknown>; metadata: Record<string, unknown>; execution_count: number }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

/** Page → worker: run one cell's source. */
export interface RunRequest {
  type: "run";
  id: number;
  /** The cell's number on the page (names the script in stack traces). */
  cell: number;
  /**
   * The cell with its types erased on the page (strip-types.ts: the editor's grammar is already there),
   * every token at the line and column the reader wrote it; or why it does not parse.
   */
  script: { ok: true; code: string } | { ok: false; message: string };
  executionCount: number;
  /**
   * Queued behind the previous run of a "run these cells" (posted together, so the worker runs them back to
   * back while the page shows outputs): runs only if that run succeeded, as the page stops at the first failure.
   */
  chained?: boolean;
}

/** Page → worker: load what these cells import, ahead of the first run (library code only; no cell runs). */
export interface PreloadRequest {
  type: "preload";
  /** The cells, their types erased (as in RunRequest's script). */
  scripts: string[];
}

/**
 * What a cell imports from one module: these names, or all of it (`*`: a namespace or default import, or an
 * import for its effects). A module may load in parts (modules.ts), so the names matter.
 */
export interface ModuleImport {
  specifier: string;
  names: string[] | "*";
}

/**
 * The export of a module's part (core-part.ts, as the build generates it) that maps each name outside the
 * part to a loader of the module that defines it.
 */
export const REST_OF_PART = "__hmfRest";

/** A place in a cell as the reader wrote it (1-based). */
export interface CellPosition {
  line: number;
  column: number;
}

/** An error's message with its place in the cell, as the reader sees it: "… (line 3, column 7)". */
export function withPosition(message: string, at: CellPosition): string {
  return `${message} (line ${at.line}, column ${at.column})`;
}

/** The place an error output's message names (withPosition's), so the editor can mark its line. */
export function positionOf(message: string): CellPosition | undefined {
  const found = /\(line (\d+), column (\d+)\)$/.exec(message);
  return found ? { line: Number(found[1]), column: Number(found[2]) } : undefined;
}

/** Worker → page. */
export type WorkerMessage =
  | { type: "ready" }
  /** The cell's imports are loaded and its code starts: the time limit counts from here (downloads do not count). */
  | { type: "started"; id: number }
  | { type: "output"; id: number; output: CellOutput }
  /** `skipped`: a chained run not started because the run before it failed. */
  | { type: "done"; id: number; ok: boolean; skipped?: boolean };
