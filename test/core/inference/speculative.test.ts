import { describe, expect, it } from "vitest";
import { draftProblem, expectedAcceptedTokens, speculativeDecoding } from "../../../src/core/inference/speculative";
import { hardwareById } from "../../../src/core/energy/hardware";
import { presetById } from "../../../src/core/presets";
import { TOY, TOY_GPU } from "../energy/toy";

describe("expected tokens per speculative iteration (Leviathan et al. 2023, eq. 1)", () => {
  it.each([
    [0.8, 4, (1 - 0.8 ** 5) / 0.2], // 3.3616
    [0.6, 2, 1 + 0.6 + 0.36], // 1.96
    [0, 5, 1], // every draft rejected: the target's own token
    [1, 3, 4], // every draft accepted
  ])("α = %s, γ = %s → %s", (alpha, gamma, expected) => {
    expect(expectedAcceptedTokens(alpha, gamma)).toBeCloseTo(expected, 12);
  });

  it("names the bad input", () => {
    expect(() => expectedAcceptedTokens(1.5, 2)).toThrow(/acceptance/);
    expect(() => expectedAcceptedTokens(0.5, 0)).toThrow(/draftTokens/);
  });
});

// Draft: the toy with one layer. Target: the toy (2 layers). Per token, by hand (FLOP = 2 per multiply-add):
//   a layer's matmuls 2·49,152 = 98,304; attention 4·d = 256 per key; logits 2·64·1000 = 128,000.
const DRAFT = { ...TOY, name: "toy, 1 layer", numLayers: 1 };
const S = 100;
const GAMMA = 3;
// Draft decode at context S: 98,304 + 256·100 + 128,000 = 251,904.
const DRAFT_FLOPS = 98_304 + 256 * S + 128_000;
// Target verifies γ + 1 = 4 tokens after S − 1 = 99: token i sees 99 + i keys → 4·99 + 10 = 406 keys per layer.
const VERIFY_FLOPS = 4 * 2 * 98_304 + 2 * 256 * 406 + 4 * 128_000;

describe("speculative decoding", () => {
  const spec = speculativeDecoding(TOY, DRAFT, TOY_GPU, { context: S, acceptance: 0.8, draftTokens: GAMMA });

  it("counts γ draft steps and one verify pass exactly", () => {
    expect(spec.draft.flops).toBe(BigInt(DRAFT_FLOPS));
    expect(spec.verify.flops).toBe(BigInt(VERIFY_FLOPS));
    expect(spec.iterationFlops).toBe(BigInt(GAMMA * DRAFT_FLOPS + VERIFY_FLOPS));
  });

  it("spends more FLOPs per accepted token than plain decode", () => {
    const tokens = (1 - 0.8 ** 4) / 0.2; // 2.952
    expect(spec.flopsPerToken).toBeCloseTo((GAMMA * DRAFT_FLOPS + VERIFY_FLOPS) / tokens, 6);
    // Plain decode of the target at S = 100: 2·98,304 + 2·256·100 + 128,000 = 375,808.
    expect(spec.baseline.flopsPerToken).toBe(375_808);
    expect(spec.flopsPerToken).toBeGreaterThan(spec.baseline.flopsPerToken);
  });

  it("J/token = power × (γ · draft step + verify step) / expected tokens", () => {
    const tokens = (1 - 0.8 ** 4) / 0.2;
    expect(spec.joulesPerToken).toBeCloseTo((100 * (GAMMA * spec.draft.stepSeconds + spec.verify.stepSeconds)) / tokens, 12);
  });

  // Llama 3.1 70B on 4 H100s drafted by Llama 3.1 8B, one sequence: every pass is memory-bound, and the
  // verify pass reads the 70B weights once for γ + 1 tokens, so a draft ~9× smaller pays off.
  const l70 = presetById("llama-3.1-70b").spec;
  const l8 = presetById("llama-3.1-8b").spec;
  const h100 = hardwareById("h100-sxm");

  it("pays where decode is memory-bound: faster and fewer joules per token at α = 0.8, γ = 4", () => {
    const good = speculativeDecoding(l70, l8, h100, { context: 4096, gpus: 4, acceptance: 0.8, draftTokens: 4 });
    expect(good.speedup).toBeGreaterThan(1.5);
    expect(good.joulesPerToken).toBeLessThan(good.baseline.joulesPerToken);
    expect(good.flopsPerToken).toBeGreaterThan(good.baseline.flopsPerToken);
  });

  it("loses when every draft is rejected", () => {
    const bad = speculativeDecoding(l70, l8, h100, { context: 4096, gpus: 4, acceptance: 0, draftTokens: 4 });
    expect(bad.speedup).toBeLessThan(1);
    expect(bad.joulesPerToken).toBeGreaterThan(bad.baseline.joulesPerToken);
  });
});

describe("which model can draft for which", () => {
  it("needs the same vocabulary and fewer active parameters", () => {
    const l70 = presetById("llama-3.1-70b").spec;
    const l8 = presetById("llama-3.1-8b").spec;
    expect(draftProblem(l70, l8)).toBeNull();
    // Llama 3.1: 128,256 tokens; GPT-2: 50,257.
    expect(draftProblem(l70, presetById("gpt2").spec)).toMatch(/50,257 tokens differs from the model's 128,256/);
    expect(draftProblem(l8, l70)).toMatch(/not smaller/);
    expect(draftProblem(l8, l8)).toMatch(/not smaller/);
  });
});
