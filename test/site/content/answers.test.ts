import { describe, expect, it } from "vitest";
import { threeAnswers } from "../../../site/content/answers";

describe("the landing page's three numbers, for the post's own inputs", () => {
  const [gpt4o, grok, firstPrinciples] = threeAnswers();

  it("GPT4o: the post's REPL output", () => {
    // Printed by the post's REPL: "1731304652800000".
    expect(gpt4o?.flops).toBe(1_731_304_652_800_000n);
    expect(gpt4o?.exact).toBe("1,731,304,652,800,000");
  });

  it("Grok: 2 × 10^11 × 128,000", () => {
    expect(grok?.flops).toBe(2n * 100_000_000_000n * 128_000n);
    expect(grok?.scientific).toBe("2.56 \\times 10^{16}");
  });

  it("first principles: one token with a KV cache, by hand for E = 4096, V = 200,000, L = 100, 32 heads of 128, a 4E MLP, S = 128,000", () => {
    const d = 4096n, L = 100n, V = 200_000n, S = 128_000n, ff = 4n * d;
    const perLayer =
      2n * d * d + // Q projection
      2n * 2n * d * d + // K and V projections
      2n * S * d + // scores: one 128-wide dot product per head per cached key
      2n * S * d + // weighted sum of values
      2n * d * d + // output projection
      2n * 2n * d * ff; // two MLP matrices
    const expected = L * perLayer + 2n * d * V;
    expect(expected).toBe(251_618_918_400n);
    expect(firstPrinciples?.flops).toBe(expected);
  });
});
