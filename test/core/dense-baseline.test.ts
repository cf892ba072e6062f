/**
 * The dense GQA baseline of notebook 5's table: same d_model, layers, heads
 * and head width, full attention everywhere, one dense MLP whose width brings
 * the parameters up to the model's active count. Expected widths are worked
 * out by hand below.
 */
import { describe, expect, it } from "vitest";
import { DENSE_GQA_BASELINE, denseGqaBaseline } from "../../src/core/dense-baseline";
import { ModelError } from "../../src/core/errors";
import { decodeFlops } from "../../src/core/flops";
import type { ModelSpec } from "../../src/core/model";
import { countParams } from "../../src/core/params";
import { PRESETS, presetById } from "../../src/core/presets";

/** d 8, 2 layers, vocab 10, 2 query heads and 1 KV head of 4, four gated experts of width 6, top-1. */
const TINY_MOE: ModelSpec = {
  name: "tiny MoE", vocabSize: 10, hiddenSize: 8, numLayers: 2,
  attention: { kind: "standard", numHeads: 2, numKvHeads: 1, headDim: 4, qkvBias: false, outBias: false, qkNorm: "none", slidingWindow: { size: 4, layers: "even" } },
  mlp: { gated: true, intermediateSize: 16, activation: "silu", bias: false },
  moe: { numExperts: 4, expertsPerToken: 1, expertIntermediateSize: 6, numSharedExperts: 0, sharedExpertIntermediateSize: 0, sharedExpertGate: false, routerBias: false, firstDenseLayers: 0 },
  norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: false,
};

describe("dense GQA baseline", () => {
  it("a tiny MoE: active 936 = 2·80 + 2·(192 attention + 16 norms + 144 one expert + 32 router) + 8; the baseline's MLP is ⌊(936 − 584) / 48⌋ = 7 wide", () => {
    expect(countParams(TINY_MOE).active).toBe(936n);
    const baseline = denseGqaBaseline(TINY_MOE);
    expect(baseline.moe).toBeUndefined();
    expect(baseline.mlp.intermediateSize).toBe(7);
    // 160 embedding and head + 2 × (192 + 16) + 8 = 584, plus 2 layers × 3 × 8 × 7 = 336.
    expect(countParams(baseline).total).toBe(920n);
    expect(countParams(baseline).active).toBe(920n);
    expect(baseline.attention).toEqual({ kind: "standard", numHeads: 2, numKvHeads: 1, headDim: 4, qkvBias: false, outBias: false, qkNorm: "none" });
  });

  it("gpt-oss-20b: 64 query heads, 8 KV heads of 64 with biases, full attention in all 24 layers, the MLP width from its active count", () => {
    const spec = presetById("gpt-oss-20b").spec;
    const d = 2880n, layers = 24n, vocab = 201_088n;
    const attention = d * 4096n + 4096n + 2n * (d * 512n + 512n) + 4096n * d + d;
    const fixed = 2n * vocab * d + layers * (attention + 2n * d) + d;
    const target = countParams(spec).active;
    const width = (target - fixed) / (layers * 3n * d);
    const baseline = denseGqaBaseline(spec);
    expect(BigInt(baseline.mlp.intermediateSize)).toBe(width);
    expect(countParams(baseline).total).toBe(fixed + layers * 3n * d * width);
    // No layer is windowed: a token's attention reads all S keys in every layer, 4 · 64 · 64 FLOPs each.
    expect(decodeFlops(baseline, 2000).terms.attnScores - decodeFlops(baseline, 1000).terms.attnScores).toBe(1000n * 24n * 2n * 64n * 64n);
  });

  it("DeepSeek-V3.2 (MLA): 128 query heads of the value width 128, and 8 KV heads", () => {
    const baseline = denseGqaBaseline(presetById("deepseek-v3.2").spec);
    expect(baseline.attention).toEqual({ kind: "standard", numHeads: 128, numKvHeads: 8, headDim: 128, qkvBias: false, outBias: false, qkNorm: "none" });
    expect(DENSE_GQA_BASELINE.mlaKvHeads).toBe(8);
  });

  it("for every real preset: dense, full attention, and within one MLP column per layer below the model's active count", () => {
    for (const preset of PRESETS.filter((p) => !p.hypothetical)) {
      const spec = preset.spec;
      const baseline = denseGqaBaseline(spec);
      const count = countParams(baseline);
      const column = BigInt(spec.numLayers) * (spec.mlp.gated ? 3n : 2n) * BigInt(spec.hiddenSize);
      const gap = countParams(spec).active - count.total;
      expect(count.active, preset.id).toBe(count.total);
      expect(gap >= 0n && gap < column, preset.id).toBe(true);
      expect(baseline.linearAttention ?? baseline.ssm ?? baseline.moe, preset.id).toBeUndefined();
      expect(baseline.attention.slidingWindow, preset.id).toBeUndefined();
    }
  });

  it("an MLA model whose GQA attention alone outweighs it has no baseline, and the error says why", () => {
    // d 8, 8 heads: MLA with ranks of 2 costs under 800 weights a layer; 8 GQA heads of 8 cost 4 × 8 × 64 = 2048.
    const mla: ModelSpec = {
      ...TINY_MOE, moe: undefined, mlp: { ...TINY_MOE.mlp, intermediateSize: 1 },
      attention: { kind: "mla", numHeads: 8, qLoraRank: 2, kvLoraRank: 2, qkNopeHeadDim: 2, qkRopeHeadDim: 2, vHeadDim: 8, bias: false },
    };
    expect(() => denseGqaBaseline(mla)).toThrow(ModelError);
    expect(() => denseGqaBaseline(mla)).toThrow(/no dense GQA baseline of the same active size/);
  });
});
