/**
 * Runs an action once input has paused: the URL is rewritten after a slider
 * stops, not on each of its hundred steps.
 */

/** The timer functions used (window's in a browser; fakes in tests). */
export interface Timers {
  setTimeout(handler: () => void, timeout: number): unknown;
  clearTimeout(handle: any): void;
}

/** A debounced action. */
export interface Debounced {
  /** (Re)starts the wait; the action runs `delay` ms after the last call. */
  schedule(): void;
  /** Runs a pending action now. */
  flush(): void;
  /** Drops a pending action. */
  cancel(): void;
  readonly pending: boolean;
}

/** `action`, run once `delay` ms after the last `schedule()`. */
export function debounce(action: () => void, delay: number, timers: Timers): Debounced {
  let handle: unknown;
  let pending = false;
  const run = (): void => {
    pending = false;
    handle = undefined;
    action();
  };
  return {
    schedule() {
      if (pending) timers.clearTimeout(handle);
      pending = true;
      handle = timers.setTimeout(run, delay);
    },
    flush() {
      if (!pending) return;
      timers.clearTimeout(handle);
      run();
    },
    cancel() {
      if (pending) timers.clearTimeout(handle);
      pending = false;
      handle = undefined;
    },
    get pending() {
      return pending;
    },
  };
}
