/**
 * The live recalculation islands: definitions (DOM-free, compiled by tslab
 * too), the registry the site and the browser client look them up in, and
 * the server-side rendering of their static fallback.
 */
import { contextSweep } from "./context-sweep";
import { energy } from "./energy";
import { formulaExplorer } from "./formula-explorer";
import { IslandInputError, type IslandDefinition } from "./island";
import { printableKey } from "./inputs";
import { renderIslandHtml, type RenderIslandOptions } from "./render";
import { threeAnswers } from "./three-answers";
import { yourModel } from "./your-model";

export * from "./island";
export { formulaExplorer, type FormulaExplorerProps } from "./formula-explorer";
export { threeAnswers, type ThreeAnswersProps } from "./three-answers";
export { contextSweep, type ContextSweepProps } from "./context-sweep";
export { yourModel, type YourModelProps } from "./your-model";
export { energy, type EnergyProps } from "./energy";
export { renderIslandHtml, islandId, type RenderIslandOptions } from "./render";

/**
 * The islands, by name: the one list of them. Each name is also its module's
 * file name in this folder, which is how the browser client finds an island's
 * chunk, and the definition's own `name` (a test checks both).
 */
export const ISLANDS = {
  "formula-explorer": formulaExplorer,
  "three-answers": threeAnswers,
  "context-sweep": contextSweep,
  "your-model": yourModel,
  energy,
} satisfies Record<string, IslandDefinition<any>>;

/** An island's name. */
export type IslandName = keyof typeof ISLANDS;

/** The islands' names, in the order above. */
export const ISLAND_NAMES = Object.keys(ISLANDS) as IslandName[];

/** The definition of an island by (untrusted) name, or undefined. */
export function islandDefinition(name: unknown): IslandDefinition<unknown> | undefined {
  if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(ISLANDS, name)) return undefined;
  return ISLANDS[name as IslandName] as IslandDefinition<unknown>;
}

/**
 * The fallback of a notebook's island bundle ({ island, props }): what the
 * site embeds and Jupyter shows. Unknown islands and bad props are refused
 * with an IslandInputError naming the field.
 */
export function renderIslandPayload(payload: unknown, options: RenderIslandOptions): string {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new IslandInputError("payload", "expected { island, props }");
  }
  const { island, props, ...rest } = payload as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw new IslandInputError(`payload.${printableKey(extra)}`, "not part of an island bundle (expected island and props)");
  const definition = islandDefinition(island);
  if (!definition) {
    const shown = typeof island === "string" ? JSON.stringify(island.slice(0, 40)) : typeof island;
    throw new IslandInputError("island", `unknown island ${shown} (known: ${Object.keys(ISLANDS).join(", ")})`);
  }
  return renderIslandHtml(definition, props ?? {}, options);
}
