import { describe, expect, it } from "vitest";
import { importHfConfig } from "../../src/core/hf/import";
import { PRESETS, presetById } from "../../src/core/presets";
import { validateModel } from "../../src/core/validate";
import { fixture, type PublishedParams } from "../fixtures/load";

const published = fixture<{ models: PublishedParams[] }>("reference/params.json").models;

describe("presets", () => {
  it("about twenty, with unique ids, each valid and cited", () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const preset of PRESETS) {
      expect(validateModel(preset.spec)).toEqual(preset.spec);
      expect(preset.citation.reference.length).toBeGreaterThan(10);
    }
  });

  it("presets of real configs are exactly what the importer makes of those configs", () => {
    for (const model of published) {
      const preset = PRESETS.find((p) => p.hfRepo === model.hf_repo);
      expect(preset, model.hf_repo).toBeDefined();
      const { spec } = importHfConfig(fixture(model.config), { name: preset!.spec.name });
      expect(preset!.spec).toEqual(spec);
      expect(preset!.published?.total).toBe(model.params_total);
    }
  });

  it("unknown ids list the known ones", () => {
    expect(() => presetById("gpt-5")).toThrow(/unknown preset "gpt-5" \(known: gpt2, /);
  });
});
