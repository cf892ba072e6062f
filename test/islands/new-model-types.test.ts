/**
 * The your-model and context-sweep islands take the model types of 2025–26
 * through the same importer and presets as everything else.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { contextSweep, contextSweepData } from "../../src/islands/context-sweep";
import { yourModel, type YourModelProps } from "../../src/islands/your-model";
import { presetById } from "../../src/core/presets";
import { freshDocument, parse, texts } from "./dom";

const configText = (file: string) => readFileSync(fileURLToPath(new URL(`../fixtures/configs/${file}`, import.meta.url)), "utf8");
const base: YourModelProps = yourModel.parseProps({});

function totalParams(html: string): string {
  const rows = [...parse(html).querySelectorAll(".hmf-ym-params tr")] as Array<{ querySelector(s: string): { textContent: string | null } | null }>;
  return rows.find((r) => r.querySelector("th")?.textContent === "Total")?.querySelector("td .hmf-exact")?.textContent ?? "";
}

describe("your model: pasted configs of the new types", () => {
  it.each([
    // BigScience's BLOOM model card and the Phi-2 checkpoint's exact totals.
    ["bloom.json", "176,247,271,424"],
    ["phi-2.json", "2,779,683,840"],
  ])("%s shows its published total", (file, total) => {
    const props = yourModel.applyControl?.("config", configText(file), base);
    if (!props) throw new Error("applyControl missing");
    expect(totalParams(yourModel.renderOutput({ ...props, S: 4096 }, freshDocument()))).toBe(total);
  });

  it.each(["gpt-oss-20b.json", "llama-4-scout-17b-16e.json", "gemma-3-27b.json", "kimi-k2-instruct.json", "glm-4.5.json", "mimo-7b.json", "deepseek-v3.2-exp.json", "qwen3-next-80b-a3b.json", "falcon-h1-tiny-90m.json"])(
    "%s imports, renders, and notes what it assumed",
    (file) => {
      const props = yourModel.applyControl?.("config", configText(file), base);
      if (!props) throw new Error("applyControl missing");
      const html = yourModel.renderOutput({ ...props, S: 131_072 }, freshDocument());
      expect(totalParams(html)).toMatch(/^\d{1,3}(,\d{3})+$/);
      if (file.startsWith("llama-4") || file.startsWith("gemma-3")) {
        expect(texts(html, ".hmf-notes li").some((note) => note.includes("text_config"))).toBe(true);
      }
    },
  );
});

describe("recurrent state in the memory tables", () => {
  it("your model shows Qwen3-Next's fixed state: 36 layers × (32·128·128 + 8192·3) values in bf16", () => {
    const props = yourModel.applyControl?.("config", configText("qwen3-next-80b-a3b.json"), base);
    if (!props) throw new Error("applyControl missing");
    const html = yourModel.renderOutput({ ...props, S: 4096 }, freshDocument());
    const rows = [...parse(html).querySelectorAll(".hmf-ym-memory tr")] as Array<{ textContent: string | null }>;
    const state = rows.find((r) => (r.textContent ?? "").includes("Recurrent state"))?.textContent ?? "";
    expect(state).toContain((36 * (32 * 128 * 128 + 8192 * 3) * 2).toLocaleString("en-US"));
  });
});

describe("context sweep with the new presets", () => {
  it("gpt-oss-20b: past 128 tokens only the 12 full-attention layers make a token cost more", () => {
    const points = contextSweepData(presetById("gpt-oss-20b").spec, 1, 1_000_000);
    const withCache = new Map(points.filter((p) => p.series === "withCache").map((p) => [p.context, p.flops]));
    const [a, b] = [1000, 1_000_000];
    // Each extra key: QKᵀ and ×V, 2·64 heads·64 each, in 12 layers.
    expect((withCache.get(b) ?? 0n) - (withCache.get(a) ?? 0n)).toBe(BigInt(b - a) * 12n * 2n * 2n * 64n * 64n);
  });

  it.each(["llama-4-maverick", "gemma-3-27b", "kimi-k2", "glm-4.5", "bloom-176b", "deepseek-v3.2", "qwen3-next-80b-a3b", "falcon-h1-tiny-90m"])("draws %s", (model) => {
    const html = contextSweep.renderOutput({ model, from: 1, to: 1_000_000 }, freshDocument());
    expect(parse(html).querySelector("svg.hmf-chart")).not.toBeNull();
  });
});
