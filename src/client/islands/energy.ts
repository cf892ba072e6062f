/** The energy island's chunk, loaded on first interaction. */
import { energy } from "../../islands/energy";
import type { ClientEnv, HostElement } from "../dom";
import { mountIsland } from "../live";

/** Makes the server-rendered island in `host` live. */
export function mount(host: HostElement, env: ClientEnv): void {
  mountIsland(energy, host, env);
}
