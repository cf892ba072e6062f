/**
 * The static fallback of an island: what Jupyter shows as text/html and what
 * the site server-renders inside <hmf-island>. It is complete without
 * JavaScript (the numbers for the notebook's props); the controls are
 * disabled until the browser client arms the element.
 */
import { html, rawHtml } from "../core/html";
import { IslandInputError, type IslandDefinition } from "./island";

/** Options of {@link renderIslandHtml}. */
export interface RenderIslandOptions {
  /** Renders charts: linkedom's document in Node, window.document in a browser. */
  document: unknown;
  /**
   * Names this island on its page: URL keys are `<id>.<key>`, so two islands
   * of one kind need two ids. Lowercase letters, digits and dashes; default the island name.
   */
  id?: string;
}

const ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

/** A valid instance id, or the island's name when `raw` is absent; anything else is refused. */
export function islandId(raw: unknown, name: string): string {
  if (raw === undefined || raw === null || raw === "") return name;
  if (typeof raw === "string" && ID_PATTERN.test(raw)) return raw;
  throw new IslandInputError("id", "expected 1 to 40 lowercase letters, digits and dashes, starting with a letter");
}

/**
 * The whole <hmf-island> element for these (untrusted) props: validated by the
 * definition, rendered, and serialized back into data-props in their
 * normalized form. Throws IslandInputError naming the bad prop.
 */
export function renderIslandHtml<P>(definition: IslandDefinition<P>, rawProps: unknown, options: RenderIslandOptions): string {
  const props = definition.parseProps(rawProps);
  const id = islandId(options.id, definition.name);
  const controls = rawHtml(definition.renderControls(props));
  const output = rawHtml(definition.renderOutput(props, options.document));
  return html`<hmf-island class="hmf-island" data-island="${definition.name}" data-id="${id}" data-props="${JSON.stringify(props)}"><div class="hmf-island-fallback">${controls}${output}</div></hmf-island>`.value;
}
