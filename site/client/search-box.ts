/**
 * The search box costs nothing until it is used: the search code and the
 * Pagefind index load when the box first gets focus (or a key is typed).
 */
export function initSearchBox(): void {
  const form = document.querySelector<HTMLFormElement>("[data-search]");
  const input = form?.querySelector<HTMLInputElement>("input[type=search]");
  const results = form?.querySelector<HTMLElement>("[data-search-results]");
  if (!form || !input || !results) return;
  form.hidden = false;
  form.addEventListener("submit", (event) => event.preventDefault());
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    import("./search").then(({ startSearch }) => startSearch(input, results)).catch((error: unknown) => {
      results.textContent = `Search is unavailable: ${(error as Error).message}`;
    });
  };
  input.addEventListener("focus", start, { once: true });
  input.addEventListener("keydown", start, { once: true });
}
