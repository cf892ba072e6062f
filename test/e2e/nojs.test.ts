import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser";
import type { PageGlobals } from "../../scripts/site/page-globals";
import { pagePaths, site } from "./setup/sites";

/**
 * With JavaScript off the pages are complete: the same text as with
 * JavaScript on, math typeset, charts drawn, islands showing their static
 * numbers, and no control that would do nothing.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The visible text of <main>, whitespace collapsed, leaving out the islands'
 * note for readers without JavaScript (shown only to them, by design).
 */
const mainText = (): string => {
  const { document } = globalThis as unknown as PageGlobals;
  for (const note of document.querySelectorAll(".hmf-island-static-note")) note.remove();
  return (document.querySelector("main").innerText as string).replace(/\s+/g, " ").trim();
};

describe.each(["real", "fixture"] as const)("the %s site without JavaScript", (name) => {
  const built = site(name);

  it.each(pagePaths(built))("/%s shows everything it shows with JavaScript", async (path) => {
    const off = await browser.newContext({ javaScriptEnabled: false });
    const on = await browser.newContext();
    try {
      const staticPage = await off.newPage();
      await staticPage.goto(built.url + path, { waitUntil: "load" });
      const livePage = await on.newPage();
      await livePage.goto(built.url + path, { waitUntil: "load" });
      expect(await staticPage.evaluate(mainText)).toBe(await livePage.evaluate(mainText));

      const counts = (page: typeof staticPage) =>
        page.evaluate(() => {
          const { document } = globalThis as unknown as PageGlobals;
          return {
            math: document.querySelectorAll("main .katex-html").length as number,
            charts: document.querySelectorAll("main svg").length as number,
            islands: document.querySelectorAll("main hmf-island .hmf-island-fallback").length as number,
          };
        });
      expect(await counts(staticPage)).toEqual(await counts(livePage));

      // Search and the theme toggle need JavaScript: without it they are not shown at all.
      expect(await staticPage.locator("[data-search]").isVisible()).toBe(false);
      expect(await staticPage.locator("[data-theme-toggle]").isVisible()).toBe(false);
    } finally {
      await off.close();
      await on.close();
    }
  });
});

describe("islands without JavaScript", () => {
  it("show their numbers and charts, with their controls disabled", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site("fixture").url}notebooks/02-islands/`);
      const islands = page.locator("hmf-island");
      expect(await islands.count()).toBe(5);
      for (const island of await islands.all()) {
        expect(await island.isVisible()).toBe(true);
        expect((await island.innerText()).trim().length).toBeGreaterThan(20);
        const fieldset = island.locator("fieldset.hmf-island-controls");
        if ((await fieldset.count()) > 0) {
          expect(await fieldset.getAttribute("disabled")).not.toBeNull();
          expect(await fieldset.locator(".hmf-island-static-note").isVisible()).toBe(true);
        }
      }
      expect(await page.locator("hmf-island[data-island=context-sweep] .hmf-island-output svg").count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
