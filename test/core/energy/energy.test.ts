import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { usdPerMillionTokens } from "../../../src/core/energy/cost";
import { energyPerToken, queryEnergy } from "../../../src/core/energy/energy";
import { hardwareById } from "../../../src/core/energy/hardware";
import { powerDraw } from "../../../src/core/energy/power";
import { presetById } from "../../../src/core/presets";
import { arbitrarySpec } from "../arbitrary";
import { TOY, TOY_GPU } from "./toy";

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 12);

describe("power", () => {
  it("charges the measured average when there is one, TDP × load factor otherwise", () => {
    expect(powerDraw(TOY_GPU, 2, { measuredWatts: 80 }).watts).toBe(160);
    expect(powerDraw(TOY_GPU, 2, { measuredWatts: 80 }).source).toBe("measured");
    expect(powerDraw(TOY_GPU, 1).watts).toBe(100);
    expect(powerDraw(TOY_GPU, 1, { loadFactor: 0.7 }).watts).toBeCloseTo(70, 12);
    expect(powerDraw(TOY_GPU, 1).assumptions.gpuPower?.note).toMatch(/full TDP/);
  });

  it("multiplies host overhead and PUE on top", () => {
    // 4 GPUs × 100 W × 1.25 × 1.2 = 600 W
    expect(powerDraw(TOY_GPU, 4, { hostOverhead: 1.25, pue: 1.2 }).watts).toBeCloseTo(600, 9);
  });

  it.each([
    [{ measuredWatts: 0 }, /measuredWatts/],
    [{ loadFactor: 1.5 }, /loadFactor/],
    [{ pue: 0.9 }, /pue/],
    [{ hostOverhead: Number.NaN }, /hostOverhead/],
    [{ measuredWatts: 400, loadFactor: 0.7 }, /loadFactor: applies to TDP/],
  ])("rejects %j", (options, message) => {
    expect(() => powerDraw(TOY_GPU, 1, options)).toThrow(message);
  });
});

describe("cost", () => {
  it("is G × price per second × step time / tokens", () => {
    // 2 GPUs at $3.60/h = $0.002/s; a 0.5 s step yielding 1000 tokens: $0.000001 per token = $1 per million.
    expect(usdPerMillionTokens(0.5, 1000, 2, 3.6)).toBeCloseTo(1, 12);
    expect(() => usdPerMillionTokens(0.5, 1000, 2, 0)).toThrow(/usdPerGpuHour/);
  });
});

describe("energy per token (toy model, by hand)", () => {
  it("decode: power × step / B; prefill: power × step / (B·S)", () => {
    const report = energyPerToken(TOY, TOY_GPU, { context: 100, batch: 4, usdPerGpuHour: 3.6 });
    // decode step 6.6176 ms (see roofline.test.ts) at 100 W for 4 tokens
    close(report.decode.joulesPerToken, (100 * 0.0066176) / 4);
    close(report.decode.tokensPerSecond, 4 / 0.0066176);
    close(report.decode.usdPerMillionTokens, (0.001 * 0.0066176 / 4) * 1e6);
    expect(report.decode.bound).toBe("memory");
    expect(report.decode.perToken).toBe("output token");
    // prefill of 4 prompts of 100: compute-bound, 4 × 22,374,400 FLOPs / 5e8
    close(report.prefill.stepSeconds, (4 * 22_374_400) / 5e8);
    close(report.prefill.joulesPerToken, (100 * (4 * 22_374_400) / 5e8) / 400);
    expect(report.prefill.perToken).toBe("prompt token");
  });

  it("sets utilization per phase", () => {
    const report = energyPerToken(TOY, TOY_GPU, { context: 100, batch: 1, prefillUtilization: 0.25 });
    close(report.prefill.stepSeconds, 22_374_400 / 2.5e8);
    expect(report.assumptions.prefillUtilization?.value).toBe(0.25);
    expect(report.assumptions.decodeUtilization?.value).toBe(0.5);
  });

  it("on two GPUs charges both and pays for the all-reduces", () => {
    const report = energyPerToken(TOY, TOY_GPU, { context: 100, batch: 4, gpus: 2 });
    close(report.decode.stepSeconds, 0.0066176 / 2 + 2.048e-4);
    close(report.decode.joulesPerToken, (200 * (0.0066176 / 2 + 2.048e-4)) / 4);
  });

  it("names every input it used", () => {
    const { assumptions } = energyPerToken(TOY, TOY_GPU, { context: 100 });
    for (const key of [
      "hardware", "computePrecision", "decodeUtilization", "prefillUtilization", "bandwidthEfficiency", "overlap", "weightsRead",
      "decodeKvCache", "prefillKvCache", "memoryCapacity", "tensorParallel", "gpuPower", "hostOverhead", "pue", "usdPerGpuHour",
    ]) expect(assumptions[key], key).toBeDefined();
  });

  it("Llama-3.1-8B decode on an H100 at batch 1 is memory-bound, near weights / bandwidth", () => {
    const report = energyPerToken(presetById("llama-3.1-8b").spec, hardwareById("h100-sxm"), { context: 1024 });
    // Weights read: 8,030,261,248 − 525,336,576 (embedding table) + 4,096 (one row) = 7,504,928,768 params, 2 bytes each;
    // KV cache: 1024 tokens × 128 KiB. At 0.8 × 3.35 TB/s:
    const bytes = 2 * 7_504_928_768 + 1024 * 131_072;
    expect(report.decode.bound).toBe("memory");
    expect(report.decode.stepSeconds).toBeCloseTo(bytes / (0.8 * 3.35e12), 9);
  });
});

