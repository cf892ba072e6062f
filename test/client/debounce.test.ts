import { describe, expect, it } from "vitest";
import { debounce, type Timers } from "../../src/client/debounce";

/** Timers driven by hand: `advance(ms)` runs what falls due. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout(handler, timeout) {
      const id = next++;
      pending.set(id, { at: now + timeout, run: handler });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  const advance = (ms: number): void => {
    now += ms;
    for (const [id, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= now) {
        pending.delete(id);
        timer.run();
      }
    }
  };
  return { timers, advance, count: () => pending.size };
}

describe("debounce", () => {
  it("runs once, delay ms after the last call", () => {
    const { timers, advance, count } = fakeTimers();
    let runs = 0;
    const d = debounce(() => runs++, 300, timers);
    for (let i = 0; i < 50; i++) {
      d.schedule();
      advance(20);
    }
    expect(runs).toBe(0);
    expect(count()).toBe(1);
    advance(279);
    expect(runs).toBe(0);
    advance(1);
    expect(runs).toBe(1);
    expect(d.pending).toBe(false);
  });

  it("flushes a pending run now, and does nothing when none is pending", () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const d = debounce(() => runs++, 300, timers);
    d.flush();
    expect(runs).toBe(0);
    d.schedule();
    d.flush();
    expect(runs).toBe(1);
    advance(1000);
    expect(runs).toBe(1);
  });

  it("cancels a pending run", () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const d = debounce(() => runs++, 300, timers);
    d.schedule();
    d.cancel();
    advance(1000);
    expect(runs).toBe(0);
  });
});
