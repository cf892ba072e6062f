import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeStep, prefillStep } from "../../../src/core/energy/roofline";
import { distinctExpertsPerLayer, weightTraffic } from "../../../src/core/energy/traffic";
import { presetById } from "../../../src/core/presets";
import { arbitrarySpec } from "../arbitrary";
import reference from "../../fixtures/reference/params.json";
import { TOY, TOY_GPU } from "./toy";

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 12);

describe("decode step roofline (toy model, by hand)", () => {
  // Per token at S = 100: weights 2·(98,304 + 64,000) = 324,608 FLOPs; attention 2 layers × 2·(4·16)·100 × 2 = 51,200.
  it("counts B tokens' FLOPs and the bytes of weights and KV cache", () => {
    const step = decodeStep(TOY, TOY_GPU, { context: 100, batch: 4 });
    expect(step.flops).toBe(4n * (324_608n + 51_200n));
    expect(step.weights.flops).toBe(4n * 324_608n);
    expect(step.attention.flops).toBe(4n * 51_200n);
    expect(step.weights.bytes).toBe(324_608n); // every weight once, shared by the batch
    expect(step.attention.bytes).toBe(4n * 100n * 512n); // each sequence reads its own cache
    expect(step.tokensProduced).toBe(4);
  });

  it("is memory-bound at batch 4: weights 324,608 B / 8e7 B/s + KV 204,800 B / 8e7 B/s", () => {
    const step = decodeStep(TOY, TOY_GPU, { context: 100, batch: 4 });
    close(step.weights.computeSeconds, 1_298_432 / 5e8);
    close(step.weights.memorySeconds, 324_608 / 8e7);
    close(step.attention.memorySeconds, 204_800 / 8e7);
    close(step.stepSeconds, 0.0040576 + 0.00256);
    expect(step.bound).toBe("memory");
    expect(step.weights.bound).toBe("memory");
  });

  it("turns compute-bound for the weights at batch 64, and the overlap choice matters", () => {
    const sequential = decodeStep(TOY, TOY_GPU, { context: 100, batch: 64 });
    // weights: 64 × 324,608 / 5e8 = 41.549824 ms (compute) > 4.0576 ms; attention: 3,276,800 B / 8e7 = 40.96 ms (memory).
    expect(sequential.weights.bound).toBe("compute");
    expect(sequential.attention.bound).toBe("memory");
    close(sequential.stepSeconds, 0.041549824 + 0.04096);
    expect(sequential.bound).toBe("compute");
    const perfect = decodeStep(TOY, TOY_GPU, { context: 100, batch: 64, overlap: "perfect" });
    // max(Σ compute, Σ memory) = max(41.549824 + 6.5536, 4.0576 + 40.96) ms
    close(perfect.stepSeconds, 0.048103424);
    expect(perfect.bound).toBe("compute");
  });

  it("splits the work over G GPUs and adds the all-reduces plainly", () => {
    const step = decodeStep(TOY, TOY_GPU, { context: 100, batch: 4, gpus: 2 });
    // 2 layers × 2 all-reduces × (2·1/2) × 4 tokens · 64 · 2 bytes / 1e7 B/s = 2.048e-4 s
    close(step.communicationSeconds, 2.048e-4);
    close(step.stepSeconds, (0.0040576 + 0.00256) / 2 + 2.048e-4);
    const withLatency = decodeStep(TOY, TOY_GPU, { context: 100, batch: 4, gpus: 2, allReduceLatencySeconds: 1e-5 });
    close(withLatency.communicationSeconds, 2.048e-4 + 4 * 1e-5);
    expect(decodeStep(TOY, TOY_GPU, { context: 100, batch: 4 }).communicationSeconds).toBe(0);
  });

  it("reports the arithmetic intensity and the ridge point", () => {
    const step = decodeStep(TOY, TOY_GPU, { context: 100, batch: 4 });
    close(step.arithmeticIntensity, 1_503_232 / (324_608 + 204_800));
    close(step.ridgeIntensity, 5e8 / 8e7);
  });

  it("checks whether all weights and the KV cache fit in HBM", () => {
    // 324,608 + 4 · 512 · 100 = 529,408 B ≤ 1e6 B; at batch 16: 324,608 + 819,200 > 1e6.
    expect(decodeStep(TOY, TOY_GPU, { context: 100, batch: 4 }).memoryFootprintBytes).toBe(529_408n);
    expect(decodeStep(TOY, TOY_GPU, { context: 100, batch: 4 }).fitsInMemory).toBe(true);
    expect(decodeStep(TOY, TOY_GPU, { context: 100, batch: 16 }).fitsInMemory).toBe(false);
    expect(decodeStep(TOY, TOY_GPU, { context: 100, batch: 16, gpus: 2 }).fitsInMemory).toBe(true);
  });

  it("uses the fp8 rate for fp8 weights, and bf16 on a chip without fp8", () => {
    const gpu = { ...TOY_GPU, peakFlops: { bf16: 1e9, fp16: 1e9, fp8: 2e9 } };
    expect(decodeStep(TOY, gpu, { context: 100, batch: 64, dtype: "fp8" }).computePrecision).toBe("fp8");
    close(decodeStep(TOY, gpu, { context: 100, batch: 64, dtype: "fp8" }).weights.computeSeconds, (64 * 324_608) / 1e9);
    const fallback = decodeStep(TOY, TOY_GPU, { context: 100, batch: 64, dtype: "fp8" });
    expect(fallback.computePrecision).toBe("bf16");
    expect(fallback.assumptions.computePrecision?.note).toMatch(/no fp8 tensor cores/);
    expect(fallback.weights.bytes).toBe(162_304n); // one byte per weight
  });

  it("names every assumption", () => {
    const step = decodeStep(TOY, TOY_GPU, { context: 100, batch: 4, gpus: 2 });
    for (const key of ["utilization", "bandwidthEfficiency", "overlap", "weightsRead", "kvCache", "tensorParallel", "memoryCapacity", "computePrecision"]) {
      expect(step.assumptions[key], key).toBeDefined();
    }
    expect(step.assumptions.tensorParallel?.note).toMatch(/all-reduce/);
  });
});

