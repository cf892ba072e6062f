import { describe, expect, it } from "vitest";
import { ModelError } from "../../src/core/errors";
import { presetById } from "../../src/core/presets";
import { describeValue, MAX_LAYERS, MAX_WIDTH, validateModel } from "../../src/core/validate";

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

describe("validateModel's size limits", () => {
  const mixtral = presetById("mixtral-8x7b").spec;
  const deepseek = presetById("deepseek-v3").spec;
  // The documented limits: 10,000 layers; 2^26 = 67,108,864 for every width and count.
  const layers = 10_000;
  const width = 67_108_864;

  it("are the documented figures", () => {
    expect(MAX_LAYERS).toBe(layers);
    expect(MAX_WIDTH).toBe(width);
  });

  it("accept a model at the limits", () => {
    const atLimits = { ...llama, numLayers: layers, vocabSize: width, hiddenSize: width, mlp: { ...llama.mlp, intermediateSize: width } };
    expect(validateModel(atLimits)).toEqual(atLimits);
  });

  it.each([
    ["layers", { ...llama, numLayers: layers + 1 }, "numLayers", "10001 is above 10,000, the largest layer count the counts accept"],
    ["a typo of 1e15 layers", { ...llama, numLayers: 1e15 }, "numLayers", "1000000000000000 is above 10,000"],
    ["the vocabulary", { ...llama, vocabSize: width + 1 }, "vocabSize", "67108865 is above 67,108,864, the largest size the counts accept"],
    ["the hidden size", { ...llama, hiddenSize: 2 ** 40 }, "hiddenSize", "is above 67,108,864"],
    ["heads", { ...llama, attention: { ...llama.attention, numHeads: 2 ** 27, numKvHeads: 1 } }, "attention.numHeads", "is above 67,108,864"],
    ["the head width", { ...llama, attention: { ...llama.attention, headDim: width + 1 } }, "attention.headDim", "is above 67,108,864"],
    ["the window", { ...llama, attention: { ...llama.attention, slidingWindow: { size: width + 1, layers: "all" } } }, "attention.slidingWindow.size", "is above 67,108,864"],
    ["the MLP width", { ...llama, mlp: { ...llama.mlp, intermediateSize: width + 1 } }, "mlp.intermediateSize", "is above 67,108,864"],
    ["experts", { ...mixtral, moe: { ...mixtral.moe, numExperts: width + 1 } }, "moe.numExperts", "is above 67,108,864"],
    ["shared experts", { ...mixtral, moe: { ...mixtral.moe, numSharedExperts: width + 1, sharedExpertIntermediateSize: 8 } }, "moe.numSharedExperts", "is above 67,108,864"],
    ["the latent rank", { ...deepseek, attention: { ...deepseek.attention, kvLoraRank: width + 1 } }, "attention.kvLoraRank", "is above 67,108,864"],
    ["norms per layer", { ...llama, norm: { ...llama.norm, perLayer: width + 1 } }, "norm.perLayer", "is above 67,108,864"],
  ])("reject too many %s, naming the field", (_, input, field, message) => {
    expect(fieldOf(input)).toBe(field);
    expect(() => validateModel(input)).toThrow(message);
  });

  it("keep heads × head width exact: at the limits the product is below 2^53", () => {
    expect(Number.isSafeInteger(width * width)).toBe(true);
  });
});

describe("validateModel quotes user text safely", () => {
  it("an unknown key with control characters is quoted and escaped in the field", () => {
    const field = fieldOf({ ...llama, "\u001b[31mx": 1 });
    expect(field).toBe('model."\\u001b[31mx"');
    expect(field).not.toMatch(/\u001b/);
  });

  it("describeValue escapes control, C1 and bidi characters and cuts long text", () => {
    expect(describeValue("\u001b[31m\r\u009b\u202e")).toBe('the text "\\u001b[31m\\r\\u009b\\u202e"');
    expect(describeValue("🦙".repeat(50))).toBe(`the text "${"🦙".repeat(40)}…"`);
  });
});
