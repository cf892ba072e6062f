import type { Browser, Page } from "playwright-core";
import type { PageGlobals } from "../../scripts/site/page-globals";
import { gzipBytes } from "./gzip";
import { scriptsLoaded } from "./scripts";

export interface IslandCost {
  island: string;
  /** Page it was measured on. */
  path: string;
  /** Extra script (gzipped) fetched between the first interaction and the island going live. */
  gzipBytes: number;
  scripts: string[];
  /** Median time from a slider input to updated numbers and chart, forced layout included (ms); null without a slider. */
  updateMedianMs: number | null;
  /** Median time from the input to the next animation frame after the update (ms). */
  frameMedianMs: number | null;
  samples: number;
  /** Why it could not be measured, when it could not. */
  problem?: string;
}

const SAMPLES = 50;

/** Measures one island on a page: the code its first interaction loads, and slider → update time. */
export async function measureIsland(browser: Browser, url: string, outDir: string, path: string, island: string): Promise<IslandCost> {
  const context = await browser.newContext();
  // tsx compiles with keepNames, which wraps functions inside page.evaluate in a __name() helper the page lacks.
  await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  const origin = new URL(url).origin;
  try {
    const page = await context.newPage();
    await page.goto(url + path, { waitUntil: "networkidle" });
    const host = page.locator(`hmf-island[data-island="${island}"]`).first();
    const before = new Set(await scriptsLoaded(page));
    const control = host.locator("input, select, textarea").first();
    if ((await control.count()) === 0) return { island, path, gzipBytes: 0, scripts: [], updateMedianMs: null, frameMedianMs: null, samples: 0, problem: "no control to interact with" };
    await control.focus();
    const state = await waitForState(page, island);
    if (state !== "live") return { island, path, gzipBytes: 0, scripts: [], updateMedianMs: null, frameMedianMs: null, samples: 0, problem: `did not go live (state: ${state})` };
    await page.waitForLoadState("networkidle");
    const added = (await scriptsLoaded(page)).filter((s) => !before.has(s));
    const timing = await sliderTiming(page, island);
    return {
      island,
      path,
      gzipBytes: added.reduce((sum, s) => sum + gzipBytes(outDir, s, origin), 0),
      scripts: added.map((s) => new URL(s).pathname),
      ...timing,
    };
  } finally {
    await context.close();
  }
}

async function waitForState(page: Page, island: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  let state = "";
  while (Date.now() < deadline) {
    state = (await page.locator(`hmf-island[data-island="${island}"]`).first().getAttribute("data-state")) ?? "static";
    if (state === "live" || state === "failed") return state;
    await page.waitForTimeout(50);
  }
  return state;
}

/**
 * Sets the island's first slider to values across its range, one input event
 * each, and times (in the page, with performance.now) the synchronous update
 * with a forced layout, and the wait to the next animation frame.
 */
async function sliderTiming(page: Page, island: string): Promise<Pick<IslandCost, "updateMedianMs" | "frameMedianMs" | "samples">> {
  return page.evaluate(
    async ({ island, samples }) => {
      const { document, performance, MutationObserver, Event, requestAnimationFrame } = globalThis as unknown as PageGlobals;
      const host = document.querySelector(`hmf-island[data-island="${island}"]`);
      const slider = host.querySelector('input[type="range"]') as { min: string; max: string; step: string; value: string; dispatchEvent(event: unknown): void } | null;
      if (!slider) return { updateMedianMs: null, frameMedianMs: null, samples: 0 };
      const min = Number(slider.min || 0);
      const max = Number(slider.max || 100);
      const step = Number(slider.step) || 1;
      const updates: number[] = [];
      const frames: number[] = [];
      for (let i = 0; i < samples; i++) {
        // Zig-zag across the range so every input changes the value.
        const t = (i % 10) / 9;
        const value = Math.round((min + (i % 20 < 10 ? t : 1 - t) * (max - min)) / step) * step;
        slider.value = String(value === Number(slider.value) ? Math.min(max, value + step) : value);
        let mutated = false;
        const observer = new MutationObserver(() => (mutated = true));
        observer.observe(host, { subtree: true, childList: true, characterData: true, attributes: true });
        const start = performance.now();
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        void host.getBoundingClientRect().height; // style and layout of the new output
        const updated = performance.now();
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        const frame = performance.now();
        observer.disconnect();
        if (!mutated) continue;
        updates.push(updated - start);
        frames.push(frame - start);
      }
      const median = (values: number[]) => {
        if (values.length === 0) return null;
        const sorted = [...values].sort((a, b) => a - b);
        const mid = Math.floor(sorted.length / 2);
        return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
      };
      return { updateMedianMs: median(updates), frameMedianMs: median(frames), samples: updates.length };
    },
    { island, samples: SAMPLES },
  );
}
