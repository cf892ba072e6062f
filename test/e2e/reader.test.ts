import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser";
import { pagePaths, site } from "./setup/sites";

/**
 * The notebook pages as a reader meets them (issue 12): islands without the
 * code that places them, set-up code folded, a copy button on code, the
 * section in view marked in the table of contents, references at the end, and
 * the notation page one link away from every page.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const built = site("real");
const url = (path: string): string => built.url + path;

describe("reader mode on the real site", () => {
  it("shows notebook 1's island without its code and folds the imports under “Show code”", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url("notebooks/01-the-question/"));
      const island = page.locator(".cell-code", { has: page.locator("hmf-island") });
      await expect.poll(() => island.count()).toBe(1);
      expect(await island.locator(".cell-input").count()).toBe(0);
      const setup = page.locator(".cell-code").first().locator("details.cell-input");
      expect(await setup.locator("summary").textContent()).toBe("Show code");
      expect(await setup.evaluate((details) => (details as unknown as { open: boolean }).open)).toBe(false);
      // The reader's code: the cell that prints the REPL line is open.
      const open = page.locator(".cell-code div.cell-input", { hasText: "console.log(gpt4oRepl.repl.typed)" });
      expect(await open.isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("puts notebook 7's live island before the breakdown", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url("notebooks/07-your-model/"));
      const order = await page.evaluate(() => {
        const { document } = globalThis as unknown as { document: { querySelector(s: string): { compareDocumentPosition(o: unknown): number } | null } };
        const island = document.querySelector("hmf-island");
        const parameters = document.querySelector("h2#parameters");
        return island && parameters ? island.compareDocumentPosition(parameters) : 0;
      });
      // Node.DOCUMENT_POSITION_FOLLOWING = 4: the Parameters section follows the island.
      expect(order & 4).toBe(4);
    } finally {
      await context.close();
    }
  });

  it("copies a code cell's source with its copy button", async () => {
    const context = await browser.newContext();
    try {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(built.url).origin });
      const page = await context.newPage();
      await page.goto(url("notebooks/01-the-question/"));
      const cell = page.locator(".cell-code", { hasText: "console.log(gpt4oRepl.repl.typed)" });
      const button = cell.locator("button.copy-code");
      await expect.poll(() => button.isVisible()).toBe(true);
      await button.click();
      await expect.poll(() => button.getAttribute("data-state")).toBe("copied");
      const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
      expect(copied.startsWith("console.log(gpt4oRepl.repl.typed);\n")).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("marks the section in view in the table of contents", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(url("notebooks/03-first-principles/"));
      const current = () => page.locator(".toc a:target-current").allTextContents();
      await expect.poll(current).toEqual(["One token through one layer"]);
      await page.locator("h2#prefill-against-decode").scrollIntoViewIfNeeded();
      await page.evaluate(() => (globalThis as unknown as { document: { getElementById(id: string): { scrollIntoView(): void } } }).document.getElementById("training-three-forward-passes").scrollIntoView());
      await expect.poll(current).toEqual(["Training: three forward passes"]);
    } finally {
      await context.close();
    }
  });
});

describe("references and notation on the real site", () => {
  const notebooks = pagePaths(built).filter((path) => /^notebooks\/0\d-/.test(path));

  it.each(notebooks)("/%s ends with its references, every one a link", async (path) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url(path));
      const headings = await page.locator(".notebook-body h2").allTextContents();
      expect(headings[headings.length - 1]).toBe("References");
      const items = page.locator("h2#references ~ ul li");
      const count = await items.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) expect(await items.nth(i).locator("a[href^='https://']").count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it.each(pagePaths(built))("/%s links to the notation page", async (path) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url(path));
      expect(await page.locator("header a[href$='/notation/']").count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("the notation page lists E as the post's name for d", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url("notation/"));
      const row = page.locator("table.notation-table tr", { hasText: "hidden size" });
      expect(await row.locator("td").nth(1).textContent()).toContain("the post");
      expect(await page.locator("table.notation-table tbody tr").count()).toBeGreaterThanOrEqual(10);
    } finally {
      await context.close();
    }
  });
});
