import { formatSignificant, groupDigits } from "../core/format";
import { escapeHtml } from "../core/html";
import { breakableDigitGroups } from "../islands/html";
import type { MimeBundle } from "./bundle";

/** A cell value. Counts are bigint; empty cells are null or undefined. */
export type TableCell = bigint | number | string | boolean | null | undefined;

/** One row: cell values by column key. */
export type TableRow = Readonly<Record<string, TableCell>>;

/** A column of {@link tableBundle}; a plain string is a column key with default settings. */
export interface TableColumn {
  /** Key of the cell in each row. */
  key: string;
  /** Header text (default: the key). */
  label?: string;
  /** Alignment (default: right when every non-empty cell is a number, left otherwise). */
  align?: "left" | "right";
  /**
   * Turns a cell into text. By default integers (bigint, or safe-integer
   * numbers) show every digit, grouped ("6,738,415,616"); other numbers show 3
   * significant digits ("0.0123", "12,300"); empty cells show nothing.
   */
  format?: (value: TableCell, row: TableRow) => string;
}

/** Options of {@link tableBundle}. */
export interface TableOptions {
  /** Text above the table, also its HTML `<caption>`. */
  caption?: string;
}

interface ResolvedColumn {
  key: string;
  label: string;
  align: "left" | "right";
  cells: string[];
}

/**
 * A table as a MIME bundle: text/html (right-aligned numbers, tabular digits,
 * escaped text) and text/plain as an aligned Markdown table that reads well in
 * a terminal too.
 *
 * Columns default to every key of the rows in first-seen order. Throws naming
 * the row and column for a cell that cannot be shown (an object, a function,
 * NaN, an integer beyond 2^53 given as a number), and naming the column when a
 * requested column appears in no row.
 */
export function tableBundle(
  rows: readonly TableRow[],
  columns?: ReadonlyArray<string | TableColumn>,
  options: TableOptions = {},
): MimeBundle {
  if (!Array.isArray(rows)) throw new TypeError(`tableBundle: rows must be an array of objects; got ${describe(rows)}`);
  rows.forEach((row, i) => {
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      throw new TypeError(`tableBundle: rows[${i}] must be an object of cells; got ${describe(row)}`);
    }
  });
  const specs = (columns ?? keysOf(rows)).map((column, i) => toColumn(column, i));
  if (specs.length === 0) throw new TypeError("tableBundle: nothing to show (no columns, and no rows to take them from)");
  for (const spec of specs) {
    if (rows.length > 0 && !rows.some((row) => Object.prototype.hasOwnProperty.call(row, spec.key))) {
      throw new TypeError(`tableBundle: column "${spec.key}" appears in no row (row keys: ${keysOf(rows).join(", ")})`);
    }
  }
  const resolved = specs.map((spec) => resolve(spec, rows));
  return {
    data: { "text/html": html(resolved, rows.length, options.caption), "text/plain": markdown(resolved, rows.length, options.caption) },
    metadata: {},
  };
}

function toColumn(column: string | TableColumn, index: number): TableColumn {
  if (typeof column === "string") return { key: column };
  if (column === null || typeof column !== "object" || typeof column.key !== "string") {
    throw new TypeError(`tableBundle: columns[${index}] must be a key or { key, label?, align?, format? }`);
  }
  if (column.align !== undefined && column.align !== "left" && column.align !== "right") {
    throw new TypeError(`tableBundle: columns[${index}].align must be "left" or "right"; got ${JSON.stringify(column.align)}`);
  }
  return column;
}

function keysOf(rows: readonly TableRow[]): string[] {
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  return keys;
}

function resolve(spec: TableColumn, rows: readonly TableRow[]): ResolvedColumn {
  const cells = rows.map((row, i) => {
    const value = row[spec.key];
    const where = `rows[${i}].${spec.key}`;
    if (spec.format === undefined) return formatCell(value, where);
    const text = spec.format(value, row);
    if (typeof text !== "string") throw new TypeError(`tableBundle: the format of column "${spec.key}" returned ${describe(text)} for ${where}, not a string`);
    return text;
  });
  const values = rows.map((row) => row[spec.key]).filter((value) => value !== null && value !== undefined && value !== "");
  const numeric = values.length > 0 && values.every((value) => typeof value === "bigint" || typeof value === "number");
  return { key: spec.key, label: spec.label ?? spec.key, align: spec.align ?? (numeric ? "right" : "left"), cells };
}

