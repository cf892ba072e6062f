import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLAIMS } from "../../site/content/claims/index";
import { builtPages, type BuiltPage } from "../site/build/html";
import { site } from "./setup/sites";

/** The file an internal URL path serves in a static build ("/post/" → post/index.html), or undefined. */
function fileFor(outDir: string, path: string): string | undefined {
  const candidates = path.endsWith("/") ? [join(outDir, path, "index.html")] : [join(outDir, path), join(outDir, path, "index.html")];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

function idsOf(page: BuiltPage): Set<string> {
  return new Set([...page.document.querySelectorAll("[id]")].map((element) => element.id));
}

describe.each(["real", "fixture"] as const)("links in the %s build", (name) => {
  const built = site(name);
  const pages = builtPages(built.outDir);
  const byFile = new Map(pages.map((page) => [join(built.outDir, page.path), page]));

  it("every internal link leads to a page, and every #anchor to an element on it", () => {
    const broken: string[] = [];
    for (const page of pages) {
      const base = new URL(`http://site/${page.path.replace(/index\.html$/, "")}`);
      for (const link of page.document.querySelectorAll("a[href]")) {
        const href = link.getAttribute("href") ?? "";
        const url = new URL(href, base);
        if (url.host !== "site") continue;
        const file = fileFor(built.outDir, decodeURIComponent(url.pathname));
        if (!file) {
          broken.push(`${page.path}: ${href} (no such page)`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        const target = byFile.get(file);
        if (fragment && target && !idsOf(target).has(fragment)) broken.push(`${page.path}: ${href} (no #${fragment} there)`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("the post page's verdicts", () => {
  it("each link to the notebook step that shows it (every target is on a published notebook page)", () => {
    const built = site("real");
    const pages = new Map(builtPages(built.outDir).map((page) => [page.path, page]));
    const missing = CLAIMS.filter((claim) => {
      const page = pages.get(`notebooks/${claim.step.notebook}/index.html`);
      return !page || !idsOf(page).has(claim.step.anchor);
    }).map((claim) => `${claim.id} → ${claim.step.notebook}#${claim.step.anchor}`);
    expect(missing).toEqual([]);
    const post = pages.get("post/index.html");
    for (const claim of CLAIMS) {
      const link = post?.document.querySelector(`#claim-${claim.id} .verdict-step a`);
      expect(link?.getAttribute("href"), claim.id).toBe(`/notebooks/${claim.step.notebook}/#${claim.step.anchor}`);
    }
  });
});
