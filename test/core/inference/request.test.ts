import { describe, expect, it } from "vitest";
import { requestFlops } from "../../../src/core/inference/request";
import { presetById } from "../../../src/core/presets";
import { fixture } from "../../fixtures/load";

// The post's model: d = 4096, L = 100, 32 heads of 128 (MHA), a 4d plain MLP, V = 200,000, untied.
// Per token and layer the matmuls are 2·(4d² + 2·d·4d) = 2·12d² FLOPs; attention 4·d per key; logits 2·d·V.
const d = 4096n;
const L = 100n;
const V = 200_000n;
const matmulsPerToken = 2n * L * 12n * d * d;
const attentionPerKey = L * 4n * d;
const logits = 2n * d * V;

describe("a request's prefill against its decode", () => {
  const post = presetById("post-hypothetical").spec;

  it("a 128k-token prompt's prefill: 1.9 × 10^16 FLOPs, by hand", () => {
    const P = 128_000n;
    const expected = P * matmulsPerToken + attentionPerKey * ((P * (P + 1n)) / 2n) + logits;
    const r = requestFlops(post, { promptTokens: 128_000, outputTokens: 500 });
    expect(r.prefill).toBe(expected);
    expect(Number(r.prefill)).toBeGreaterThan(1.85e16);
    expect(Number(r.prefill)).toBeLessThan(1.95e16);
  });

  it("its 500-token answer: 499 decode steps at contexts P+1 … P+499, each with its own logits", () => {
    const P = 128_000n;
    const n = 499n;
    const keys = n * P + (n * (n + 1n)) / 2n;
    const r = requestFlops(post, { promptTokens: 128_000, outputTokens: 500 });
    expect(r.decode).toBe(n * (matmulsPerToken + logits) + attentionPerKey * keys);
    expect(r.total).toBe(r.prefill + r.decode);
  });

  it("Grok's 2·N·S is about the one-time cost of reading the prompt, not a per-token cost", () => {
    // The post's Grok answer, 2·N·S with N = 10^11 and S = 128,000: 2.56 × 10^16, the same order as one 128k prefill.
    const seed = fixture<{ seed_post: { grok_results: Record<string, string> } }>("reference/formulas.json").seed_post;
    const twoNS = Number(seed.grok_results["N=1e11,S=128000"]);
    expect(twoNS).toBe(2 * 1e11 * 128_000);
    const r = requestFlops(post, { promptTokens: 128_000, outputTokens: 500 });
    expect(twoNS / Number(r.prefill)).toBeGreaterThan(1);
    expect(twoNS / Number(r.prefill)).toBeLessThan(2);
    // Per answer token the decode is ~2.5 × 10^11, a hundred thousand times less.
    expect(Number(r.decode) / 499).toBeLessThan(twoNS / 1e4);
  });

  it("prefix caching: a cached prefix of c tokens leaves P − c tokens to prefill, attending to c + i keys", () => {
    const P = 4096n;
    const c = 3072n;
    const n = P - c;
    const keys = n * c + (n * (n + 1n)) / 2n;
    const r = requestFlops(post, { promptTokens: 4096, outputTokens: 1, cachedPromptTokens: 3072 });
    expect(r.prefill).toBe(n * matmulsPerToken + attentionPerKey * keys + logits);
    expect(r.decode).toBe(0n);
  });

  it("names bad input", () => {
    expect(() => requestFlops(post, { promptTokens: 10, outputTokens: 1, cachedPromptTokens: 10 })).toThrow(/cachedPromptTokens/);
    expect(() => requestFlops(post, { promptTokens: 0, outputTokens: 1 })).toThrow(/promptTokens/);
  });
});
