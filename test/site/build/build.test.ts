import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { site } from "../../e2e/setup/sites";
import { builtPages, cspOf } from "./html";

/**
 * The two builds of the global setup (the real notebooks and the fixture
 * notebooks), inspected as files: the pages, the notebook downloads, the
 * typeset math, the search index and the Content-Security-Policy of every page.
 */
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe.each(["real", "fixture"] as const)("the %s build", (name) => {
  const built = site(name);
  const pages = builtPages(built.outDir);
  const notebooksDir = name === "real" ? "notebooks" : "test/fixtures/site-notebooks/site";
  const notebooks = readdirSync(notebooksDir).filter((file) => file.endsWith(".ipynb")).sort();

  it("has the landing page, the post page, the notebook index, and a page and a download per notebook", () => {
    const paths = pages.map((page) => page.path);
    expect(paths).toEqual(expect.arrayContaining(["index.html", "post/index.html", "notebooks/index.html", "404.html"]));
    for (const file of notebooks) {
      const id = file.replace(/\.ipynb$/, "");
      expect(paths).toContain(`notebooks/${id}/index.html`);
      const digest = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
      expect(digest(join(built.outDir, "notebooks", file)), `${file}: the download is the notebook, byte for byte`).toBe(digest(join(notebooksDir, file)));
    }
  });

  it("lists the notebooks in file-name order, with prev/next links along it", () => {
    const index = pages.find((page) => page.path === "notebooks/index.html");
    const listed = [...(index?.document.querySelectorAll(".notebook-list a") ?? [])].map((a) => a.getAttribute("href"));
    expect(listed).toEqual(notebooks.map((file) => `/notebooks/${file.replace(/\.ipynb$/, "")}/`));
    notebooks.forEach((file, i) => {
      const page = pages.find((p) => p.path === `notebooks/${file.replace(/\.ipynb$/, "")}/index.html`);
      const prev = page?.document.querySelector("a[rel=prev]")?.getAttribute("href") ?? null;
      const next = page?.document.querySelector("a[rel=next]")?.getAttribute("href") ?? null;
      expect(prev).toBe(i > 0 ? `/notebooks/${notebooks[i - 1]?.replace(/\.ipynb$/, "")}/` : null);
      expect(next).toBe(i < notebooks.length - 1 ? `/notebooks/${notebooks[i + 1]?.replace(/\.ipynb$/, "")}/` : null);
      expect(page?.document.querySelector(`a[download][href="/notebooks/${file}"]`)).not.toBeNull();
    });
  });

  it("typesets math at build time, with KaTeX's CSS and fonts served by the site", () => {
    for (const path of ["index.html", "post/index.html"]) {
      const page = pages.find((p) => p.path === path);
      expect(page?.document.querySelectorAll(".katex .katex-mathml math").length, path).toBeGreaterThan(0);
    }
    const assets = readdirSync(join(built.outDir, "_astro"));
    const css = assets.filter((file) => file.endsWith(".css")).map((file) => readFileSync(join(built.outDir, "_astro", file), "utf8")).join("\n");
    expect(css).toContain(".katex");
    expect(assets.some((file) => /^KaTeX_Main-Regular\..+\.woff2$/.test(file))).toBe(true);
    expect(css).not.toMatch(/url\(data:font/);
  });

  it("writes the search index", () => {
    expect(existsSync(join(built.outDir, "pagefind", "pagefind.js"))).toBe(true);
  });

  it("gives every page a CSP without 'unsafe-inline' or eval for scripts, listing every inline script and style it has", () => {
    for (const page of pages) {
      const csp = cspOf(page.document);
      expect(csp.get("default-src"), page.path).toEqual(["'self'"]);
      expect(csp.get("object-src"), page.path).toEqual(["'none'"]);
      for (const directive of ["script-src", "script-src-elem", "script-src-attr", "default-src"]) {
        expect(csp.get(directive) ?? [], `${page.path} ${directive}`).not.toContain("'unsafe-inline'");
        expect(csp.get(directive) ?? [], `${page.path} ${directive}`).not.toContain("'unsafe-eval'");
      }
      expect(csp.get("style-src-attr"), page.path).toEqual(["'unsafe-inline'"]);
      const scriptSources = csp.get("script-src") ?? [];
      for (const script of page.document.querySelectorAll("script:not([src])")) expect(scriptSources, page.path).toContain(sha256(script.textContent ?? ""));
      const styleSources = csp.get("style-src-elem") ?? [];
      for (const style of page.document.querySelectorAll("style")) expect(styleSources, page.path).toContain(sha256(style.textContent ?? ""));
      for (const element of page.document.querySelectorAll("*")) {
        for (const attribute of element.getAttributeNames()) expect(/^on/i.test(attribute), `${page.path}: ${attribute} on <${element.tagName}>`).toBe(false);
      }
    }
  });

  it("renders each island output as <hmf-island> around its static fallback", () => {
    for (const file of notebooks) {
      const notebook = JSON.parse(readFileSync(join(notebooksDir, file), "utf8")) as { cells: Array<{ outputs?: Array<{ data?: Record<string, unknown> }>; metadata?: { tags?: string[] } }> };
      const shown = notebook.cells.filter((cell) => !(cell.metadata?.tags ?? []).some((tag) => tag === "remove-cell" || tag === "remove-output"));
      const expected = shown.flatMap((cell) => cell.outputs ?? []).filter((output) => output.data?.["application/vnd.how-many-flops.island+json"] !== undefined).length;
      const page = pages.find((p) => p.path === `notebooks/${file.replace(/\.ipynb$/, "")}/index.html`);
      const islands = [...(page?.document.querySelectorAll("hmf-island") ?? [])];
      expect(islands.length, file).toBe(expected);
      for (const island of islands) {
        expect(island.querySelector(".hmf-island-fallback"), file).not.toBeNull();
        expect(() => JSON.parse(island.getAttribute("data-props") ?? "")).not.toThrow();
      }
    }
  });
});
