import type { Download, Page } from "playwright-core";

/**
 * Driving a live notebook page (src/client/editor) from the tests and the
 * bench: start it as a reader would (pointer over a code cell), run cells
 * with its buttons, and read back what ran through its "Download .ipynb".
 */

/** Moves the pointer over the first code cell and waits for the live controls. */
export async function startLive(page: Page): Promise<void> {
  await page.locator(".cell-code").first().hover();
  await page.locator(".live-page-bar").waitFor({ state: "visible", timeout: 30_000 });
}

/** The toolbar of the code cell numbered `cell` (1-based position in the notebook). */
export function cellBar(page: Page, cell: number) {
  return page.locator(`.cell-code[data-cell="${cell}"] .live-cell-bar`);
}

/** Clicks a page-level button and waits until no cell is running. */
export async function runAll(page: Page, timeout = 120_000): Promise<void> {
  await page.getByRole("button", { name: "Run all" }).click();
  await settled(page, timeout);
}

/** Waits until the runtime is idle (no cell marked running). */
export async function settled(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const { document } = globalThis as unknown as { document: { querySelector(selector: string): unknown } };
      return document.querySelector('[data-live="running"]') === null && document.querySelector(".live-slot") === null;
    },
    undefined,
    { timeout, polling: 20 },
  );
}

/** The notebook with the reader's sources and last outputs, via the page's own download button. */
export async function downloadNotebook(page: Page): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .ipynb with my edits" }).click()])) as [Download, void];
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
}
