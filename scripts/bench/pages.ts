import type { Browser } from "playwright-core";
import { gzipBytes } from "./gzip";
import { scriptsLoaded } from "./scripts";

export interface PageWeight {
  path: string;
  scripts: string[];
  gzipBytes: number;
}

/** JavaScript each page loads before any interaction (load, network idle, no input), gzipped. */
export async function pageWeights(browser: Browser, url: string, outDir: string, paths: readonly string[]): Promise<PageWeight[]> {
  const weights: PageWeight[] = [];
  for (const path of paths) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url + path, { waitUntil: "networkidle" });
      const scripts = await scriptsLoaded(page);
      const origin = new URL(url).origin;
      weights.push({ path: `/${path}`, scripts: scripts.map((s) => new URL(s).pathname), gzipBytes: scripts.reduce((sum, s) => sum + gzipBytes(outDir, s, origin), 0) });
    } finally {
      await context.close();
    }
  }
  return weights;
}
