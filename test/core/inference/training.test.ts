import { describe, expect, it } from "vitest";
import { gpuHoursEnergy, LLAMA3_405B_TRAINING, trainingEnergy, trainingFlops } from "../../../src/core/inference/training";

describe("training: 6·N·D", () => {
  it("Llama 3 405B on 15.6T tokens: 6 · 405e9 · 15.6e12 = 3.79 × 10^25, Meta's 3.8 × 10^25", () => {
    const flops = trainingFlops(405_000_000_000n, 15_600_000_000_000n);
    expect(flops).toBe(37_908_000_000_000_000_000_000_000n);
    expect(Math.abs(Number(flops) / 3.8e25 - 1)).toBeLessThan(0.01);
  });

  it("its energy from Meta's GPU-hours: 30.84M H100-hours at 700 W = 21.6 GWh (77.7 TJ)", () => {
    const joules = gpuHoursEnergy(LLAMA3_405B_TRAINING.gpuHours, LLAMA3_405B_TRAINING.wattsPerGpu);
    expect(joules).toBeCloseTo(30.84e6 * 3600 * 700, -6);
    expect(joules / 3.6e12).toBeCloseTo(21.588, 2); // GWh
  });

  it("the MFU those GPU-hours imply: 3.79e25 / (30.84M h · 3600 s · 989.5 TFLOP/s) = 34.5%", () => {
    const run = trainingEnergy({ flops: trainingFlops(405_000_000_000n, 15_600_000_000_000n), peakFlopsPerGpu: 989.5e12, mfu: 0.345, wattsPerGpu: 700 });
    // At 34.5% MFU the run takes 3.79e25 / (989.5e12 · 0.345) / 3600 = 30.84M GPU-hours.
    expect(run.gpuHours / 1e6).toBeCloseTo(3.7908e25 / (989.5e12 * 0.345) / 3600 / 1e6, 6);
    expect(Math.abs(run.gpuHours / 30.84e6 - 1)).toBeLessThan(0.01);
  });

  it("names bad input", () => {
    expect(() => trainingFlops(0n, 1n)).toThrow(/params/);
    expect(() => trainingEnergy({ flops: 1n, peakFlopsPerGpu: 1, mfu: 2, wattsPerGpu: 1 })).toThrow(/mfu/);
  });
});
