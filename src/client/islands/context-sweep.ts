/** The context-sweep island's chunk, loaded on first interaction. */
import { contextSweep } from "../../islands/context-sweep";
import type { ClientEnv, HostElement } from "../dom";
import { mountIsland } from "../live";

/** Makes the server-rendered island in `host` live. */
export function mount(host: HostElement, env: ClientEnv): void {
  mountIsland(contextSweep, host, env);
}
