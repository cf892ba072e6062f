import { describe, expect, it } from "vitest";
import { chooseModel, InputError, yourModelIslandProps } from "../../src/notebook/your-model";

const quiet = () => {
  const lines: string[] = [];
  return { lines, log: (line: string) => void lines.push(line) };
};

describe("notebook 7's inputs: a preset or a pasted config.json", () => {
  it("uses the preset when nothing is pasted, and says so", () => {
    const out = quiet();
    const chosen = chooseModel({ presetId: "qwen3-8b", pastedConfig: "\n" }, out.log);
    expect(chosen.spec.name).toBe("Qwen3 8B");
    expect(chosen.presetId).toBe("qwen3-8b");
    expect(out.lines).toEqual(["Using the preset qwen3-8b: Qwen3 8B."]);
    expect(yourModelIslandProps(chosen, 32_768)).toEqual({ model: "qwen3-8b", S: 32_768 });
  });

  it("lets a pasted config win over the preset, and says the preset is not used", () => {
    const out = quiet();
    const config = `{ "model_type": "llama", "hidden_size": 2048, "intermediate_size": 8192, "num_hidden_layers": 16,
      "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 128256, "tie_word_embeddings": true, "foo": 1 }`;
    const chosen = chooseModel({ presetId: "qwen3-8b", pastedConfig: config }, out.log);
    expect(chosen.spec.hiddenSize).toBe(2048);
    expect(out.lines[0]).toMatch(/^Using the pasted config\.json: .* \(presetId "qwen3-8b" is not used while a config is pasted\)\.$/);
    const props = yourModelIslandProps(chosen, 4096);
    expect("spec" in props && props.spec.hiddenSize).toBe(2048);
    expect("notes" in props && props.notes.at(-1)).toBe("Keys not used by the count: foo");
  });

  it("reports a JSON mistake by the line of the pasted text, quoted so the reader finds it, without a stack", () => {
    // Column 29: two spaces and `"intermediate_size": 8192 ` are 28 characters.
    const config = `
{ "model_type": "llama", "hidden_size": 2048,
  "intermediate_size": 8192 "num_hidden_layers": 16 }`;
    let error: unknown;
    try {
      chooseModel({ presetId: "", pastedConfig: config }, () => {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const stack = (error as Error).stack ?? "";
    expect(stack.split("\n")).toEqual([
      expect.stringMatching(/^InputError: the pasted config\.json: is not valid JSON \(.*line 3 column 29\)\)$/),
      '    at line 3 of the pasted config, column 29: "intermediate_size": 8192 "num_hidden_layers": 16 }',
    ]);
  });

  it("names the config key of a bad value, and an unknown or empty preset", () => {
    expect(() => chooseModel({ presetId: "", pastedConfig: '{"model_type": "llama", "hidden_size": -5}' }, () => {})).toThrow(/^the pasted config\.json: hidden_size: must be at least 1, got -5$/);
    expect(() => chooseModel({ presetId: "gpt-9", pastedConfig: "" }, () => {})).toThrow(/^presetId "gpt-9" is not a preset; the presets are gpt2, /);
    expect(() => chooseModel({ presetId: "", pastedConfig: "  " }, () => {})).toThrow(/presetId is empty and no config\.json is pasted/);
  });
});
