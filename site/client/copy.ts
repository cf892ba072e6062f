/**
 * Copies a code cell's source: what the reader sees, so an edited cell of a
 * live notebook (src/client/editor) copies its edits. The button says what
 * happened (its label is CSS, from data-state) for two seconds.
 */
export async function copyCode(button: HTMLButtonElement): Promise<void> {
  const input = button.closest(".cell-input");
  const code = input?.querySelector<HTMLElement>(".cm-content") ?? input?.querySelector<HTMLElement>("pre.live-source") ?? input?.querySelector<HTMLElement>("pre");
  if (!code) return;
  const label = button.getAttribute("aria-label") ?? "";
  let state: "copied" | "selected";
  try {
    await navigator.clipboard.writeText(code.innerText.replace(/\n$/, ""));
    state = "copied";
  } catch {
    // No clipboard access (an insecure origin, a refused permission): select the code for Ctrl+C.
    getSelection()?.selectAllChildren(code);
    state = "selected";
  }
  button.dataset.state = state;
  button.setAttribute("aria-label", state === "copied" ? "Copied" : "Selected: press Ctrl+C to copy");
  setTimeout(() => {
    delete button.dataset.state;
    button.setAttribute("aria-label", label);
  }, 2000);
}
