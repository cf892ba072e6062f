/**
 * Properties of the long-context conventions (fast-check, seeded): chunked
 * and top-k key counts against brute-force sums written here, and the
 * fixed cost and fixed state of linear-attention and Mamba-2 layers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attendedKeys, decodeFlops, sparseKeys } from "../../src/core/flops";
import { kvCacheBytes, recurrentStateBytes } from "../../src/core/memory";
import { presetById } from "../../src/core/presets";
import type { ModelSpec } from "../../src/core/model";

const seeded = { seed: 20261204, numRuns: 300 };
const past = fc.integer({ min: 0, max: 5000 });
const tokens = fc.integer({ min: 1, max: 300 });
const size = fc.integer({ min: 1, max: 600 });

/** Σ over the new positions p (1-based) of what each sees, one by one. */
function bruteForce(a: number, n: number, seen: (p: number) => number): bigint {
  let total = 0n;
  for (let p = a + 1; p <= a + n; p++) total += BigInt(seen(p));
  return total;
}

describe("long-context conventions (fast-check, seeded)", () => {
  it("chunks of C: position p sees ((p − 1) mod C) + 1 keys", () => {
    fc.assert(fc.property(past, tokens, size, (a, n, c) => {
      expect(attendedKeys(a, n, "causal", null, c)).toBe(bruteForce(a, n, (p) => ((p - 1) % c) + 1));
    }), seeded);
  });

  it("top-k: each new token reads min(p, k) keys causally, min(all, k) under a full mask", () => {
    fc.assert(fc.property(past, tokens, size, (a, n, k) => {
      expect(sparseKeys(a, n, "causal", k)).toBe(bruteForce(a, n, (p) => Math.min(p, k)));
      expect(sparseKeys(a, n, "full", k)).toBe(BigInt(n) * BigInt(Math.min(a + n, k)));
    }), seeded);
  });

  it("chunked keys never exceed full causal keys, and equal them within the first chunk", () => {
    fc.assert(fc.property(past, tokens, size, (a, n, c) => {
      const chunked = attendedKeys(a, n, "causal", null, c);
      expect(chunked <= attendedKeys(a, n, "causal", null)).toBe(true);
      if (a + n <= c) expect(chunked).toBe(attendedKeys(a, n, "causal", null));
    }), seeded);
  });

  const linear: ModelSpec[] = [presetById("qwen3-next-80b-a3b").spec, presetById("falcon-h1-tiny-90m").spec];

  it("a recurrent layer's work per token and its state do not depend on the context", () => {
    fc.assert(fc.property(fc.constantFrom(...linear), fc.integer({ min: 1, max: 1 << 22 }), fc.integer({ min: 1, max: 1 << 22 }), (spec, s1, s2) => {
      const a = decodeFlops(spec, s1).terms;
      const b = decodeFlops(spec, s2).terms;
      expect([a.stateUpdate, a.conv, a.linearProj]).toEqual([b.stateUpdate, b.conv, b.linearProj]);
      expect(recurrentStateBytes(spec)).toBeGreaterThan(0n);
    }), seeded);
  });

  it("only attention layers grow the cache: one more token adds the same bytes at any length", () => {
    fc.assert(fc.property(fc.constantFrom(...linear), fc.integer({ min: 1, max: 1 << 22 }), (spec, S) => {
      expect(kvCacheBytes(spec, S + 1) - kvCacheBytes(spec, S)).toBe(kvCacheBytes(spec, 2) - kvCacheBytes(spec, 1));
    }), seeded);
  });

  it("a token's FLOPs with sinks and without differ only in elementwise softmax work: 4 per head and full row", () => {
    const spec = presetById("gpt-oss-20b").spec;
    if (spec.attention.kind !== "standard") throw new Error("standard attention expected");
    const { sinks: _, ...plain } = spec.attention;
    fc.assert(fc.property(fc.integer({ min: 1, max: 1 << 20 }), (S) => {
      const withSinks = decodeFlops(spec, S, { elementwise: true });
      const without = decodeFlops({ ...spec, attention: plain }, S, { elementwise: true });
      expect(withSinks.total - without.total).toBe(24n * 64n * 4n); // 24 layers × 64 heads × SINK_FLOPS_PER_ROW
      expect(decodeFlops(spec, S).total).toBe(decodeFlops({ ...spec, attention: plain }, S).total);
    }), { ...seeded, numRuns: 50 });
  });
});
