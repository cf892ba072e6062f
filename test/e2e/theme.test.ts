import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchedPage } from "./browser";
import type { PageGlobals } from "../../scripts/site/page-globals";
import { site } from "./setup/sites";

/** The theme toggle: dark on request, remembered, applied before the page paints; charts and code follow. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Colours {
  theme: string | null;
  background: string;
  chartText: string | null;
  code: string | null;
}

const colours = (): Colours => {
  const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
  const text = document.querySelector("main figure svg text");
  const token = document.querySelector("main pre.astro-code span span");
  return {
    theme: document.documentElement.dataset.theme ?? null,
    background: getComputedStyle(document.body).backgroundColor,
    chartText: text ? getComputedStyle(text).fill : null,
    code: token ? getComputedStyle(token).color : null,
  };
};
const stored = (): string | null => (globalThis as unknown as PageGlobals).localStorage.getItem("hmf-theme");

describe("dark mode", () => {
  it("follows the system preference with no choice stored", async () => {
    const context = await browser.newContext({ colorScheme: "dark" });
    try {
      const page = await context.newPage();
      await page.goto(`${site("fixture").url}notebooks/01-first/`);
      const dark = await page.evaluate(colours);
      expect(dark.theme).toBeNull();
      expect(dark.background).toBe("rgb(21, 23, 26)");
      expect(dark.chartText).toBe("rgb(228, 230, 232)");
      expect(await page.locator("[data-theme-toggle]").getAttribute("aria-pressed")).toBe("true");
    } finally {
      await context.close();
    }
  });

  it("switches with the toggle, remembers the choice, and applies it before the first paint", async () => {
    const context = await browser.newContext({ colorScheme: "light" });
    try {
      const { page, problems } = await watchedPage(context);
      const url = `${site("fixture").url}notebooks/01-first/`;
      await page.goto(url);
      const light = await page.evaluate(colours);
      expect(light.background).toBe("rgb(253, 253, 251)");
      expect(light.chartText).toBe("rgb(29, 31, 33)");

      const toggle = page.getByRole("button", { name: "Dark mode" });
      expect(await toggle.getAttribute("aria-pressed")).toBe("false");
      await toggle.click();
      expect(await toggle.getAttribute("aria-pressed")).toBe("true");
      const dark = await page.evaluate(colours);
      expect(dark).toMatchObject({ theme: "dark", background: "rgb(21, 23, 26)", chartText: "rgb(228, 230, 232)" });
      expect(dark.code).not.toBe(light.code);
      expect(await page.evaluate(stored)).toBe("dark");

      // On the next page, the stored theme is on the root element before the body is parsed.
      await context.addInitScript(() => {
        const { document, window } = globalThis as unknown as PageGlobals;
        document.addEventListener("readystatechange", () => {
          if (document.readyState === "interactive") window.themeAtParse = document.documentElement.dataset.theme;
        });
      });
      await page.goto(`${site("fixture").url}post/`);
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).window.themeAtParse as string | undefined)).toBe("dark");
      expect((await page.evaluate(colours)).background).toBe("rgb(21, 23, 26)");

      await page.getByRole("button", { name: "Dark mode" }).click();
      expect(await page.evaluate(stored)).toBe("light");
      expect(problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });
    } finally {
      await context.close();
    }
  });
});
