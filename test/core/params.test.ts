import { describe, expect, it } from "vitest";
import { importHfConfig } from "../../src/core/hf/import";
import { countParams } from "../../src/core/params";
import { presetById } from "../../src/core/presets";
import { fixture, type PublishedParams } from "../fixtures/load";

const published = fixture<{ models: PublishedParams[] }>("reference/params.json").models;

describe("parameter counts equal the published exact counts", () => {
  for (const model of published) {
    it(`${model.hf_repo}: ${model.params_total} total, ${model.params_active_per_token} active`, () => {
      const { spec } = importHfConfig(fixture(model.config));
      const counts = countParams(spec);
      expect(counts.total).toBe(BigInt(model.params_total));
      expect(counts.active).toBe(BigInt(model.params_active_per_token));
    });
  }
});

describe("breakdowns by hand arithmetic", () => {
  it("GPT-2: embedding, positions and one block as nanoGPT writes them", () => {
    const counts = countParams(importHfConfig(fixture("configs/gpt2.json")).spec);
    const d = 768n, V = 50257n, L = 12n;
    expect(counts.breakdown.embedding).toBe(V * d);
    expect(counts.breakdown.positions).toBe(1024n * d);
    expect(counts.breakdown.attention).toBe(L * (3n * d * d + 3n * d + d * d + d));
    expect(counts.breakdown.mlp).toBe(L * (d * 4n * d + 4n * d + 4n * d * d + d));
    expect(counts.breakdown.norms).toBe(L * 4n * d + 2n * d);
    expect(counts.breakdown.lmHead).toBe(0n); // tied
  });

  it("Mixtral: 8 experts stored, 2 used; the router counts as active", () => {
    const counts = countParams(importHfConfig(fixture("configs/mixtral-8x7b-v0.1.json")).spec);
    const expert = 3n * 4096n * 14336n;
    expect(counts.breakdown.experts).toBe(32n * 8n * expert);
    expect(counts.activeBreakdown.experts).toBe(32n * 2n * expert);
    expect(counts.activeBreakdown.router).toBe(32n * 4096n * 8n);
  });

  it("Qwen2.5-7B non-embedding is the model card's 6.53B", () => {
    const counts = countParams(importHfConfig(fixture("configs/qwen2.5-7b.json")).spec);
    expect(Number(counts.nonEmbedding) / 1e9).toBeCloseTo(6.53, 2);
  });

  it("DeepSeek-V3 MLA attention per layer, written out from the config", () => {
    const counts = countParams(importHfConfig(fixture("configs/deepseek-v3.json")).spec);
    const d = 7168n, H = 128n;
    const perLayer = d * 1536n + 1536n * H * (128n + 64n) + d * (512n + 64n) + 512n * H * (128n + 128n) + H * 128n * d;
    expect(counts.breakdown.attention).toBe(61n * perLayer);
  });
});

describe("presets described from papers land on the published totals", () => {
  const cases: Array<[string, number, number]> = [
    // [preset, published total, relative tolerance]
    ["gpt3-175b", 174.6e9, 0.0005], // Brown et al. Table D.1
    ["palm-540b", 540.35e9, 0.0001], // Chowdhery et al. Appendix B
    ["chinchilla-70b", 70e9, 0.005], // Hoffmann et al. Table 4 (rounded)
    ["gopher-280b", 280e9, 0.005], // Rae et al. Table 1 (rounded)
    ["llama-3.1-405b", 405e9, 0.005], // Llama 3 paper (rounded)
    ["deepseek-v2-lite", 15.7e9, 0.005], // DeepSeek-V2 paper, Appendix B
  ];
  for (const [id, total, tolerance] of cases) {
    it(`${id} ≈ ${total / 1e9}B`, () => {
      const counts = countParams(presetById(id).spec);
      expect(Math.abs(Number(counts.total) / total - 1)).toBeLessThan(tolerance);
    });
  }

  it("Llama 3.1 70B equals its checkpoint count 70,553,706,496", () => {
    expect(countParams(presetById("llama-3.1-70b").spec).total).toBe(70_553_706_496n);
  });

  it("the post's inputs (E=4096, L=100, V=200k) describe about 21.8B parameters, not 1e11", () => {
    const counts = countParams(presetById("post-hypothetical").spec);
    const E = 4096n, L = 100n, V = 200_000n;
    // 4E² attention + 8E² MLP per layer, untied embedding and head, LayerNorm weights.
    expect(counts.total).toBe(L * (12n * E * E) + 2n * V * E + L * 2n * E + E);
  });
});
