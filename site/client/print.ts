/**
 * Paper has no “Show code” to click: folded code and output are opened for
 * printing and folded again afterwards. (Without JavaScript the print
 * stylesheet shows them where the browser supports ::details-content.)
 */
export function initPrinting(): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>("details.fold:not([open])")];
    for (const details of opened) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}
