import { describe, expect, it } from "vitest";
import { ModelError } from "../../src/core/errors";
import { presetById } from "../../src/core/presets";
import { validateModel } from "../../src/core/validate";

const llama = presetById("llama-2-7b").spec;

function fieldOf(input: unknown): string {
  try {
    validateModel(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return (error as ModelError).field;
  }
  throw new Error("expected validation to fail");
}

describe("validateModel names the field it rejects", () => {
  it("accepts every preset unchanged", () => {
    expect(validateModel(llama)).toEqual(llama);
  });

  it.each([
    ["non-positive sizes", { ...llama, hiddenSize: 0 }, "hiddenSize"],
    ["negative layers", { ...llama, numLayers: -1 }, "numLayers"],
    ["fractional vocab", { ...llama, vocabSize: 3.5 }, "vocabSize"],
    ["unsafe integers", { ...llama, vocabSize: 2 ** 54 }, "vocabSize"],
    ["NaN", { ...llama, hiddenSize: Number.NaN }, "hiddenSize"],
    ["strings for numbers", { ...llama, numLayers: "32" }, "numLayers"],
    ["KV heads not dividing heads", { ...llama, attention: { ...llama.attention, numKvHeads: 5 } }, "attention.numKvHeads"],
    ["unknown attention kind", { ...llama, attention: { ...llama.attention, kind: "linear" } }, "attention.kind"],
    ["a misspelled field", { ...llama, numKVHeads: 8 }, "model.numKVHeads"],
    ["an unknown activation", { ...llama, mlp: { ...llama.mlp, activation: "swishy" } }, "mlp.activation"],
    ["a missing norm", { ...llama, norm: undefined }, "norm"],
    ["a window layer that does not exist", { ...llama, attention: { ...llama.attention, slidingWindow: { size: 8, layers: [40] } } }, "attention.slidingWindow.layers[0]"],
    ["a rotary fraction above 1", { ...llama, positions: { kind: "rotary", fraction: 2 } }, "positions.fraction"],
    ["not an object", 42, "model"],
  ])("%s", (_, input, field) => {
    expect(fieldOf(input)).toBe(field);
  });

  it("top-k above the expert count", () => {
    const mixtral = presetById("mixtral-8x7b").spec;
    expect(fieldOf({ ...mixtral, moe: { ...mixtral.moe, expertsPerToken: 9 } })).toBe("moe.expertsPerToken");
  });

  it("a shared-expert gate without shared experts", () => {
    const mixtral = presetById("mixtral-8x7b").spec;
    expect(fieldOf({ ...mixtral, moe: { ...mixtral.moe, sharedExpertGate: true } })).toBe("moe.sharedExpertGate");
  });

  it("messages say what is wrong in words", () => {
    expect(() => validateModel({ ...llama, attention: { ...llama.attention, numKvHeads: 5 } })).toThrow(
      "attention.numKvHeads: 5 key/value heads do not divide 32 query heads evenly",
    );
  });
});
