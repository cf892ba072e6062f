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

export interface IslandPayload {
  /** An island's name (src/islands/index.ts lists them). */
  island: string;
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
  /** Its name: the file name of its module in src/islands/ and its key in ISLANDS. */
  name: string;
  /** Heading shown above the island. */
  title: string;
  /** Validates untrusted props; throws IslandInputError naming the field. */
  parseProps(raw: unknown): P;
  /** URL query parameters that reproduce the view (all values strings). */
  toQuery(props: P): Record<string, string>;
  /**
   * Query keys whose values are long text (a pasted config.json): the browser
   * client deflates them into the link and inflates them before `fromQuery`,
   * which sees plain text either way.
   */
  compressedQueryKeys?: readonly string[];
  /** Reads URL state over `base` props; bad values throw IslandInputError naming the parameter. */
  fromQuery(query: Readonly<Record<string, string>>, base: P): P;
  /** The controls (inputs carry `name` attributes matching the query keys), as escaped HTML: one `<fieldset class="hmf-island-controls" disabled>` (see frame.ts). */
  renderControls(props: P): string;
  /** The results (numbers, tables, chart) for these props, as escaped HTML: one `<div class="hmf-island-output">` (see frame.ts). */
  renderOutput(props: P, document: unknown): string;
  /**
   * Applies the new value of one control, named as in `renderControls` (a
   * query key, or an auxiliary control such as "s.slider" whose value is a
   * slider position). Only the control the user moved is read, so a value the
   * other controls cannot show exactly (an S of 128,000 on a log slider) is
   * never snapped. Throws IslandInputError naming the control. When absent,
   * the client applies `fromQuery({ [name]: value }, props)`.
   */
  applyControl?(name: string, value: string, props: P): P;
  /**
   * What every control should show for these props, by control name: the
   * client writes `value` into controls the user is not editing, and `text`
   * into their `aria-valuetext` and visible readout.
   */
  controlState?(props: P): Record<string, ControlState>;
}

/** What one control shows: its value and, for sliders, the value in words. */
export interface ControlState {
  /** The control's value (a slider position, an input's text, a selected option). */
  value: string;
  /** The value as read aloud and shown beside a slider, e.g. "128,000 tokens". */
  text?: string;
}

/** Escapes text for HTML content and attribute values; one definition, in the core. */
export { escapeHtml } from "../core/html";
