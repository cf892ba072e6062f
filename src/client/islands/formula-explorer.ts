/** The formula-explorer island's chunk, loaded on first interaction. */
import { formulaExplorer } from "../../islands/formula-explorer";
import type { ClientEnv, HostElement } from "../dom";
import { mountIsland } from "../live";

/** Makes the server-rendered island in `host` live. */
export function mount(host: HostElement, env: ClientEnv): void {
  mountIsland(formulaExplorer, host, env);
}
