/**
 * From static fallback to live island, loading the island's code only when a
 * reader reaches for it.
 *
 *   static ──arm──▶ armed ──trigger──▶ loading ──loaded──▶ live
 *                                          └────error────▶ failed
 *
 * "static" is the server-rendered page (controls disabled). Arming costs no
 * download: it enables the controls and listens for the first pointer, focus,
 * touch or key event on the island. That event (or URL state for this
 * island, which the fallback cannot show) triggers the island's chunk.
 * Controls changed while it loads are read when it mounts.
 */
import { CONTROLS_CLASS } from "../islands/classes";
import { islandId } from "../islands/render";
import type { ClientEnv, EventLike, HostElement } from "./dom";
import { messageElement } from "./message";
import { hasIslandQuery } from "./url-state";

/** Where an island is between static HTML and live (see the diagram above). */
export type HydrationState = "static" | "armed" | "loading" | "live" | "failed";
/** What moves an island from one state to the next. */
export type HydrationEvent = "arm" | "trigger" | "loaded" | "error";

const TRANSITIONS: Readonly<Record<HydrationState, Partial<Record<HydrationEvent, HydrationState>>>> = {
  static: { arm: "armed" },
  armed: { trigger: "loading" },
  loading: { loaded: "live", error: "failed" },
  live: {},
  failed: {},
};

/** The state after `event`, or the same state when the event does not apply (a second trigger, say). */
export function nextState(state: HydrationState, event: HydrationEvent): HydrationState {
  return TRANSITIONS[state][event] ?? state;
}

/** Events that mean a reader is about to use the island. */
export const TRIGGER_EVENTS = ["pointerover", "pointerdown", "focusin", "touchstart", "keydown"] as const;

/** What an island's chunk exports. */
export interface IslandChunk {
  mount(host: HostElement, env: ClientEnv): void;
}

/** How to fetch an island's chunk, by island name; rejects for a name the build has no island for. */
export type IslandLoader = (name: string) => Promise<IslandChunk>;

const STATE_ATTRIBUTE = "data-state";

/** The island's hydration state, kept on the element (CSS and tests read it). */
export function hydrationState(host: HostElement): HydrationState {
  const state = host.getAttribute(STATE_ATTRIBUTE);
  return state === "armed" || state === "loading" || state === "live" || state === "failed" ? state : "static";
}

function move(host: HostElement, event: HydrationEvent): boolean {
  const from = hydrationState(host);
  const to = nextState(from, event);
  if (to === from) return false;
  host.setAttribute(STATE_ATTRIBUTE, to);
  return true;
}

function setControlsEnabled(host: HostElement, enabled: boolean): void {
  const fieldset = host.querySelector(`.${CONTROLS_CLASS}`);
  if (!fieldset) return;
  if (enabled) fieldset.removeAttribute("disabled");
  else fieldset.setAttribute("disabled", "");
}

/**
 * Arms an <hmf-island>: enables its controls and loads its chunk on first
 * interaction (or at once when the URL holds state for it). The returned
 * `trigger` loads now; its promise settles when the island is live or has
 * failed (tests wait on it).
 */
export function armIsland(host: HostElement, loadChunk: IslandLoader, env: ClientEnv): { trigger(): Promise<void> } {
  const name = host.getAttribute("data-island") ?? "";
  let loading: Promise<void> | undefined;
  const listener = (_event: EventLike): void => void trigger();
  const trigger = (): Promise<void> => {
    if (loading) return loading;
    if (!move(host, "trigger")) return Promise.resolve();
    for (const type of TRIGGER_EVENTS) host.removeEventListener(type, listener, { capture: true });
    loading = load();
    return loading;
  };
  const load = async (): Promise<void> => {
    try {
      const chunk = await loadChunk(name);
      chunk.mount(host, env);
      move(host, "loaded");
    } catch (error) {
      move(host, "error");
      setControlsEnabled(host, false);
      showFailure(host, error);
    }
  };
  if (!move(host, "arm")) return { trigger };
  setControlsEnabled(host, true);
  messageElement(host);
  for (const type of TRIGGER_EVENTS) host.addEventListener(type, listener, { capture: true, passive: true });
  if (hasIslandQuery(env.location.search, instanceId(host, name))) void trigger();
  return { trigger };
}

/** The element's data-id when valid, else the island's name (the live island reports a bad id). */
export function instanceId(host: HostElement, name: string): string {
  try {
    return islandId(host.getAttribute("data-id") ?? undefined, name);
  } catch {
    return name;
  }
}

function showFailure(host: HostElement, error: unknown): void {
  const reason = error instanceof Error ? error.message : "unknown error";
  const message = messageElement(host);
  if (message) message.textContent = `The live version of this island could not start (${reason}); the numbers shown are for the inputs above.`;
}
