import type { Browser, Page } from "playwright-core";
import { cellBar, runAll, settled, startLive } from "../../scripts/site/live";
import { gzipBytes } from "./gzip";

/**
 * Live notebooks (src/client/editor, src/client/runtime): what the reader's
 * first edit and first run download, by part; how long the first run takes
 * with the loading; the median of edit + "run this and below" afterwards; and
 * "Run all" per notebook on a fresh page.
 */
export interface LiveCost {
  /** Bytes (gzipped, as served) by part, fetched from the first pointer on a code cell to the end of the first run. */
  parts: Array<{ part: string; gzipBytes: number; files: string[] }>;
  totalGzipBytes: number;
  /** Pointer over a cell → Edit → an edit → Run this and below, until its outputs are shown (ms). */
  firstRunMs: number;
  /** Edit the inputs cell, run it and all below: median over `samples` (ms). */
  editRunBelowMedianMs: number;
  samples: number;
}

/** Names the part a served file belongs to. */
function partOf(path: string): string {
  const name = path.split("/").pop() ?? path;
  if (name.endsWith(".ipynb")) return "the notebook (.ipynb, for sources and download)";
  if (name.endsWith(".css")) return "live notebook CSS";
  if (/^codemirror/.test(name)) return "editor (CodeMirror 6)";
  if (/^lezer/.test(name)) return "TypeScript grammar (Lezer: the editor's highlighting and the type eraser)";
  if (/^strip-types/.test(name)) return "type eraser (TS→JS, page side)";
  if (/^worker/.test(name)) return "runtime worker";
  if (/^live/.test(name)) return "live notebook UI, page side";
  if (/^core/.test(name)) return "the rest of the formula core (src/core; loaded when a cell imports a name from it)";
  if (/^notebook/.test(name)) return "notebook helpers but showIsland (runtime/notebook-part.ts), the part of the core they and the islands use (runtime/core-part.ts), the chart palette and ticks, and the worker's DOM (runtime/worker-dom.ts)";
  if (/^islands/.test(name)) return "showIsland with the islands, their charts and the energy model (loaded when a cell imports showIsland)";
  if (/^plot/.test(name)) return "Observable Plot + d3 (its common members, runtime/plot.ts; no d3-geo)";
  if (/^rehype-raw/.test(name)) return "raw HTML in Markdown (rehype-raw, parse5)";
  if (/^markdown|^hast-util-to-html|^space-separated/.test(name)) return "Markdown renderer (the build's pipeline)";
  if (/^katex/.test(name)) return "KaTeX (text/latex outputs)";
  if (/^files/.test(name)) return "virtual files (node:fs)";
  return `other (${name})`;
}

async function inputsCell(page: Page): Promise<number> {
  return Number(await page.locator(".cell-code", { hasText: "const presetId" }).first().getAttribute("data-cell"));
}

async function setSource(page: Page, cell: number, source: string): Promise<void> {
  const content = page.locator(`.cell-code[data-cell="${cell}"] .cm-content`);
  await content.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(source);
}

const inputs = (context: number) => `const presetId: string = "llama-3.1-8b";\nconst pastedConfig = "";\nconst context = ${context};\n`;

export async function measureLiveNotebook06(browser: Browser, url: string, outDir: string, samples = 20): Promise<LiveCost> {
  const context = await browser.newContext();
  await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  const origin = new URL(url).origin;
  const fetched = new Set<string>();
  try {
    const page = await context.newPage();
    await page.goto(`${url}notebooks/07-your-model/`, { waitUntil: "networkidle" });
    // Requests of the page and of its worker, from the first interaction on.
    context.on("requestfinished", (request) => void fetched.add(request.url()));
    const started = performance.now();
    await startLive(page);
    const cell = await inputsCell(page);
    await cellBar(page, cell).getByRole("button", { name: "Edit" }).click();
    await setSource(page, cell, inputs(8192));
    await cellBar(page, cell).getByRole("button", { name: "Run this and below" }).click();
    await settled(page);
    const firstRunMs = performance.now() - started;
    await page.waitForLoadState("networkidle");
    const byPart = new Map<string, { gzipBytes: number; files: string[] }>();
    for (const file of fetched) {
      if (!file.startsWith(origin)) continue;
      const path = new URL(file).pathname;
      const part = partOf(path);
      const entry = byPart.get(part) ?? { gzipBytes: 0, files: [] };
      entry.gzipBytes += gzipBytes(outDir, file, origin);
      entry.files.push(path);
      byPart.set(part, entry);
    }
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      await setSource(page, cell, inputs(1024 + i * 512));
      const start = performance.now();
      await cellBar(page, cell).getByRole("button", { name: "Run this and below" }).click();
      await settled(page);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const parts = [...byPart].map(([part, entry]) => ({ part, ...entry })).sort((a, b) => b.gzipBytes - a.gzipBytes);
    return {
      parts,
      totalGzipBytes: parts.filter((part) => !part.part.startsWith("the notebook")).reduce((sum, part) => sum + part.gzipBytes, 0),
      firstRunMs,
      editRunBelowMedianMs: times[Math.floor(times.length / 2)] ?? NaN,
      samples,
    };
  } finally {
    await context.close();
  }
}

/**
 * "Run all" on a fresh page, loading included (pointer over a cell → every cell run); then the first code
 * cell's editor opened: what that notebook's first edit and full run download (gzipped; the .ipynb apart).
 */
export async function runAllCost(browser: Browser, url: string, outDir: string, path: string): Promise<{ ms: number; failed: number; gzipBytes: number }> {
  const context = await browser.newContext();
  await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  const origin = new URL(url).origin;
  const fetched = new Set<string>();
  try {
    const page = await context.newPage();
    await page.goto(url + path, { waitUntil: "networkidle" });
    context.on("requestfinished", (request) => void fetched.add(request.url()));
    const started = performance.now();
    await startLive(page);
    await runAll(page);
    const ms = performance.now() - started;
    const failed = await page.locator('.cell-code[data-live="error"]').count();
    await page.locator(".cell-code").first().locator(".live-cell-bar").getByRole("button", { name: "Edit" }).click();
    await page.locator(".cell-code .cm-content").first().waitFor();
    await page.waitForLoadState("networkidle");
    const files = [...fetched].filter((file) => file.startsWith(origin) && !new URL(file).pathname.endsWith(".ipynb"));
    return { ms, failed, gzipBytes: files.reduce((sum, file) => sum + gzipBytes(outDir, file, origin), 0) };
  } finally {
    await context.close();
  }
}
