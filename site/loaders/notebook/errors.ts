/**
 * A notebook the site cannot render. The message always names the notebook's
 * file and, when one cell is at fault, its 1-based cell number, so that a
 * failed build says exactly where to look:
 * `notebooks/03-first-principles.ipynb, cell 12: error output (TypeError: …)`.
 */
export class NotebookError extends Error {
  /** The notebook's path as given to the loader (relative to the project root). */
  readonly file: string;
  /** 1-based cell number, or null when the notebook as a whole is at fault. */
  readonly cell: number | null;
  constructor(file: string, cell: number | null, message: string) {
    super(`${cell === null ? file : `${file}, cell ${cell}`}: ${message}`);
    this.name = "NotebookError";
    this.file = file;
    this.cell = cell;
  }
}

/** Where a problem was found: the notebook, and the cell when there is one. */
export interface Place {
  file: string;
  cell: number | null;
}

/** Throws a NotebookError at `place`. */
export function fail(place: Place, message: string): never {
  throw new NotebookError(place.file, place.cell, message);
}
