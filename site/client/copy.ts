/**
 * Copies a code cell's source: what the reader sees, so an edited cell of a
 * live notebook (src/client/editor) copies its edits.
 */
export async function copyCode(button: HTMLButtonElement): Promise<void> {
  const input = button.closest(".cell-input");
  const code = input?.querySelector<HTMLElement>(".cm-content") ?? input?.querySelector<HTMLElement>("pre.live-source") ?? input?.querySelector<HTMLElement>("pre");
  if (!code) return;
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(code.innerText.replace(/\n$/, ""));
    button.textContent = "Copied";
  } catch {
    // No clipboard access (an insecure origin, a refused permission): select the code for Ctrl+C.
    getSelection()?.selectAllChildren(code);
    button.textContent = "Selected: press Ctrl+C";
  }
  setTimeout(() => (button.textContent = label), 2000);
}
