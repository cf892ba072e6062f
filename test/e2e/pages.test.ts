import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchedPage } from "./browser";
import type { PageGlobals } from "../../scripts/site/page-globals";
import { pagePaths, site } from "./setup/sites";

/**
 * Every page of both built sites loads in Chromium with no console error, no
 * uncaught exception, no CSP violation and no failed request; its math is
 * typeset by KaTeX with KaTeX's CSS and fonts; its charts are present with an
 * accessible name.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(["real", "fixture"] as const)("the %s site", (name) => {
  const built = site(name);
  const pages = pagePaths(built);

  it("has the landing page, the post page, the notebook index and one page per notebook", () => {
    expect(pages).toContain("");
    expect(pages).toContain("post/");
    expect(pages).toContain("notebooks/");
    if (name === "fixture") expect(pages).toEqual(expect.arrayContaining(["notebooks/01-first/", "notebooks/02-islands/"]));
  });

  it("typesets TeX as written: no control character (a \\t or \\n read as an escape) in any formula's source", () => {
    const broken = pages.flatMap((path) =>
      [...readFileSync(join(built.outDir, path, "index.html"), "utf8").matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)]
        .map((match) => match[1] ?? "")
        .filter((tex) => /[\u0000-\u0008\u000b-\u001f]|\t/.test(tex))
        .map((tex) => `/${path}: ${JSON.stringify(tex)}`),
    );
    expect(broken).toEqual([]);
  });

  it.each(pages)("/%s loads cleanly", async (path) => {
    const context = await browser.newContext();
    try {
      const { page, problems } = await watchedPage(context);
      await page.goto(built.url + path, { waitUntil: "networkidle" });
      expect(problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });

      const math = await page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
        const katex = document.querySelectorAll(".katex").length as number;
        const mathml = document.querySelector(".katex .katex-mathml");
        // KaTeX's CSS hides the MathML copy (kept for screen readers) off-screen.
        const hidden = mathml ? getComputedStyle(mathml).position === "absolute" : null;
        return { katex, hidden, fonts: document.fonts.check("16px KaTeX_Main") as boolean };
      });
      if (math.katex > 0) {
        expect(math.hidden).toBe(true);
        expect(math.fonts).toBe(true);
      }

      // Every figure that draws a chart has one SVG that is its image, with an accessible name.
      const charts = await page.evaluate(() => {
        const { document } = globalThis as unknown as PageGlobals;
        return ([...document.querySelectorAll("main figure")] as PageGlobals["document"][])
          .filter((figure) => figure.querySelector("svg"))
          .map((figure): string => {
            const image = figure.querySelector("svg[role=img]");
            return image ? (image.getAttribute("aria-label") ?? image.querySelector("title")?.textContent ?? "") : `no svg[role=img] in ${figure.id || "a figure"}`;
          });
      });
      for (const label of charts) expect(label.trim()).not.toMatch(/^$|^no svg/);
    } finally {
      await context.close();
    }
  });
});

describe("what the fixture pages contain", () => {
  const built = site("fixture");

  it("typesets math on the landing page, the post page and a notebook page", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      for (const path of ["", "post/", "notebooks/01-first/"]) {
        await page.goto(built.url + path);
        expect(await page.locator(".katex").count(), path).toBeGreaterThan(2);
      }
      // Numbered equations: (1) and (2) are tagged, the \notag one is not.
      expect(await page.locator("#eq\\:gpt4o .katex .tag").textContent()).toBe("(1)");
      expect(await page.locator("#eq\\:grok .katex .tag").textContent()).toBe("(2)");
      expect(await page.locator("a.xref[href='#eq:gpt4o']").first().textContent()).toBe("(1)");
    } finally {
      await context.close();
    }
  });

  it("shows the Plot chart with its caption, numbered as a figure", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${built.url}notebooks/01-first/`);
      const figure = page.locator("figure#fig\\:sweep");
      await expect.poll(() => figure.locator("svg[role=img]").count()).toBeGreaterThan(0);
      expect(await figure.locator("figcaption").textContent()).toContain("Figure 1.");
      expect(await figure.locator("svg[role=img]").getAttribute("aria-label")).toBe("Decode FLOPs per token against context length");
      const marks = await figure.locator("svg path, svg circle").count();
      expect(marks).toBeGreaterThan(3);
    } finally {
      await context.close();
    }
  });
});
