import { describe, expect, it } from "vitest";
import { evaluateFormula, exampleValues } from "../../../src/core/formula";
import { modelFlopsUtilization, PALM_540B_TRAINING_RUN, palm } from "../../../src/core/formulas/palm";
import reference from "../../fixtures/reference/formulas.json";

const inputs = reference.palm_appendix_b.inputs;
const values = { N: BigInt(inputs.N), L: BigInt(inputs.L), H: BigInt(inputs.H), Q: BigInt(inputs.Q), T: BigInt(inputs.T) };

describe("PaLM Appendix B", () => {
  it("counts 6N + 12·L·H·Q·T training FLOPs per token for PaLM 540B", () => {
    const weights = 3_242_100_000_000n; //   6 · 540,350,000,000
    const attention = 35_634_806_784n; //    12 · 118 · 48 · 256 · 2048
    expect(evaluateFormula(palm, values).terms.map((term) => term.value)).toEqual([weights, attention]);
    expect(evaluateFormula(palm, values).total).toBe(3_277_734_806_784n);
  });

  it("uses PaLM 540B as its example", () => {
    expect(exampleValues(palm)).toEqual(values);
  });

  it("reproduces the reported 46.2 % MFU", () => {
    const mfu = modelFlopsUtilization({
      flopsPerToken: evaluateFormula(palm, values).total,
      tokensPerSecond: inputs.tokens_per_second,
      chips: inputs.chips,
      peakFlopsPerChip: inputs.peak_flops_per_chip,
    });
    expect(`${(mfu * 100).toPrecision(3)}%`).toBe(reference.palm_appendix_b.reported_mfu);
  });

  it("keeps the run's figures as reported", () => {
    expect(PALM_540B_TRAINING_RUN.tokensPerSecond).toBe(inputs.tokens_per_second);
    expect(PALM_540B_TRAINING_RUN.chips).toBe(inputs.chips);
    expect(PALM_540B_TRAINING_RUN.peakFlopsPerChip).toBe(inputs.peak_flops_per_chip);
    expect(`${PALM_540B_TRAINING_RUN.reportedMfu * 100}%`).toBe(reference.palm_appendix_b.reported_mfu);
  });

  it("computes MFU as used FLOP/s over peak FLOP/s", () => {
    // 10 FLOPs per token at 3 tokens/s on 2 chips of 20 FLOP/s: 30 / 40.
    expect(modelFlopsUtilization({ flopsPerToken: 10n, tokensPerSecond: 3, chips: 2, peakFlopsPerChip: 20 })).toBe(0.75);
  });

  it("rejects inputs that make no sense, naming them", () => {
    const ok = { flopsPerToken: 10n, tokensPerSecond: 3, chips: 2, peakFlopsPerChip: 20 };
    expect(() => modelFlopsUtilization({ ...ok, flopsPerToken: 0n })).toThrow(/flopsPerToken/);
    expect(() => modelFlopsUtilization({ ...ok, chips: 0 })).toThrow(/chips/);
    expect(() => modelFlopsUtilization({ ...ok, tokensPerSecond: Number.NaN })).toThrow(/tokensPerSecond/);
    expect(() => modelFlopsUtilization({ ...ok, peakFlopsPerChip: -1 })).toThrow(/peakFlopsPerChip/);
  });
});
