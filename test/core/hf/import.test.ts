import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../src/core/errors";
import { importHfConfig, SUPPORTED_MODEL_TYPES } from "../../../src/core/hf/import";
import { countParams } from "../../../src/core/params";
import { configFixtures, fixture } from "../../fixtures/load";

function importError(config: unknown): ConfigError {
  try {
    importHfConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected the import to fail");
}

const llama2 = fixture<Record<string, unknown>>("configs/llama-2-7b-hf.json");

describe("importHfConfig", () => {
  it("supports every model_type the project promises", () => {
    for (const type of ["gpt2", "gpt_neox", "falcon", "llama", "mistral", "mixtral", "qwen2", "qwen2_moe", "qwen3", "qwen3_moe",
      "gemma", "gemma2", "phi3", "olmo2", "deepseek_v2", "deepseek_v3"]) {
      expect(SUPPORTED_MODEL_TYPES).toContain(type);
    }
  });

  it("imports every real config without unrecognised keys", () => {
    for (const { file, config } of configFixtures()) {
      const imported = importHfConfig(config);
      expect(imported.unrecognized, file).toEqual([]);
    }
  });

  it("accepts JSON text as well as an object", () => {
    expect(importHfConfig(JSON.stringify(llama2)).spec).toEqual(importHfConfig(llama2).spec);
  });

  it("reports the defaults it applied", () => {
    const { assumptions } = importHfConfig(llama2);
    // Llama-2's config omits attention_bias and mlp_bias.
    expect(assumptions.some((a) => a.startsWith("attention_bias not given"))).toBe(true);
    expect(assumptions.some((a) => a.startsWith("mlp_bias not given"))).toBe(true);
  });

  it("lists keys it does not understand instead of dropping them", () => {
    const { unrecognized } = importHfConfig({ ...llama2, num_memory_tokens: 16 });
    expect(unrecognized).toEqual(["num_memory_tokens"]);
  });

  it("honours count-changing flags: Llama's mlp_bias and attention_bias", () => {
    const base = countParams(importHfConfig(llama2).spec).total;
    const biased = countParams(importHfConfig({ ...llama2, mlp_bias: true, attention_bias: true }).spec).total;
    const L = 32n, d = 4096n, ff = 11008n;
    expect(biased - base).toBe(L * (2n * ff + d) + L * (4n * d));
  });

  it("a Falcon config in the new format (model_type falcon) counts like the old RefinedWebModel one", () => {
    const old = fixture<Record<string, unknown>>("configs/falcon-7b.json");
    const modern = {
      model_type: "falcon", hidden_size: 4544, num_attention_heads: 71, num_hidden_layers: 32, vocab_size: 65024,
      multi_query: true, parallel_attn: true, bias: false, alibi: false, new_decoder_architecture: false,
    };
    expect(countParams(importHfConfig(modern).spec).total).toBe(countParams(importHfConfig(old).spec).total);
  });

  it("Qwen1.5-MoE-A2.7B (qwen2_moe, shared expert with a gate): 14.3B total, 2.7B active as its model card says", () => {
    const config = {
      model_type: "qwen2_moe", hidden_size: 2048, intermediate_size: 5632, moe_intermediate_size: 1408,
      shared_expert_intermediate_size: 5632, num_experts: 60, num_experts_per_tok: 4, num_hidden_layers: 24,
      num_attention_heads: 16, num_key_value_heads: 16, vocab_size: 151936, decoder_sparse_step: 1, mlp_only_layers: [],
      tie_word_embeddings: false, use_sliding_window: false, sliding_window: 32768, max_window_layers: 21,
    };
    const counts = countParams(importHfConfig(config).spec);
    expect(Number(counts.total) / 1e9).toBeCloseTo(14.3, 1);
    expect(Number(counts.active) / 1e9).toBeCloseTo(2.7, 1);
  });

  it("Gemma 7B (gemma, head_dim 256 ≠ hidden/heads): 8,537,680,896 parameters", () => {
    const config = {
      model_type: "gemma", hidden_size: 3072, intermediate_size: 24576, num_attention_heads: 16, num_key_value_heads: 16,
      head_dim: 256, num_hidden_layers: 28, vocab_size: 256000, hidden_act: "gelu", tie_word_embeddings: true,
    };
    expect(countParams(importHfConfig(config).spec).total).toBe(8_537_680_896n);
  });

  it("DeepSeek-V2-Lite (deepseek_v2, no query low-rank) imports with leading dense layer and shared experts", () => {
    const config = {
      model_type: "deepseek_v2", hidden_size: 2048, intermediate_size: 10944, moe_intermediate_size: 1408, num_hidden_layers: 27,
      num_attention_heads: 16, num_key_value_heads: 16, n_shared_experts: 2, n_routed_experts: 64, num_experts_per_tok: 6,
      first_k_dense_replace: 1, moe_layer_freq: 1, kv_lora_rank: 512, q_lora_rank: null, qk_nope_head_dim: 128,
      qk_rope_head_dim: 64, v_head_dim: 128, vocab_size: 102400, topk_method: "greedy", tie_word_embeddings: false,
    };
    const { spec } = importHfConfig(config);
    expect(spec.moe?.firstDenseLayers).toBe(1);
    expect(spec.moe?.routerBias).toBe(false);
    expect(Number(countParams(spec).total) / 1e9).toBeCloseTo(15.7, 1);
  });

  it("layer_types decides which layers use the sliding window", () => {
    const config = { ...fixture<Record<string, unknown>>("configs/qwen3-8b.json"), sliding_window: 4096,
      layer_types: Array.from({ length: 36 }, (_, i) => (i < 30 ? "full_attention" : "sliding_attention")) };
    const { spec } = importHfConfig(config);
    expect(spec.attention.slidingWindow).toEqual({ size: 4096, layers: [30, 31, 32, 33, 34, 35] });
  });
});

describe("importHfConfig rejects bad configs with the field named", () => {
  it("unknown model_type", () => {
    const error = importError({ ...llama2, model_type: "llama9000" });
    expect(error.field).toBe("model_type");
    expect(error.message).toContain("llama9000");
    expect(error.message).toContain("supported:");
  });

  it("missing model_type", () => {
    const { model_type: _, ...rest } = llama2;
    expect(importError(rest).field).toBe("model_type");
  });

  it("missing hidden_size", () => {
    const { hidden_size: _, ...rest } = llama2;
    expect(importError(rest).field).toBe("hidden_size");
  });

  it("heads that do not divide hidden_size when there is no head_dim", () => {
    const error = importError({ ...llama2, num_attention_heads: 30 });
    expect(error.field).toBe("num_attention_heads");
    expect(error.message).toMatch(/do not divide hidden_size/);
  });

  it("KV heads that do not divide the query heads", () => {
    expect(importError({ ...llama2, num_key_value_heads: 5 }).field).toBe("num_key_value_heads");
  });

  it("top-k above the number of experts", () => {
    const mixtral = fixture<Record<string, unknown>>("configs/mixtral-8x7b-v0.1.json");
    expect(importError({ ...mixtral, num_experts_per_tok: 9 }).field).toBe("num_experts_per_tok");
  });

  it.each([
    ["a negative size", -4096, /must be at least 1/],
    ["zero", 0, /must be at least 1/],
    ["a fraction", 4096.5, /fraction/],
    ["a string", "4096", /expected an integer/],
    ["a size beyond 2^53", 2 ** 60, /above 2\^53/],
    ["null", null, /missing/],
  ])("hidden_size as %s", (_, value, message) => {
    const error = importError({ ...llama2, hidden_size: value });
    expect(error.field).toBe("hidden_size");
    expect(error.message).toMatch(message);
  });

  it("wrong type of a flag", () => {
    expect(importError({ ...llama2, tie_word_embeddings: "yes" }).field).toBe("tie_word_embeddings");
  });

  it("malformed JSON text and non-objects", () => {
    expect(importError("{ not json").field).toBe("config");
    expect(importError([1, 2]).field).toBe("config");
    expect(importError(null).field).toBe("config");
  });

  it("oversized text", () => {
    expect(importError(" ".repeat(1_000_001)).message).toMatch(/limit/);
  });
});

describe("importHfConfig follows transformers where the importer used to differ (found by fuzzing)", () => {
  const gemma = {
    model_type: "gemma", hidden_size: 64, intermediate_size: 96, num_hidden_layers: 2, num_attention_heads: 4,
    num_key_value_heads: 4, head_dim: 16, vocab_size: 100,
  };

  it("Gemma's MLP runs hidden_activation (GemmaMLP: ACT2FN[config.hidden_activation]), else the tanh GELU whatever hidden_act says", () => {
    expect(importHfConfig({ ...gemma, hidden_activation: "gelu" }).spec.mlp.activation).toBe("gelu");
    expect(importHfConfig({ ...gemma, hidden_activation: "silu" }).spec.mlp.activation).toBe("silu");
    expect(importHfConfig({ ...gemma, hidden_act: "relu" }).spec.mlp.activation).toBe("gelu_tanh");
  });

  it("an activation named like an Object.prototype member is unknown, not a function", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const error = importError({ ...llama2, hidden_act: name });
      expect(error.field).toBe("hidden_act");
      expect(error.message).toContain(`unknown activation "${name}"`);
    }
  });

  // transformers' FalconDecoderLayer: two norms unless parallel_attn, then two only when num_ln_in_parallel_attn == 2
  // (which the new decoder architecture defaults to); FalconConfig defaults num_kv_heads to num_attention_heads.
  const falcon = { model_type: "falcon", hidden_size: 64, num_attention_heads: 4, num_hidden_layers: 2, vocab_size: 100 };
  it.each([
    ["old architecture, parallel, one norm by default", {}, 1],
    ["old architecture, parallel, num_ln_in_parallel_attn 2", { num_ln_in_parallel_attn: 2 }, 2],
    ["old architecture, sequential", { parallel_attn: false }, 2],
    ["new architecture, two by default", { new_decoder_architecture: true }, 2],
    ["new architecture, num_ln_in_parallel_attn 1", { new_decoder_architecture: true, num_ln_in_parallel_attn: 1 }, 1],
    ["new architecture, sequential, even with num_ln_in_parallel_attn 1", { new_decoder_architecture: true, parallel_attn: false, num_ln_in_parallel_attn: 1 }, 2],
  ])("Falcon norms per layer: %s", (_, extra, perLayer) => {
    expect(importHfConfig({ ...falcon, ...extra }).spec.norm.perLayer).toBe(perLayer);
  });

  it("Falcon's new architecture without num_kv_heads has one KV head per query head, and says so", () => {
    const { spec, assumptions } = importHfConfig({ ...falcon, new_decoder_architecture: true });
    expect(spec.attention.kind === "standard" && spec.attention.numKvHeads).toBe(4);
    expect(assumptions.some((a) => a.startsWith("num_kv_heads not given"))).toBe(true);
  });

  it("Falcon's activation key is read (FalconMLP: get_activation(config.activation))", () => {
    expect(importHfConfig({ ...falcon, activation: "relu" }).spec.mlp.activation).toBe("relu");
  });

  it("defaults that change the count are reported: GPT-2's n_inner, DeepSeek's n_shared_experts", () => {
    const gpt2 = fixture<Record<string, unknown>>("configs/gpt2.json");
    expect(importHfConfig(gpt2).assumptions.some((a) => a.startsWith("n_inner not given: using 3072"))).toBe(true);
    const { n_shared_experts: _, ...deepseek } = fixture<Record<string, unknown>>("configs/deepseek-v3.json");
    expect(importHfConfig(deepseek).assumptions.some((a) => a.startsWith("n_shared_experts not given: using 0"))).toBe(true);
  });

  it("first_k_dense_replace at or past the layer count makes every layer dense, and says so", () => {
    const deepseek = fixture<Record<string, unknown>>("configs/deepseek-v3.json");
    const { spec, assumptions } = importHfConfig({ ...deepseek, first_k_dense_replace: 100 });
    expect(countParams(spec).breakdown.experts).toBe(0n);
    expect(assumptions.some((a) => a.startsWith("first_k_dense_replace = 100 is not below num_hidden_layers = 61"))).toBe(true);
  });

  it("mlp_only_layers beyond the layer count are reported, not silently dropped", () => {
    const qwen = fixture<Record<string, unknown>>("configs/qwen3-30b-a3b.json");
    const { assumptions } = importHfConfig({ ...qwen, mlp_only_layers: [48, 100] });
    expect(assumptions).toContain("mlp_only_layers lists layers 48, 100 beyond the 48 layers: no such layer, nothing to count");
  });

  it("a key given twice in the JSON text is reported; the last value counts, as in Python's json", () => {
    const text = `{"hidden_size": 1024, ${JSON.stringify(llama2).slice(1)}`;
    const { spec, assumptions } = importHfConfig(text);
    expect(spec.hiddenSize).toBe(4096);
    expect(assumptions).toContain("hidden_size appears 2 times in the JSON text: the last value is used, as Python's json module (and so transformers) does");
  });

  it("the model name is trimmed before it is cut, so a padded name still names the model", () => {
    expect(importHfConfig({ ...llama2, _name_or_path: `${" ".repeat(200)}my-model` }).spec.name).toBe("my-model");
  });

  it("rotary_pct above 1 is rejected, not clamped", () => {
    const pythia = fixture<Record<string, unknown>>("configs/pythia-6.9b.json");
    expect(importError({ ...pythia, rotary_pct: 1.5 }).field).toBe("rotary_pct");
  });

  it("consistency errors name the key the config used: Falcon's num_kv_heads, not Llama's num_key_value_heads", () => {
    const error = importError({ ...falcon, new_decoder_architecture: true, num_kv_heads: 3 });
    expect(error.field).toBe("num_kv_heads");
    expect(error.message).toContain("3 key/value heads do not divide 4 query heads");
  });
});

