import { readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchedPage, type PageProblems } from "./browser";
import { site } from "./setup/sites";

/**
 * The live recalculation islands, through the contract the site renders
 * (<hmf-island data-island data-props data-id> around the static fallback,
 * src/client/index.ts loaded by every page): they start on first
 * interaction, recompute on input, redraw their charts, read pasted configs,
 * and keep their state in the URL. Run on the fixture page with all five.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PAGE = () => `${site("fixture").url}notebooks/02-islands/`;
const island = (page: Page, name: string): Locator => page.locator(`hmf-island[data-island="${name}"]`);
const outputText = (host: Locator) => host.locator(".hmf-island-output").innerText();
const clean: PageProblems = { console: [], exceptions: [], csp: [], requests: [] };

async function withPage(run: (page: Page, problems: PageProblems) => Promise<void>, url = PAGE()): Promise<void> {
  const context = await browser.newContext();
  try {
    const { page, problems } = await watchedPage(context);
    await page.goto(url, { waitUntil: "networkidle" });
    await run(page, problems);
  } finally {
    await context.close();
  }
}

/** Nudges a slider with the keyboard, as a reader would, and waits for the island to be live. */
async function nudge(host: Locator, slider: Locator, key: "ArrowRight" | "ArrowLeft" | "PageUp" | "PageDown", times = 5): Promise<void> {
  await slider.focus();
  await expect.poll(() => host.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
  for (let i = 0; i < times; i++) await slider.press(key);
}

describe("live islands", () => {
  it("load no island code before interaction", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
      });
      await page.goto(PAGE(), { waitUntil: "networkidle" });
      expect(await page.locator("hmf-island").evaluateAll((hosts) => hosts.map((host) => host.getAttribute("data-state")))).toEqual(["armed", "armed", "armed", "armed", "armed"]);
      expect(scripts.filter((path) => /formula-explorer|context-sweep|your-model|three-answers|energy/.test(path))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("moving a slider changes the numbers", async () => {
    await withPage(async (page, problems) => {
      const host = island(page, "formula-explorer");
      const before = await outputText(host);
      await nudge(host, host.locator('input[type="range"][name="s.slider"]'), "PageDown", 3);
      await expect.poll(() => outputText(host)).not.toBe(before);
      expect(await host.locator('input[name="s"]').inputValue()).not.toBe("128000");
      expect(problems).toEqual(clean);
    });
  });

  it("moving a slider redraws the chart", async () => {
    await withPage(async (page, problems) => {
      const host = island(page, "context-sweep");
      // The chart itself (the legend's swatches before it never change).
      const chart = () => host.locator(".hmf-island-output svg.hmf-chart-sweep").innerHTML();
      const before = await chart();
      await nudge(host, host.locator('input[type="range"]').last(), "PageDown", 4);
      await expect.poll(chart).not.toBe(before);
      expect(await host.locator(".hmf-island-output svg").count()).toBeGreaterThan(0);
      expect(problems).toEqual(clean);
    });
  });

  it("a pasted config.json updates the breakdown; a bad one shows a message naming the problem", async () => {
    await withPage(async (page, problems) => {
      const host = island(page, "your-model");
      const paste = host.locator('textarea[name="config"]');
      await paste.focus();
      await expect.poll(() => host.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");

      await paste.fill(readFileSync("test/fixtures/configs/mistral-7b-v0.1.json", "utf8"));
      // Mistral 7B v0.1: 7,241,732,096 parameters (the published count).
      await expect.poll(() => outputText(host)).toContain("7,241,732,096");

      const good = await outputText(host);
      await paste.fill('{ "model_type": "llama", "hidden_size": 4096, ');
      const message = host.locator(".hmf-island-message");
      await expect.poll(() => message.innerText()).toMatch(/config\.json/);
      expect(await paste.getAttribute("aria-invalid")).toBe("true");
      expect(await outputText(host)).toBe(good);

      await paste.fill(JSON.stringify({ model_type: "llama", hidden_size: 4096, num_attention_heads: 30, num_hidden_layers: 2, vocab_size: 1000, intermediate_size: 11008 }));
      await expect.poll(() => message.innerText()).toMatch(/num_attention_heads|hidden_size/);
      expect(problems).toEqual(clean);
    });
  });

  it("the formula explorer's token-flow figure follows its sliders: attention's share shrinks with S", async () => {
    await withPage(async (page, problems) => {
      const host = island(page, "formula-explorer");
      const share = () => host.locator(".hmf-token-flow .hmf-flow-attention .hmf-flow-share").getAttribute("width");
      const slider = host.locator('input[type="range"][name="s.slider"]');
      await nudge(host, slider, "PageDown", 1);
      await expect.poll(() => host.locator(".hmf-token-flow figcaption").innerText()).not.toContain("S = 128,000");
      const before = Number(await share());
      for (let i = 0; i < 3; i++) await slider.press("PageDown");
      // Fewer keys to read: the attention block's fill (its share of the token's FLOPs) narrows.
      await expect.poll(async () => Number(await share())).toBeLessThan(before);
      // The exact figures on hover agree with the S the controls show: attention is 4·L·S·E FLOPs.
      const S = Number(await host.locator('input[name="s"]').inputValue());
      const [E, L] = [Number(await host.locator('input[name="e"]').inputValue()), Number(await host.locator('input[name="l"]').inputValue())];
      const title = await host.locator(".hmf-token-flow .hmf-flow-attention title").textContent();
      expect(title).toContain(`${(4n * BigInt(L) * BigInt(S) * BigInt(E)).toLocaleString("en-US")} FLOPs`);
      expect(problems).toEqual(clean);
    });
  });

  it("your model: a pasted config.json is named, charted, and restored from the link (compressed)", async () => {
    const config = readFileSync("test/fixtures/configs/mistral-7b-v0.1.json", "utf8");
    let url = "";
    await withPage(async (page, problems) => {
      const host = island(page, "your-model");
      const paste = host.locator('textarea[name="config"]');
      await paste.focus();
      await expect.poll(() => host.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
      await paste.fill(config);
      // This config.json carries no _name_or_path, so it is "Your model", not its class name MistralForCausalLM.
      await expect.poll(() => host.locator(".hmf-ym-model strong").innerText()).toBe("Your model");
      expect(await host.locator(".hmf-ym-sweep svg.hmf-chart-sweep g.hmf-series-withCache path").count()).toBe(1);
      const id = (await host.getAttribute("data-id")) ?? "your-model";
      await expect.poll(() => new URL(page.url()).searchParams.get(`${id}.config`), { timeout: 10_000 }).toMatch(/^[A-Za-z0-9_-]+$/);
      url = page.url();
      // Deflated, the link is shorter than the pasted text.
      expect((new URL(url).searchParams.get(`${id}.config`) ?? "").length).toBeLessThan(config.length);
      expect(problems).toEqual(clean);
    });
    await withPage(async (page, problems) => {
      const host = island(page, "your-model");
      await expect.poll(() => host.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
      await expect.poll(() => host.locator('textarea[name="config"]').inputValue()).toBe(config);
      // Mistral 7B v0.1: 7,241,732,096 parameters (the published count).
      await expect.poll(() => outputText(host)).toContain("7,241,732,096");
      expect(problems).toEqual(clean);
    }, url);
  });

  it("keeps its state in the URL, and a shared URL opens the same view", async () => {
    let url = "";
    let shown = "";
    await withPage(async (page) => {
      const host = island(page, "formula-explorer");
      await nudge(host, host.locator('input[type="range"][name="l.slider"]'), "ArrowLeft", 10);
      // L starts at 100; ten steps down is 90, written to the URL once the reader pauses.
      await expect.poll(() => new URL(page.url()).searchParams.get("formula-explorer-1.l"), { timeout: 10_000 }).toBe("90");
      url = page.url();
      shown = await outputText(host);
    });
    await withPage(async (page, problems) => {
      const host = island(page, "formula-explorer");
      // State in the URL starts the island at once, without interaction.
      await expect.poll(() => host.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
      await expect.poll(() => outputText(host)).toBe(shown);
      expect(await host.locator('input[name="l"]').inputValue()).toBe("90");
      expect(problems).toEqual(clean);
    }, url);
  });

  it("the energy island recomputes time, energy and cost and redraws its roofline", async () => {
    await withPage(async (page, problems) => {
      const host = island(page, "energy");
      const energyRow = () => host.locator(".hmf-en-phases tbody tr", { hasText: "Energy per token" }).innerText();
      const chart = () => host.locator(".hmf-island-output svg.hmf-chart-roofline").innerHTML();
      const before = [await energyRow(), await chart()];
      await nudge(host, host.locator('input[name="batch.slider"]'), "PageUp", 3);
      await expect.poll(energyRow).not.toBe(before[0]);
      await expect.poll(chart).not.toBe(before[1]);
      await host.locator('select[name="gpu"]').selectOption("b200");
      await expect.poll(() => host.locator(".hmf-en-setup").innerText()).toContain("NVIDIA B200");
      await host.locator('input[name="watts"]').fill("lots");
      // Named by the label the reader sees ("Power"), not the URL key.
      await expect.poll(() => host.locator(".hmf-island-message").innerText()).toMatch(/^Power: /);
      expect(await host.locator('input[name="watts"]').getAttribute("aria-invalid")).toBe("true");
      await host.locator('input[name="watts"]').fill("");
      await expect.poll(() => page.url(), { timeout: 5000 }).toContain("gpu=b200");
      expect(problems).toEqual(clean);
    });
  });

  it("the energy island of notebook 9 prices speculative decoding and an fp8 KV cache, and keeps them in the URL", async () => {
    await withPage(async (page, problems) => {
      const host = island(page, "energy");
      const table = () => host.locator(".hmf-en-speculative tbody").innerText();
      await host.locator('select[name="model"]').focus();
      await expect.poll(() => host.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
      // Llama 3.1 70B drafted by Llama 3.1 8B, α = 80%, γ = 4: (1 − 0.8^5) / 0.2 = 3.36 tokens per iteration.
      expect(await host.locator(".hmf-en-speculative caption").innerText()).toContain("3.36 tokens per sequence per iteration");
      const before = await table();
      await host.locator('input[name="alpha"]').fill("50");
      await expect.poll(table).not.toBe(before);
      await host.locator('select[name="kv"]').selectOption("fp8");
      await expect.poll(() => host.locator(".hmf-en-setup").innerText()).toContain("KV cache in fp8");
      // A model the draft cannot serve switches speculation off.
      await host.locator('select[name="model"]').selectOption("llama-2-7b");
      await expect.poll(() => host.locator(".hmf-en-speculative").count()).toBe(0);
      await host.locator('select[name="model"]').selectOption("llama-3.1-70b");
      await host.locator('select[name="draft"]').selectOption("llama-3.1-8b");
      await expect.poll(() => page.url(), { timeout: 5000 }).toContain("draft=llama-3.1-8b");
      expect(page.url()).toContain("alpha=50");
      expect(problems).toEqual(clean);
    }, `${site("real").url}notebooks/09-inference-arithmetic/`);
  });

  it("a hostile URL value is refused with a message, not executed", async () => {
    const url = `${PAGE()}?formula-explorer-1.s=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`;
    await withPage(async (page, problems) => {
      let dialogs = 0;
      page.on("dialog", (dialog) => {
        dialogs += 1;
        void dialog.dismiss();
      });
      const host = island(page, "formula-explorer");
      await expect.poll(() => host.getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
      await expect.poll(() => host.locator(".hmf-island-message").innerText()).toMatch(/\bs\b/);
      expect(await page.locator("img[src=x]").count()).toBe(0);
      expect(dialogs).toBe(0);
      expect(problems.csp).toEqual([]);
      expect(problems.exceptions).toEqual([]);
    }, url);
  });
});
