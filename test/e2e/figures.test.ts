import { describe, expect, it } from "vitest";
import type { QueryRoot } from "../site/dom";
import { builtPages } from "../site/build/html";
import { site } from "./setup/sites";

/**
 * One number for one quantity: every figure the landing page states (marked
 * data-figure="…") equals the same figure wherever an island shows it when
 * its page loads, computed from the same inputs (the post's, src/core/post.ts).
 */
describe("the landing page's figures", () => {
  const pages = builtPages(site("real").outDir);
  const landing = pages.find((page) => page.path === "index.html");
  const figuresOn = (root: QueryRoot) =>
    [...root.querySelectorAll("[data-figure]")].map((element) => ({ id: element.getAttribute("data-figure") ?? "", text: (element.textContent ?? "").trim() }));

  it("equal what the islands show on first load, figure by figure", () => {
    if (!landing) throw new Error("no index.html in the build");
    const stated = new Map(figuresOn(landing.document).map((figure) => [figure.id, figure.text]));
    expect([...stated.keys()]).toEqual(expect.arrayContaining(["gpt4o-times", "grok-times-own-n", "grok-times-post-model", "grok-times-sized-model", "first-principles"]));
    const shown: Array<{ page: string; id: string; text: string }> = [];
    for (const page of pages.filter((p) => p.path.startsWith("notebooks/"))) {
      for (const island of page.document.querySelectorAll("hmf-island")) {
        for (const figure of figuresOn(island)) shown.push({ page: page.path, ...figure });
      }
    }
    // The islands that open on the post's model: notebook 1's formula explorer and notebook 6's three answers.
    expect(shown.filter((figure) => figure.id === "gpt4o-times").length).toBeGreaterThanOrEqual(2);
    expect(shown.some((figure) => figure.id === "grok-times-own-n")).toBe(true);
    for (const figure of shown) {
      const landingText = stated.get(figure.id);
      if (landingText === undefined) continue;
      expect(`${figure.page}: ${figure.id} = ${figure.text}`).toBe(`${figure.page}: ${figure.id} = ${landingText}`);
    }
  });
});
