import { describe, expect, it } from "vitest";
import { evaluateFormula, exampleValues } from "../../../src/core/formula";
import { grok, grokGpt3Claim } from "../../../src/core/formulas/grok";
import reference from "../../fixtures/reference/formulas.json";

/** "2.56e16" → 25600000000000000n, exactly (no float on the way). */
function parseScientific(text: string): bigint {
  const match = /^(\d+)(?:\.(\d+))?e\+?(\d+)$/.exec(text);
  if (!match) throw new Error(`not a number in scientific notation: ${text}`);
  const [, whole = "", fraction = "", exponent = "0"] = match;
  return BigInt(whole + fraction) * 10n ** BigInt(Number(exponent) - fraction.length);
}

const results = reference.seed_post.grok_results;

describe("Grok's 2·N·S", () => {
  it("gives the post's 2.56 × 10¹⁶ for N = 10¹¹, S = 128,000", () => {
    const expected = parseScientific(results["N=1e11,S=128000"]);
    expect(expected).toBe(25_600_000_000_000_000n); // 2 · 10¹¹ · 1.28 × 10⁵
    expect(evaluateFormula(grok, { N: 10n ** 11n, S: 128_000n }).total).toBe(expected);
  });

  it("gives the post's 2.56 × 10¹⁷ for N = 10¹², S = 128,000", () => {
    const expected = parseScientific(results["N=1e12,S=128000"]);
    expect(expected).toBe(256_000_000_000_000_000n);
    expect(evaluateFormula(grok, { N: 10n ** 12n, S: 128_000n }).total).toBe(expected);
  });

  it("uses the conservative estimate as its example", () => {
    expect(evaluateFormula(grok, exampleValues(grok)).total).toBe(25_600_000_000_000_000n);
  });
});

describe("Grok's “GPT-3 at 2k context ≈ 7 × 10¹¹”", () => {
  it("quotes the claim and states 7 × 10¹¹", () => {
    expect(reference.seed_post.grok_gpt3_claim).toContain("7e11");
    expect(grokGpt3Claim.claim).toContain("7 × 10^11");
    expect(grokGpt3Claim.stated).toBe(700_000_000_000n);
  });

  it("is not what 2·N·S gives for 175B at 2048 tokens: that is 7.168 × 10¹⁴", () => {
    const { total } = evaluateFormula(grokGpt3Claim.formula, grokGpt3Claim.described);
    expect(total).toBe(716_800_000_000_000n); // 2 · 175 × 10⁹ · 2048 = 350 × 10⁹ · 2048
    expect(total / grokGpt3Claim.stated).toBe(1024n);
  });

  it("is reproduced by entering the 2k context as 2", () => {
    expect(grokGpt3Claim.reproducing).toEqual({ N: 175_000_000_000n, S: 2n });
    expect(evaluateFormula(grokGpt3Claim.formula, grokGpt3Claim.reproducing).total).toBe(2n * 175_000_000_000n * 2n);
    expect(evaluateFormula(grokGpt3Claim.formula, grokGpt3Claim.reproducing).total).toBe(grokGpt3Claim.stated);
  });
});
