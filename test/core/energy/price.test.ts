import { describe, expect, it } from "vitest";
import { hardwareById } from "../../../src/core/energy/hardware";
import { priceImpliedFlops } from "../../../src/core/energy/price";
import reference from "../../fixtures/reference/formulas.json";

const post = reference.seed_post;
const h100 = hardwareById("h100-sxm");

describe("price-implied FLOPs", () => {
  it("$10 per million output tokens at $2 per H100-hour and 50% MFU buys 8.9 TFLOP per token", () => {
    const budget = priceImpliedFlops({ usdPerMillionTokens: post.api_prices_quoted.output_usd_per_million_tokens, usdPerGpuHour: 2, hardware: h100, utilization: 0.5 });
    // $10 / 10^6 = $1e-5 per token; $2 / 3600 s per GPU-second → 0.018 GPU-seconds; × 989.5e12 × 0.5
    expect(budget.gpuSecondsPerToken).toBeCloseTo(0.018, 15);
    expect(budget.flopsPerToken).toBeCloseTo(8.9055e12, 0);
  });

  it("the post's 2·N·S = 2.56×10^16 FLOPs per token would cost ~2,900 times what GPT-4o charges", () => {
    const budget = priceImpliedFlops({ usdPerMillionTokens: post.api_prices_quoted.output_usd_per_million_tokens, usdPerGpuHour: 2, hardware: h100, utilization: 0.5 });
    const claimed = Number(post.grok_results["N=1e11,S=128000"]);
    // 2.56e16 / 8.9055e12 = 2874.6
    expect(claimed / budget.flopsPerToken).toBeCloseTo(2874.6, 1);
  });

  it("$2.50 per million input tokens leaves 2.2 TFLOP per token: eleven times 2N for N = 10^11", () => {
    const budget = priceImpliedFlops({ usdPerMillionTokens: post.api_prices_quoted.input_usd_per_million_tokens, usdPerGpuHour: 2, hardware: h100, utilization: 0.5 });
    // 0.0045 GPU-s × 989.5e12 × 0.5 = 2.226375e12; 2N = 2e11
    expect(budget.flopsPerToken).toBeCloseTo(2.226375e12, 0);
    expect(budget.flopsPerToken / 2e11).toBeCloseTo(11.13, 2);
  });

  it("uses the fp8 rate when asked, and names its inputs", () => {
    const budget = priceImpliedFlops({ usdPerMillionTokens: 10, usdPerGpuHour: 2, hardware: h100, utilization: 0.5, precision: "fp8" });
    expect(budget.flopsPerToken).toBeCloseTo(0.018 * 1979e12 * 0.5, 0);
    expect(Object.keys(budget.assumptions)).toEqual(["usdPerMillionTokens", "usdPerGpuHour", "peakFlops", "utilization"]);
  });

  it.each([
    [{ usdPerMillionTokens: 0, usdPerGpuHour: 2 }, /usdPerMillionTokens/],
    [{ usdPerMillionTokens: 10, usdPerGpuHour: Number.NaN }, /usdPerGpuHour/],
    [{ usdPerMillionTokens: 10, usdPerGpuHour: 2, utilization: 2 }, /utilization/],
  ])("rejects %j", (options, message) => {
    expect(() => priceImpliedFlops({ ...options, hardware: h100 })).toThrow(message);
  });
});