describe("prefill step roofline (toy model, by hand)", () => {
  it("runs S tokens through the layers, logits for the last only, and writes the KV cache", () => {
    const step = prefillStep(TOY, TOY_GPU, { context: 100 });
    // layers 100 × 2 · 98,304 = 19,660,800; logits 2 · 64,000 = 128,000;
    // attention: causal keys 100·101/2 = 5,050 per layer, × 2·64 × 2 (scores, values) × 2 layers = 2,585,600
    expect(step.weights.flops).toBe(19_788_800n);
    expect(step.attention.flops).toBe(2_585_600n);
    expect(step.attention.bytes).toBe(51_200n);
    expect(step.tokensProcessed).toBe(100);
    expect(step.bound).toBe("compute");
    close(step.stepSeconds, 19_788_800 / 5e8 + 2_585_600 / 5e8);
  });
});

describe("weights read per step", () => {
  it("reads k experts per layer for one token, all of them for a large batch", () => {
    // Uniform top-2 of 8: E·(1 − (1 − k/E)^T): T = 2 → 3.5 → 4; T = 4 → 5.47 → 6.
    expect(distinctExpertsPerLayer(8, 2, 1)).toBe(2);
    expect(distinctExpertsPerLayer(8, 2, 2)).toBe(4);
    expect(distinctExpertsPerLayer(8, 2, 4)).toBe(6);
    expect(distinctExpertsPerLayer(8, 2, 100)).toBe(8);
    expect(distinctExpertsPerLayer(256, 8, 1)).toBe(8);
    expect(() => distinctExpertsPerLayer(8, 9, 1)).toThrow(/expertsPerToken/);
    expect(() => distinctExpertsPerLayer(8, 2, 0)).toThrow(/tokens/);
  });

  it("Mixtral for one token: the published active count, with the embedding table replaced by one row", () => {
    const mixtral = presetById("mixtral-8x7b").spec;
    const published = reference.models.find((m) => m.config === "configs/mixtral-8x7b-v0.1.json");
    const active = BigInt(published!.params_active_per_token);
    const total = BigInt(published!.params_total);
    const table = 32_000n * 4096n;
    expect(weightTraffic(mixtral, "bf16", 1).params).toBe(active - table + 4096n);
    expect(weightTraffic(mixtral, "bf16", 1).bytes).toBe(2n * (active - table + 4096n));
    // 10,000 tokens touch every expert (8 of 8 per layer); the table is read up to its 32,000 rows.
    expect(weightTraffic(mixtral, "bf16", 10_000).params).toBe(total - table + 10_000n * 4096n);
    expect(weightTraffic(mixtral, "bf16", 100_000).params).toBe(total);
  });

  it("a tied LM head is the embedding table and is read whole", () => {
    expect(weightTraffic(TOY, "bf16", 1).params).toBe(162_304n);
  });
});

