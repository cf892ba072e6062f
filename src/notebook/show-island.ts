import { islandDefinition, ISLANDS, type IslandName } from "../islands/index";
import { IslandInputError } from "../islands/island";
import { displayBundle } from "./display";
import { islandBundle } from "./island";

// Apart from show.ts because the island registry reaches every island with its charts and the energy model:
// the browser's runtime loads this module only for a cell that imports showIsland (site/integrations/worker-parts.ts).

/** Shows a live island: its static view in Jupyter, the live component on the site; see {@link islandBundle}. */
export function showIsland(name: IslandName, props: Record<string, unknown>): void {
  const definition = islandDefinition(name);
  if (definition === undefined) {
    throw new IslandInputError("island", `unknown island ${JSON.stringify(name)}; islands: ${Object.keys(ISLANDS).join(", ")}`);
  }
  displayBundle(islandBundle(definition, props));
}
