import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContextOptions } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser";
import type { PageGlobals } from "../../scripts/site/page-globals";
import { site } from "./setup/sites";

/**
 * Light, dark and mobile screenshots of the main pages, saved under
 * test-output/screenshots/ to be looked at. The checks are what a screenshot
 * would show going wrong: the colour scheme not applied, a page wider than a
 * phone, margin notes not folded into the text.
 */
const OUT = join(process.cwd(), "test-output", "screenshots");
const MODES: Record<string, BrowserContextOptions> = {
  light: { viewport: { width: 1360, height: 900 }, colorScheme: "light" },
  dark: { viewport: { width: 1360, height: 900 }, colorScheme: "dark" },
  mobile: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: "light" },
};
const PAGES = [
  ["fixture", "", "landing"],
  ["fixture", "post/", "post"],
  ["fixture", "notebooks/01-first/", "notebook"],
  ["fixture", "notebooks/02-islands/", "islands"],
  ["real", "", "real-landing"],
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(Object.keys(MODES))("%s", (mode) => {
  it.each(PAGES)("%s site /%s (%s)", async (siteName, path, label) => {
    const context = await browser.newContext(MODES[mode]);
    try {
      const page = await context.newPage();
      await page.goto(site(siteName).url + path, { waitUntil: "networkidle" });
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready);
      await page.screenshot({ path: join(OUT, `${label}-${mode}.png`), fullPage: true });

      const background: string = await page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
        return getComputedStyle(document.body).backgroundColor;
      });
      const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
      const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      if (mode === "dark") expect(luminance).toBeLessThan(0.2);
      else expect(luminance).toBeGreaterThan(0.8);

      if (mode === "mobile") {
        const overflow: number = await page.evaluate(() => {
          const { document, window } = globalThis as unknown as PageGlobals;
          return document.documentElement.scrollWidth - window.innerWidth;
        });
        expect(overflow).toBeLessThanOrEqual(0);
        const floats: string[] = await page.evaluate(() => {
          const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
          return [...document.querySelectorAll(".margin-note")].map((note) => getComputedStyle(note).float);
        });
        for (const float of floats) expect(float).toBe("none");
      }
    } finally {
      await context.close();
    }
  });
});

describe("print", () => {
  it("leaves out the controls, unfolds code and output, and prints link targets", async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
    try {
      const page = await context.newPage();
      await page.goto(`${site("fixture").url}notebooks/01-first/`, { waitUntil: "networkidle" });
      await page.emulateMedia({ media: "print" });
      await page.evaluate(() => (globalThis as unknown as PageGlobals).window.dispatchEvent(new Event("beforeprint")));
      await page.screenshot({ path: join(OUT, "notebook-print.png"), fullPage: true });
      const shown = await page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
        const display = (selector: string): string => getComputedStyle(document.querySelector(selector)).display;
        return {
          header: display(".site-header"),
          toc: display(".toc"),
          prevNext: display(".prev-next"),
          folded: [...document.querySelectorAll("details.fold")].every((details) => details.open),
        };
      });
      expect(shown).toEqual({ header: "none", toc: "none", prevNext: "none", folded: true });
      expect(await page.locator("details.cell-outputs .stream-text").isVisible()).toBe(true);
      const linkTarget = await page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
        return getComputedStyle(document.querySelector('main a[href^="https://arxiv.org"]'), "::after").content as string;
      });
      expect(linkTarget).toBe('" (https://arxiv.org/abs/2001.08361)"');

      await page.goto(`${site("fixture").url}notebooks/02-islands/`, { waitUntil: "networkidle" });
      const controls = await page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
        return [...document.querySelectorAll("hmf-island input, hmf-island select, hmf-island textarea")].map((control) => getComputedStyle(control).display);
      });
      expect(controls.length).toBeGreaterThan(0);
      for (const display of controls) expect(display).toBe("none");
    } finally {
      await context.close();
    }
  });
});
