/** The your-model island's chunk, loaded on first interaction. */
import { yourModel } from "../../islands/your-model";
import type { ClientEnv, HostElement } from "../dom";
import { mountIsland } from "../live";

/** Makes the server-rendered island in `host` live. */
export function mount(host: HostElement, env: ClientEnv): void {
  mountIsland(yourModel, host, env);
}
