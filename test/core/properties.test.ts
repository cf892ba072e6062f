import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFlops, decodeNoCacheFlops, forwardFlops, prefillFlops, trainFlops } from "../../src/core/flops";
import { kvCacheBytes } from "../../src/core/memory";
import { countParams } from "../../src/core/params";
import { validateModel } from "../../src/core/validate";
import { arbitrarySpec } from "./arbitrary";

const context = fc.integer({ min: 1, max: 1 << 24 });
const sum = (values: Iterable<bigint>) => [...values].reduce((a, b) => a + b, 0n);
const seeded = { seed: 20261129, numRuns: 300 };

describe("properties of the counts (fast-check, seeded)", () => {
  it("generated descriptions validate", () => {
    fc.assert(fc.property(arbitrarySpec(), (spec) => { expect(validateModel(spec)).toEqual(spec); }), seeded);
  });

  it("decode FLOPs never fall as the context grows", () => {
    fc.assert(fc.property(arbitrarySpec(), context, (spec, S) => decodeFlops(spec, S).total <= decodeFlops(spec, S + 1).total), seeded);
  });

  it("decode with a cache costs at most decode without one", () => {
    fc.assert(fc.property(arbitrarySpec(), fc.integer({ min: 1, max: 1 << 16 }), (spec, S) =>
      decodeFlops(spec, S, { mla: "expanded" }).total <= decodeNoCacheFlops(spec, S).total), seeded);
  });

  it("active parameters never exceed total parameters, and nothing is negative", () => {
    fc.assert(fc.property(arbitrarySpec(), (spec) => {
      const counts = countParams(spec);
      return counts.active <= counts.total && counts.nonEmbedding >= 0n && Object.values(counts.breakdown).every((v) => v >= 0n);
    }), seeded);
  });

  it("terms sum to the total, and breakdowns sum to the parameter total", () => {
    fc.assert(fc.property(arbitrarySpec(), context, fc.boolean(), (spec, S, elementwise) => {
      for (const count of [decodeFlops(spec, S, { elementwise }), prefillFlops(spec, Math.min(S, 4096), { elementwise }), trainFlops(spec, 512, { elementwise, recompute: true })]) {
        if (sum(Object.values(count.terms)) !== count.total) return false;
      }
      const params = countParams(spec);
      return sum(Object.values(params.breakdown)) === params.total && sum(Object.values(params.activeBreakdown)) === params.active;
    }), seeded);
  });

  it("counts stay exact past 2^53: doubling the layers doubles every per-layer term exactly", () => {
    fc.assert(fc.property(arbitrarySpec(), context, (spec, S) => {
      fc.pre(spec.moe === undefined && spec.attention.slidingWindow === undefined);
      const doubled = { ...spec, numLayers: spec.numLayers * 2 };
      const one = decodeFlops(spec, S);
      const two = decodeFlops(doubled, S);
      return two.total - two.terms.logits === 2n * (one.total - one.terms.logits);
    }), seeded);
  });

  it("a large model's counts exceed 2^53 and equal hand arithmetic in bigint", () => {
    const d = 1_000_003, L = 997, V = 999_983, S = 1_048_573;
    const spec = validateModel({
      name: "big", vocabSize: V, hiddenSize: d, numLayers: L,
      attention: { kind: "standard", numHeads: 1, numKvHeads: 1, headDim: d, qkvBias: false, outBias: false, qkNorm: "none" },
      mlp: { gated: false, intermediateSize: 4 * d, activation: "gelu", bias: false },
      norm: { kind: "rmsnorm", affine: false, bias: false, perLayer: 2, final: true },
      positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: true,
    });
    const [D, Lb, Vb, Sb] = [BigInt(d), BigInt(L), BigInt(V), BigInt(S)];
    const expected = 2n * Lb * 12n * D * D + 4n * Lb * Sb * D + 2n * D * Vb;
    expect(expected > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(decodeFlops(spec, S).total).toBe(expected);
    // The same sum in floats is already wrong in its last digits.
    expect(BigInt(2 * L * 12 * d * d + 4 * L * S * d + 2 * d * V)).not.toBe(expected);
  });

  it("the KV cache grows with the context and stops growing in windowed layers", () => {
    fc.assert(fc.property(arbitrarySpec(), fc.integer({ min: 0, max: 1 << 20 }), (spec, S) =>
      kvCacheBytes(spec, S) <= kvCacheBytes(spec, S + 1)), seeded);
  });

  it("a causal prefill of S tokens equals S one-token steps (small S)", () => {
    fc.assert(fc.property(arbitrarySpec(4096), fc.integer({ min: 1, max: 24 }), (spec, S) => {
      let steps = 0n;
      for (let p = 0; p < S; p++) steps += forwardFlops(spec, { tokens: 1, past: p, logits: "last" }).total;
      return forwardFlops(spec, { tokens: S, logits: "all" }).total === steps;
    }), { seed: 20261129, numRuns: 100 });
  });
});
