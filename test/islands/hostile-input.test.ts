/**
 * Untrusted input to every island: props from a notebook, values from a URL,
 * text pasted into a box. Each is refused with the field named, and nothing
 * from it reaches the HTML unescaped.
 */
import { describe, expect, it } from "vitest";
import { ISLANDS, islandDefinition, renderIslandPayload, type IslandDefinition } from "../../src/islands/index";
import { yourModel } from "../../src/islands/your-model";
import { presetById } from "../../src/core/presets";
import { freshDocument, inputError, parse, texts } from "./dom";

const definitions = Object.values(ISLANDS) as Array<IslandDefinition<unknown>>;
const PAYLOADS = ["<script>alert(1)</script>", "javascript:alert(1)", '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>"];


describe.each(definitions.map((d) => [d.name, d] as const))("%s", (_name, definition) => {
  const base = definition.parseProps({});

  it("round-trips its own URL state", () => {
    expect(definition.fromQuery(definition.toQuery(base), base)).toEqual(base);
  });

  it("refuses props that are not a plain object", () => {
    for (const raw of [null, 42, "x", [1], new Date(0)]) expect(inputError(() => definition.parseProps(raw)).field).toBe("props");
  });

  it("refuses unknown prop keys, __proto__ included, naming them", () => {
    expect(inputError(() => definition.parseProps({ bogus: 1 })).field).toBe("props.bogus");
    expect(inputError(() => definition.parseProps(JSON.parse('{"__proto__": {"polluted": true}}'))).field).toBe("props.__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses unknown query keys, __proto__ and constructor included", () => {
    for (const key of ["__proto__", "constructor", "zzz"]) {
      const query = Object.create(null) as Record<string, string>;
      query[key] = "1";
      expect(inputError(() => definition.fromQuery(query, base)).field).toBe(key);
    }
  });

  it("refuses hostile values for each of its query keys, naming the key", () => {
    for (const key of Object.keys(definition.toQuery(base))) {
      for (const value of ["1e999", "-1", "1.5", "NaN", "", "x".repeat(10_000), ...PAYLOADS]) {
        const error = inputError(() => definition.fromQuery({ [key]: value }, base));
        expect(error.field).toBe(key);
        // Messages quote at most a short prefix of what they were given.
        expect(error.message.length).toBeLessThan(700);
      }
    }
  });

});

describe("hostile values, specifically", () => {
  it("names S when the URL asks for 10^999 tokens", () => {
    const island = islandDefinition("three-answers");
    if (!island) throw new Error("missing three-answers");
    expect(() => island.fromQuery({ s: "1e999" }, island.parseProps({}))).toThrow("s: expected a whole number from 1 to 10,000,000, got a 1000-digit number");
  });

  it("names the model when it is a script", () => {
    const island = islandDefinition("three-answers");
    if (!island) throw new Error("missing three-answers");
    const error = inputError(() => island.fromQuery({ model: "<script>alert(1)</script>" }, island.parseProps({})));
    expect(error.field).toBe("model");
    expect(error.message).toMatch(/^model: unknown model the text "<script>alert\(1\)<\/script>" \(known: gpt2, llama-2-7b, /);
  });

  it("escapes a pasted config's name in the output", () => {
    const config = { model_type: "gpt2", _name_or_path: PAYLOADS.join(" "), vocab_size: 100, n_embd: 64, n_layer: 2, n_head: 4, n_positions: 128 };
    const props = yourModel.applyControl?.("config", JSON.stringify(config), yourModel.parseProps({}));
    if (!props) throw new Error("applyControl missing");
    const html = yourModel.renderOutput(props, freshDocument());
    expect(parse(html).querySelectorAll("script, img, svg[onload], [onerror]")).toHaveLength(0);
    expect(texts(html, ".hmf-ym-model strong")).toEqual([PAYLOADS.join(" ").slice(0, 120)]);
  });

  it("escapes a hostile spec name coming back from a URL", () => {
    const spec = { ...presetById("gpt2").spec, name: PAYLOADS.join("") };
    const props = yourModel.fromQuery(yourModel.toQuery({ spec, notes: [], S: 16, dtype: "bf16" }), yourModel.parseProps({}));
    const html = yourModel.renderOutput(props, freshDocument());
    expect(parse(html).querySelectorAll("script, img, [onerror], [onload]")).toHaveLength(0);
    expect(texts(html, ".hmf-ym-model strong")).toEqual([PAYLOADS.join("")]);
  });

  it("escapes hostile notes from notebook props", () => {
    const html = yourModel.renderOutput(yourModel.parseProps({ notes: PAYLOADS }), freshDocument());
    expect(texts(html, ".hmf-notes li")).toEqual(PAYLOADS);
    expect(parse(html).querySelectorAll("script, img, [onerror], [onload]")).toHaveLength(0);
  });

  it("refuses an unknown island and stray payload keys when rendering a bundle", () => {
    expect(() => renderIslandPayload({ island: "<script>", props: {} }, { document: freshDocument() })).toThrow(/^island: unknown island "<script>" \(known: /);
    expect(() => renderIslandPayload({ island: "__proto__", props: {} }, { document: freshDocument() })).toThrow(/^island: unknown island "__proto__"/);
    expect(() => renderIslandPayload({ island: "three-answers", props: {}, extra: 1 }, { document: freshDocument() })).toThrow(/^payload\.extra: /);
    expect(() => renderIslandPayload({ island: "three-answers", props: {} }, { document: freshDocument(), id: '"><script>' })).toThrow(/^id: /);
  });
});