describe("importHfConfig limits sizes before it builds anything from them", () => {
  it.each([
    ["num_hidden_layers", 10_001, "10001 is above 10,000, the largest layer count the counts accept"],
    ["num_hidden_layers", 1e15, "1000000000000000 is above 10,000"],
    ["hidden_size", 2 ** 26 + 1, "67108865 is above 67,108,864, the largest size the counts accept"],
    ["vocab_size", 2 ** 40, "is above 67,108,864"],
    ["num_key_value_heads", 2 ** 30, "is above 67,108,864"],
  ])("%s = %d", (key, value, message) => {
    const error = importError({ ...llama2, [key]: value });
    expect(error.field).toBe(key);
    expect(error.message).toContain(message);
  });

  it("a default derived from a size is checked too, and blamed on the key it came from", () => {
    const error = importError({ model_type: "gpt2", n_embd: 2 ** 25, n_head: 1, n_layer: 1, vocab_size: 10, n_positions: 10 });
    expect(error.field).toBe("n_embd");
    expect(error.message).toContain("134217728 is above 67,108,864");
  });

  it("10,000 layers of a MoE with a dense-layer list import", () => {
    const qwen = fixture<Record<string, unknown>>("configs/qwen3-30b-a3b.json");
    const { spec } = importHfConfig({ ...qwen, num_hidden_layers: 10_000, decoder_sparse_step: 2 });
    // Every other layer is dense: (i + 1) % 2 !== 0 for even i.
    expect(spec.moe?.denseLayers).toHaveLength(5_000);
  });
});

