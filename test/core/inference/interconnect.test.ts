import { describe, expect, it } from "vitest";
import { expertParallelBytesPerToken, interconnectById, linkSeconds, pipelineBubble, pipelineBytesPerToken, tensorParallelBytesPerToken } from "../../../src/core/inference/interconnect";
import { presetById } from "../../../src/core/presets";

describe("bytes on the interconnect per token", () => {
  it("tensor parallel: Llama 3.1 70B over 8 GPUs sends 2 all-reduces × 80 layers × 8192 × 2 B × 2·7/8 per token", () => {
    expect(tensorParallelBytesPerToken(presetById("llama-3.1-70b").spec, 8)).toBe(2 * 80 * 8192 * 2 * (2 * 7) / 8); // 4,587,520 B
    expect(tensorParallelBytesPerToken(presetById("llama-3.1-70b").spec, 1)).toBe(0);
  });

  it("expert parallel: DeepSeek-V3 over 144 GPUs, 58 MoE layers × 8 experts × 7168 × (1 B fp8 dispatch + 2 B bf16 combine) × 143/144", () => {
    expect(expertParallelBytesPerToken(presetById("deepseek-v3").spec, 144)).toBeCloseTo((58 * 8 * 7168 * 3 * 143) / 144, 3); // 9.91 MB
    expect(() => expertParallelBytesPerToken(presetById("llama-3.1-8b").spec, 8)).toThrow(/no experts/);
  });

  it("pipeline: 4 stages, 8 micro-batches idle 3/11 of the time (GPipe); 3 boundaries of d·2 bytes", () => {
    expect(pipelineBubble(4, 8)).toBeCloseTo(3 / 11, 12);
    expect(pipelineBubble(1, 8)).toBe(0);
    expect(pipelineBytesPerToken(presetById("llama-3.1-405b").spec, 4)).toBe(3 * 16384 * 2);
  });

  it("datasheet links: NVLink 4 at 450 GB/s a direction, InfiniBand NDR at 400 Gb/s = 50 GB/s", () => {
    expect(linkSeconds(4_587_520, interconnectById("nvlink4"))).toBeCloseTo(4_587_520 / 450e9, 15);
    expect(interconnectById("infiniband-ndr").bytesPerSecond).toBe(400e9 / 8);
    expect(() => interconnectById("ethernet")).toThrow(/link/);
  });
});
