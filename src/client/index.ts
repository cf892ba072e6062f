/**
 * The client entry: the only script a page loads before interaction. It
 * defines <hmf-island>, which arms each island (enables its controls and waits
 * for the reader) and loads the island's own chunk on first interaction.
 *
 * Load it as an external module script (never inline: the site's CSP has no
 * 'unsafe-inline'); it does nothing where custom elements are missing.
 */
import type { BrowserGlobals, ClientEnv } from "./dom";
import { armIsland } from "./hydration";
import { loadIslandChunk } from "./loaders";

const globals = globalThis as unknown as BrowserGlobals;
const { HTMLElement: Base, customElements: registry, window: env } = globals;

if (Base && registry && env && !registry.get("hmf-island")) {
  registry.define(
    "hmf-island",
    class HmfIsland extends Base {
      connectedCallback(): void {
        armIsland(this, loadIslandChunk, env as ClientEnv);
      }
    },
  );
}
