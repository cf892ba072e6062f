import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchedPage } from "./browser";
import { site } from "./setup/sites";

/** Static search (Pagefind): nothing of it loads before the search box is used; then it finds pages. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("search", () => {
  it("loads on first use and finds the post's words", async () => {
    const context = await browser.newContext();
    try {
      const { page, problems } = await watchedPage(context);
      const requested: string[] = [];
      page.on("request", (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(site("fixture").url, { waitUntil: "networkidle" });
      expect(requested.filter((path) => path.startsWith("/pagefind/"))).toEqual([]);

      const box = page.getByRole("searchbox", { name: "Search the site" });
      await box.focus();
      await box.pressSequentially("quadrillion", { delay: 20 });
      const result = page.locator("[data-search-results] li a").first();
      await result.waitFor();
      expect(requested.some((path) => path === "/pagefind/pagefind.js")).toBe(true);
      const hrefs = await page.locator("[data-search-results] li a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      expect(hrefs).toContain("/post/");
      expect(await page.locator("[data-search-results] mark").first().textContent()).toMatch(/quadrillion/i);

      await box.press("Escape");
      expect(await page.locator("[data-search-results] li").count()).toBe(0);
      expect(problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });
    } finally {
      await context.close();
    }
  });
});
