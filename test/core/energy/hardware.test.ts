import { describe, expect, it } from "vitest";
import { HARDWARE_PRESETS, hardwareById, peakFlopsFor, validateHardware } from "../../../src/core/energy/hardware";
import { TOY_GPU } from "./toy";

describe("hardware presets", () => {
  it("has the five accelerators, each with a citation to its datasheet", () => {
    expect(HARDWARE_PRESETS.map((h) => h.id)).toEqual(["a100-sxm-80gb", "h100-sxm", "h200", "b200", "mi300x"]);
    for (const h of HARDWARE_PRESETS) {
      expect(h.citation.url, h.id).toMatch(/^https:\/\/www\.(nvidia|amd)\.com\//);
      expect(h.citation.locator, h.id).toBeTruthy();
    }
  });

  it("uses dense rates: half of what the datasheets quote with 2:4 sparsity", () => {
    // NVIDIA H100/H200 SXM: BF16 1,979 and FP8 3,958 TFLOPS with sparsity; HGX B200: 4.5 and 9 PFLOPS with sparsity.
    expect(hardwareById("h100-sxm").peakFlops.bf16).toBe(1979e12 / 2);
    expect(hardwareById("h100-sxm").peakFlops.fp8).toBe(3958e12 / 2);
    expect(hardwareById("h200").peakFlops.bf16).toBe(1979e12 / 2);
    expect(hardwareById("b200").peakFlops.bf16).toBe(4.5e15 / 2);
    expect(hardwareById("b200").peakFlops.fp8).toBe(9e15 / 2);
    // AMD quotes MI300X dense rates itself: FP16 1,307.4 TFLOPS (2,614.9 with sparsity), FP8 2,614.9 (5,229.8).
    expect(hardwareById("mi300x").peakFlops.fp16).toBe(1307.4e12);
    expect(hardwareById("mi300x").peakFlops.fp8).toBe(2614.9e12);
    // A100: 312 TFLOPS dense (624 with sparsity), no fp8.
    expect(hardwareById("a100-sxm-80gb").peakFlops.bf16).toBe(624e12 / 2);
    expect(hardwareById("a100-sxm-80gb").peakFlops.fp8).toBeNull();
  });

  it("keeps the datasheets' memory, bandwidth and power", () => {
    const row = (id: string) => {
      const h = hardwareById(id);
      return [h.hbmBytes / 1e9, h.hbmBandwidth / 1e12, h.tdpWatts];
    };
    expect(row("a100-sxm-80gb")).toEqual([80, 2.039, 400]);
    expect(row("h100-sxm")).toEqual([80, 3.35, 700]);
    expect(row("h200")).toEqual([141, 4.8, 700]);
    expect(row("b200")).toEqual([180, 7.7, 1000]);
    expect(row("mi300x")).toEqual([192, 5.3, 750]);
  });

  it("gives interconnect bandwidth per direction: half the bidirectional figure", () => {
    expect(hardwareById("h100-sxm").interconnectBandwidth).toBe(900e9 / 2);
    expect(hardwareById("b200").interconnectBandwidth).toBe(1.8e12 / 2);
    expect(hardwareById("mi300x").interconnectBandwidth).toBe((7 * 128e9) / 2);
  });

  it("lists the known GPUs when the id is unknown", () => {
    expect(() => hardwareById("h800")).toThrow(/gpu: unknown GPU "h800" \(known: a100-sxm-80gb, h100-sxm, h200, b200, mi300x\)/);
  });

  it("falls back to bf16 where a chip has no fp8", () => {
    expect(peakFlopsFor(hardwareById("a100-sxm-80gb"), "fp8")).toEqual({ flops: 312e12, precision: "bf16" });
    expect(peakFlopsFor(hardwareById("h100-sxm"), "fp8")).toEqual({ flops: 1979e12, precision: "fp8" });
  });
});

describe("user-defined hardware", () => {
  it("accepts a complete description", () => {
    const { citation: _c, ...raw } = TOY_GPU;
    const hw = validateHardware(raw);
    expect(hw.peakFlops).toEqual({ bf16: 1e9, fp16: 1e9, fp8: null });
    expect(hw.citation.reference).toBe("user-defined hardware");
    expect(validateHardware({ ...raw, citation: { label: "x", reference: "y" } }).citation).toEqual({ label: "x", reference: "y" });
  });

  it.each([
    ["not an object", null, /^hardware: must be an object/],
    ["zero bandwidth", { ...TOY_GPU, hbmBandwidth: 0 }, /hardware\.hbmBandwidth/],
    ["watts as text", { ...TOY_GPU, tdpWatts: "700" }, /hardware\.tdpWatts/],
    ["no bf16 rate", { ...TOY_GPU, peakFlops: { fp16: 1e9 } }, /hardware\.peakFlops\.bf16/],
    ["infinite rate", { ...TOY_GPU, peakFlops: { bf16: Number.POSITIVE_INFINITY } }, /hardware\.peakFlops\.bf16/],
    ["an unknown precision", { ...TOY_GPU, peakFlops: { bf16: 1e9, int8: 2e9 } }, /hardware\.peakFlops\.int8: is not a precision/],
    ["empty name", { ...TOY_GPU, name: "" }, /hardware\.name/],
    ["unknown field", { ...TOY_GPU, hbm: 5 }, /hardware\.hbm: is not a hardware field/],
    ["citation without reference", { ...TOY_GPU, citation: { label: "x" } }, /hardware\.citation\.reference/],
    ["a note that is not text", { ...TOY_GPU, notes: [1] }, /hardware\.notes\[0\]/],
  ])("rejects %s, naming the field", (_label, input, message) => {
    expect(() => validateHardware(input)).toThrow(message);
  });
});
