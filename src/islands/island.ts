/**
 * The contract between notebooks, the site and the browser for live
 * recalculation islands.
 *
 * A notebook cell emits a MIME bundle with a static fallback (text/html) and
 * `application/vnd.how-many-flops.island+json` = { island, props }. Jupyter
 * shows the fallback; the site renders the fallback inside
 * <hmf-island data-island="…" data-props="…"> and the browser replaces it with
 * the live island, initialised from the same props.
 *
 * Island definitions are DOM-free (ES2022, TypeScript 5.0 syntax) so tslab can
 * compile them: they render HTML strings, and charts receive a `document`
 * (linkedom in Node, window.document in the browser).
 */
export const ISLAND_MIME = "application/vnd.how-many-flops.island+json";

export const ISLAND_NAMES = ["formula-explorer", "three-answers", "context-sweep", "your-model", "energy"] as const;
export type IslandName = (typeof ISLAND_NAMES)[number];

export interface IslandPayload {
  island: IslandName;
  props: Record<string, unknown>;
}

/** Untrusted island input (props, URL state, pasted text) that cannot be used; `field` names it. */
export class IslandInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "IslandInputError";
    this.field = field;
  }
}

export interface IslandDefinition<P> {
  name: IslandName;
  /** Heading shown above the island. */
  title: string;
  /** Validates untrusted props; throws IslandInputError naming the field. */
  parseProps(raw: unknown): P;
  /** URL query parameters that reproduce the view (all values strings). */
  toQuery(props: P): Record<string, string>;
  /** Reads URL state over `base` props; bad values throw IslandInputError naming the parameter. */
  fromQuery(query: Readonly<Record<string, string>>, base: P): P;
  /** The controls (inputs carry `name` attributes matching the query keys), as escaped HTML. */
  renderControls(props: P): string;
  /** The results (numbers, tables, chart) for these props, as escaped HTML. */
  renderOutput(props: P, document: unknown): string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and attribute values. Every user-supplied string goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}
