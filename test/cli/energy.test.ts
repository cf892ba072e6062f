import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join("\n"), err: err.join("\n") };
}

describe("CLI: time, energy and cost per token", () => {
  it("without --gpu the report is what it was: no energy key, no energy section", () => {
    const json = JSON.parse(cli("llama-3.1-8b", "--json").out);
    expect(Object.keys(json)).toEqual(["model", "context", "batch", "dtype", "params", "flops", "memory", "source", "notes"]);
    expect(cli("llama-3.1-8b").out).not.toMatch(/energy|joule|GPU/i);
  });

  it("--gpu adds energy.decode and energy.prefill with the documented fields", () => {
    const { status, out } = cli("llama-3.1-8b", "--context", "1024", "--gpu", "h100-sxm", "--json");
    expect(status).toBe(0);
    const { energy } = JSON.parse(out);
    for (const phase of ["decode", "prefill"]) {
      for (const field of ["stepSeconds", "bound", "joulesPerToken", "usdPerMillionTokens"]) expect(energy[phase], `${phase}.${field}`).toHaveProperty(field);
    }
    expect(energy.decode.bound).toBe("memory");
    expect(energy.prefill.bound).toBe("compute");
    expect(energy.hardware.id).toBe("h100-sxm");
    expect(Object.keys(energy.assumptions)).toEqual(expect.arrayContaining(["decodeUtilization", "bandwidthEfficiency", "gpuPower", "pue", "usdPerGpuHour"]));
  });

  it("decode at batch 1 streams the weights: time, joules and dollars by hand", () => {
    const { energy } = JSON.parse(cli("llama-3.1-8b", "--context", "1024", "--gpu", "h100-sxm", "--power-w", "500", "--usd-per-gpu-hour", "3.6", "--json").out);
    // Weights read: 8,030,261,248 parameters less the 128,256 × 4,096 embedding table plus the one row looked up,
    // 2 bytes each; KV cache 1,024 × 128 KiB; at 0.8 × 3.35 TB/s. Compute (~15 GFLOP at 495 TFLOP/s) is 2% of that.
    const seconds = (2 * (8_030_261_248 - 128_256 * 4096 + 4096) + 1024 * 131_072) / (0.8 * 3.35e12);
    expect(energy.decode.stepSeconds).toBeCloseTo(seconds, 12);
    expect(energy.decode.joulesPerToken).toBeCloseTo(500 * seconds, 10);
    expect(energy.decode.usdPerMillionTokens).toBeCloseTo((3.6 / 3600) * seconds * 1e6, 10);
    expect(energy.power).toEqual({ wattsPerGpu: 500, watts: 500, source: "measured" });
  });

  it("--batch shares the weights over more tokens; --gpus adds the all-reduces", () => {
    const one = JSON.parse(cli("llama-3.1-8b", "--gpu", "h100-sxm", "--json").out).energy;
    const many = JSON.parse(cli("llama-3.1-8b", "--gpu", "h100-sxm", "--batch", "32", "--json").out).energy;
    expect(many.decode.joulesPerToken).toBeLessThan(one.decode.joulesPerToken / 4);
    const split = JSON.parse(cli("llama-3.1-8b", "--gpu", "h100-sxm", "--gpus", "2", "--json").out).energy;
    // 2 all-reduces × 32 layers × (2·1/2) × 4,096 × 2 bytes / 450 GB/s
    expect(split.decode.communicationSeconds).toBeCloseTo((64 * 8192) / 450e9, 15);
    expect(split.gpus).toBe(2);
  });

  it("--utilization sets the share of peak for both phases", () => {
    const { energy } = JSON.parse(cli("llama-3.1-8b", "--gpu", "h100-sxm", "--utilization", "0.25", "--json").out);
    expect(energy.assumptions.decodeUtilization.value).toBe(0.25);
    expect(energy.assumptions.prefillUtilization.value).toBe(0.25);
  });

  it("prints a short section with every assumption named", () => {
    const { out } = cli("mixtral-8x7b", "--gpu", "b200", "--batch", "16");
    expect(out).toContain("Time, energy and cost per token on 1 × NVIDIA B200 (HGX) (batch 16, bf16)");
    expect(out).toMatch(/energy per token\s+[\d.]+ [mµ]?J\s+[\d.]+ [mµ]?J/);
    expect(out).toMatch(/cost per million tokens\s+\$[\d.,]+\s+\$[\d.,]+/);
    expect(out).toMatch(/assumption: decodeExpertsTouched = 8 experts per MoE layer/);
    expect(out).toMatch(/assumption: gpuPower = 1000 W — TDP 1000 W/);
  });

  it("warns when the batch's KV cache does not fit", () => {
    expect(cli("llama-3.1-70b", "--gpu", "h100-sxm", "--context", "128k", "--batch", "8").out).toMatch(/warning: all weights and this KV cache do not fit/);
  });

  it("--help lists the GPU options and presets", () => {
    const { out } = cli("--help");
    for (const text of ["--gpu", "--gpus", "--power-w", "--utilization", "--usd-per-gpu-hour", "h100-sxm", "mi300x"]) expect(out).toContain(text);
  });

  it.each([
    [["llama-2-7b", "--gpu", "h800"], /--gpu must be one of a100-sxm-80gb, h100-sxm, h200, b200, mi300x, got "h800"/],
    [["llama-2-7b", "--gpus", "2"], /--gpus needs --gpu <preset>/],
    [["llama-2-7b", "--power-w", "400"], /--power-w needs --gpu <preset>/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--power-w", "-5"], /--power-w expects a power in watts/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--power-w", "1e3"], /--power-w expects/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--utilization", "1.5"], /--utilization expects a share of peak/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--utilization", "0"], /--utilization expects/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--usd-per-gpu-hour", "0"], /--usd-per-gpu-hour expects/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--gpus", "0"], /--gpus must be a whole number from 1/],
    [["llama-2-7b", "--gpu"], /--gpu needs a value/],
  ])("bad input %j exits 2 with one line", (argv, message) => {
    const result = cli(...argv);
    expect(result.status).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err.split("\n")).toHaveLength(1);
  });
});
