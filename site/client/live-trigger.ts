/**
 * Loads the live notebook (src/client/editor) on the reader's first pointer,
 * touch or focus on a code cell, or at once when the link holds edits. Before
 * that, a notebook page loads nothing more than this listener.
 */
export function initLiveCells(): void {
  const body = document.querySelector(".notebook-body");
  if (!body?.querySelector(".cell-code")) return;
  const load = (): unknown => import("./live").then((live) => live.startLive());
  if (location.hash.startsWith("#edits=")) return void load();
  for (const type of ["pointerover", "focusin", "touchstart"]) {
    body.addEventListener(type, (event) => (event.target as Element).closest?.(".cell-code") && load(), { passive: true, once: false });
  }
}
