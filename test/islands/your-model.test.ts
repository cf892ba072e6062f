import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { IslandInputError } from "../../src/islands/island";
import { decodeSpec, encodeSpec, MAX_PASTE_CHARS, MAX_SPEC_QUERY_CHARS, yourModel, type YourModelProps } from "../../src/islands/your-model";
import { presetById } from "../../src/core/presets";
import { fixture, type PublishedParams } from "../fixtures/load";
import { freshDocument, parse, texts, textOf } from "./dom";

const llamaConfigText = readFileSync(fileURLToPath(new URL("../fixtures/configs/llama-2-7b-hf.json", import.meta.url)), "utf8");
const published = fixture<{ models: PublishedParams[] }>("reference/params.json").models;
const base: YourModelProps = yourModel.parseProps({});

/** Cells of the table row whose header is `label`, as text. */
function row(html: string, table: string, label: string): string[] {
  const rows = [...parse(html).querySelectorAll(`${table} tr`)] as Array<{ querySelector(s: string): { textContent: string | null } | null; querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }>;
  const found = rows.find((r) => r.querySelector("th")?.textContent === label);
  if (!found) throw new Error(`no row ${label} in ${table}`);
  return Array.from(found.querySelectorAll("td .hmf-exact"), (cell) => cell.textContent ?? "");
}

describe("your model: a pasted config.json", () => {
  it("imports it and shows the full breakdown, matching the published parameter count", () => {
    const props = yourModel.applyControl?.("config", llamaConfigText, base);
    if (!props) throw new Error("applyControl missing");
    expect(props.model).toBeUndefined();
    expect(props.spec?.hiddenSize).toBe(4096);
    const html = yourModel.renderOutput({ ...props, S: 4096 }, freshDocument());
    const llama = published.find((m) => m.hf_repo === "meta-llama/Llama-2-7b-hf");
    // 6,738,415,616: calflops' Params(Total) for Llama-2-7b-hf.
    expect(row(html, ".hmf-ym-params", "Total")).toEqual([BigInt(llama?.params_total ?? "").toLocaleString("en-US"), "6,738,415,616"]);
    // Per token with a KV cache at S = 4096 (hand arithmetic in three-answers.test.ts): 15,361,638,400.
    expect(row(html, ".hmf-ym-flops", "Total")[0]).toBe("15,361,638,400");
    // attention scores at S = 4096: 2 · 32 heads · 128 · 4096 keys · 32 layers = 1,073,741,824 (README example).
    expect(row(html, ".hmf-ym-flops", "attention scores QKᵀ")[0]).toBe("1,073,741,824");
    // KV cache per token in bf16: 2 (K, V) · 32 layers · 32 heads · 128 · 2 bytes = 524,288 B.
    expect(row(html, ".hmf-ym-memory", "KV cache per token")).toEqual(["524,288 B"]);
    // … and for 4096 tokens: 524,288 · 4096 = 2,147,483,648 B.
    expect(row(html, ".hmf-ym-memory", "KV cache for one sequence of 4,096 tokens")).toEqual(["2,147,483,648 B"]);
    // Weights in bf16: 6,738,415,616 · 2 = 13,476,831,232 B.
    expect(row(html, ".hmf-ym-memory", "Weights")).toEqual(["13,476,831,232 B"]);
    expect(textOf(html, ".hmf-ym-model strong")).toBe("meta-llama/Llama-2-7b-hf");
  });

  it("lists what the import assumed and which keys it did not know", () => {
    const config = JSON.parse(llamaConfigText) as Record<string, unknown>;
    const props = yourModel.applyControl?.("config", JSON.stringify({ ...config, mystery_knob: 3 }), base);
    const notes = texts(yourModel.renderOutput(props ?? base, freshDocument()), ".hmf-notes li");
    expect(notes.some((note) => note.includes("mystery_knob"))).toBe(true);
  });

  it("lists many unknown keys by name up to 40, counting the rest, and the notes survive data-props", () => {
    const config = JSON.parse(llamaConfigText) as Record<string, unknown>;
    for (let i = 0; i < 45; i++) config[`knob_${i}`] = i;
    const props = yourModel.applyControl?.("config", JSON.stringify(config), base);
    const note = props?.notes.find((n) => n.startsWith("Keys this importer does not know"));
    expect(note).toContain("knob_0, knob_1,");
    expect(note).toMatch(/, and 5 more\.$/);
    expect(yourModel.parseProps(JSON.parse(JSON.stringify(props)))).toEqual(props);
  });

  it("names the field when the config cannot be used", () => {
    const apply = (text: string) => () => yourModel.applyControl?.("config", text, base);
    expect(apply("{ not json")).toThrow(/^config\.json: config: is not valid JSON/);
    expect(apply('{"model_type": "llama", "hidden_size": 4096}')).toThrow(/^config\.json: [a-z_]+: /);
    const bad = JSON.parse(llamaConfigText) as Record<string, unknown>;
    expect(apply(JSON.stringify({ ...bad, num_key_value_heads: 7 }))).toThrow(/^config\.json: num_key_value_heads: /);
    expect(apply(JSON.stringify({ model_type: "<script>alert(1)</script>" }))).toThrow(/^config\.json: model_type: unsupported model_type "<script>alert\(1\)<\/script>"/);
  });

  it("caps the pasted text, saying how long it was", () => {
    const long = `{"x": "${"a".repeat(MAX_PASTE_CHARS)}"}`;
    expect(() => yourModel.applyControl?.("config", long, base)).toThrow(
      new IslandInputError("config.json", `the pasted text is ${(MAX_PASTE_CHARS + 9).toLocaleString("en-US")} characters; the limit is 100,000 (real config.json files are a few KB)`),
    );
  });

  it("ignores an empty paste box and the pasted-config option of the select", () => {
    expect(yourModel.applyControl?.("config", "  \n", base)).toBe(base);
    expect(yourModel.applyControl?.("model", "", base)).toBe(base);
  });
});

