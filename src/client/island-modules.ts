/**
 * Loaded on the first interaction with any island (see loaders.ts), never
 * with the page: an island's chunk is its definition module
 * (src/islands/<name>.ts) and the live-island runtime, in parallel. Bundlers
 * split each island module into its own file and share what they have in
 * common (the core, Plot, the runtime). The islands are listed once, in
 * src/islands/index.ts: the table below is typed by that list, so an island
 * missing here (or named here but not there) fails the type check. It spells
 * each import out because a variable import() would make the bundler ship a
 * map of every file in src/islands with the first script.
 */
import type { IslandName } from "../islands/index";
import type { IslandDefinition } from "../islands/island";
import type { IslandChunk } from "./hydration";

type IslandModule = Readonly<Record<string, unknown>>;

const ISLAND_MODULES: Readonly<Record<IslandName, () => Promise<IslandModule>>> = {
  "formula-explorer": () => import("../islands/formula-explorer"),
  "three-answers": () => import("../islands/three-answers"),
  "context-sweep": () => import("../islands/context-sweep"),
  "your-model": () => import("../islands/your-model"),
  energy: () => import("../islands/energy"),
};

/** The definition named `name` among a module's exports, if any. */
export function definitionIn(module: Readonly<Record<string, unknown>>, name: string): IslandDefinition<unknown> | undefined {
  for (const value of Object.values(module)) {
    if (typeof value === "object" && value !== null && (value as { name?: unknown }).name === name && typeof (value as { renderOutput?: unknown }).renderOutput === "function") {
      return value as IslandDefinition<unknown>;
    }
  }
  return undefined;
}

function noIsland(name: string): Error {
  return new Error(`there is no island called ${JSON.stringify(name.slice(0, 40))} in this build`);
}

/** Loads the island `name` and the runtime that makes it live. */
export async function loadIslandModule(name: string): Promise<IslandChunk> {
  if (!Object.prototype.hasOwnProperty.call(ISLAND_MODULES, name)) throw noIsland(name);
  const [module, live] = await Promise.all([ISLAND_MODULES[name as IslandName](), import("./live")]);
  const definition = definitionIn(module, name);
  if (!definition) throw noIsland(name);
  return { mount: (host, env) => void live.mountIsland(definition, host, env) };
}
