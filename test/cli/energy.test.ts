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

  it("reports the achieved MFU and MBU of each step: decode at batch 1 under 1% MFU, by hand", () => {
    const { energy } = JSON.parse(cli("llama-3.1-8b", "--context", "1024", "--gpu", "h100-sxm", "--json").out);
    // MFU = FLOPs / (step time × 989.5 TFLOP/s); MBU = bytes / (step time × 3.35 TB/s).
    expect(energy.decode.mfu).toBeCloseTo(Number(energy.decode.flops) / energy.decode.stepSeconds / 989.5e12, 12);
    expect(energy.decode.mbu).toBeCloseTo(Number(energy.decode.bytes) / energy.decode.stepSeconds / 3.35e12, 12);
    expect(energy.decode.mfu).toBeLessThan(0.01);
    expect(cli("llama-3.1-8b", "--gpu", "h100-sxm").out).toMatch(/achieved MFU \| MBU/);
  });

  it("reports the batch at which decode turns compute-bound: (0.5 · 989.5 TFLOP/s) / (0.8 · 3.35 TB/s) → 185 on an H100", () => {
    const { energy } = JSON.parse(cli("llama-3.1-8b", "--gpu", "h100-sxm", "--json").out);
    expect(energy.computeBoundBatch.batch).toBe(Math.ceil((0.5 * 989.5e12) / (0.8 * 3.35e12)));
    expect(cli("llama-3.1-8b", "--gpu", "h100-sxm").out).toMatch(/turn compute-bound at batch 185/);
  });

  it("--kv-dtype changes the KV cache's bytes, not the FLOPs", () => {
    const bf16 = JSON.parse(cli("llama-3.1-8b", "--context", "8k", "--gpu", "h100-sxm", "--json").out).energy;
    const fp8 = JSON.parse(cli("llama-3.1-8b", "--context", "8k", "--gpu", "h100-sxm", "--kv-dtype", "fp8", "--json").out).energy;
    expect(fp8.decode.flops).toBe(bf16.decode.flops);
    // Llama 3.1 8B keeps 2 · 32 layers · 8 heads · 128 = 65,536 values per token: 8192 tokens lose 65,536 · 8192 bytes.
    expect(BigInt(bf16.decode.bytes) - BigInt(fp8.decode.bytes)).toBe(65_536n * 8192n);
  });

  it("--draft, --acceptance and --draft-tokens add speculative decoding (Leviathan et al. eq. 1)", () => {
    const { energy } = JSON.parse(cli("llama-3.1-70b", "--gpu", "h100-sxm", "--gpus", "4", "--draft", "llama-3.1-8b", "--acceptance", "0.8", "--draft-tokens", "4", "--json").out);
    expect(energy.speculative.tokensPerIteration).toBeCloseTo((1 - 0.8 ** 5) / 0.2, 12);
    expect(energy.speculative.speedup).toBeGreaterThan(1);
    expect(energy.speculative.joulesPerToken).toBeLessThan(energy.speculative.baseline.joulesPerToken);
    expect(energy.speculative.flopsPerToken).toBeGreaterThan(energy.speculative.baseline.flopsPerToken);
    expect(typeof energy.speculative.iterationFlops).toBe("string");
  });

  it.each([
    [["llama-2-7b", "--kv-dtype", "fp8"], /--kv-dtype needs --gpu <preset>/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--kv-dtype", "fp4"], /--kv-dtype must be one of/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--draft", "gpt2"], /--draft needs --acceptance/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--acceptance", "0.5"], /--acceptance needs --draft/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--draft-tokens", "3"], /--draft-tokens needs --draft/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--draft", "nope", "--acceptance", "0.5"], /--draft must be a preset id/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--draft", "gpt2", "--acceptance", "0.5"], /--draft gpt2 cannot draft for this model: its vocabulary of 50,257 tokens differs from the model's 32,000/],
    [["llama-3.1-8b", "--gpu", "h100-sxm", "--draft", "llama-3.1-70b", "--acceptance", "0.5"], /--draft llama-3.1-70b cannot draft for this model: it is not smaller than the model/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--draft", "gpt2", "--acceptance", "1.2"], /--acceptance expects a probability/],
    [["llama-2-7b", "--gpu", "h100-sxm", "--draft", "gpt2", "--acceptance", "0.5", "--draft-tokens", "0"], /--draft-tokens must be a whole number from 1/],
  ])("names the flag: %j", (argv, message) => {
    const result = cli(...(argv as string[]));
    expect(result.status).toBe(2);
    expect(result.err).toMatch(message as RegExp);
  });

  it("--help lists the GPU options and presets", () => {
    const { out } = cli("--help");
    for (const text of ["--gpu", "--gpus", "--power-w", "--utilization", "--usd-per-gpu-hour", "h100-sxm", "mi300x"]) expect(out).toContain(text);
  });

  it.each([
    [["llama-2-7b", "--gpu", "h800"], /--gpu must be one of a100-sxm-80gb, h100-sxm, h200, b200, mi300x \(or a name such as H100, A100, MI300X\), got "h800"/],
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

describe("--gpu takes the names people type", () => {
  it.each([
    ["H100", "h100-sxm"], ["h100", "h100-sxm"], ["NVIDIA H100 SXM", "h100-sxm"], ["B200", "b200"], ["a100", "a100-sxm-80gb"], ["MI300X", "mi300x"], ["h200", "h200"],
  ])("--gpu %s is %s", (typed, id) => {
    const { status, out } = cli("llama-3.1-8b", "--context", "1024", "--gpu", typed, "--json");
    expect(status).toBe(0);
    expect(JSON.parse(out).energy.hardware.id).toBe(id);
  });

  it("an unknown GPU is refused, naming the flag and the choices", () => {
    const { status, err } = cli("llama-3.1-8b", "--gpu", "H1000");
    expect(status).toBe(2);
    expect(err).toMatch(/--gpu must be one of a100-sxm-80gb, h100-sxm, h200, b200, mi300x \(or a name such as H100, A100, MI300X\), got "H1000"/);
  });
});
