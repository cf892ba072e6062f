import { describe, expect, it } from "vitest";
import { contextSweep, contextSweepData, logSpacedContexts } from "../../src/islands/context-sweep";
import { presetById } from "../../src/core/presets";
import { freshDocument, parse, texts, textOf } from "./dom";

const llama = presetById("llama-2-7b").spec;

describe("context sweep data", () => {
  it("spaces contexts evenly on a log scale, whole and distinct, ends included", () => {
    const contexts = logSpacedContexts(1, 1_000_000, 41);
    expect(contexts[0]).toBe(1);
    expect(contexts[contexts.length - 1]).toBe(1_000_000);
    // Step 20 of 40 over six decades is 10^3.
    expect(contexts).toContain(1000);
    for (let i = 1; i < contexts.length; i++) expect(contexts[i]).toBeGreaterThan(contexts[i - 1] as number);
    // 1, 1.41, 2, 2.82 … round to 1, 1, 2, 3: the duplicate 1 is dropped.
    expect(contexts.slice(0, 4)).toEqual([1, 2, 3, 4]);
  });

  it("gives all four lines at every context, from the core", () => {
    const points = contextSweepData(llama, 1, 1_000_000);
    const at1000 = Object.fromEntries(points.filter((p) => p.context === 1000).map((p) => [p.series, p.flops]));
    // With a cache: 2·(32·(4·4096² + 3·4096·11008) + 32000·4096) + 4·32·4096·1000
    //   = 13,214,154,752 + 524,288,000
    expect(at1000.withCache).toBe(13_738_442_752n);
    // Grok: 2 · 6,476,271,616 · 1000
    expect(at1000.grok).toBe(12_952_543_232_000n);
    // GPT4o: 4096·32000 + 32·(8·4096²·1000 + 4·4096·32·1000 + 32·1000²)
    expect(at1000.gpt4o).toBe(131_072_000n + 32n * (8n * 16_777_216n * 1000n + 4n * 4096n * 32n * 1000n + 32n * 1_000_000n));
    // Without a cache: 1000 tokens · 12,952,010,752 + causal keys 1000·1001/2 = 500,500 per layer · 4·4096 · 32 layers + last logits
    expect(at1000.withoutCache).toBe(1000n * 12_952_010_752n + 500_500n * 4n * 4096n * 32n + 262_144_000n);
    expect(new Set(points.map((p) => p.series))).toEqual(new Set(["gpt4o", "grok", "withCache", "withoutCache"]));
  });
});

describe("context sweep island", () => {
  it("draws the chart with a legend, a caption and the numbers as a table", () => {
    const html = contextSweep.renderOutput({ model: "llama-2-7b", from: 1, to: 1_000_000 }, freshDocument());
    const root = parse(html);
    expect(root.querySelector(".hmf-island-output svg.hmf-chart")).not.toBeNull();
    expect(root.querySelector("style")).toBeNull();
    expect(texts(html, ".hmf-legend-item")).toEqual([
      "GPT4o: E·V + L·(8E²S + 4EHS + HS²)",
      "Grok: 2·N·S",
      "First principles, no KV cache (recompute all S)",
      "First principles, with a KV cache",
    ]);
    expect(textOf(html, "figcaption")).toBe("Llama 2 7B: FLOPs per generated token for S from 1 to 1,000,000, log-log.");
    const rows = [...root.querySelectorAll(".hmf-data tbody tr")].map((row: { children: ArrayLike<{ textContent: string | null }> }) =>
      Array.from(row.children, (cell) => cell.textContent).join(" | "),
    );
    const row1000 = rows.find((row) => row.startsWith("1,000 |"));
    // GPT4o 131,072,000 + 32 · 134,774,016,000 = 4,312,899,584,000 → 4.31 T; Grok 12,952,543,232,000 → 13.0 T;
    // no cache 12,952,010,752,000 + 262,406,144,000 + 262,144,000 = 13,214,678,896,000 → 13.2 T; with a cache 13.7 G.
    expect(row1000).toBe("1,000 | 4.31 T | 13.0 T | 13.2 T | 13.7 G");
  });

  it("reads its range from props and the URL, refusing an empty range", () => {
    const base = contextSweep.parseProps({ model: "gpt2", from: 16, to: "1,024" });
    expect(base).toEqual({ model: "gpt2", from: 16, to: 1024 });
    expect(contextSweep.fromQuery(contextSweep.toQuery({ model: "gemma-2-9b", from: 2, to: 8192 }), base)).toEqual({ model: "gemma-2-9b", from: 2, to: 8192 });
    expect(() => contextSweep.parseProps({ from: 100, to: 100 })).toThrow(/^props\.to: the sweep needs S from \(100\) below S to \(100\)$/);
    expect(() => contextSweep.fromQuery({ from: "5000" }, base)).toThrow(/^from: the sweep needs S from \(5,000\) below S to \(1,024\)$/);
    expect(() => contextSweep.applyControl?.("to.slider", "100", base)).toThrow(/^to\.slider: the sweep needs/);
  });
});
