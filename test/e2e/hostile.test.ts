import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageGlobals } from "../../scripts/site/page-globals";
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
  "your-model": ["model", "spec", "config", "s", "dtype"],
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

/**
 * Live notebooks (src/client/runtime): the reader's cell code runs only in
 * the worker, and what it outputs is sanitised before it reaches the page;
 * a shared link's edits are shown as text and never run.
 */
describe("live notebooks: hostile cell code, outputs and shared links never run on the page", () => {
  const NOTEBOOK = () => `${site("real").url}notebooks/07-your-model/`;

  async function startLive(page: Page): Promise<number> {
    await page.locator(".cell-code").first().hover();
    await page.locator(".live-page-bar").waitFor();
    return Number(await page.locator(".cell-code", { hasText: "const presetId" }).first().getAttribute("data-cell"));
  }

  async function runSource(page: Page, cell: number, source: string): Promise<void> {
    await page.locator(`.cell-code[data-cell="${cell}"] .live-cell-bar`).getByRole("button", { name: "Edit" }).click();
    await page.locator(`.cell-code[data-cell="${cell}"] .cm-content`).click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(source);
    await page.keyboard.press("Shift+Enter");
    await page.waitForFunction(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return document.querySelector('[data-live="running"], .live-slot') === null && document.querySelector("[data-live]") !== null;
    });
  }

  it("HTML, SVG, Markdown and island outputs carrying payloads are sanitised; console.log shows them as text", async () => {
    await withPage(NOTEBOOK(), async (page, problems, dialogs) => {
      const cell = await startLive(page);
      for (const payload of [...PAYLOADS, '<svg><a href="javascript:window.__pwned=1"><text>x</text></a><animate attributeName="href" to="javascript:window.__pwned=1"/><image href="http://127.0.0.2/x.png"/></svg>', "<style>@import url(http://127.0.0.2/x.css); body { background: url(http://127.0.0.2/y.png) }</style>", '<form action="http://127.0.0.2/"><button formaction="javascript:window.__pwned=1">go</button></form>', "<meta http-equiv=refresh content=\"0;url=javascript:window.__pwned=1\"><base href=\"http://127.0.0.2/\">"]) {
        const source = [
          `import { displayBundle, showMarkdown } from "./src/notebook/index";`,
          `const payload = ${JSON.stringify(payload)};`,
          `displayBundle({ data: { "text/html": payload, "text/plain": "x" }, metadata: {} });`,
          `displayBundle({ data: { "image/svg+xml": payload }, metadata: { caption: payload } });`,
          `displayBundle({ data: { "application/vnd.how-many-flops.island+json": { island: "energy", props: { model: payload } }, "text/html": payload }, metadata: {} });`,
          `showMarkdown(payload);`,
          `console.log(payload);`,
        ].join("\n");
        await runSource(page, cell, source);
        count("live: outputs");
        // console.log's text arrives literally.
        await expect.poll(() => page.locator(`.cell-code[data-cell="${cell}"] .live-outputs .output-stream`).textContent()).toBe(`${payload}\n`);
        await expectNothingRan(page, problems, dialogs, `outputs carrying ${payload}`);
        expect(problems.requests.filter((request) => request.includes("127.0.0.2")), payload).toEqual([]);
        const leftovers = await page.locator(`.cell-code[data-cell="${cell}"] .live-outputs`).evaluate((outputs) =>
          [...outputs.querySelectorAll("*")].flatMap((element) => [
            ...(["script", "iframe", "style", "form", "meta", "base", "animate"].includes(element.localName) ? [element.localName] : []),
            // data-* values are text (an island's props, read with JSON.parse and validated), never URLs or code.
            ...[...element.attributes].filter((attribute) => !attribute.name.startsWith("data-")).filter((attribute) => /^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value) || /127\.0\.0\.2/.test(attribute.value)).map((attribute) => `${element.localName}[${attribute.name}]`),
          ]),
        );
        expect(leftovers, payload).toEqual([]);
      }
    });
  });

  it("cell code cannot reach the page, its storage or the network", async () => {
    await withPage(NOTEBOOK(), async (page, problems, dialogs) => {
      const cell = await startLive(page);
      const attempts = [
        "window.__pwned = 1;",
        "document.cookie;",
        "localStorage.setItem('x', '1');",
        "fetch('http://127.0.0.2/');",
        "new XMLHttpRequest();",
        "importScripts('http://127.0.0.2/x.js');",
        "new WebSocket('ws://127.0.0.2/');",
      ];
      for (const attempt of attempts) {
        await runSource(page, cell, attempt);
        count("live: escape attempts");
        // Each fails inside the worker with an error shown as text in the cell.
        await expect.poll(() => page.locator(`.cell-code[data-cell="${cell}"] .output-error`).count(), { timeout: 5000 }).toBe(1);
        await expectNothingRan(page, problems, dialogs, attempt);
      }
      expect(problems.requests.filter((request) => request.includes("127.0.0.2"))).toEqual([]);
    });
  });

  it("a shared link whose edits carry payloads shows them as text and runs nothing; a malformed link is refused with a message", async () => {
    // Build a link the way the page does (deflate-raw, base64url), with the page's own encoder.
    const edited = `${PAYLOADS.join("\n")}\n</pre><script>window.__pwned = 1</script>`;
    let link = "";
    await withPage(NOTEBOOK(), async (page) => {
      const cell = await startLive(page);
      await page.locator(`.cell-code[data-cell="${cell}"] .live-cell-bar`).getByRole("button", { name: "Edit" }).click();
      await page.locator(`.cell-code[data-cell="${cell}"] .cm-content`).click();
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(edited);
      await page.getByRole("button", { name: "Copy link with my edits" }).click();
      await expect.poll(() => page.url()).toContain("#edits=");
      link = page.url();
    });
    await withPage(link, async (page, problems, dialogs) => {
      await expect.poll(() => page.locator("pre.live-source").count()).toBe(1);
      expect(await page.locator("pre.live-source").textContent()).toBe(edited);
      expect(await page.locator("[data-live]").count()).toBe(0);
      count("live: shared link");
      await expectNothingRan(page, problems, dialogs, "shared link with payloads");
    });
    const malformed = ["%3Cscript%3E", "AAAA", "not base64!", "_".repeat(300_000)];
    for (const payload of malformed) {
      await withPage(`${NOTEBOOK()}#edits=${payload}`, async (page, problems, dialogs) => {
        await expect.poll(() => page.locator(".live-page-status").textContent(), { timeout: 15_000 }).toContain("This link's edits were not applied");
        expect(await page.locator("pre.live-source, [data-live]").count()).toBe(0);
        count("live: malformed link");
        await expectNothingRan(page, problems, dialogs, `#edits=${payload.slice(0, 20)}`);
      });
    }
  });
});
