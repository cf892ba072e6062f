import type { Page } from "playwright-core";
import type { PageGlobals } from "../../scripts/site/page-globals";

/** Script URLs the page has fetched so far: <script src>, module imports and modulepreloads, dynamic imports. */
export function scriptsLoaded(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document, performance } = globalThis as unknown as PageGlobals;
    const urls = new Set<string>();
    for (const entry of performance.getEntriesByType("resource") as Array<{ name: string; initiatorType: string }>) {
      const path = new URL(entry.name).pathname;
      if (entry.initiatorType === "script" || path.endsWith(".js") || path.endsWith(".mjs")) urls.add(entry.name);
    }
    for (const script of document.querySelectorAll("script[src]") as Array<{ src: string }>) urls.add(script.src);
    return [...urls];
  });
}
