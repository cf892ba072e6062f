/**
 * The browser globals that code passed to page.evaluate() uses. The project's
 * root tsconfig has no DOM library (so that src/ stays DOM-free), so callbacks
 * that run in the page take their globals from here:
 * `const { document } = globalThis as unknown as PageGlobals;`.
 * Loosely typed on purpose: this code is checked by running in Chromium.
 */
/* The browser's objects, as the page sees them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Browser = any;

export interface PageGlobals {
  document: Browser;
  window: Browser;
  localStorage: Browser;
  performance: Browser;
  MutationObserver: Browser;
  Event: Browser;
  getComputedStyle(element: unknown, pseudoElement?: string): Browser;
  requestAnimationFrame(callback: () => void): number;
}