describe("your model: URL state", () => {
  it("carries a preset by id", () => {
    const props: YourModelProps = { model: "gemma-2-9b", notes: [], S: 8192, dtype: "fp8" };
    expect(yourModel.toQuery(props)).toEqual({ model: "gemma-2-9b", s: "8192", dtype: "fp8" });
    expect(yourModel.fromQuery(yourModel.toQuery(props), base)).toEqual(props);
  });

  it("carries a pasted model as its validated spec, and reads it back", () => {
    const spec = presetById("deepseek-v3").spec;
    const query = yourModel.toQuery({ spec, notes: ["x"], S: 131_072, dtype: "bf16" });
    expect(query.spec ?? "").toMatch(/^[A-Za-z0-9_-]+$/);
    expect((query.spec ?? "").length).toBeLessThan(MAX_SPEC_QUERY_CHARS);
    const back = yourModel.fromQuery(query, base);
    expect(back.spec).toEqual(spec);
    expect(back.S).toBe(131_072);
    expect(back.notes).toEqual(["Model description read from the link."]);
  });

  it("validates a spec from the URL again, naming the field", () => {
    const spec = { ...presetById("llama-2-7b").spec, attention: { ...presetById("llama-2-7b").spec.attention, numKvHeads: 5 } };
    expect(() => decodeSpec(encodeSpec(spec))).toThrow(/^spec: attention\.numKvHeads: 5 key\/value heads do not divide 32/);
    expect(() => decodeSpec("!!!")).toThrow("spec: is not an encoded model description (contains characters outside the base64url alphabet)");
    expect(() => decodeSpec("e30")).toThrow(/^spec: model\.|^spec: [a-zA-Z]+: /);
    expect(() => decodeSpec("A".repeat(MAX_SPEC_QUERY_CHARS + 1))).toThrow(`spec: is 8,193 characters; the limit is 8,192`);
  });

  it("refuses a spec smuggling a __proto__ key", () => {
    const json = JSON.stringify(presetById("gpt2").spec).replace(/^\{/, '{"__proto__":{"polluted":true},');
    const encoded = Buffer.from(json, "utf8").toString("base64url");
    expect(() => decodeSpec(encoded)).toThrow(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses model and spec together", () => {
    expect(() => yourModel.fromQuery({ model: "gpt2", spec: encodeSpec(presetById("gpt2").spec) }, base)).toThrow("spec: give one of model, spec and config, not model and spec");
  });
});

describe("your model: props from a notebook", () => {
  it("take a preset, a spec or a config object", () => {
    expect(yourModel.parseProps({ model: "gpt2", S: 1024, dtype: "fp32" })).toEqual({ model: "gpt2", notes: [], S: 1024, dtype: "fp32" });
    expect(yourModel.parseProps({ spec: presetById("gpt2").spec }).spec).toEqual(presetById("gpt2").spec);
    expect(yourModel.parseProps({ config: JSON.parse(llamaConfigText) }).spec?.numLayers).toBe(32);
    expect(() => yourModel.parseProps({ model: "gpt2", config: {} })).toThrow("props.config: give one of model, spec and config, not model and config");
    expect(() => yourModel.parseProps({ dtype: "fp64" })).toThrow('props.dtype: expected one of fp32, bf16, fp16, fp8, int8, int4, got the text "fp64"');
  });

  it("survive a JSON round trip (data-props carries them)", () => {
    const props = yourModel.parseProps({ config: JSON.parse(llamaConfigText), S: 2048 });
    expect(yourModel.parseProps(JSON.parse(JSON.stringify(props)))).toEqual(props);
  });
});

describe("your model: the pasted model's name and charts", () => {
  it("is called by its _name_or_path, else “Your model” (not its architecture class)", () => {
    const config = JSON.parse(llamaConfigText) as Record<string, unknown>;
    const named = yourModel.applyControl?.("config", llamaConfigText, base);
    expect(named?.spec?.name).toBe("meta-llama/Llama-2-7b-hf");
    const { _name_or_path: _path, ...unnamed } = config;
    expect(yourModel.applyControl?.("config", JSON.stringify(unnamed), base)?.spec?.name).toBe("Your model");
    expect(yourModel.applyControl?.("config", JSON.stringify({ ...unnamed, _name_or_path: "  " }), base)?.spec?.name).toBe("Your model");
  });

  it("charts FLOPs per token against context, with and without a cache, for the reader's model", () => {
    const html = yourModel.renderOutput({ ...base, S: 4096 }, freshDocument());
    const chart = parse(html).querySelector(".hmf-ym-sweep svg.hmf-chart-sweep");
    expect(chart?.getAttribute("aria-label")).toBe("FLOPs per generated token against context length, Llama 2 7B");
    expect(chart?.querySelectorAll("g.hmf-series-withCache path")).toHaveLength(1);
    expect(chart?.querySelectorAll("g.hmf-series-gpt4o")).toHaveLength(0);
    // With a cache at S = 1,000,000: 13,214,154,752 + 4·32·4096·1,000,000 = 537,502,154,752 (see three-answers.test.ts).
    const last = [...(chart?.querySelectorAll(".hmf-sweep-hover title") ?? [])].map((t: { textContent: string | null }) => t.textContent ?? "").at(-1);
    expect(last).toMatch(/^S = 1,000,000, .*First principles, with a KV cache: 537,502,154,752$/);
    expect(textOf(html, ".hmf-ym-sweep figcaption")).toContain("the rule marks S = 4,096");
  });

  it("shows one token through the model, or says why not for other attention kinds", () => {
    // Llama 2 7B at S = 4096: scores and values each 2 · 32 heads · 128 · 4096 · 32 layers = 1,073,741,824 FLOPs, together
    // 2,147,483,648; they read the KV cache, 524,288 B per token in bf16 · 4096 = 2,147,483,648 B.
    const html = yourModel.renderOutput({ ...base, S: 4096 }, freshDocument());
    expect(parse(html).querySelector(".hmf-token-flow .hmf-flow-attention title")?.textContent).toBe("Attention over the KV cache: 2,147,483,648 FLOPs, 2,147,483,648 bytes read");
    const mla = yourModel.renderOutput({ ...base, model: "deepseek-v3" }, freshDocument());
    expect(textOf(mla, ".hmf-ym .hmf-note")).toMatch(/^The token-flow figure covers multi-head and grouped-query attention; DeepSeek-V3 \(MoE, MLA\) uses another kind/);
  });
});
