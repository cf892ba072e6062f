import type { Browser } from "playwright-core";

/** What the first search costs: every file fetched from /pagefind/ (sizes as served; Pagefind's index is pre-compressed). */
export async function searchCost(browser: Browser, url: string): Promise<{ files: number; bytes: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    let bytes = 0;
    let files = 0;
    page.on("response", async (response) => {
      if (!new URL(response.url()).pathname.startsWith("/pagefind/")) return;
      files += 1;
      bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const box = page.locator("#site-search-input");
    await box.focus();
    await box.pressSequentially("tokens", { delay: 20 });
    await page.locator("[data-search-results] li").first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle");
    return { files, bytes };
  } finally {
    await context.close();
  }
}
