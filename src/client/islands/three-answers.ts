/** The three-answers island's chunk, loaded on first interaction. */
import { threeAnswers } from "../../islands/three-answers";
import type { ClientEnv, HostElement } from "../dom";
import { mountIsland } from "../live";

/** Makes the server-rendered island in `host` live. */
export function mount(host: HostElement, env: ClientEnv): void {
  mountIsland(threeAnswers, host, env);
}
