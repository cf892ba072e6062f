import { parseHTML } from "linkedom";
import type { ClientEnv, HostElement } from "../../src/client/dom";
import { renderIslandPayload } from "../../src/islands/index";

/** Timers driven by hand: `advance(ms)` runs what falls due. */
export function fakeTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    setTimeout(handler: () => void, timeout: number): unknown {
      const id = next++;
      pending.set(id, { at: now + timeout, run: handler });
      return id;
    },
    clearTimeout(handle: unknown): void {
      pending.delete(handle as number);
    },
    advance(ms: number): void {
      now += ms;
      for (const [id, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now) {
          pending.delete(id);
          timer.run();
        }
      }
    },
  };
}

/**
 * A linkedom page holding islands rendered as the site renders them, and an
 * environment whose location and history record what the island writes.
 */
export function islandPage(islands: Array<{ island: string; props: unknown; id?: string }>, search = "") {
  const { document, Event } = parseHTML("<!doctype html><html><body></body></html>");
  document.body.innerHTML = islands.map(({ island, props, id }) => renderIslandPayload({ island, props }, { document, id })).join("");
  const timers = fakeTimers();
  const replaced: string[] = [];
  const location = { search, pathname: "/islands/", hash: "#here" };
  const env: ClientEnv & { advance(ms: number): void } = {
    document,
    location,
    history: {
      state: { kept: true },
      replaceState(_data: unknown, _unused: string, url?: string | null) {
        replaced.push(url ?? "");
        const match = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(url ?? "");
        location.search = match?.[2] ?? "";
      },
    },
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    advance: timers.advance,
  };
  const hosts = [...document.querySelectorAll("hmf-island")] as unknown as HostElement[];
  const host = (i = 0): HostElement => {
    const found = hosts[i];
    if (!found) throw new Error(`no island ${i}`);
    return found;
  };
  /** Sets a control's value and fires `type` on it, as a reader's edit would. */
  const edit = (h: HostElement, name: string, value: string, type = "input"): void => {
    const control = h.querySelector(`[name="${name}"]`) as unknown as { tagName: string; value: string; querySelectorAll(s: string): ArrayLike<{ value: string; selected: boolean }> } | null;
    if (!control) throw new Error(`no control ${name}`);
    if (control.tagName === "SELECT") {
      // Deselect first: linkedom's option.selected setter clears the selected option whenever it is set.
      const options = Array.from(control.querySelectorAll("option"));
      for (const option of options) if (option.value !== value) option.selected = false;
      for (const option of options) if (option.value === value) option.selected = true;
    }
    else control.value = value;
    (control as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(new Event(type, { bubbles: true }));
  };
  const text = (h: HostElement, selector: string): string => (h.querySelector(selector)?.textContent ?? "").replace(/\s+/g, " ").trim();
  const fire = (h: HostElement, type: string): void => (h as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(new Event(type, { bubbles: true }));
  return { document, env, replaced, host, edit, text, fire };
}
