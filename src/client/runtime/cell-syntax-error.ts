import { withPosition } from "./protocol";

/** A cell that does not parse: the message and where, in the cell as written (1-based line and column). */
export class CellSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(line === undefined || column === undefined ? reason : withPosition(reason, { line, column }));
    this.name = "SyntaxError";
  }

  /** The error at a 0-based offset of `text`. */
  static at(text: string, offset: number, reason: string): CellSyntaxError {
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    return new CellSyntaxError(reason, line, offset - (before.lastIndexOf("\n") + 1) + 1);
  }
}