describe("inputs", () => {
  it.each([
    [{ context: 0 }, /context/],
    [{ context: 10, batch: 1.5 }, /batch/],
    [{ context: 10, gpus: 0 }, /gpus/],
    [{ context: 10, utilization: 0 }, /utilization/],
    [{ context: 10, utilization: 1.2 }, /utilization/],
    [{ context: 10, bandwidthEfficiency: Number.NaN }, /bandwidthEfficiency/],
    [{ context: 10, overlap: "some" }, /overlap/],
    [{ context: 10, dtype: "fp7" }, /dtype/],
    [{ context: 10, allReduceLatencySeconds: -1 }, /allReduceLatencySeconds/],
  ])("rejects %j naming the field", (options, field) => {
    expect(() => decodeStep(TOY, TOY_GPU, options as never)).toThrow(field);
  });
});

describe("properties", () => {
  const gpu = fc.record({
    bf16: fc.double({ min: 1e9, max: 1e16, noNaN: true }),
    bandwidth: fc.double({ min: 1e9, max: 1e14, noNaN: true }),
    link: fc.double({ min: 1e8, max: 1e13, noNaN: true }),
  }).map((r) => ({ ...TOY_GPU, peakFlops: { bf16: r.bf16, fp16: r.bf16, fp8: null }, hbmBandwidth: r.bandwidth, interconnectBandwidth: r.link }));

  it("every time is finite and positive, and a step is never shorter than any of its parts", () => {
    fc.assert(
      fc.property(arbitrarySpec(1 << 14), gpu, fc.integer({ min: 1, max: 1 << 20 }), fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 1, max: 16 }), (spec, hw, context, batch, gpus) => {
        for (const step of [decodeStep(spec, hw, { context, batch, gpus }), prefillStep(spec, hw, { context: Math.min(context, 4096), batch, gpus })]) {
          for (const value of [step.stepSeconds, step.computeSeconds, step.memorySeconds, step.arithmeticIntensity]) {
            expect(Number.isFinite(value) && value > 0).toBe(true);
          }
          expect(step.stepSeconds).toBeGreaterThanOrEqual(Math.max(step.weights.seconds, step.attention.seconds));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a longer context or a bigger batch never makes a decode step faster", () => {
    fc.assert(
      fc.property(arbitrarySpec(1 << 14), gpu, fc.integer({ min: 1, max: 1 << 16 }), fc.integer({ min: 1, max: 512 }), (spec, hw, context, batch) => {
        const base = decodeStep(spec, hw, { context, batch }).stepSeconds;
        expect(decodeStep(spec, hw, { context: context + 1, batch }).stepSeconds).toBeGreaterThanOrEqual(base);
        expect(decodeStep(spec, hw, { context, batch: batch + 1 }).stepSeconds).toBeGreaterThanOrEqual(base);
      }),
      { numRuns: 60 },
    );
  });
});