describe("energy per query (toy model, by hand)", () => {
  it("prefill once, then O − 1 decode steps at the mean context", () => {
    const query = queryEnergy(TOY, TOY_GPU, { promptTokens: 100, outputTokens: 3 });
    // prefill 100 tokens: 22,374,400 / 5e8 = 44.7488 ms → 4.47488 J at 100 W.
    // decode at round(100 + 3/2) = 102: weights 324,608 B / 8e7 + KV 102 × 512 B / 8e7 = 4.7104 ms, twice → 0.94208 J.
    expect(query.decodeContext).toBe(102);
    close(query.prefillJoules, 4.47488);
    close(query.decodeJoules, 0.94208);
    close(query.joules, 5.41696);
    close(query.wattHours, 5.41696 / 3600);
    close(query.joulesPerOutputToken, 5.41696 / 3);
  });

  it("shares the prefill step and the decode steps with the batch", () => {
    const alone = queryEnergy(TOY, TOY_GPU, { promptTokens: 100, outputTokens: 3 });
    const shared = queryEnergy(TOY, TOY_GPU, { promptTokens: 100, outputTokens: 3, batch: 4 });
    // decode at 102 for 4 sequences: (324,608 + 4 × 52,224) B / 8e7 = 6.6688 ms per step, a quarter of it each.
    close(shared.decodeJoules, (2 * 100 * 0.0066688) / 4);
    expect(shared.prefillJoules).toBeCloseTo(alone.prefillJoules, 12); // compute-bound: same work per prompt
  });

  it("a one-token answer is all prefill", () => {
    const query = queryEnergy(TOY, TOY_GPU, { promptTokens: 100, outputTokens: 1 });
    expect(query.decode).toBeUndefined();
    expect(query.decodeJoules).toBe(0);
  });

  it("rejects counts that are not whole", () => {
    expect(() => queryEnergy(TOY, TOY_GPU, { promptTokens: 0, outputTokens: 3 })).toThrow(/promptTokens/);
    expect(() => queryEnergy(TOY, TOY_GPU, { promptTokens: 10, outputTokens: 2.5 })).toThrow(/outputTokens/);
  });
});

describe("properties", () => {
  it("every figure is finite and positive for any valid model and inputs", () => {
    fc.assert(
      fc.property(
        arbitrarySpec(1 << 12),
        fc.constantFrom("a100-sxm-80gb", "h100-sxm", "h200", "b200", "mi300x"),
        fc.integer({ min: 1, max: 1 << 17 }),
        fc.integer({ min: 1, max: 1024 }),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (spec, gpu, context, batch, gpus, utilization) => {
          const report = energyPerToken(spec, hardwareById(gpu), { context, batch, gpus, decodeUtilization: utilization, prefillUtilization: utilization });
          for (const phase of [report.decode, report.prefill]) {
            for (const value of [phase.stepSeconds, phase.joulesPerToken, phase.usdPerMillionTokens, phase.tokensPerSecond]) {
              expect(Number.isFinite(value) && value > 0).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
