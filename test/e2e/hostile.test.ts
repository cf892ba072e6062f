import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageGlobals } from "../../site/tooling/page-globals";
import { launchBrowser, watchedPage, type PageProblems } from "./browser";
import { site } from "./setup/sites";

/**
 * Hostile input through every input of every island, in real Chromium under
 * the site's Content-Security-Policy: script tags, event-handler attributes,
 * javascript: URLs and HTML inside strings, typed into every text box, pasted
 * as a config.json, and carried in the URL state. Nothing may run: no dialog,
 * no global set by a payload, no element a payload describes, no CSP
 * violation (which would mean something tried to run), no uncaught error.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  const dir = join(import.meta.dirname, "..", "..", "test-output", "hostile");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "summary.json"), `${JSON.stringify(tried, null, 2)}\n`);
});

const PAGE = () => `${site("fixture").url}notebooks/02-islands/`;
const ISLANDS = ["formula-explorer", "three-answers", "context-sweep", "your-model", "energy"] as const;

/** Each payload, if it ran, would set window.__pwned or open a dialog. */
const PAYLOADS = [
  "<script>window.__pwned = 1</script>",
  '"><img src=x onerror="window.__pwned = 1">',
  "<svg onload=window.__pwned=1>",
  "javascript:window.__pwned=1",
  "'; window.__pwned = 1; '",
  "<a href=\"javascript:alert(1)\">click</a>",
  "{{constructor.constructor('window.__pwned = 1')()}}",
  "${window.__pwned = 1}",
  "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
];

/** Fewer for URL state: each one is a fresh page load. */
const URL_PAYLOADS = [PAYLOADS[0]!, PAYLOADS[1]!, PAYLOADS[3]!, PAYLOADS[6]!];

/** The URL-state keys of each island (see each definition's toQuery). */
const QUERY_KEYS: Record<(typeof ISLANDS)[number], string[]> = {
  "formula-explorer": ["e", "v", "s", "h", "l"],
  "three-answers": ["model", "s"],
  "context-sweep": ["model", "from", "to"],
  "your-model": ["model", "spec", "s", "dtype"],
  energy: ["model", "gpu", "batch", "s", "gpus", "dtype", "watts"],
};

const tried: Record<string, number> = {};
function count(kind: string): void {
  tried[kind] = (tried[kind] ?? 0) + 1;
}

async function withPage(url: string, run: (page: Page, problems: PageProblems, dialogs: string[]) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  try {
    const { page, problems } = await watchedPage(context);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url, { waitUntil: "networkidle" });
    await run(page, problems, dialogs);
  } finally {
    await context.close();
  }
}

async function live(host: Locator): Promise<void> {
  await host.locator("input, select, textarea").first().focus();
  await expect.poll(() => host.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
}

/** Nothing ran and nothing a payload describes made it into the page as markup. */
async function expectNothingRan(page: Page, problems: PageProblems, dialogs: string[], where: string): Promise<void> {
  const state = await page.evaluate(() => {
    const { document, window } = globalThis as unknown as PageGlobals & { window: { __pwned?: unknown } };
    return {
      pwned: window.__pwned ?? null,
      injected: document.querySelectorAll("img[src=x], iframe, svg[onload], [onerror], [onload], a[href^='javascript:'], main script").length,
    };
  });
  expect({ where, ...state, dialogs, csp: problems.csp, exceptions: problems.exceptions }).toEqual({
    where, pwned: null, injected: 0, dialogs: [], csp: [], exceptions: [],
  });
}

describe("hostile input never runs", () => {
  for (const name of ISLANDS) {
    it(`${name}: payloads typed into every text box are refused or shown as text`, async () => {
      await withPage(PAGE(), async (page, problems, dialogs) => {
        const host = page.locator(`hmf-island[data-island="${name}"]`);
        await live(host);
        const boxes = host.locator('input:not([type]), input[type="text"], textarea');
        const total = await boxes.count();
        expect(total, `${name} has text inputs`).toBeGreaterThan(0);
        for (let i = 0; i < total; i++) {
          const box = boxes.nth(i);
          const field = (await box.getAttribute("name")) ?? `#${i}`;
          for (const payload of PAYLOADS) {
            await box.fill(payload);
            count(`${name}: typed`);
            // The island answers every input: a message for a bad value, or (pasted JSON) an import error.
            await expect.poll(() => host.locator(".hmf-island-message").count(), { timeout: 5000 }).toBeGreaterThan(0);
            await expectNothingRan(page, problems, dialogs, `${name} ${field} ← ${payload}`);
          }
        }
      });
    });

    it(`${name}: payloads in every URL state key are refused with a message`, async () => {
      const id = `${name}-1`;
      for (const key of QUERY_KEYS[name]) {
        for (const payload of URL_PAYLOADS) {
          const url = `${PAGE()}?${encodeURIComponent(`${id}.${key}`)}=${encodeURIComponent(payload)}`;
          await withPage(url, async (page, problems, dialogs) => {
            const host = page.locator(`hmf-island[data-id="${id}"]`);
            await expect.poll(() => host.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
            await expect.poll(() => host.locator(".hmf-island-message").innerText(), { timeout: 5000 }).toMatch(new RegExp(`\\b${key}\\b`));
            count(`${name}: URL`);
            await expectNothingRan(page, problems, dialogs, `${url}`);
          });
        }
      }
    });
  }

  it("your-model: a config.json whose strings and keys carry payloads is imported and every string shown as text", async () => {
    await withPage(PAGE(), async (page, problems, dialogs) => {
      const host = page.locator('hmf-island[data-island="your-model"]');
      await live(host);
      const box = host.locator('textarea[name="config"]');
      for (const payload of PAYLOADS) {
        const config = {
          model_type: "llama", _name_or_path: payload, hidden_size: 256, intermediate_size: 512, num_hidden_layers: 2,
          num_attention_heads: 4, vocab_size: 1000, [payload]: payload,
        };
        await box.fill(JSON.stringify(config));
        count("your-model: pasted config");
        // The name and the unknown key are shown, literally, as text.
        await expect.poll(() => host.locator(".hmf-island-output").innerText(), { timeout: 5000 }).toContain(payload.slice(0, 20));
        await expectNothingRan(page, problems, dialogs, `config with ${payload}`);
      }
      for (const payload of PAYLOADS) {
        await box.fill(JSON.stringify({ model_type: payload }));
        count("your-model: pasted config");
        await expect.poll(() => host.locator(".hmf-island-message").innerText(), { timeout: 5000 }).toMatch(/(^|: )model_type: /);
        await expectNothingRan(page, problems, dialogs, `model_type ${payload}`);
      }
    });
  });
});
