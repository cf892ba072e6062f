import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { realModelsTableHtml } from "../../../site/content/landing";
import { LONG_CONTEXT_PRESET_IDS } from "../../../src/core/long-context";
import { presetById } from "../../../src/core/presets";

/** The cells of an HTML table's body rows, tags stripped. */
function bodyCells(html: string): string[][] {
  const body = html.slice(html.indexOf("<tbody"));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, "").trim()));
}

/**
 * One number for one quantity: the landing's "real models at 128k" shows the
 * figures notebook 5's table shows (its committed output), model by model.
 */
describe("the landing's real models at 128k", () => {
  const landing = bodyCells(realModelsTableHtml());
  const notebook = JSON.parse(readFileSync("notebooks/05-long-context.ipynb", "utf8")) as {
    cells: Array<{ id?: string; outputs?: Array<{ data?: Record<string, string | string[]> }> }>;
  };
  const output = notebook.cells.find((cell) => cell.id === "00070a49")?.outputs?.find((o) => o.data?.["text/html"]);
  const html = output?.data?.["text/html"];
  const notebookRows = bodyCells(Array.isArray(html) ? html.join("") : html ?? "");

  it("lists the new model types: sliding, chunked, sparse, linear and state-space attention, and full-attention MoE", () => {
    const names = landing.map((row) => row[0]);
    expect(names).toEqual(LONG_CONTEXT_PRESET_IDS.map((id) => presetById(id).spec.name));
    for (const id of ["gpt-oss-120b", "llama-4-scout", "gemma-3-27b", "deepseek-v3.2", "qwen3-next-80b-a3b", "falcon-h1-tiny-90m", "kimi-k2", "glm-4.5"]) {
      expect(LONG_CONTEXT_PRESET_IDS).toContain(id);
    }
  });

  it("states the notebook's figures: FLOPs per token, both ratios and the cache, row by row", () => {
    expect(notebookRows.length).toBe(landing.length);
    landing.forEach((row, i) => expect(row).toEqual(notebookRows[i]!.slice(0, row.length)));
  });
});
