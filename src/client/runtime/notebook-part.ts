/**
 * What a cell's `import { … } from "./src/notebook/index"` loads first in the
 * browser: in the worker's bundle, the helpers' names but showIsland's
 * (generated at build time by site/integrations/worker-parts.ts); showIsland
 * loads with the islands, when a cell imports it (modules.ts). Everywhere else
 * (tests, type checking) this is all the helpers.
 */
export * from "../../notebook/index";
