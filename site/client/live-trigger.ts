/**
 * Loads the live notebook (src/client/editor) on the reader's first pointer,
 * touch or focus on a code cell, or at once when the link holds edits. Before
 * that, a notebook page loads nothing more than this listener.
 */
export function initLiveCells(): void {
  const body = document.querySelector(".notebook-body");
  if (!body?.querySelector(".cell-code")) return;
  const events = ["pointerover", "focusin", "touchstart"] as const;
  const load = (): void => {
    for (const type of events) body.removeEventListener(type, onEvent);
    void import("./live").then((live) => live.startLive());
  };
  const onEvent = (event: Event): void => {
    if ((event.target as Element | null)?.closest?.(".cell-code")) load();
  };
  if (location.hash.startsWith("#edits=")) return load();
  for (const type of events) body.addEventListener(type, onEvent, { passive: true });
}
