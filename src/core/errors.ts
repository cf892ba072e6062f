/**
 * An invalid model description or config: `field` names the offending input
 * (a ModelSpec path such as "attention.numKvHeads", or a config.json key such
 * as "num_key_value_heads") so every caller can say exactly what to fix.
 */
export class ModelError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "ModelError";
    this.field = field;
  }
}

/** A config.json that cannot be imported: unknown model_type, missing or malformed field. */
export class ConfigError extends ModelError {
  constructor(field: string, message: string) {
    super(field, message);
    this.name = "ConfigError";
  }
}

/**
 * Characters that must never reach a terminal or a message raw: C0 controls
 * (ESC starts ANSI sequences, CR rewrites the line), DEL, C1 controls (U+009B
 * is a one-character CSI), line and paragraph separators, and the invisible
 * bidirectional and format marks that can reorder or hide displayed text.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

/** Replaces every unsafe character (see UNSAFE_CHARACTERS) with a visible \uXXXX escape; other text is unchanged. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * User text quoted for a message: cut to `max` characters (whole code
 * points, with "…" when cut), in double quotes with JSON escapes, and with
 * every unsafe character escaped, so a config value can be shown but never
 * act on the terminal or page that displays it.
 */
export function quoteText(text: string, max = 40): string {
  return escapeUnsafe(JSON.stringify(cut(text, max)));
}

/** A key as part of a field path: as it is when it reads like an identifier, else quoted. */
export function keyText(key: string): string {
  return /^[A-Za-z_$][\w$]{0,59}$/.test(key) ? key : quoteText(key, 60);
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  let points = 0;
  // By code points, so an emoji is never split into a lone surrogate.
  for (const point of text) {
    if (points === max) return `${out}…`;
    out += point;
    points++;
  }
  return out;
}
