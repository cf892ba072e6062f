/**
 * How the first script fetches an island: one lazy import of the module that
 * knows the islands (island-modules.ts), so that the page's first script
 * carries no table of islands and no preload map of their chunks.
 */
import type { IslandChunk } from "./hydration";

/** Loads the island `name` and the runtime that makes it live; rejects for a name the build has no island for. */
export async function loadIslandChunk(name: string): Promise<IslandChunk> {
  const { loadIslandModule } = await import("./island-modules");
  return loadIslandModule(name);
}
