import { describe, expect, it } from "vitest";
import { landingFigures } from "../../../site/content/answers";

// One token with a KV cache of a plain transformer (multi-head attention, a 4E two-layer MLP, untied LM head), by hand.
function plainTransformerToken(d: bigint, L: bigint, V: bigint, S: bigint): bigint {
  const perLayer =
    2n * d * d + // Q projection
    2n * 2n * d * d + // K and V projections
    2n * S * d + // scores: one dot product per head per cached key, over all heads d wide
    2n * S * d + // weighted sum of values
    2n * d * d + // output projection
    2n * 2n * d * (4n * d); // two MLP matrices
  return L * perLayer + 2n * d * V;
}

describe("the landing page's numbers, for the post's own inputs", () => {
  const figures = landingFigures();
  const [gpt4o, grok, firstPrinciples] = figures.answers;
  const E = 4096n, V = 200_000n, L = 100n, S = 128_000n, H = 8n;

  it("GPT4o: its formula at the post's inputs, H = 8 in both terms (the REPL line typed 1 in one)", () => {
    const expected = E * V + L * (8n * E * E * S + 4n * E * H * S + H * S * S);
    // The REPL line printed 1731304652800000 with H = 1 in the Q/K/V term; H = 8 adds 4·E·7·S·L.
    expect(expected - 1_731_304_652_800_000n).toBe(4n * E * 7n * S * L);
    expect(gpt4o.flops).toBe(expected);
  });

  it("Grok: 2 × 10^11 × 128,000", () => {
    expect(grok.flops).toBe(2n * 100_000_000_000n * 128_000n);
    expect(grok.scientific).toBe("2.56 \\times 10^{16}");
  });

  it("first principles: one token with a KV cache, by hand for E = 4096, V = 200,000, L = 100, a 4E MLP, S = 128,000", () => {
    const expected = plainTransformerToken(E, L, V, S);
    expect(expected).toBe(251_618_918_400n);
    expect(firstPrinciples.flops).toBe(expected);
  });

  it("the factors: GPT4o's and Grok's over the counted cost, rounded half up", () => {
    // 1,732,772,659,200,000 / 251,618,918,400 = 6,886.496…; 2.56e16 / 251,618,918,400 = 101,741.1…
    expect(figures.gpt4oTimes).toBe("6,886×");
    expect(figures.grokTimesPostModel).toBe("101,741×");
  });

  it("Grok like for like: a 10^11-parameter model built like the post's (E = 8192, L = 124)", () => {
    const sized = plainTransformerToken(8192n, 124n, V, S);
    expect(12n * 124n * 8192n * 8192n).toBe(99_857_989_632n); // ≈ 10^11 weights in the layers
    expect(figures.sizedModelFlops).toBe(sized);
    // 2.56e16 / 723,086,475,264 = 35,403.79…
    expect(sized).toBe(723_086_475_264n);
    expect(figures.grokTimesSizedModel).toBe("35,404×");
  });
});
