/**
 * A MIME bundle: one rich output carried in several representations. Jupyter
 * front ends show the richest type they can render; the site reads the ones it
 * knows (text/html, text/latex, the island payload). Every helper in this
 * folder builds one with a pure function, so outputs can be snapshot-tested
 * without a kernel.
 */

/** A JSON value, as display_data carries it (JSON MIME types hold objects, text MIME types strings). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The `data` and `metadata` of one display_data message. */
export interface MimeBundle {
  /** Representations by MIME type; always includes "text/plain" for readers without a rich front end. */
  data: Record<string, JsonValue>;
  /** Per-MIME-type metadata (usually empty). */
  metadata: Record<string, JsonValue>;
}
