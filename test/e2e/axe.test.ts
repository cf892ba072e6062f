import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser";
import type { PageGlobals } from "../../scripts/site/page-globals";
import { pagePaths, site } from "./setup/sites";

/**
 * axe-core on every page, light and dark: no serious or critical violation.
 * axe is evaluated through the DevTools protocol, which the page's CSP does
 * not apply to, so the page keeps its real policy while being checked.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(["real", "fixture"] as const)("accessibility of the %s site", (name) => {
  const built = site(name);
  describe.each(["light", "dark"] as const)("%s", (scheme) => {
    it.each(pagePaths(built))("/%s", async (path) => {
      const context = await browser.newContext({ colorScheme: scheme });
      try {
        const page = await context.newPage();
        await page.goto(built.url + path, { waitUntil: "networkidle" });
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const { window, document } = globalThis as unknown as PageGlobals;
          const axe = window.axe as { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> };
          const result = await axe.run(document, { resultTypes: ["violations"] });
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
        });
        const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(serious).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