describe("importHfConfig never lets control characters into a message", () => {
  it.each([
    ["an unknown activation", { hidden_act: "\u001b[31mred" }, 'unknown activation "\\u001b[31mred"'],
    ["an unknown model_type", { model_type: "\u001b]0;x\u0007" }, 'unsupported model_type "\\u001b]0;x\\u0007"'],
    ["an unknown layer type", { layer_types: Array.from({ length: 32 }, () => "\u009b2J") }, 'unknown layer type "\\u009b2J"'],
  ])("%s", (_, change, quoted) => {
    const { message } = importError({ ...llama2, ...change });
    expect(message).toContain(quoted);
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it("JSON nested as deep as the size limit allows is a ConfigError, not a stack overflow", () => {
    const depth = 499_999;
    expect(importError(`${"[".repeat(depth)}${"]".repeat(depth)}`).message).toBe("config: expected a JSON object, got a list");
    const inField = `{"model_type": "llama", "hidden_size": ${"[".repeat(depth - 20)}${"]".repeat(depth - 20)}}`;
    expect(importError(inField).message).toBe("hidden_size: expected an integer, got a list");
  });

  it("invalid JSON: the parser's excerpt of the text is escaped", () => {
    const { message } = importError('{"model_type": \u001b[31m}');
    expect(message).toMatch(/^config: is not valid JSON/);
    expect(message).toContain("\\u001b");
    expect(message).not.toMatch(/[\u0000-\u001f]/);
  });
});
