/**
 * What a cell's `import { … } from "./src/core/index"` loads first in the
 * browser: in the worker's bundle, the core's names from the modules the
 * notebook helpers import anyway (generated at build time by
 * site/integrations/worker-parts.ts); the rest of the core loads only when a cell
 * imports a name from it (modules.ts). Everywhere else (tests, type
 * checking) this is the whole core.
 */
export * from "../../core/index";
