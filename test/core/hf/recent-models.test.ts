/**
 * The model types of 2025–26: each real config (test/fixtures/configs, see
 * SOURCES.md there) imports without unknown keys, and its counts land on the
 * published figures, cited beside each. Shapes the counts rest on are written
 * out by hand from the transformers modeling files named in each test.
 */
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../src/core/errors";
import { decodeFlops } from "../../../src/core/flops";
import { importHfConfig, SUPPORTED_MODEL_TYPES } from "../../../src/core/hf/import";
import { kvCacheBytes, recurrentStateBytes } from "../../../src/core/memory";
import { countParams } from "../../../src/core/params";
import { presetById } from "../../../src/core/presets";
import { fixture } from "../../fixtures/load";

const config = (file: string) => fixture<Record<string, unknown>>(`configs/${file}`);
const counts = (file: string) => countParams(importHfConfig(config(file)).spec);
const billions = (n: bigint) => Number(n) / 1e9;

function importError(input: unknown): ConfigError {
  try {
    importHfConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected the import to fail");
}

describe("new model types are supported", () => {
  it.each(["gpt_oss", "llama4", "llama4_text", "gemma3", "gemma3_text", "kimi_k2", "glm4_moe", "phi", "bloom", "mimo", "deepseek_v32", "qwen3_next", "falcon_h1"])("%s", (type) => {
    expect(SUPPORTED_MODEL_TYPES).toContain(type);
  });
});

describe("published parameter counts", () => {
  // OpenAI, gpt-oss-120b & gpt-oss-20b Model Card (2025), Table 1: total 116.83B / 20.91B; active 5.13B / 3.61B.
  // The card's active count leaves out the input embedding (a row lookup); ours counts it whole, as
  // for every model here, so the card's figure is active − embedding.
  it("gpt-oss-120b: 116.83B total, 5.13B active (model card Table 1)", () => {
    const c = counts("gpt-oss-120b.json");
    expect(billions(c.total)).toBeCloseTo(116.83, 2);
    expect(billions(c.active - c.embedding)).toBeCloseTo(5.13, 2);
  });

  it("gpt-oss-20b: 20.91B total, 3.61B active (model card Table 1)", () => {
    const c = counts("gpt-oss-20b.json");
    expect(billions(c.total)).toBeCloseTo(20.91, 2);
    expect(billions(c.active - c.embedding)).toBeCloseTo(3.61, 2);
  });

  it("gpt-oss attention per layer, from modeling_gpt_oss: q, k, v, o with biases plus 64 sinks", () => {
    const c = counts("gpt-oss-20b.json");
    const d = 2880n, q = 64n * 64n, kv = 8n * 64n;
    expect(c.breakdown.attention).toBe(24n * (d * q + q + 2n * (d * kv + kv) + q * d + d + 64n));
    // Router Linear(2880, 32) with bias; each expert gate_up (2·2880 × 2880 + 2·2880) and down (2880 × 2880 + 2880).
    expect(c.breakdown.router).toBe(24n * (d * 32n + 32n));
    expect(c.breakdown.experts).toBe(24n * 32n * (3n * d * d + 3n * d));
  });

  // Meta, Llama 4 model card (2025): Scout 17B active / 109B total, Maverick 17B active / 400B total,
  // for the multimodal models. The text model is counted here; the vision encoder and projector are not.
  it("Llama 4 Scout: the text model is 107.77B of the card's 109B (the rest is the vision side), 17B active", () => {
    const c = counts("llama-4-scout-17b-16e.json");
    expect(billions(c.total)).toBeGreaterThan(107);
    expect(billions(c.total)).toBeLessThan(109);
    expect(Math.round(billions(c.active))).toBe(17);
  });

  it("Llama 4 Maverick: 400B total, 17B active (model card)", () => {
    const c = counts("llama-4-maverick-17b-128e.json");
    expect(Math.round(billions(c.total))).toBe(401);
    expect(Math.abs(billions(c.total) - 400) / 400).toBeLessThan(0.002);
    expect(Math.round(billions(c.active))).toBe(17);
  });

  it("Llama 4 Maverick: experts on every 2nd layer, with one shared expert, and a 16384-wide MLP elsewhere", () => {
    const c = counts("llama-4-maverick-17b-128e.json");
    const d = 5120n;
    expect(c.breakdown.experts).toBe(24n * 128n * 3n * d * 8192n);
    expect(c.breakdown.sharedExperts).toBe(24n * 3n * d * 8192n);
    expect(c.breakdown.mlp).toBe(24n * 3n * d * 16384n);
  });

  // Gemma Team, Gemma 3 Technical Report (2025), Table 1: 27B has 25,600M non-embedding parameters
  // (and a 417M vision encoder, not counted here).
  it("Gemma 3 27B: 25,600M non-embedding parameters (technical report Table 1)", () => {
    expect(Number(counts("gemma-3-27b.json").nonEmbedding) / 1e6).toBeCloseTo(25_600, -1);
  });

  // Kimi Team, Kimi K2: Open Agentic Intelligence (2025): 1.04 trillion total, 32 billion activated.
  // The config (num_nextn_predict_layers 0) ships no multi-token-prediction module, its vocabulary (163,840),
  // dense layer (first_k_dense_replace 1) and shared expert (1) match the report's table, and n_group only
  // changes routing. So the count is the released weights, written out below from modeling_deepseek; it is
  // 1.3% below 1.04T. One more MoE block of the same shape (17.1B, e.g. an MTP module used in training and not
  // released) would close the gap; nothing in the release says so, and it is not counted.
  it("Kimi K2: the released weights written out from modeling_deepseek, 1.3% below the report's 1.04T; 32B active", () => {
    const d = 7168n, vocab = 163840n, heads = 64n;
    const mla = d * 1536n + 1536n * heads * (128n + 64n) + d * (512n + 64n) + 512n * heads * (128n + 128n) + heads * 128n * d;
    const latentNorms = 1536n + 512n;
    const expert = 3n * d * 2048n;
    const moeLayer = 384n * expert + expert + d * 384n + 384n; // routed, shared, router with its correction bias
    const layerNorms = 2n * d;
    const total = 2n * vocab * d + 61n * (mla + latentNorms + layerNorms) + 3n * d * 18432n + 60n * moeLayer + d;
    const c = counts("kimi-k2-instruct.json");
    expect(c.total).toBe(total);
    expect(c.multiTokenPrediction).toBe(0n);
    expect((1040 - billions(c.total)) / 1040).toBeCloseTo(0.013, 3);
    expect(Math.round(billions(c.active - c.embedding))).toBe(32);
  });

  // Zhipu / Z.ai, GLM-4.5 technical report (2025): 355B total, 32B activated. The checkpoint also holds the
  // multi-token-prediction layer (num_nextn_predict_layers 1, layer 92), which transformers does not load:
  // counted apart, like MiMo's. The report's 355B lies between the model without it and with it.
  it("GLM-4.5: 352.8B without its MTP layer, 356.8B with it, around the report's 355B; 32B active", () => {
    const c = counts("glm-4.5.json");
    expect(billions(c.total)).toBeLessThan(355);
    expect(billions(c.total + c.multiTokenPrediction)).toBeGreaterThan(355);
    expect(Math.abs(billions(c.total) - 355) / 355).toBeLessThan(0.01);
    expect(Math.abs(billions(c.active - c.embedding) - 32) / 32).toBeLessThan(0.03);
  });

  it("GLM-4.5's MTP layer, from modeling_glm4_moe and DeepSeek-V3 §2.2: enorm, hnorm, eh_proj 2d → d, one MoE block, a final norm", () => {
    const d = 5120n, q = 96n * 128n, kv = 8n * 128n;
    const attention = d * q + q + 2n * (d * kv + kv) + q * d + 2n * 128n; // q/k/v biases, no o bias, per-head q/k norms
    const expert = 3n * d * 1536n;
    const moe = 160n * expert + expert + d * 160n + 160n;
    expect(counts("glm-4.5.json").multiTokenPrediction).toBe(3n * d + 2n * d * d + attention + 2n * d + moe);
  });

  // DeepSeek-AI, DeepSeek-V3 README: "The total size of DeepSeek-V3 models on Hugging Face is 685B, which
  // includes 671B of the Main Model weights and 14B of the Multi-Token Prediction (MTP) Module weights."
  // The checkpoint's MTP layer also stores copies of the embedding and LM head (2 × 129,280 × 7,168).
  it("DeepSeek-V3: 671B main model, and with the MTP module and its embedding and head copies 685B (README)", () => {
    const c = counts("deepseek-v3.json");
    const copies = 2n * 129_280n * 7168n;
    expect(Math.round(billions(c.total))).toBe(671);
    expect(Math.abs(billions(c.total + c.multiTokenPrediction + copies) - 685) / 685).toBeLessThan(0.001);
    expect(Math.abs(billions(c.multiTokenPrediction + copies) - 14) / 14).toBeLessThan(0.04);
  });

  // BigScience, BLOOM model card: "176,247,271,424 parameters".
  it("BLOOM: exactly 176,247,271,424 (model card)", () => {
    expect(counts("bloom.json").total).toBe(176_247_271_424n);
  });

  // Microsoft, Phi-2 on Hugging Face: sum(p.numel()) of PhiForCausalLM = 2,779,683,840.
  it("Phi-2: exactly 2,779,683,840", () => {
    expect(counts("phi-2.json").total).toBe(2_779_683_840n);
  });

  it("BLOOM's embedding LayerNorm and Phi-2's LM-head bias are in the count", () => {
    const bloom = counts("bloom.json");
    const d = 14336n;
    // 70 layers × 2 LayerNorms + the final one + the embedding one, each weight and bias.
    expect(bloom.breakdown.norms).toBe((70n * 2n + 2n) * 2n * d);
    expect(counts("phi-2.json").breakdown.lmHead).toBe(51200n * 2560n + 51200n);
  });

  it("MiMo-7B: its two MTP modules (num_nextn_predict_layers 2) are counted apart and not in the total", () => {
    const c = counts("mimo-7b.json");
    const d = 4096n, kv = 8n * 128n;
    const attention = d * d + d + 2n * (d * kv + kv) + d * d;
    const layer = attention + 2n * d + 3n * d * 11008n;
    expect(c.multiTokenPrediction).toBe(2n * (layer + 3n * d + 2n * d * d));
    const withoutMtp = countParams({ ...importHfConfig(config("mimo-7b.json")).spec, multiTokenPrediction: undefined });
    expect(c.total).toBe(withoutMtp.total);
  });
});

describe("attention patterns from the configs", () => {
  it("gpt-oss: 128-token windows on even layers (layer_types), full attention on odd ones", () => {
    const spec = importHfConfig(config("gpt-oss-120b.json")).spec;
    expect(spec.attention.kind === "standard" && spec.attention.slidingWindow).toEqual({ size: 128, layers: "even" });
    expect(spec.attention.kind === "standard" && spec.attention.sinks).toBe(true);
  });

  it("Llama 4: chunks of 8192 on the RoPE layers, every 4th layer (NoPE) attends to everything", () => {
    const spec = importHfConfig(config("llama-4-scout-17b-16e.json")).spec;
    const chunked = spec.attention.kind === "standard" ? spec.attention.chunked : undefined;
    expect(chunked?.size).toBe(8192);
    expect(chunked?.layers).toEqual(Array.from({ length: 48 }, (_, i) => i).filter((i) => (i + 1) % 4 !== 0));
  });

  it("Llama 4 at 1M tokens: the KV cache holds 12 full layers of 1M and 36 layers of one chunk", () => {
    const spec = importHfConfig(config("llama-4-scout-17b-16e.json")).spec;
    const perTokenPerLayer = 2n * 8n * 128n * 2n; // K and V, 8 KV heads × 128, bf16
    expect(kvCacheBytes(spec, 1 << 20)).toBe(perTokenPerLayer * (12n * BigInt(1 << 20) + 36n * 8192n));
  });

  it("Gemma 3: five local layers (1024) to one global", () => {
    const spec = importHfConfig(config("gemma-3-27b.json")).spec;
    const window = spec.attention.slidingWindow;
    expect(window?.size).toBe(1024);
    expect(Array.isArray(window?.layers) && window.layers.length).toBe(62 - 10);
  });

  it("a token's decode cost stops growing past the window for gpt-oss's sliding layers only", () => {
    const spec = importHfConfig(config("gpt-oss-20b.json")).spec;
    const a = decodeFlops(spec, 10_000).terms.attnScores;
    const b = decodeFlops(spec, 20_000).terms.attnScores;
    // Each extra key costs 2·H·hd in each of the 12 full layers; the 12 windowed layers see 128 keys either way.
    expect(b - a).toBe(10_000n * 12n * 2n * 64n * 64n);
  });
});

describe("bad and unusual configs", () => {
  it("a missing key inside text_config is named with its path", () => {
    const llama4 = config("llama-4-scout-17b-16e.json");
    const { hidden_size: _, ...text } = llama4.text_config as Record<string, unknown>;
    expect(importError({ ...llama4, text_config: text }).field).toBe("text_config.hidden_size");
  });

  it("text_config that is not an object", () => {
    expect(importError({ ...config("gemma-3-27b.json"), text_config: [1] }).field).toBe("text_config");
  });

  it("no_rope_layers of the wrong length or with a stray value", () => {
    const llama4 = config("llama-4-scout-17b-16e.json");
    const text = llama4.text_config as Record<string, unknown>;
    expect(importError({ ...llama4, text_config: { ...text, no_rope_layers: [1, 0] } }).field).toBe("text_config.no_rope_layers");
    const stray = (text.no_rope_layers as number[]).map((v, i) => (i === 5 ? 7 : v));
    expect(importError({ ...llama4, text_config: { ...text, no_rope_layers: stray } }).field).toBe("text_config.no_rope_layers[5]");
  });

  it("unknown keys are listed, inside text_config with their path", () => {
    expect(importHfConfig({ ...config("gpt-oss-20b.json"), sink_scale: 2 }).unrecognized).toEqual(["sink_scale"]);
    const gemma3 = config("gemma-3-27b.json");
    const nested = importHfConfig({ ...gemma3, text_config: { ...(gemma3.text_config as object), altup_num_inputs: 4 } });
    expect(nested.unrecognized).toEqual(["text_config.altup_num_inputs"]);
  });

  it("defaults are stated: Gemma 3's vocabulary and pattern, the nesting itself", () => {
    const { assumptions } = importHfConfig(config("gemma-3-27b.json"));
    expect(assumptions.some((a) => a.startsWith("vocab_size not given: using 262208"))).toBe(true);
    expect(assumptions.some((a) => a.startsWith("sliding_window_pattern not given: using 6"))).toBe(true);
    expect(assumptions.some((a) => a.includes("vision encoder"))).toBe(true);
  });

  it("bad values name their field", () => {
    expect(importError({ ...config("gpt-oss-20b.json"), num_local_experts: 2 }).field).toBe("num_experts_per_tok");
    expect(importError({ ...config("bloom.json"), n_head: 100 }).field).toBe("n_head");
    expect(importError({ ...config("phi-2.json"), qk_layernorm: true }).field).toBe("qk_layernorm");
    expect(importError({ ...config("glm-4.5.json"), moe_intermediate_size: -1 }).field).toBe("moe_intermediate_size");
    expect(importError({ ...config("gpt-oss-20b.json"), layer_types: ["sliding_attention"] }).field).toBe("layer_types");
  });
});

describe("presets of the new models", () => {
  it.each([
    ["gpt-oss-120b", "gpt-oss-120b.json"], ["gpt-oss-20b", "gpt-oss-20b.json"], ["llama-4-scout", "llama-4-scout-17b-16e.json"],
    ["llama-4-maverick", "llama-4-maverick-17b-128e.json"], ["gemma-3-27b", "gemma-3-27b.json"], ["kimi-k2", "kimi-k2-instruct.json"],
    ["glm-4.5", "glm-4.5.json"], ["phi-2", "phi-2.json"], ["bloom-176b", "bloom.json"], ["deepseek-v3.2", "deepseek-v3.2-exp.json"], ["qwen3-next-80b-a3b", "qwen3-next-80b-a3b.json"],
    ["falcon-h1-tiny-90m", "falcon-h1-tiny-90m.json"],
  ])("%s is exactly what the importer makes of %s", (id, file) => {
    const preset = presetById(id);
    expect(preset.spec).toEqual(importHfConfig(config(file), { name: preset.spec.name }).spec);
    expect(preset.citation.url).toMatch(/^https:\/\/huggingface\.co\//);
  });
});

describe("DeepSeek-V3.2 (deepseek_v32): sparse attention through a lightning indexer", () => {
  const v3 = importHfConfig(config("deepseek-v3.json")).spec;
  const v32 = importHfConfig(config("deepseek-v3.2-exp.json")).spec;

  it("adds the indexer's weights to V3's count: wq_b 1536 → 64·128, wk 7168 → 128, its LayerNorm, weights_proj 7168 → 64", () => {
    const perLayer = 1536n * 64n * 128n + 7168n * 128n + 2n * 128n + 7168n * 64n;
    expect(countParams(v32).total - countParams(v3).total).toBe(61n * perLayer);
  });

  it("at 128k a token's attention reads 2,048 keys, and the indexer scores all 131,072", () => {
    const S = 131_072;
    const sparseCount = decodeFlops(v32, S);
    const sparse = sparseCount.terms;
    const dense = decodeFlops(v3, S).terms;
    // Absorbed MLA: per key and head, a (512 + 64)-long score dot and a 512-long value sum; 128 heads, 61 layers.
    expect(sparse.attnScores).toBe(61n * 2048n * 2n * 128n * (512n + 64n));
    expect(dense.attnScores).toBe(61n * BigInt(S) * 2n * 128n * (512n + 64n));
    // Index score per key: 64 heads × (a 128-long dot + one weighting multiply-add).
    expect(sparse.indexerScores).toBe(61n * BigInt(S) * 64n * 2n * (128n + 1n));
    expect(sparseCount.total).toBeLessThan(decodeFlops(v3, S).total);
  });

  it("caches the 128-wide index key beside the 576-wide latent", () => {
    expect(kvCacheBytes(v32, 1000) - kvCacheBytes(v3, 1000)).toBe(61n * 1000n * 128n * 2n);
  });
});

describe("Qwen3-Next (qwen3_next): Gated DeltaNet on three layers of four, gated attention on the fourth", () => {
  const spec = importHfConfig(config("qwen3-next-80b-a3b.json")).spec;

  // Qwen Team 2025, Qwen3-Next model card: "80B parameters in total and 3B activated"; the card's activated
  // count leaves out the embedding and the LM head (3.25B), as Qwen's "non-embedding" counts do.
  it("80B total, 3B activated without embedding and LM head (model card)", () => {
    const c = countParams(spec);
    expect(Math.round(billions(c.total))).toBe(80);
    expect(Math.round(billions(c.active - c.embedding - c.activeBreakdown.lmHead))).toBe(3);
  });

  it("a Gated DeltaNet layer, from modeling_qwen3_next: in_proj_qkvz, in_proj_ba, conv1d, dt_bias, A_log, out_proj", () => {
    const d = 2048n, keys = 16n * 128n, values = 32n * 128n;
    const perLayer = d * (2n * keys + 2n * values) + d * 64n + (2n * keys + values) * 4n + 64n + values * d;
    const gatedAttention = d * 2n * 16n * 256n + 2n * d * 2n * 256n + 16n * 256n * d;
    expect(countParams(spec).breakdown.attention).toBe(36n * perLayer + 12n * gatedAttention);
  });

  it("the state is fixed: 36 layers × (32 heads × 128 × 128 + 8192 conv channels × 3 taps) in bf16", () => {
    expect(recurrentStateBytes(spec)).toBe(36n * (32n * 128n * 128n + 8192n * 3n) * 2n);
    // Only the 12 full-attention layers keep keys and values: 2 · 2 heads · 256 per token.
    expect(kvCacheBytes(spec, 131_072)).toBe(12n * 131_072n * 2n * 2n * 256n * 2n);
  });

  it("a token's state update costs the same at 1k and at 1M; only the 12 attention layers grow", () => {
    const a = decodeFlops(spec, 1000).terms;
    const b = decodeFlops(spec, 1_000_000).terms;
    expect(b.stateUpdate).toBe(a.stateUpdate);
    // 7 FLOPs per state entry (decay, read, write, output), 32 heads of 128 × 128, 36 layers.
    expect(a.stateUpdate).toBe(36n * 32n * 128n * 128n * 7n);
    expect(b.attnScores - a.attnScores).toBe(999_000n * 12n * 2n * 16n * 256n);
  });

  it("layer_types of unknown kind, or of the wrong length, name the key", () => {
    const base = config("qwen3-next-80b-a3b.json");
    expect(importError({ ...base, layer_types: ["full_attention"] }).field).toBe("layer_types");
    const types = Array.from({ length: 48 }, (_, i) => (i === 7 ? "mamba" : "linear_attention"));
    expect(importError({ ...base, layer_types: types }).field).toBe("layer_types[7]");
    expect(importError({ ...base, linear_num_value_heads: 24 }).field).toBe("linear_num_value_heads");
  });
});

describe("Falcon-H1 (falcon_h1): Mamba-2 beside attention in every layer", () => {
  const spec = importHfConfig(config("falcon-h1-tiny-90m.json")).spec;

  it("Falcon-H1-Tiny-90M: 91,131,072 parameters, written out from modeling_falcon_h1", () => {
    const d = 512n;
    const attention = d * 512n + 2n * d * 128n + 512n * d;
    // in_proj d → 2·768 + 2·1·64 + 24; conv over 768 + 128 channels, 4 taps and a bias; dt_bias, A_log, D; out_proj.
    const mamba = d * (2n * 768n + 128n + 24n) + 896n * 4n + 896n + 3n * 24n + 768n * d;
    const perLayer = attention + mamba + 3n * d * 768n + 2n * d;
    const total = 24n * perLayer + 32768n * d + d; // tied head, final norm
    expect(countParams(spec).total).toBe(total);
    expect(Math.round(Number(total) / 1e6)).toBe(91); // the model's name says 90M
  });

  it("the SSM state is fixed; its scan costs the same per token at any context", () => {
    // Per layer: 24 heads × 32 × 64 state, and 3 conv taps of 896 channels; bf16.
    expect(recurrentStateBytes(spec)).toBe(24n * (24n * 32n * 64n + 896n * 3n) * 2n);
    const a = decodeFlops(spec, 1000).terms;
    const b = decodeFlops(spec, 100_000).terms;
    expect(b.stateUpdate).toBe(a.stateUpdate);
    // Mamba-2 step per head: 6 per state entry + 2 per channel for D·x.
    expect(a.stateUpdate).toBe(24n * 24n * (6n * 32n * 64n + 2n * 32n));
  });

  it("mamba_d_head that does not match mamba_d_ssm names the key", () => {
    expect(importError({ ...config("falcon-h1-tiny-90m.json"), mamba_d_head: 30 }).field).toBe("mamba_d_head");
  });
});

// Three released checkpoints listed tensor by tensor: public "model information reports" (markdown written by a
// model-inspector script that opens every safetensors file and prints each tensor's shape and dtype, the raw
// config.json, and the sum of all elements as "参数总量"). They were found by exact-string search of public GitHub
// code (2026-12-04; the search returns the text without naming its repository; the reports open with
// "# 模型信息报告" and the checkpoint path, e.g. ".../moonshotai/Kimi-K2-Instruct"). The sums below are the reports'
// figures; everything added to or taken from our count to reach them is written out here from the tensor lists.
describe("the released checkpoints, tensor by tensor", () => {
  // FP8 checkpoints store one float32 scale per 128 × 128 block of each FP8 matrix ("weight_scale_inv").
  const blocks = (out: bigint, inp: bigint) => ((out + 127n) / 128n) * ((inp + 127n) / 128n);

  it("Kimi-K2-Instruct: 1,026,470,731,056 elements = our count + FP8 block scales + 61 rotary buffers of 56", () => {
    const attention = blocks(576n, 7168n) + blocks(16384n, 512n) + blocks(7168n, 8192n) + blocks(1536n, 7168n) + blocks(12288n, 1536n);
    const expert = 2n * blocks(2048n, 7168n) + blocks(7168n, 2048n);
    const dense = 2n * blocks(18432n, 7168n) + blocks(7168n, 18432n);
    const scales = 61n * attention + dense + 60n * (384n + 1n) * expert; // 384 routed + 1 shared expert per MoE layer
    const c = counts("kimi-k2-instruct.json");
    expect(c.total + scales + 61n * 56n).toBe(1_026_470_731_056n);
    // So the released weights hold 1.026T parameters; the report's 1.04T is not this checkpoint's sum.
    expect(c.multiTokenPrediction).toBe(0n);
  });

  it("DeepSeek-V3.2: 685,396,921,376 = main model + MTP layer + its stored copies of embedding and head + FP8 scales", () => {
    // The report is of DeepSeek-V3.2, whose config.json matches our V3.2-Exp file in every key that shapes a tensor.
    const c = counts("deepseek-v3.2-exp.json");
    const attention = blocks(576n, 7168n) + blocks(32768n, 512n) + blocks(7168n, 16384n) + blocks(1536n, 7168n) + blocks(24576n, 1536n)
      + blocks(128n, 7168n) + blocks(8192n, 1536n); // MLA, then the indexer's wk and wq_b
    const expert = 2n * blocks(2048n, 7168n) + blocks(7168n, 2048n);
    const dense = 2n * blocks(18432n, 7168n) + blocks(7168n, 18432n);
    // Layers 0–60 and the MTP layer 61 alike: 62 attention blocks, 3 dense MLPs, 59 MoE layers of 256 + 1 experts.
    const scales = 62n * attention + 3n * dense + 59n * 257n * expert;
    const copies = 2n * 129280n * 7168n; // model.layers.61.embed_tokens and shared_head.head
    expect(c.total + c.multiTokenPrediction + copies + scales).toBe(685_396_921_376n);
  });

  it("Qwen3-Next-80B-A3B-Instruct: 81,324,862,720 = our count + an MTP module that config.json does not declare", () => {
    const d = 2048n;
    const attention = d * 2n * 16n * 256n + 2n * d * 2n * 256n + 16n * 256n * d + 2n * 256n; // gated q, k, v, o, q/k norms
    const moe = 512n * 3n * d * 512n + 512n * d + 3n * d * 512n + d; // experts, router, shared expert and its gate
    const mtp = d * 2n * d + 2n * d + attention + moe + 3n * d; // fc, two layer norms, the layer, three more norms
    const c = counts("qwen3-next-80b-a3b.json");
    expect(c.multiTokenPrediction).toBe(0n);
    expect(c.total + mtp).toBe(81_324_862_720n);
  });
});
