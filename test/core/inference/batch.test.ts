import { describe, expect, it } from "vitest";
import { HARDWARE_PRESETS, hardwareById } from "../../../src/core/energy/hardware";
import { batchSweep, computeBoundBatch } from "../../../src/core/inference/batch";
import { presetById } from "../../../src/core/presets";

const llama8 = presetById("llama-3.1-8b").spec;

// Datasheet dense bf16 peak and HBM bandwidth, at the model's stated efficiencies (0.5 of peak, 0.8 of bandwidth).
// A bf16 weight is 2 bytes and does 2 FLOPs per token, so the weight matmuls turn compute-bound at
// B = (0.5 · peak) / (0.8 · bandwidth), rounded up (the few embedding rows a step reads move it by far less than one).
const HAND: Record<string, number> = {
  "a100-sxm-80gb": Math.ceil((0.5 * 312e12) / (0.8 * 2039e9)), // 95.6 → 96
  "h100-sxm": Math.ceil((0.5 * 989.5e12) / (0.8 * 3.35e12)), // 184.6 → 185
  h200: Math.ceil((0.5 * 989.5e12) / (0.8 * 4.8e12)), // 128.8 → 129
  b200: Math.ceil((0.5 * 2250e12) / (0.8 * 7.7e12)), // 182.6 → 183
  mi300x: Math.ceil((0.5 * 1307.4e12) / (0.8 * 5.3e12)), // 154.2 → 155
};

describe("the batch at which decode turns compute-bound", () => {
  it.each(HARDWARE_PRESETS.map((h) => [h.id]))("%s, bf16: peak / bandwidth FLOPs per byte", (id) => {
    expect(computeBoundBatch(llama8, hardwareById(id), { context: 1024 })?.batch).toBe(HAND[id]);
  });

  it("fp8 weights on fp8 tensor cores: half the bytes and twice the rate, the same batch (H100: 185)", () => {
    expect(computeBoundBatch(llama8, hardwareById("h100-sxm"), { context: 1024, dtype: "fp8" })?.batch).toBe(185);
  });

  it("int4 weights multiplied at the bf16 rate: a quarter of the bytes, a quarter of the batch (H100: 184.6 / 4 → 47)", () => {
    expect(computeBoundBatch(llama8, hardwareById("h100-sxm"), { context: 1024, dtype: "int4" })?.batch).toBe(Math.ceil(184.64 / 4));
  });

  it("kipply's A100 figure at full efficiency: 312 TFLOP/s / 1.5 TB/s = 208 FLOPs per byte (the step's embedding rows tip an exact 208 to 209)", () => {
    const a100 = { ...hardwareById("a100-sxm-80gb"), hbmBandwidth: 1.5e12 };
    expect(computeBoundBatch(llama8, a100, { context: 1024, utilization: 1, bandwidthEfficiency: 1 })?.batch).toBe(209);
  });

  it("an MoE model needs a larger batch: more experts are read as the batch grows (Mixtral on H100 above the dense 185)", () => {
    const moe = computeBoundBatch(presetById("mixtral-8x7b").spec, hardwareById("h100-sxm"), { context: 1024 });
    expect(moe?.batch).toBeGreaterThan(185 * 2);
  });
});

describe("tokens/s and J/token against batch", () => {
  const points = batchSweep(llama8, hardwareById("h100-sxm"), { context: 1024 }, [1, 8, 64, 512]);

  it("at batch 1 the step is memory-bound and the achieved MFU is well under 1%", () => {
    expect(points[0]?.bound).toBe("memory");
    expect(points[0]?.mfu).toBeLessThan(0.01);
  });

  it("throughput rises and energy per token falls with the batch; each sequence sees fewer tokens/s", () => {
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1]!, points[i]!];
      expect(b.tokensPerSecond).toBeGreaterThan(a.tokensPerSecond);
      expect(b.joulesPerToken).toBeLessThan(a.joulesPerToken);
      expect(b.tokensPerSecondPerSequence).toBeLessThan(a.tokensPerSecondPerSequence);
    }
  });

  it("energy per token is TDP × step / B", () => {
    for (const p of points) expect(p.joulesPerToken).toBeCloseTo((700 * p.stepSeconds) / p.batch, 12);
  });
});
