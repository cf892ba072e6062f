/**
 * One chunk per island, fetched by dynamic import on first interaction;
 * bundlers split each into its own file and share what they have in common
 * (the core, Plot). A new island adds one line here.
 */
import type { IslandLoaders } from "./hydration";

/** The islands this client can make live. */
export const ISLAND_LOADERS: IslandLoaders = {
  "formula-explorer": () => import("./islands/formula-explorer"),
  "three-answers": () => import("./islands/three-answers"),
  "context-sweep": () => import("./islands/context-sweep"),
  "your-model": () => import("./islands/your-model"),
  energy: () => import("./islands/energy"),
};
