import { describe, expect, it } from "vitest";
import { chartHtml } from "../../src/charts/serialize";
import { CONCEPT_COLORS } from "../../src/charts/palette";
import { ridgeIntensity, rooflineChart, type RooflineData } from "../../src/charts/roofline";
import { renderIslandPayload } from "../../src/islands/index";
import { energy, type EnergyProps } from "../../src/islands/energy";
import { fixture, type PublishedParams } from "../fixtures/load";
import { freshDocument, inputError, parse, prettyMarkup, texts, textOf } from "./dom";

const published = fixture<{ models: PublishedParams[] }>("reference/params.json").models;
const publishedTotal = (repo: string): number => Number(published.find((m) => m.hf_repo === repo)?.params_total ?? NaN);
const base: EnergyProps = energy.parseProps({});


/** Cells of the decode/prefill table row whose header is `label`, as text (exact counts only where there are some). */
function phaseRow(html: string, label: string): string[] {
  const rows = [...parse(html).querySelectorAll(".hmf-en-phases tbody tr")] as Array<{
    querySelector(s: string): { textContent: string | null } | null;
    querySelectorAll(s: string): ArrayLike<{ querySelector(s: string): { textContent: string | null } | null; textContent: string | null }>;
  }>;
  const found = rows.find((r) => r.querySelector("th")?.textContent === label);
  if (!found) throw new Error(`no row ${label}`);
  return Array.from(found.querySelectorAll("td"), (cell) => (cell.querySelector(".hmf-exact") ?? cell).textContent?.replace(/\s+/g, " ").trim() ?? "");
}

// Llama 2 7B on one H100 SXM in bf16, batch 1, S = 4096, by hand.
//
// Datasheet (NVIDIA H100 SXM): 989.5 TFLOP/s dense bf16 (1,979 with sparsity), 3.35 TB/s, 700 W.
// The efficiencies the energy model states (and the island lists): utilization 0.5, bandwidth 0.8.
const PEAK = 989.5e12 * 0.5;
const BANDWIDTH = 3.35e12 * 0.8;
const TDP = 700;
const USD_PER_GPU_HOUR = 2;
// Published parameter count (calflops): 6,738,415,616. The token embedding, V·d = 32000 · 4096 =
// 131,072,000, is a lookup table: a step reads only the rows of its tokens, 4096 values each.
const TOTAL = publishedTotal("meta-llama/Llama-2-7b-hf");
const EMBEDDING = 32000 * 4096;
const decodeWeightBytes = (TOTAL - EMBEDDING + 1 * 4096) * 2; // one token's row
const prefillWeightBytes = (TOTAL - EMBEDDING + 4096 * 4096) * 2; // 4096 distinct rows at most
// KV cache: 2 (K and V) · 32 layers · 32 heads · 128 · 2 bytes = 524,288 B per token, × 4096 tokens.
const KV = 2 * 32 * 32 * 128 * 2 * 4096;
// FLOPs of the token with a KV cache (three-answers.test.ts): 2·(32·(4·4096² + 3·4096·11008) + 32000·4096) + 4·32·4096·4096.
const DECODE_FLOPS = 2 * (32 * (4 * 4096 ** 2 + 3 * 4096 * 11008) + 32000 * 4096) + 4 * 32 * 4096 * 4096;
// Prefill of 4096 tokens: every matrix for each token, causal attention over 4096·4097/2 keys per layer, last logits only.
const PREFILL_FLOPS = 4096 * 2 * 32 * (4 * 4096 ** 2 + 3 * 4096 * 11008) + 32 * ((4096 * 4097) / 2) * 4 * 4096 + 2 * 4096 * 32000;

// Decode: the weights' 13.2 GFLOP take 27 µs at the effective peak but their 13.2 GB take 4.9 ms, and the
// KV cache's 2.1 GFLOP take 4 µs against 0.8 ms for its bytes: both are memory-bound, so the step is
// all bytes over the effective bandwidth.
const decodeSeconds = (decodeWeightBytes + KV) / BANDWIDTH;
// Prefill: 4096 tokens per weight read make both groups compute-bound: all FLOPs over the effective peak.
const prefillSeconds = PREFILL_FLOPS / PEAK;

