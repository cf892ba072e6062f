import { describe, expect, it } from "vitest";
import { decodeFlops } from "../../../src/core/flops";
import { evaluateFormula } from "../../../src/core/formula";
import { denseDecode, denseDecodeValues, multipliedWeights, paramsPlusAttention } from "../../../src/core/formulas/first-principles";
import { PRESETS, presetById } from "../../../src/core/presets";

describe("first-principles formulas as data agree with the core", () => {
  const dense = PRESETS.filter((p) => p.spec.attention.kind === "standard" && !p.spec.moe && !p.spec.attention.slidingWindow && !p.spec.ssm && !p.spec.linearAttention);

  it("covers many presets", () => {
    expect(dense.length).toBeGreaterThanOrEqual(10);
  });

  for (const preset of dense) {
    it(`denseDecode = decodeFlops for ${preset.id} at S = 8192`, () => {
      expect(evaluateFormula(denseDecode, denseDecodeValues(preset.spec, 8192)).total).toBe(decodeFlops(preset.spec, 8192).total);
    });
  }

  it("Llama-2-7B: 2N + 4·L·S·d with N = 6,607,077,376 multiplied weights (hand: all weights minus 131,072,000 embedding and 266,240 norm weights)", () => {
    const spec = presetById("llama-2-7b").spec;
    expect(multipliedWeights(spec)).toBe(6_738_415_616n - 131_072_000n - 266_240n);
    const value = evaluateFormula(paramsPlusAttention, { N: multipliedWeights(spec), L: 32n, S: 4096n, d_attn: 4096n }).total;
    expect(value).toBe(decodeFlops(spec, 4096).total);
  });

  it("refuses models the dense formula does not cover", () => {
    expect(() => denseDecodeValues(presetById("mixtral-8x7b").spec, 10)).toThrow(/dense models with full attention/);
    // A Mamba-2 mixer beside attention (Falcon-H1) is outside the dense formula too.
    expect(() => denseDecodeValues(presetById("falcon-h1-tiny-90m").spec, 10)).toThrow(/dense models with full attention/);
  });
});
