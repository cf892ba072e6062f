/**
 * An island's chunk, fetched on first interaction: its definition module
 * (src/islands/<name>.ts, the island's one declaration) and the live-island
 * runtime, in parallel. Bundlers split each island module into its own file
 * and share what they have in common (the core, Plot, the runtime). Nothing
 * here lists the islands: a new island is a new module in src/islands/ and a
 * line in src/islands/index.ts.
 */
import type { IslandDefinition } from "../islands/island";
import type { IslandChunk } from "./hydration";

/** Island names are kebab-case file names: nothing else reaches the dynamic import. */
const ISLAND_NAME = /^[a-z][a-z0-9-]{0,39}$/;

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
export async function loadIslandChunk(name: string): Promise<IslandChunk> {
  if (!ISLAND_NAME.test(name) || name === "index" || name === "island") throw noIsland(name);
  let module: Record<string, unknown>;
  let live: typeof import("./live");
  try {
    [module, live] = await Promise.all([import(`../islands/${name}.ts`) as Promise<Record<string, unknown>>, import("./live")]);
  } catch {
    throw noIsland(name);
  }
  const definition = definitionIn(module, name);
  if (!definition) throw noIsland(name);
  return { mount: (host, env) => void live.mountIsland(definition, host, env) };
}
