import { describe, expect, it } from "vitest";
import { hardwareById } from "../../../src/core/energy/hardware";
import { decodeStep } from "../../../src/core/energy/roofline";
import { H200_DECODE_POINTS, modelH200Point } from "../../../src/core/energy/h200";
import { stepUtilization, trainingUtilization, utilizationOf } from "../../../src/core/inference/utilization";
import { presetById } from "../../../src/core/presets";
import { fixture } from "../../fixtures/load";
import { TOY, TOY_GPU } from "../energy/toy";

interface MeasuredStep { batch: number; context: number; ms_per_step: number; joules_per_token: number; watts_median: number; flops_per_step: number; bytes_per_step: number; achieved_tflops: number; achieved_tb_per_s: number }
const measured = fixture<{ decode: MeasuredStep[] }>("reference/h200-decode.json").decode;
const h200 = hardwareById("h200");

describe("achieved MFU and MBU", () => {
  it("the H200 measurements: at batch 1 decode uses under 1% of peak FLOP/s but over half the bandwidth", () => {
    const first = measured[0] as MeasuredStep;
    // 15,546,187,776 FLOPs in 5.3677 ms = 2.896 TFLOP/s, of 989.5 dense bf16: 0.293%.
    // 15,143,534,592 bytes in 5.3677 ms = 2.821 TB/s, of 4.8: 58.8%.
    const u = utilizationOf({ flops: BigInt(first.flops_per_step), bytes: BigInt(first.bytes_per_step), seconds: first.ms_per_step / 1000 }, h200);
    expect(u.mfu).toBeCloseTo(15_546_187_776 / 5.3677e-3 / 989.5e12, 6);
    expect(u.mfu).toBeLessThan(0.01);
    expect(u.mbu).toBeCloseTo(15_143_534_592 / 5.3677e-3 / 4.8e12, 6);
    // The harness's own achieved rates agree.
    expect(u.flopsPerSecond / 1e12).toBeCloseTo(first.achieved_tflops, 3);
    expect(u.bytesPerSecond / 1e12).toBeCloseTo(first.achieved_tb_per_s, 3);
  });

  it("a modelled memory-bound step: MBU is the bandwidth efficiency, MFU is far below the utilization ceiling", () => {
    // Toy model, batch 1, S = 1: weights 324,608 B + KV 512 B at 8e7 B/s; FLOPs 2·162,304 + 4·64·1·2 = 325,120.
    const step = decodeStep(TOY, TOY_GPU, { context: 1 });
    const u = stepUtilization(step, TOY_GPU);
    const seconds = 324_608 / 8e7 + 512 / 8e7;
    expect(step.stepSeconds).toBeCloseTo(seconds, 12);
    expect(u.mbu).toBeCloseTo(((324_608 + 512) / seconds) / 1e8, 9);
    expect(u.mfu).toBeCloseTo(325_120 / seconds / 1e9, 9);
    expect(u.mfu).toBeLessThan(0.1);
  });

  it("Llama 3.1 8B at batch 1 on an H100: achieved MFU well under 1%", () => {
    const h100 = hardwareById("h100-sxm");
    const u = stepUtilization(decodeStep(presetById("llama-3.1-8b").spec, h100, { context: 4096 }), h100);
    expect(u.mfu).toBeLessThan(0.01);
    expect(u.mbu).toBeCloseTo(0.8, 2);
  });
});

describe("MFU against HFU", () => {
  it("PaLM 540B: 238.3k tokens/s on 6144 TPU v4 chips is the reported 46.2% MFU (Chowdhery et al. 2022, Appendix B)", () => {
    const palm = fixture<{ palm_appendix_b: { inputs: Record<string, number>; reported_mfu: string } }>("reference/formulas.json").palm_appendix_b;
    const { N, L, H, Q, T, tokens_per_second, chips, peak_flops_per_chip } = palm.inputs as Record<string, number>;
    // Model FLOPs per token, as the paper defines them: 6N + 12·L·H·Q·T.
    const modelFlops = 6 * N! + 12 * L! * H! * Q! * T!;
    const u = trainingUtilization({ tokensPerSecond: tokens_per_second!, modelFlopsPerToken: modelFlops, hardwareFlopsPerToken: modelFlops, chips: chips!, peakFlopsPerChip: peak_flops_per_chip! });
    expect((u.mfu * 100).toFixed(1)).toBe(palm.reported_mfu.replace("%", ""));
  });

  it("PaLM's 57.8% HFU against 46.2% MFU: rematerialisation adds 25% to the FLOPs, about three quarters of a forward pass (1.5N of the forward's 2N)", () => {
    const modelFlops = 6;
    const hardwareFlops = 6 + 1.5; // per N: forward 2, backward 4, plus 1.5 recomputed
    const u = trainingUtilization({ tokensPerSecond: 1, modelFlopsPerToken: modelFlops, hardwareFlopsPerToken: hardwareFlops, chips: 1, peakFlopsPerChip: 6 / 0.462 });
    expect(u.mfu).toBeCloseTo(0.462, 12);
    expect(Math.abs(u.hfu - 0.578)).toBeLessThan(0.001);
  });

  it("full activation recomputation: hardware FLOPs are 8N against the model's 6N, so HFU = 4/3 MFU", () => {
    const u = trainingUtilization({ tokensPerSecond: 1000, modelFlopsPerToken: 6e9, hardwareFlopsPerToken: 8e9, chips: 2, peakFlopsPerChip: 1e13 });
    expect(u.mfu).toBeCloseTo(6e12 / 2e13, 12);
    expect(u.hfu).toBeCloseTo(8e12 / 2e13, 12);
  });

  it("refuses hardware FLOPs below model FLOPs", () => {
    expect(() => trainingUtilization({ tokensPerSecond: 1, modelFlopsPerToken: 2, hardwareFlopsPerToken: 1, chips: 1, peakFlopsPerChip: 1 })).toThrow(/hardwareFlopsPerToken/);
  });
});

describe("the roofline against the H200 measurements", () => {
  it("the core's constants are the fixture's figures", () => {
    expect(H200_DECODE_POINTS.map((p) => [p.batch, p.context, p.msPerStep, p.joulesPerToken, p.wattsMedian, Number(p.flopsPerStep), Number(p.bytesPerStep)]))
      .toEqual(measured.map((m) => [m.batch, m.context, m.ms_per_step, m.joules_per_token, m.watts_median, m.flops_per_step, m.bytes_per_step]));
  });

  it("counts the same FLOPs as the harness exactly, and the same bytes within 0.01% (embedding rows)", () => {
    for (const point of H200_DECODE_POINTS) {
      const { step } = modelH200Point(point);
      expect(step.flops).toBe(point.flopsPerStep);
      expect(Math.abs(Number(step.bytes) / Number(point.bytesPerStep) - 1)).toBeLessThan(1e-4);
    }
  });

  it("is a lower bound on time: every modelled step is faster than measured, by less than a factor of two", () => {
    for (const point of H200_DECODE_POINTS) {
      const m = modelH200Point(point);
      expect(m.modelledMs).toBeLessThan(point.msPerStep);
      expect(m.ratio).toBeGreaterThan(0.5);
      expect(m.ratio).toBeLessThan(1);
    }
  });
});
