/**
 * The island's message line: a status live region before the output. It is
 * created empty as soon as the client runs (so screen readers announce what
 * is later written into it) and only ever written as text, never as HTML.
 */
import { OUTPUT_CLASS } from "../islands/classes";
import type { ElementLike, HostElement } from "./dom";

/** The island's message element, created before the output region when missing. */
export function messageElement(host: HostElement): ElementLike | null {
  const existing = host.querySelector(".hmf-island-message");
  if (existing) return existing;
  const output = host.querySelector(`.${OUTPUT_CLASS}`);
  if (!output) return null;
  output.insertAdjacentHTML("beforebegin", `<p class="hmf-island-message" role="status"></p>`);
  return host.querySelector(".hmf-island-message");
}
