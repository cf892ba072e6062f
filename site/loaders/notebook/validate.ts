import { fail, type Place } from "./errors";

/**
 * The parts of an nbformat 4 notebook the site renders, checked against the
 * format's schema where it matters for rendering: cell types, sources,
 * outputs and MIME bundles. Anything else in the file is kept out of the way
 * rather than guessed at.
 */
export interface Notebook {
  /** The notebook's path, as used in messages. */
  file: string;
  nbformatMinor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

export type CellType = "markdown" | "code" | "raw";

export interface Cell {
  /** 1-based position in the notebook: the number messages use. */
  number: number;
  type: CellType;
  /** The source with its lines joined. */
  source: string;
  /** `metadata.tags` (Jupyter Book / MyST conventions), in file order. */
  tags: string[];
  metadata: Record<string, unknown>;
  /** Markdown cell attachments: file name → MIME bundle. */
  attachments: Record<string, MimeBundle>;
  /** Code cells' outputs; empty for other cells. */
  outputs: Output[];
}

/** MIME type → content: text joined into one string, JSON types (…json) as parsed JSON. */
export type MimeBundle = Record<string, unknown>;

export type Output =
  | { type: "stream"; name: "stdout" | "stderr"; text: string }
  | { type: "display_data" | "execute_result"; data: MimeBundle; metadata: Record<string, unknown> }
  | { type: "error"; ename: string; evalue: string; traceback: string[] };

/** Notebooks larger than this are refused before parsing (a notebook with executed outputs is rarely over a few MB). */
export const MAX_NOTEBOOK_BYTES = 32 * 1024 * 1024;

/** Parses and validates a notebook's JSON text. Throws a NotebookError naming the file (and cell) on any problem. */
export function parseNotebook(file: string, text: string): Notebook {
  const whole: Place = { file, cell: null };
  if (text.length > MAX_NOTEBOOK_BYTES) fail(whole, `is ${text.length} bytes; notebooks over ${MAX_NOTEBOOK_BYTES} bytes are refused`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(whole, `is not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(json)) fail(whole, "is not a notebook: the top level must be a JSON object");
  if (json.nbformat !== 4) {
    fail(whole, `nbformat is ${describe(json.nbformat)}; only nbformat 4 notebooks are supported (save it with Jupyter ≥ 4)`);
  }
  const minor = json.nbformat_minor;
  if (typeof minor !== "number" || !Number.isInteger(minor) || minor < 0) fail(whole, `nbformat_minor must be a non-negative integer, got ${describe(minor)}`);
  const metadata = json.metadata ?? {};
  if (!isObject(metadata)) fail(whole, `metadata must be an object, got ${describe(metadata)}`);
  if (!Array.isArray(json.cells)) fail(whole, `cells must be an array, got ${describe(json.cells)}`);
  const cells = json.cells.map((raw, index) => parseCell(raw, { file, cell: index + 1 }));
  return { file, nbformatMinor: minor, metadata, cells };
}

function parseCell(raw: unknown, place: Place): Cell {
  if (!isObject(raw)) fail(place, `is not an object (${describe(raw)})`);
  const type = raw.cell_type;
  if (type !== "markdown" && type !== "code" && type !== "raw") {
    fail(place, `cell_type must be "markdown", "code" or "raw", got ${describe(type)}`);
  }
  const source = multiline(raw.source, "source", place);
  const metadata = raw.metadata ?? {};
  if (!isObject(metadata)) fail(place, `metadata must be an object, got ${describe(metadata)}`);
  const tags = metadata.tags ?? [];
  if (!Array.isArray(tags) || !tags.every((tag): tag is string => typeof tag === "string")) {
    fail(place, `metadata.tags must be an array of strings, got ${describe(tags)}`);
  }
  const attachments: Record<string, MimeBundle> = {};
  if (raw.attachments !== undefined) {
    if (type === "code" || !isObject(raw.attachments)) fail(place, "attachments must be an object on a markdown or raw cell");
    for (const [name, bundle] of Object.entries(raw.attachments)) {
      attachments[name] = mimeBundle(bundle, `attachment "${name}"`, place);
    }
  }
  const outputs: Output[] = [];
  if (type === "code") {
    if (!Array.isArray(raw.outputs)) fail(place, `a code cell needs an outputs array, got ${describe(raw.outputs)}`);
    raw.outputs.forEach((output, index) => outputs.push(parseOutput(output, index + 1, place)));
  } else if (raw.outputs !== undefined) {
    fail(place, `a ${type} cell cannot have outputs`);
  }
  return { number: place.cell ?? 0, type, source, tags, metadata, attachments, outputs };
}

function parseOutput(raw: unknown, number: number, place: Place): Output {
  const what = `output ${number}`;
  if (!isObject(raw)) fail(place, `${what} is not an object (${describe(raw)})`);
  switch (raw.output_type) {
    case "stream": {
      if (raw.name !== "stdout" && raw.name !== "stderr") fail(place, `${what}: stream name must be "stdout" or "stderr", got ${describe(raw.name)}`);
      return { type: "stream", name: raw.name, text: multiline(raw.text, `${what} text`, place) };
    }
    case "display_data":
    case "execute_result": {
      const metadata = raw.metadata ?? {};
      if (!isObject(metadata)) fail(place, `${what}: metadata must be an object, got ${describe(metadata)}`);
      return { type: raw.output_type, data: mimeBundle(raw.data, `${what} data`, place), metadata };
    }
    case "error": {
      const { ename, evalue, traceback } = raw;
      if (typeof ename !== "string" || typeof evalue !== "string") fail(place, `${what}: an error output needs string ename and evalue`);
      if (!Array.isArray(traceback) || !traceback.every((line): line is string => typeof line === "string")) {
        fail(place, `${what}: an error output needs a traceback array of strings`);
      }
      return { type: "error", ename, evalue, traceback };
    }
    default:
      fail(place, `${what}: output_type must be stream, display_data, execute_result or error, got ${describe(raw.output_type)}`);
  }
}

function mimeBundle(raw: unknown, what: string, place: Place): MimeBundle {
  if (!isObject(raw)) fail(place, `${what} must be an object of MIME type → content, got ${describe(raw)}`);
  const bundle: MimeBundle = {};
  for (const [mime, value] of Object.entries(raw)) {
    // nbformat stores JSON MIME types as JSON and every other type as a string
    // or a list of lines; a type the site does not know is kept as it is, so
    // the renderer can say it has no way to show it.
    const lines = Array.isArray(value) && value.every((line) => typeof line === "string");
    bundle[mime] = !/json$/.test(mime) && lines ? (value as string[]).join("") : value;
  }
  return bundle;
}

/** nbformat's multiline string: a string, or a list of strings to concatenate. */
function multiline(raw: unknown, what: string, place: Place): string {
  if (typeof raw === "string") return raw;
  if (Array.isArray(raw) && raw.every((line): line is string => typeof line === "string")) return raw.join("");
  fail(place, `${what} must be a string or an array of strings, got ${describe(raw)}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
