import { describe, expect, it } from "vitest";
import { hardwareById } from "../../../src/core/energy/hardware";
import { decodeStep } from "../../../src/core/energy/roofline";
import { presetById } from "../../../src/core/presets";
import { fixture, type PublishedParams } from "../../fixtures/load";

// Llama 3.1 8B: 8,030,261,248 parameters (published); the 128,256 × 4096 token embedding is a lookup table,
// of which a one-token step reads one row. KV cache: 2 (K, V) × 32 layers × 8 KV heads × 128 = 65,536 values per token.
const total = Number(fixture<{ models: PublishedParams[] }>("reference/params.json").models.find((m) => m.hf_repo === "meta-llama/Llama-3.1-8B")?.params_total);
const weightValues = total - 128_256 * 4096 + 4096;
const kvValues = 65_536 * 4096;
const BYTES = { bf16: 2, fp8: 1, int4: 0.5 } as const;

describe("quantisation changes bytes, not FLOPs", () => {
  const spec = presetById("llama-3.1-8b").spec;
  const h100 = hardwareById("h100-sxm");
  const base = decodeStep(spec, h100, { context: 4096 });

  it.each([
    ["bf16", "bf16"],
    ["fp8", "bf16"],
    ["int4", "bf16"],
    ["fp8", "fp8"],
    ["int4", "fp8"],
  ] as const)("weights %s, KV cache %s", (dtype, kvDtype) => {
    const step = decodeStep(spec, h100, { context: 4096, dtype, kvDtype });
    expect(step.flops).toBe(base.flops);
    expect(Number(step.weights.bytes)).toBe(weightValues * BYTES[dtype]);
    expect(Number(step.attention.bytes)).toBe(kvValues * BYTES[kvDtype]);
  });

  it("the KV cache follows the weights' format unless told otherwise", () => {
    expect(Number(decodeStep(spec, h100, { context: 4096, dtype: "fp8" }).attention.bytes)).toBe(kvValues);
  });

  it("fewer bytes, a shorter memory-bound step: int4 weights cut a batch-1 step by more than half", () => {
    expect(decodeStep(spec, h100, { context: 4096, dtype: "int4" }).stepSeconds).toBeLessThan(base.stepSeconds / 2);
  });

  it("names a bad KV format", () => {
    expect(() => decodeStep(spec, h100, { context: 4096, kvDtype: "fp4" as never })).toThrow(/kvDtype/);
  });
});
