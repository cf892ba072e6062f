/**
 * Copy buttons on code cells: the page shows them (they stay hidden without
 * JavaScript, where they could not work) and loads the copying on first click.
 */
export function initCopyButtons(): void {
  const buttons = document.querySelectorAll<HTMLButtonElement>("[data-copy]");
  for (const button of buttons) button.hidden = false;
  if (buttons.length) document.addEventListener("click", (event) => {
    const button = (event.target as Element).closest?.<HTMLButtonElement>("[data-copy]");
    if (button) void import("./copy").then((copy) => copy.copyCode(button));
  });
}