describe("energy island: Llama 2 7B on one H100, batch 1, S = 4096, by hand", () => {
  const html = energy.renderOutput({ ...base, model: "llama-2-7b", gpu: "h100-sxm", batch: 1, S: 4096 }, freshDocument());

  it("hand arithmetic is what it says", () => {
    expect(TOTAL).toBe(6_738_415_616);
    expect(decodeWeightBytes + KV).toBe(15_362_179_072);
    expect(DECODE_FLOPS).toBe(15_361_638_400);
    expect(PREFILL_FLOPS).toBe(57_450_818_437_120);
    expect(decodeSeconds * 1e3).toBeCloseTo(5.7322, 4);
    expect(prefillSeconds * 1e3).toBeCloseTo(116.12, 2);
  });

  it("shows the exact FLOPs and bytes of each step", () => {
    expect(phaseRow(html, "FLOPs per step")).toEqual([DECODE_FLOPS.toLocaleString("en-US"), PREFILL_FLOPS.toLocaleString("en-US")]);
    expect(phaseRow(html, "Bytes moved per step")).toEqual([(decodeWeightBytes + KV).toLocaleString("en-US"), (prefillWeightBytes + KV).toLocaleString("en-US")]);
  });

  it("shows step time, bound, throughput, energy and cost equal to the hand figures", () => {
    // 15,362,179,072 B / 2.68e12 B/s = 5.73 ms; 57,450,818,437,120 FLOP / 494.75e12 FLOP/s = 116 ms.
    expect(phaseRow(html, "Step time")).toEqual([`${(decodeSeconds * 1e3).toPrecision(3)} ms`, `${(prefillSeconds * 1e3).toPrecision(3)} ms`]);
    expect(phaseRow(html, "Step time")).toEqual(["5.73 ms", "116 ms"]);
    expect(phaseRow(html, "Limited by")).toEqual(["memory bandwidth", "compute"]);
    // 1 token per 5.73 ms = 174 tokens/s; 4096 prompt tokens per 116 ms = 35,300 tokens/s.
    expect(phaseRow(html, "Tokens per second")).toEqual(["174", "35,300"]);
    expect(1 / decodeSeconds).toBeCloseTo(174.45, 1);
    expect(4096 / prefillSeconds).toBeCloseTo(35_274, 0);
    // 700 W × 5.7322 ms = 4.01 J per generated token; 700 W × 116.12 ms / 4096 = 19.8 mJ per prompt token.
    expect(phaseRow(html, "Energy per token")).toEqual([`${(TDP * decodeSeconds).toPrecision(3)} J`, `${((TDP * prefillSeconds * 1e3) / 4096).toPrecision(3)} mJ`]);
    expect(phaseRow(html, "Energy per token")).toEqual(["4.01 J", "19.8 mJ"]);
    // $2 per hour × 5.7322 ms × 10^6 tokens = $3.18 per million generated tokens.
    const usd = (USD_PER_GPU_HOUR / 3600) * decodeSeconds * 1e6;
    expect(usd).toBeCloseTo(3.1845, 3);
    expect(phaseRow(html, "Cost per million tokens")[0]).toBe("$3.18");
    // FLOPs per byte: 15,361,638,400 / 15,362,179,072 ≈ 1.
    expect(phaseRow(html, "FLOPs per byte")[0]).toBe("1.00");
  });

  it("says the model fits: 13,476,831,232 B of weights + 2,147,483,648 B of cache = 15.6 GB of 80 GB", () => {
    expect(TOTAL * 2 + KV).toBe(15_624_314_880);
    const memory = textOf(html, ".hmf-en-memory");
    expect(memory).toMatch(/^Fits in memory: all weights and the KV cache of 1 sequence at S = 4,096 take 15\.6 GB of 1 × 80 GB of HBM \(19\.5%/);
    expect(parse(html).querySelector(".hmf-note-warning")).toBeNull();
  });

  it("names every assumption, with the efficiencies and power used above", () => {
    const items = texts(html, ".hmf-en-assumption");
    const item = (name: string) => items.find((text) => text.startsWith(`${name}:`));
    expect(item("Bandwidth efficiency")).toMatch(/^Bandwidth efficiency: 0\.8\. share of the datasheet's 3\.35 TB\/s HBM bandwidth/);
    expect(item("Decode utilization")).toMatch(/^Decode utilization: 0\.5\./);
    expect(item("Prefill utilization")).toMatch(/^Prefill utilization: 0\.5\./);
    expect(item("GPU power")).toMatch(/^GPU power: 700 W\. TDP 700 W/);
    expect(item("Price")).toMatch(/^Price: 2 US\$ per GPU-hour\./);
    expect(item("Compute precision")).toContain("989.5 TFLOP/s");
    expect(item("Chat request")).toMatch(/^Chat request: 212 prompt \+ 389 output tokens\./);
    for (const key of ["hostOverhead", "pue", "overlap", "weightsRead", "decodeKvCache", "prefillKvCache", "memoryCapacity", "tensorParallel", "energyPerToken"]) {
      expect(parse(html).querySelector(`.hmf-en-assumption[data-key="${key}"]`), key).not.toBeNull();
    }
  });

  it("states the inputs and the price above the numbers", () => {
    expect(textOf(html, ".hmf-en-setup")).toBe(
      "Llama 2 7B on 1 × NVIDIA H100 SXM; batch 1, S = 4,096, weights and KV cache in bf16. Power 700 W per GPU (TDP: no measurement, so an upper bound); price $2 per GPU-hour (assumed).",
    );
  });
});

describe("energy island: what does not fit", () => {
  it("warns when the weights and the batch's KV cache exceed the GPUs' memory", () => {
    // Llama 3.1 8B: 8,030,261,248 parameters (published) × 2 B = 16,060,522,496 B; KV cache 2 · 32 layers ·
    // 8 KV heads · 128 · 2 B = 131,072 B per token, × 131,072 tokens × 64 sequences = 1,099,511,627,776 B.
    const footprint = publishedTotal("meta-llama/Llama-3.1-8B") * 2 + 2 * 32 * 8 * 128 * 2 * 131_072 * 64;
    expect(footprint).toBe(1_115_572_150_272);
    const html = energy.renderOutput({ ...base, batch: 64, S: 131_072 }, freshDocument());
    expect(textOf(html, ".hmf-note-warning")).toMatch(/^Does not fit in memory: All weights and the KV cache of 64 sequences at S = 131,072 take 1\.12 TB, more than the 1 × 80 GB of HBM\./);
    // Eight GPUs hold 640 GB: still not enough; in fp8, with half the bytes, 558 GB fits.
    expect(parse(energy.renderOutput({ ...base, batch: 64, S: 131_072, gpus: 8 }, freshDocument())).querySelector(".hmf-note-warning")).not.toBeNull();
    expect(textOf(energy.renderOutput({ ...base, batch: 64, S: 131_072, gpus: 8, dtype: "fp8" }, freshDocument()), ".hmf-en-memory")).toMatch(/^Fits in memory: .* take 558 GB of 8 × 80 GB/);
  });
});

describe("energy island: props from a notebook", () => {
  it("defaults to the notebook's example and reads its props", () => {
    expect(base).toEqual({ model: "llama-3.1-8b", gpu: "h100-sxm", batch: 8, S: 4096, gpus: 1, dtype: "bf16", usdPerGpuHour: 2 });
    expect(energy.parseProps({ model: "llama-3.1-8b", gpu: "h100-sxm", batch: 8, S: 4096 })).toEqual(base);
    expect(energy.parseProps({ gpu: "b200", batch: "1,024", S: 131_072, gpus: 8, dtype: "fp8", watts: 900, usdPerGpuHour: 3.5 })).toEqual({
      model: "llama-3.1-8b",
      gpu: "b200",
      batch: 1024,
      S: 131_072,
      gpus: 8,
      dtype: "fp8",
      watts: 900,
      usdPerGpuHour: 3.5,
    });
  });

  it("survive the JSON round trip data-props makes", () => {
    for (const props of [base, energy.parseProps({ watts: 486, usdPerGpuHour: 2.5, gpus: 2 })]) {
      expect(energy.parseProps(JSON.parse(JSON.stringify(props)))).toEqual(props);
    }
  });

  it("refuse bad values, naming the prop", () => {
    const refused: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ gpu: "tpu-v9" }, "props.gpu", /^props\.gpu: unknown GPU the text "tpu-v9" \(known: a100-sxm-80gb, h100-sxm, h200, b200, mi300x\)$/],
      [{ gpu: "<script>alert(1)</script>" }, "props.gpu", /unknown GPU the text "<script>alert\(1\)<\/script>"/],
      [{ gpu: 7 }, "props.gpu", /expected a GPU id, got the number 7/],
      [{ model: "<script>alert(1)</script>" }, "props.model", /unknown model/],
      [{ batch: 0 }, "props.batch", /expected a whole number from 1 to 4,096, got 0$/],
      [{ batch: -1 }, "props.batch", /expected a whole number from 1 to 4,096/],
      [{ batch: 1.5 }, "props.batch", /expected a whole number from 1 to 4,096/],
      [{ batch: 1e6 }, "props.batch", /got 1,000,000$/],
      [{ batch: "1e999" }, "props.batch", /got a 1000-digit number$/],
      [{ S: 0 }, "props.S", /expected a whole number from 1 to 10,000,000/],
      [{ gpus: 3 }, "props.gpus", /^props\.gpus: expected 1, 2, 4 or 8 GPUs \(tensor parallelism within one server\), got 3$/],
      [{ gpus: 16 }, "props.gpus", /from 1 to 8/],
      [{ dtype: "fp64" }, "props.dtype", /expected one of fp32, bf16, fp16, fp8, int8, int4/],
      [{ watts: 0 }, "props.watts", /from 1 to 5,000/],
      [{ watts: 486.5 }, "props.watts", /from 1 to 5,000/],
      [{ usdPerGpuHour: -2 }, "props.usdPerGpuHour", /above 0 and at most 1,000, got the number -2$/],
      [{ usdPerGpuHour: Number.NaN }, "props.usdPerGpuHour", /got NaN$/],
      [{ usdPerGpuHour: "2" }, "props.usdPerGpuHour", /got the text "2"$/],
      [{ tdp: 1 }, "props.tdp", /not a prop of this island/],
    ];
    for (const [props, field, message] of refused) {
      const error = inputError(() => energy.parseProps(props));
      expect(error.field, JSON.stringify(props)).toBe(field);
      expect(error.message).toMatch(message);
    }
  });

  it("quote at most a short prefix of an over-long value", () => {
    const error = inputError(() => energy.parseProps({ gpu: "h".repeat(100_000) }));
    expect(error.field).toBe("props.gpu");
    expect(error.message.length).toBeLessThan(300);
  });

  it("refuse a __proto__ key without polluting anything", () => {
    expect(inputError(() => energy.parseProps(JSON.parse('{"__proto__": {"polluted": true}}'))).field).toBe("props.__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("energy island: URL state", () => {
  it("round-trips every setting, measured power included", () => {
    const props: EnergyProps = { model: "mixtral-8x7b", gpu: "mi300x", batch: 96, S: 32_768, gpus: 2, dtype: "fp8", watts: 612, usdPerGpuHour: 2 };
    expect(energy.toQuery(props)).toEqual({ model: "mixtral-8x7b", gpu: "mi300x", batch: "96", s: "32768", gpus: "2", dtype: "fp8", watts: "612" });
    expect(energy.fromQuery(energy.toQuery(props), base)).toEqual(props);
    expect(energy.fromQuery(energy.toQuery(base), base)).toEqual(base);
  });

  it("says tdp for no measurement, so that a link clears a notebook's measured power", () => {
    const notebook = energy.parseProps({ watts: 486 });
    const shown = { ...notebook };
    delete shown.watts;
    expect(energy.toQuery(shown).watts).toBe("tdp");
    expect(energy.fromQuery({ watts: "tdp" }, notebook)).toEqual(base);
    expect(energy.fromQuery({}, notebook).watts).toBe(486);
  });

  it("keeps the notebook's price, which is not a URL setting", () => {
    const notebook = energy.parseProps({ usdPerGpuHour: 3 });
    expect(energy.fromQuery({ batch: "16" }, notebook)).toEqual({ ...notebook, batch: 16 });
    expect(inputError(() => energy.fromQuery({ usdPerGpuHour: "0" }, notebook)).field).toBe("usdPerGpuHour");
  });

  it("takes the GPU names people type, in any case", () => {
    const base = energy.parseProps({});
    for (const [typed, id] of [["H100", "h100-sxm"], ["H100-SXM", "h100-sxm"], ["b200", "b200"], ["NVIDIA A100 80GB SXM", "a100-sxm-80gb"]] as const) {
      expect(energy.fromQuery({ gpu: typed }, base).gpu, typed).toBe(id);
    }
  });

  it("refuses hostile values, naming the key", () => {
    const refused: Array<[Record<string, string>, string, RegExp]> = [
      [{ gpu: "<script>alert(1)</script>" }, "gpu", /^gpu: unknown GPU the text "<script>alert\(1\)<\/script>" \(known: /],
      [{ gpu: "H1000" }, "gpu", /unknown GPU/],
      [{ batch: "1e999" }, "batch", /^batch: expected a whole number from 1 to 4,096, got a 1000-digit number$/],
      [{ batch: "-8" }, "batch", /expected a whole number/],
      [{ batch: "2.5" }, "batch", /expected a whole number/],
      [{ batch: "8".repeat(40) }, "batch", /40 characters is too long for a number/],
      [{ gpus: "3" }, "gpus", /expected 1, 2, 4 or 8 GPUs/],
      [{ watts: "" }, "watts", /^watts: enter a whole number from 1 to 5,000 \(or “tdp” for the GPU's TDP\)$/],
      [{ watts: "-700" }, "watts", /or “tdp”/],
      [{ watts: '"><img src=x onerror=alert(1)>' }, "watts", /^watts: expected a whole number from 1 to 5,000, got the text "\\"><img src=x onerror=alert\(1\)>"/],
      [{ dtype: "<b>" }, "dtype", /expected one of/],
    ];
    for (const [query, field, message] of refused) {
      const error = inputError(() => energy.fromQuery(query, base));
      expect(error.field, JSON.stringify(query)).toBe(field);
      expect(error.message).toMatch(message);
    }
    const proto = Object.create(null) as Record<string, string>;
    proto.__proto__ = "1";
    expect(inputError(() => energy.fromQuery(proto, base)).field).toBe("__proto__");
  });
});

describe("energy island: controls", () => {
  it("change one setting each, sliders included", () => {
    const apply = (name: string, value: string, props = base) => energy.applyControl?.(name, value, props);
    expect(apply("gpu", "b200")).toEqual({ ...base, gpu: "b200" });
    expect(apply("model", "gpt2")).toEqual({ ...base, model: "gpt2" });
    expect(apply("gpus", "4")).toEqual({ ...base, gpus: 4 });
    expect(apply("dtype", "int4")).toEqual({ ...base, dtype: "int4" });
    expect(apply("batch", "64")).toEqual({ ...base, batch: 64 });
    // Slider positions are hundredths of a decade: 300 is 10^3 = 1000 sequences, 0 is 1.
    expect(apply("batch.slider", "300")).toEqual({ ...base, batch: 1000 });
    expect(apply("batch.slider", "0")).toEqual({ ...base, batch: 1 });
    expect(apply("s.slider", "500")).toEqual({ ...base, S: 100_000 });
    expect(apply("s", "128,000")).toEqual({ ...base, S: 128_000 });
  });

  it("read the power box: whole watts, or empty for the TDP", () => {
    const measured = energy.applyControl?.("watts", " 486 ", base);
    expect(measured).toEqual({ ...base, watts: 486 });
    expect(energy.applyControl?.("watts", "", measured ?? base)).toEqual(base);
    expect(energy.applyControl?.("watts", "TDP", measured ?? base)).toEqual(base);
    expect(inputError(() => energy.applyControl?.("watts", "lots", base)).field).toBe("watts");
  });

  it("refuse a control they do not have and values out of range, naming them", () => {
    expect(inputError(() => energy.applyControl?.("zzz", "1", base)).field).toBe("zzz");
    expect(inputError(() => energy.applyControl?.("batch.slider", "900", base)).field).toBe("batch.slider");
    expect(inputError(() => energy.applyControl?.("batch", "5000", base)).message).toBe("batch: expected a whole number from 1 to 4,096, got 5,000");
  });

  it("show the props in every control", () => {
    const props: EnergyProps = { ...base, batch: 128, watts: 650, gpus: 2 };
    expect(energy.controlState?.(props)).toEqual({
      model: { value: "llama-3.1-8b" },
      gpu: { value: "h100-sxm" },
      gpus: { value: "2" },
      dtype: { value: "bf16" },
      watts: { value: "650" },
      batch: { value: "128", text: "128" },
      // round(100 · log10 128) = round(210.7) = 211
      "batch.slider": { value: "211", text: "128" },
      s: { value: "4096", text: "4,096 tokens" },
      "s.slider": { value: "361", text: "4,096 tokens" },
      // Speculation and the KV format are off until chosen; their number controls show the defaults.
      kv: { value: "same" },
      draft: { value: "none" },
      alpha: { value: "80", text: "80 %" },
      "alpha.slider": { value: "80", text: "80 %" },
      gamma: { value: "4", text: "4" },
      "gamma.slider": { value: "4", text: "4" },
    });
    expect(energy.controlState?.(base).watts).toEqual({ value: "" });
  });

  it("render a disabled fieldset with every control named as in the URL", () => {
    const html = energy.renderControls({ ...base, gpu: "mi300x", gpus: 4, dtype: "fp8", watts: 700 });
    const root = parse(html);
    expect(root.querySelector("fieldset.hmf-island-controls")?.hasAttribute("disabled")).toBe(true);
    const names = [...root.querySelectorAll("[name]")].map((el: { getAttribute(n: string): string | null }) => el.getAttribute("name"));
    expect(names).toEqual(["model", "gpu", "batch", "batch.slider", "s", "s.slider", "gpus", "dtype", "kv", "draft", "alpha", "alpha.slider", "gamma", "gamma.slider", "watts"]);
    expect(texts(html, 'select[name="gpu"] option[selected]')).toEqual(["AMD Instinct MI300X"]);
    expect(texts(html, 'select[name="gpus"] option[selected]')).toEqual(["4"]);
    expect(texts(html, 'select[name="dtype"] option[selected]')).toEqual(["fp8"]);
    expect(root.querySelector('input[name="watts"]')?.getAttribute("value")).toBe("700");
  });
});

describe("energy island: escaping and the static fallback", () => {
  it("renders a fallback with no script, inline style or event handler, and refuses hostile props before rendering", () => {
    const html = renderIslandPayload({ island: "energy", props: { model: "llama-3.1-8b", gpu: "h100-sxm", batch: 8, S: 4096 } }, { document: freshDocument() });
    expect(html).toMatch(/^<hmf-island class="hmf-island" data-island="energy" data-id="energy" data-props="\{&quot;model&quot;:&quot;llama-3.1-8b&quot;,/);
    expect(html).not.toMatch(/<script|<style|style="|\son[a-z]+=/i);
    const error = inputError(() => renderIslandPayload({ island: "energy", props: { gpu: '"><svg onload=alert(1)>' } }, { document: freshDocument() }));
    expect(error.field).toBe("props.gpu");
  });

  it("escapes what it prints from the core", () => {
    // The core's notes hold apostrophes and ampersand-free text; every one reaches the page escaped.
    const html = energy.renderOutput(base, freshDocument());
    expect(html).toContain("datasheet&#39;s 3.35 TB/s");
    expect(html).not.toContain("datasheet's");
  });
});

describe("roofline chart", () => {
  // The H100 at bf16: 989.5 TFLOP/s and 3.35 TB/s; the effective roof at 50% and 80%.
  const h100: RooflineData = {
    hardwareName: "NVIDIA H100 SXM",
    precision: "bf16",
    peakFlops: 989.5e12,
    bandwidth: 3.35e12,
    utilization: 0.5,
    bandwidthEfficiency: 0.8,
    points: [
      // Llama 2 7B, batch 1, S = 4096 (above): 15,361,638,400 FLOPs in 5.7322 ms = 2.68 TFLOP/s at 1.00 FLOP/B.
      { step: "decode", label: "decode", intensity: DECODE_FLOPS / (decodeWeightBytes + KV), flopsPerSecond: DECODE_FLOPS / decodeSeconds, bound: "memory" },
      { step: "prefill", label: "prefill", intensity: PREFILL_FLOPS / (prefillWeightBytes + KV), flopsPerSecond: PEAK, bound: "compute" },
    ],
  };
  const draw = (data: RooflineData = h100) => chartHtml(rooflineChart(data, freshDocument()));

  it("turns flat at peak / bandwidth: 295 FLOPs per byte on the datasheet, 185 at the stated efficiencies", () => {
    // 989.5e12 / 3.35e12 = 295.37; 494.75e12 / 2.68e12 = 184.61
    expect(ridgeIntensity("datasheet", h100)).toBeCloseTo(295.37, 2);
    expect(ridgeIntensity("effective", h100)).toBeCloseTo(184.61, 2);
    const html = draw();
    expect(html).toMatch(/<svg[^>]* aria-description="Log-log axes\. Datasheet roof: 989\.5 TFLOP\/s, 3\.35 TB\/s, turning flat at 295 FLOPs per byte; Effective roof: 50% of peak, 80% of bandwidth, turning flat at 185 FLOPs per byte\. Markers: decode at 1\.00 FLOPs per byte and 2\.68 TFLOP\/s per GPU \(memory-bound\); prefill at 3,730 FLOPs per byte and 494\.8 TFLOP\/s per GPU \(compute-bound\)\."/);
    expect(texts(html, ".hmf-roof-ridge-label")).toEqual(["ridge: 185 FLOPs/byte"]);
    // The x axis runs from 0.1 to 10^5 FLOPs/byte (six decades) over pixels 56 to 616: the ridge rule and the
    // effective roof's corner sit at 56 + (log10 184.61 + 1) / 6 · 560 = 360.85.
    const ridgeX = Math.round((56 + ((Math.log10(494.75e12 / 2.68e12) + 1) / 6) * 560) * 100) / 100;
    expect(ridgeX).toBe(360.85);
    const root = parse(html);
    expect(root.querySelector(".hmf-roof-ridge")?.getAttribute("x1")).toBe(String(ridgeX));
    // The effective roof: its slope (memory-bound) ends at the corner, where its flat part (compute-bound) begins.
    const slope = root.querySelector(".hmf-roof-effective .hmf-roof-memory-bound")?.getAttribute("d") ?? "";
    const flat = root.querySelector(".hmf-roof-effective .hmf-roof-compute-bound")?.getAttribute("d") ?? "";
    const corner = new RegExp(`^M56,[\\d.]+L${ridgeX},([\\d.]+)$`).exec(slope);
    expect(corner, slope).not.toBeNull();
    expect(flat).toBe(`M${ridgeX},${corner?.[1]}L616,${corner?.[1]}`);
  });

  it("is deterministic, CSP-safe, one labelled image with stable class names", () => {
    const html = draw();
    expect(draw()).toBe(html);
    expect(html).toMatch(/^<svg[^>]* class="hmf-chart hmf-chart-roofline"/);
    expect(html).toMatch(/<svg[^>]* role="img"/);
    expect(html).toMatch(/<svg[^>]* aria-label="Roofline of the NVIDIA H100 SXM \(bf16\): attainable FLOP\/s against FLOPs per byte"/);
    expect(html).not.toMatch(/<style|style="| id="/);
    const root = parse(html);
    expect(root.querySelectorAll("svg [aria-label]")).toHaveLength(0);
    for (const name of ["hmf-roof-datasheet", "hmf-roof-effective", "hmf-roof-ridge", "hmf-step-decode", "hmf-step-prefill", "hmf-step-label-decode", "hmf-step-label-prefill"]) {
      expect(root.querySelectorAll(`.${name}`), name).toHaveLength(1);
    }
    // Dark-mode friendly: the datasheet roof, grid, ticks and text are currentColor; the rest is the shared palette.
    expect(root.querySelector(".hmf-roof-datasheet")?.getAttribute("stroke")).toBe("currentColor");
    expect(root.querySelector("svg")?.getAttribute("fill")).toBe("currentColor");
    // The effective roof: memory-bound on its slope, compute-bound where flat; each marker in the colour of its bound.
    expect(root.querySelector(".hmf-roof-effective .hmf-roof-memory-bound")?.getAttribute("stroke")).toBe(CONCEPT_COLORS.memoryBound);
    expect(root.querySelector(".hmf-roof-effective .hmf-roof-compute-bound")?.getAttribute("stroke")).toBe(CONCEPT_COLORS.computeBound);
    // Decode is a round marker (a zero-length line with round caps), prefill a square one (as long as it is
    // wide, with SVG's default butt caps): told apart without colour.
    const marker = (step: string) => {
      const line = root.querySelector(`line.hmf-step-${step}`);
      return { cap: line?.getAttribute("stroke-linecap"), width: line?.getAttribute("stroke-width"), length: Number(line?.getAttribute("y2")) - Number(line?.getAttribute("y1")) };
    };
    expect(marker("decode")).toEqual({ cap: "round", width: "11", length: 0 });
    expect(marker("prefill")).toEqual({ cap: "butt", width: "11", length: 11 });
    expect(texts(html, ".hmf-step-label-decode, .hmf-step-label-prefill")).toEqual(["decode", "prefill"]);
    // x ticks at every power of ten from 0.1 to 100k; y ticks at every decade the roofs cross.
    const labels = texts(html, "svg text");
    // Counts without an SI unit: powers of ten, never a bare "1T".
    expect(labels.filter((t) => /^(0\.1|1|10|100|10[³⁴⁵])$/.test(t))).toEqual(["0.1", "1", "10", "100", "10³", "10⁴", "10⁵"]);
    expect(labels.filter((t) => /^10(¹¹|¹²|¹³|¹⁴|¹⁵)$/.test(t))).toEqual(["10¹¹", "10¹²", "10¹³", "10¹⁴", "10¹⁵"]);
    expect(labels.filter((t) => /\d[kMGTPE]$/.test(t))).toEqual([]);
  });

  it("matches its snapshot", async () => {
    await expect(prettyMarkup(draw())).toMatchFileSnapshot("./__snapshots__/roofline.svg");
  });

  it("refuses to draw what is not a positive finite number, naming it", () => {
    expect(() => draw({ ...h100, bandwidth: 0 })).toThrow("rooflineChart: bandwidth must be a positive finite number, got 0");
    expect(() => draw({ ...h100, points: [{ ...(h100.points[0] as RooflineData["points"][number]), flopsPerSecond: Number.POSITIVE_INFINITY }] })).toThrow(
      "rooflineChart: decode.flopsPerSecond must be a positive finite number, got Infinity",
    );
  });
});

describe("energy island: achieved MFU and MBU, KV cache format, speculative decoding", () => {
  const llama2 = { ...base, model: "llama-2-7b", gpu: "h100-sxm", batch: 1, S: 4096 };

  it("shows the achieved MFU and MBU of each step, by hand: decode at batch 1 uses 0.27% of peak FLOP/s", () => {
    const html = energy.renderOutput(llama2, freshDocument());
    // Decode: 15,361,638,400 FLOPs in 5.7322 ms of a 989.5 TFLOP/s peak; 15,362,179,072 B of a 3.35 TB/s peak.
    const mfu = DECODE_FLOPS / decodeSeconds / 989.5e12;
    const mbu = (decodeWeightBytes + KV) / decodeSeconds / 3.35e12;
    expect(mfu).toBeCloseTo(0.002708, 6); // 15.36e9 / 5.7322e-3 / 989.5e12
    expect(phaseRow(html, "Achieved MFU (FLOPs / time / peak)")[0]).toBe(`${(mfu * 100).toPrecision(3)}%`);
    expect(phaseRow(html, "Achieved MBU (bytes / time / bandwidth)")[0]).toBe("80.0%");
    expect(mbu).toBeCloseTo(0.8, 12);
    // Prefill: compute-bound at the 0.5 ceiling: MFU 50.0%.
    expect(phaseRow(html, "Achieved MFU (FLOPs / time / peak)")[1]).toBe("50.0%");
  });

  it("an fp8 KV cache halves the cache's bytes and leaves the FLOPs", () => {
    const html = energy.renderOutput(energy.parseProps({ model: "llama-2-7b", batch: 1, S: 4096, kvDtype: "fp8" }), freshDocument());
    expect(phaseRow(html, "Bytes moved per step")[0]).toBe((decodeWeightBytes + KV / 2).toLocaleString("en-US"));
    expect(phaseRow(html, "FLOPs per step")[0]).toBe(DECODE_FLOPS.toLocaleString("en-US"));
    expect(textOf(html, ".hmf-en-setup")).toContain("weights in bf16, KV cache in fp8");
  });

  it("prices speculative decoding with the chosen draft: (1 − 0.8^5) / 0.2 = 3.36 tokens per iteration", () => {
    const props = energy.parseProps({ model: "llama-3.1-70b", gpus: 4, batch: 1, S: 4096, draft: "llama-3.1-8b", acceptance: 80, draftTokens: 4 });
    const html = energy.renderOutput(props, freshDocument());
    const caption = textOf(html, ".hmf-en-speculative caption");
    expect(caption).toContain(`${((1 - 0.8 ** 5) / 0.2).toPrecision(3)} tokens per sequence per iteration`);
    expect(caption).toMatch(/faster than plain decode/);
    expect(parse(energy.renderOutput({ ...props, draft: undefined } as EnergyProps, freshDocument())).querySelector(".hmf-en-speculative")).toBeNull();
  });

  it("keeps the new settings in the URL and restores them", () => {
    const props = energy.parseProps({ model: "llama-3.1-70b", gpus: 4, draft: "llama-3.1-8b", acceptance: 70, draftTokens: 6, kvDtype: "fp8" });
    const query = energy.toQuery(props);
    expect(query).toMatchObject({ kv: "fp8", draft: "llama-3.1-8b", alpha: "70", gamma: "6" });
    expect(energy.fromQuery(query, base)).toEqual(props);
    expect(energy.fromQuery({ draft: "none", kv: "same" }, props)).toEqual({ ...props, draft: undefined, kvDtype: undefined });
  });

  it("applies the controls, and drops a draft that cannot draft for a newly chosen model", () => {
    const withDraft = energy.applyControl!("draft", "llama-3.1-8b", { ...base, model: "llama-3.1-70b" });
    expect(withDraft.draft).toBe("llama-3.1-8b");
    expect(energy.applyControl!("alpha", "65", withDraft).acceptance).toBe(65);
    expect(energy.applyControl!("gamma.slider", "8", withDraft).draftTokens).toBe(8);
    expect(energy.applyControl!("kv", "int4", withDraft).kvDtype).toBe("int4");
    expect(energy.applyControl!("model", "llama-2-7b", withDraft).draft).toBeUndefined();
    expect(energy.applyControl!("model", "llama-3.1-405b", withDraft).draft).toBe("llama-3.1-8b");
  });

  it("refuses a draft with another vocabulary and values out of range, naming the field", () => {
    const error = inputError(() => energy.parseProps({ model: "llama-3.1-8b", draft: "gpt2" }));
    expect(error.field).toBe("props.draft");
    expect(error.message).toMatch(/vocabulary of 50,257 tokens differs/);
    // A larger model of the same vocabulary is refused too: a draft must be smaller.
    expect(inputError(() => energy.parseProps({ model: "llama-3.1-8b", draft: "llama-3.1-70b" })).message).toMatch(/not smaller than the model/);
    expect(inputError(() => energy.fromQuery({ alpha: "120" }, base)).field).toBe("alpha");
    expect(inputError(() => energy.fromQuery({ kv: "fp4" }, base)).field).toBe("kv");
    expect(inputError(() => energy.applyControl!("gamma", "0", base)).field).toBe("gamma");
  });
});
