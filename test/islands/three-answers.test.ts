import { describe, expect, it } from "vitest";
import { answersFor } from "../../src/core/answers";
import { threeAnswers } from "../../src/islands/three-answers";
import { presetById } from "../../src/core/presets";
import { fixture, type PublishedParams } from "../fixtures/load";
import { freshDocument, texts, textOf } from "./dom";

// Llama 2 7B: d = 4096, L = 32, H = 32, d_ff = 11008 (gated: 3 matrices), V = 32000, untied LM head.
const S = 4096;

// First principles, one token at S = 4096 with a KV cache:
// 2·(32·(4·4096² + 3·4096·11008) + 32000·4096) + 4·32·4096·4096
//   = 2·(32·(67,108,864 + 135,266,304) + 131,072,000) + 2,147,483,648
//   = 2·(6,476,005,376 + 131,072,000) + 2,147,483,648 = 15,361,638,400
const FIRST_PRINCIPLES = 2n * (32n * (4n * 4096n ** 2n + 3n * 4096n * 11008n) + 32000n * 4096n) + 4n * 32n * 4096n * 4096n;

// Grok's N = non-embedding parameters = the published total (calflops: 6,738,415,616) minus the
// embedding and the untied LM head, 32000 · 4096 = 131,072,000 each.
const published = fixture<{ models: PublishedParams[] }>("reference/params.json").models.find((m) => m.hf_repo === "meta-llama/Llama-2-7b-hf");
const N = BigInt(published?.params_total ?? "0") - 2n * 131_072_000n;
// 2 · 6,476,271,616 · 4096 = 53,053,617,078,272
const GROK = 2n * N * BigInt(S);

// GPT4o with E = 4096, V = 32000, S = 4096, H = 32, L = 32:
//   E·V = 131,072,000; L·8·E²·S = 17,592,186,044,416; L·4·E·H·S = 68,719,476,736; L·H·S² = 17,179,869,184
const GPT4O = 131_072_000n + 17_592_186_044_416n + 68_719_476_736n + 17_179_869_184n;

// Without a cache: 4096 tokens through every matrix (2 · 6,476,005,376 each), causal attention over
// 4096·4097/2 = 8,390,656 keys per layer (2 · 2 · 4096 each, 32 layers), logits for the last token only.
const NO_CACHE = 4096n * 2n * 6_476_005_376n + 32n * 8_390_656n * 4n * 4096n + 2n * 4096n * 32000n;

describe("three answers for Llama 2 7B at S = 4096", () => {
  it("hand arithmetic gives the figures quoted in the brief", () => {
    expect(FIRST_PRINCIPLES).toBe(15_361_638_400n);
    expect(N).toBe(6_476_271_616n);
    expect(GROK).toBe(53_053_617_078_272n);
    expect(GPT4O).toBe(17_678_216_462_336n);
    expect(NO_CACHE).toBe(57_450_818_437_120n);
  });

  it("computes them from the core", () => {
    const a = answersFor(presetById("llama-2-7b").spec, S);
    expect(a.withCache.total).toBe(FIRST_PRINCIPLES);
    expect(a.grokN).toBe(N);
    expect(a.grok.total).toBe(GROK);
    expect(a.gpt4o.total).toBe(GPT4O);
    expect(a.gpt4oInputs).toEqual({ E: 4096n, V: 32000n, S: 4096n, H: 32n, L: 32n });
    expect(a.withoutCache.total).toBe(NO_CACHE);
  });

  it("shows the three side by side, with the N used and the ratios", () => {
    const html = threeAnswers.renderOutput({ model: "llama-2-7b", S }, freshDocument());
    expect(texts(html, ".hmf-answer-value .hmf-exact")).toEqual(["17,678,216,462,336", "53,053,617,078,272", "15,361,638,400"]);
    expect(textOf(html, ".hmf-answer-grok .hmf-answer-inputs")).toBe("N = 6,476,271,616 (non-embedding parameters), S = 4,096");
    // 17,678,216,462,336 / 15,361,638,400 = 1,150.8… → 1,151×; 53,053,617,078,272 / 15,361,638,400 = 3,453.6… → 3,454×
    expect(texts(html, ".hmf-answer-ratio").slice(0, 2)).toEqual(["1,151× first principles", "3,454× first principles"]);
    const footnote = textOf(html, ".hmf-footnote");
    expect(footnote).toContain("57,450,818,437,120");
    // 57,450,818,437,120 / 15,361,638,400 = 3,739.9… → 3,740×; 53,053,617,078,272 / 57,450,818,437,120 = 0.9234… → 0.923×
    expect(footnote).toContain("3,740× the cached cost");
    expect(footnote).toContain("0.923× that");
  });

  it("says that N counts every expert for a mixture of experts", () => {
    const html = threeAnswers.renderOutput({ model: "mixtral-8x7b", S }, freshDocument());
    expect(textOf(html, ".hmf-answer-grok .hmf-answer-inputs")).toContain("every expert included");
  });
});

describe("three answers state", () => {
  it("defaults to Llama 2 7B at 4096 and round-trips through the URL", () => {
    const base = threeAnswers.parseProps({});
    expect(base).toEqual({ model: "llama-2-7b", S: 4096 });
    const props = { model: "deepseek-v3", S: 131_072 };
    expect(threeAnswers.toQuery(props)).toEqual({ model: "deepseek-v3", s: "131072" });
    expect(threeAnswers.fromQuery(threeAnswers.toQuery(props), base)).toEqual(props);
  });

  it("changes the model from its select and S from the box or the slider", () => {
    const base = threeAnswers.parseProps({});
    expect(threeAnswers.applyControl?.("model", "gpt2", base)).toEqual({ model: "gpt2", S: 4096 });
    expect(threeAnswers.applyControl?.("s", "8,192", base)).toEqual({ model: "llama-2-7b", S: 8192 });
    // Position 300 is 10^3 = 1000.
    expect(threeAnswers.applyControl?.("s.slider", "300", base)).toEqual({ model: "llama-2-7b", S: 1000 });
  });

  it("groups the presets in the select and marks the chosen one", () => {
    const html = threeAnswers.renderControls({ model: "qwen3-30b-a3b", S });
    expect(texts(html, "optgroup[label='Mixture of experts'] option")).toContain("Qwen3 30B-A3B (MoE)");
    expect(textOf(html, "option[selected]")).toBe("Qwen3 30B-A3B (MoE)");
  });
});
