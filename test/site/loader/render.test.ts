import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NotebookError } from "../../../site/loaders/notebook/errors";
import { renderNotebook } from "../../../site/loaders/notebook/render";
import { FIXTURES, fixture, renderFixture } from "./helpers";

/** What each bad fixture must fail with: its file, the cell, and what is wrong. */
const EXPECTED: Record<string, string> = {
  "bad-tex": "cell 3: KaTeX cannot typeset this formula",
  "dangling-ref": "cell 3: link to #eq:missing, which is not on this page",
  "error-output": "cell 3: error output (TypeError: undefinedFunction is not a function)",
  "event-handler": "cell 3: output 1 (image/svg+xml) has an event handler attribute (onload on <svg>)",
  "island-without-fallback": "cell 3: output 1: an island output needs a text/html static fallback",
  "malformed-json": ": is not valid JSON",
  "missing-outputs": "cell 3: a code cell needs an outputs array",
  "nbformat-3": ": nbformat is number 3",
  "raw-cell": "cell 3: raw cells are not rendered",
  "script-output": "cell 3: output 1 (text/html) contains a <script> element",
  "stderr-output": 'cell 3: output 1 wrote to stderr: "something went wrong"',
  "unknown-island": 'cell 3: output 1: unknown island "teleporter"',
  "unknown-mime": "cell 3: output 1 has no MIME type the site can render (application/x-unknown-widget)",
};

describe("renderNotebook", () => {
  const bad = readdirSync(`${FIXTURES}/bad`).map((name) => name.replace(/\.ipynb$/, "")).sort();

  it("has an expectation for every bad fixture", () => {
    expect(bad).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(bad)("fails on bad/%s.ipynb with its file, cell and reason", async (name) => {
    const { file, text } = fixture(`bad/${name}.ipynb`);
    const failure = await renderNotebook(file, text).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(NotebookError);
    expect((failure as Error).message.startsWith(`${file}${EXPECTED[name]}`) || (failure as Error).message.startsWith(`${file}, ${EXPECTED[name]}`)).toBe(true);
  });

  it("renders the good fixtures: title, headings, anchors, islands", async () => {
    const { notebook } = await renderFixture("site/02-islands.ipynb");
    expect(notebook.title).toBe("Fixture two: islands");
    expect(notebook.islands).toEqual(["formula-explorer", "three-answers", "context-sweep", "your-model", "energy"]);
    expect(notebook.anchors).toEqual(expect.arrayContaining(["fixture-two-islands", "islands", "cell-1", "cell-6"]));
  });

  it("hashes every <style> of the outputs (the Plot chart's) for the CSP", async () => {
    const { file, text } = fixture("site/01-first.ipynb");
    // Independently of the renderer: the chart's <style> text as stored in the notebook.
    const css = [...text.matchAll(/<style>(.*?)<\/style>/g)].map((match) => JSON.parse(`"${match[1]}"`) as string);
    expect(css.length).toBeGreaterThan(0);
    const expected = [...new Set(css)].map((style) => `sha256-${createHash("sha256").update(style).digest("base64")}`);
    expect((await renderNotebook(file, text)).styleHashes).toEqual(expected);
  });
});