function formatCell(value: TableCell, where: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return groupDigits(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`tableBundle: ${where} is ${String(value)}, not a finite number`);
    if (Number.isInteger(value)) {
      if (!Number.isSafeInteger(value)) {
        throw new RangeError(`tableBundle: ${where} = ${String(value)} is beyond 2^53 − 1, so its digits are not exact; pass a bigint`);
      }
      return groupDigits(value);
    }
    return formatSignificant(value);
  }
  throw new TypeError(`tableBundle: ${where} is ${describe(value)}; cells must be bigint, number, string, boolean or empty`);
}

function html(columns: ResolvedColumn[], rowCount: number, caption: string | undefined): string {
  const style = (column: ResolvedColumn): string =>
    column.align === "right" ? ' style="text-align: right; font-variant-numeric: tabular-nums"' : ' style="text-align: left"';
  const lines = ['<table class="hmf-table">'];
  if (caption !== undefined) lines.push(`<caption>${escapeHtml(caption)}</caption>`);
  lines.push(`<thead><tr>${columns.map((c) => `<th scope="col"${style(c)}>${escapeHtml(c.label)}</th>`).join("")}</tr></thead>`);
  lines.push("<tbody>");
  for (let r = 0; r < rowCount; r++) {
    // Numbers wrap between digit groups on a narrow screen, never inside one, and never apart from their unit.
    lines.push(`<tr>${columns.map((c) => `<td${style(c)}>${withUnitsAttached(breakableDigitGroups(escapeHtml(c.cells[r] ?? "")))}</td>`).join("")}</tr>`);
  }
  lines.push("</tbody>", "</table>");
  return lines.join("\n");
}

/**
 * A unit after a number: an SI unit with an optional prefix ("TFLOP/s", "GB", "GiB", "ms", "mWh", "J/token")
 * or a lower-case word ("layers", "tokens"). A capitalised word is a name ("Llama 4 Scout"), not a unit.
 */
const UNIT_AFTER_NUMBER = /(\d) (?=(?:[kMGTPEmµn]?(?:i?B|FLOPs?|FLOP\/s|B\/s|W|Wh|J|s|Hz)|[a-z]{1,8})(?:\/[a-z]+)?(?:$|[\s,;)]))/g;

/**
 * "989.5 TFLOP/s", "141 GB", "93.9 ms": a number and its unit joined by a no-break space, so a narrow
 * column wraps before the number, not between it and its unit.
 */
function withUnitsAttached(cellHtml: string): string {
  return cellHtml.replace(UNIT_AFTER_NUMBER, "$1&nbsp;");
}

/** Markdown pipe table padded to column width; pipes are escaped and line breaks become spaces. */
function markdown(columns: ResolvedColumn[], rowCount: number, caption: string | undefined): string {
  const clean = (text: string): string => text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const width = (text: string): number => [...text].length;
  const headers = columns.map((c) => clean(c.label));
  const body = columns.map((c) => c.cells.map(clean));
  const widths = columns.map((_, i) => Math.max(3, width(headers[i] ?? ""), ...(body[i] ?? []).map(width)));
  const pad = (text: string, i: number): string => {
    const fill = " ".repeat((widths[i] ?? 0) - width(text));
    return columns[i]?.align === "right" ? fill + text : text + fill;
  };
  const line = (cells: string[]): string => `| ${cells.map(pad).join(" | ")} |`;
  const rule = `| ${columns.map((c, i) => (c.align === "right" ? "-".repeat((widths[i] ?? 3) - 1) + ":" : ":" + "-".repeat((widths[i] ?? 3) - 1))).join(" | ")} |`;
  const lines = caption === undefined ? [] : [clean(caption), ""];
  lines.push(line(headers), rule);
  for (let r = 0; r < rowCount; r++) lines.push(line(body.map((cells) => cells[r] ?? "")));
  return lines.join("\n");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  return typeof value;
}
