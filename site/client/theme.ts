/**
 * The light/dark toggle. The choice is stored (public/theme-init.js applies
 * it before the next page paints); with no choice stored, or without
 * JavaScript, the page follows the system preference through CSS alone.
 */
const STORAGE_KEY = "hmf-theme";

export function initThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>("[data-theme-toggle]");
  if (!button) return;
  const root = document.documentElement;
  const systemDark = window.matchMedia("(prefers-color-scheme: dark)");
  const current = (): "light" | "dark" => (root.dataset.theme === "light" || root.dataset.theme === "dark" ? root.dataset.theme : systemDark.matches ? "dark" : "light");
  const show = (): void => button.setAttribute("aria-pressed", String(current() === "dark"));
  button.hidden = false;
  show();
  systemDark.addEventListener("change", show);
  button.addEventListener("click", () => {
    const next = current() === "dark" ? "light" : "dark";
    root.dataset.theme = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not stored: the choice lasts for this page only.
    }
    show();
  });
}
