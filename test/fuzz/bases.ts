import fc from "fast-check";
import { SUPPORTED_MODEL_TYPES } from "../../src/core/hf/import";
import { configFixtures } from "../fixtures/load";

/** A config.json as parsed JSON. */
export type ConfigObject = Record<string, unknown>;

/** A config the fuzzer starts from: a real one, or one generated for a model_type. */
export interface BaseConfig {
  /** The fixture file, or "synthetic <model_type>". */
  origin: string;
  config: ConfigObject;
}

export const FIXTURES: readonly BaseConfig[] = configFixtures().map(({ file, config }) => ({ origin: file, config }));

/** Sizes and switches a synthetic config is drawn from: small enough to count fast, varied enough to reach every branch. */
const DRAW = fc.record({
  kvHeads: fc.integer({ min: 1, max: 8 }),
  groups: fc.integer({ min: 1, max: 4 }),
  headDim: fc.integer({ min: 1, max: 64 }),
  widen: fc.integer({ min: 1, max: 4 }),
  layers: fc.integer({ min: 1, max: 48 }),
  vocab: fc.integer({ min: 1, max: 262_144 }),
  inter: fc.integer({ min: 1, max: 32_768 }),
  explicitHeadDim: fc.boolean(),
  tie: fc.option(fc.boolean(), { nil: undefined }),
  bias: fc.option(fc.boolean(), { nil: undefined }),
  mlpBias: fc.option(fc.boolean(), { nil: undefined }),
  window: fc.option(fc.integer({ min: 1, max: 1 << 17 }), { nil: null }),
  useSliding: fc.boolean(),
  maxWindowLayers: fc.integer({ min: 0, max: 48 }),
  layerTypes: fc.boolean(),
  experts: fc.integer({ min: 1, max: 64 }),
  topk: fc.integer({ min: 1, max: 64 }),
  expertInter: fc.integer({ min: 1, max: 8_192 }),
  shared: fc.integer({ min: 0, max: 2 }),
  firstDense: fc.integer({ min: 0, max: 4 }),
  freq: fc.integer({ min: 1, max: 3 }),
  sparseStep: fc.integer({ min: 1, max: 3 }),
  mlpOnly: fc.uniqueArray(fc.integer({ min: 0, max: 47 }), { maxLength: 4 }),
  qLora: fc.option(fc.integer({ min: 1, max: 2_048 }), { nil: null }),
  kvLora: fc.integer({ min: 1, max: 1_024 }),
  nope: fc.integer({ min: 1, max: 192 }),
  rope: fc.integer({ min: 1, max: 128 }),
  vHead: fc.integer({ min: 1, max: 192 }),
  act: fc.constantFrom("silu", "swish", "gelu", "gelu_new", "gelu_fast", "gelu_pytorch_tanh", "relu"),
  rotaryPct: fc.double({ min: 0.01, max: 1, noNaN: true }),
  softcap: fc.option(fc.double({ min: 0.5, max: 100, noNaN: true }), { nil: null }),
  newArch: fc.boolean(),
  multiQuery: fc.boolean(),
  parallel: fc.boolean(),
  alibi: fc.boolean(),
  lnInParallel: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
  nInner: fc.option(fc.integer({ min: 1, max: 8_192 }), { nil: null }),
  positions: fc.integer({ min: 1, max: 8_192 }),
  topkMethod: fc.constantFrom("greedy", "noaux_tc", "group_limited_greedy"),
});

type Draw = typeof DRAW extends fc.Arbitrary<infer T> ? T : never;

const LLAMA_LIKE = ["llama", "mistral", "mixtral", "qwen2", "qwen2_moe", "qwen3", "qwen3_moe", "olmo2", "phi3"];
const FALCON = ["falcon", "RefinedWeb", "RefinedWebModel"];

/** Drops the keys whose value is undefined, as JSON would. */
function defined(config: Record<string, unknown>): ConfigObject {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
}

/**
 * A config of `type` that is valid by construction (heads divide, top-k ≤
 * experts, lists in range), written with the keys transformers' config
 * class for that type uses.
 */
export function syntheticConfig(type: string, d: Draw): ConfigObject {
  const heads = d.kvHeads * d.groups;
  const hidden = heads * d.headDim * (d.explicitHeadDim ? d.widen : 1);
  const topk = Math.min(d.topk, d.experts);
  if (LLAMA_LIKE.includes(type)) {
    const qwen = type.startsWith("qwen");
    const config: ConfigObject = {
      model_type: type, hidden_size: hidden, intermediate_size: d.inter, num_hidden_layers: d.layers,
      num_attention_heads: heads, num_key_value_heads: d.kvHeads, vocab_size: d.vocab, tie_word_embeddings: d.tie,
      hidden_act: d.act, max_position_embeddings: 4096, rms_norm_eps: 1e-6,
    };
    if (d.explicitHeadDim || type.startsWith("qwen3")) config.head_dim = d.headDim;
    if (["llama", "qwen3", "qwen3_moe", "olmo2"].includes(type)) config.attention_bias = d.bias;
    if (type === "llama") config.mlp_bias = d.mlpBias;
    if (["mistral", "mixtral", "phi3"].includes(type)) config.sliding_window = d.window;
    if (qwen) Object.assign(config, { use_sliding_window: d.useSliding, sliding_window: d.window, max_window_layers: d.maxWindowLayers });
    if (qwen && d.layerTypes && d.window !== null) {
      config.layer_types = Array.from({ length: d.layers }, (_, i) => (i >= d.maxWindowLayers ? "sliding_attention" : "full_attention"));
    }
    if (type === "mixtral") Object.assign(config, { num_local_experts: d.experts, num_experts_per_tok: topk });
    if (type.endsWith("_moe")) {
      Object.assign(config, {
        num_experts: d.experts, num_experts_per_tok: topk, moe_intermediate_size: d.expertInter,
        decoder_sparse_step: d.sparseStep, mlp_only_layers: d.mlpOnly,
      });
      if (type === "qwen2_moe") config.shared_expert_intermediate_size = d.expertInter * 2;
    }
    return defined(config);
  }
  if (type === "gemma" || type === "gemma2") {
    const config: ConfigObject = {
      model_type: type, hidden_size: hidden, intermediate_size: d.inter, num_hidden_layers: d.layers,
      num_attention_heads: heads, num_key_value_heads: d.kvHeads, head_dim: d.headDim, vocab_size: d.vocab,
      hidden_activation: d.act === "swish" ? undefined : d.act, attention_bias: d.bias, tie_word_embeddings: d.tie,
    };
    if (type === "gemma2") {
      Object.assign(config, { sliding_window: d.window, attn_logit_softcapping: d.softcap, final_logit_softcapping: d.softcap });
    }
    return defined(config);
  }
  if (type === "gpt2") {
    return defined({
      model_type: type, n_embd: heads * d.headDim, n_head: heads, n_layer: d.layers, n_positions: d.positions,
      vocab_size: d.vocab, n_inner: d.nInner, activation_function: d.act, tie_word_embeddings: d.tie,
    });
  }
  if (type === "gpt_neox") {
    return defined({
      model_type: type, hidden_size: heads * d.headDim, num_attention_heads: heads, num_hidden_layers: d.layers,
      intermediate_size: d.inter, vocab_size: d.vocab, rotary_pct: d.rotaryPct, use_parallel_residual: d.parallel,
      attention_bias: d.bias, tie_word_embeddings: d.tie, hidden_act: d.act,
    });
  }
  if (FALCON.includes(type)) {
    return defined({
      model_type: type, hidden_size: heads * d.headDim, num_attention_heads: heads, num_hidden_layers: d.layers,
      vocab_size: d.vocab, new_decoder_architecture: d.newArch, multi_query: d.multiQuery, num_kv_heads: d.kvHeads,
      parallel_attn: d.parallel, bias: d.bias, alibi: d.alibi, num_ln_in_parallel_attn: d.newArch ? d.lnInParallel ?? undefined : undefined,
      ffn_hidden_size: d.nInner ?? undefined, tie_word_embeddings: d.tie,
    });
  }
  if (type === "deepseek_v2" || type === "deepseek_v3" || type === "kimi_k2" || type === "deepseek_v32") {
    const sparse = type === "deepseek_v32" ? { index_n_heads: d.kvHeads, index_head_dim: d.headDim, index_topk: d.expertInter } : {};
    return defined({
      ...sparse,
      model_type: type, hidden_size: hidden, intermediate_size: d.inter, moe_intermediate_size: d.expertInter,
      num_hidden_layers: d.layers, num_attention_heads: heads, num_key_value_heads: heads, n_shared_experts: d.shared,
      n_routed_experts: d.experts, num_experts_per_tok: topk, first_k_dense_replace: d.firstDense, moe_layer_freq: d.freq,
      kv_lora_rank: d.kvLora, q_lora_rank: d.qLora, qk_nope_head_dim: d.nope, qk_rope_head_dim: d.rope, v_head_dim: d.vHead,
      vocab_size: d.vocab, topk_method: d.topkMethod, attention_bias: d.bias, tie_word_embeddings: d.tie, hidden_act: d.act,
    });
  }
  if (type === "gpt_oss") {
    return defined({
      model_type: type, hidden_size: hidden, intermediate_size: d.inter, num_hidden_layers: d.layers,
      num_attention_heads: heads, num_key_value_heads: d.kvHeads, head_dim: d.headDim, vocab_size: d.vocab,
      num_local_experts: d.experts, num_experts_per_tok: topk, experts_per_token: topk, attention_bias: d.bias,
      sliding_window: d.window ?? 128, tie_word_embeddings: d.tie, swiglu_limit: 7.0,
      layer_types: d.layerTypes ? Array.from({ length: d.layers }, (_, i) => (i % 2 === 0 ? "sliding_attention" : "full_attention")) : undefined,
    });
  }
  if (type === "llama4" || type === "llama4_text") {
    const text = defined({
      model_type: "llama4_text", hidden_size: hidden, intermediate_size: d.expertInter, intermediate_size_mlp: d.inter,
      num_hidden_layers: d.layers, num_attention_heads: heads, num_key_value_heads: d.kvHeads, head_dim: d.explicitHeadDim ? d.headDim : undefined,
      vocab_size: d.vocab, num_local_experts: d.experts, num_experts_per_tok: topk, interleave_moe_layer_step: d.sparseStep,
      attention_chunk_size: d.window ?? undefined, use_qk_norm: d.useSliding, attention_bias: d.bias, hidden_act: d.act,
      no_rope_layers: d.layerTypes ? Array.from({ length: d.layers }, (_, i) => ((i + 1) % 4 === 0 ? 0 : 1)) : undefined,
    });
    return type === "llama4_text" ? text : defined({ model_type: type, text_config: text, tie_word_embeddings: d.tie, vision_config: { hidden_size: 8 } });
  }
  if (type === "gemma3" || type === "gemma3_text") {
    const text = defined({
      model_type: "gemma3_text", hidden_size: hidden, intermediate_size: d.inter, num_hidden_layers: d.layers,
      num_attention_heads: heads, num_key_value_heads: d.kvHeads, head_dim: d.headDim, vocab_size: d.vocab,
      sliding_window: d.window ?? undefined, sliding_window_pattern: d.freq + 1, hidden_activation: d.act === "swish" ? undefined : d.act,
      final_logit_softcapping: d.softcap,
    });
    return type === "gemma3_text" ? text : defined({ model_type: type, text_config: text, vision_config: { hidden_size: 8 } });
  }
  if (type === "glm4_moe") {
    return defined({
      model_type: type, hidden_size: hidden, intermediate_size: d.inter, moe_intermediate_size: d.expertInter,
      num_hidden_layers: d.layers, num_attention_heads: heads, num_key_value_heads: d.kvHeads, head_dim: d.explicitHeadDim ? d.headDim : undefined,
      n_routed_experts: d.experts, num_experts_per_tok: topk, n_shared_experts: d.shared, first_k_dense_replace: d.firstDense,
      partial_rotary_factor: d.rotaryPct, attention_bias: d.bias, use_qk_norm: d.useSliding, vocab_size: d.vocab,
      tie_word_embeddings: d.tie, num_nextn_predict_layers: d.shared,
    });
  }
  if (type === "qwen3_next") {
    return defined({
      model_type: type, hidden_size: hidden, intermediate_size: d.inter, num_hidden_layers: d.layers,
      num_attention_heads: heads, num_key_value_heads: d.kvHeads, head_dim: d.headDim, vocab_size: d.vocab,
      num_experts: d.experts, num_experts_per_tok: topk, moe_intermediate_size: d.expertInter, shared_expert_intermediate_size: d.expertInter,
      decoder_sparse_step: d.sparseStep, mlp_only_layers: d.mlpOnly, full_attention_interval: d.freq + 1,
      linear_num_key_heads: d.kvHeads, linear_num_value_heads: d.kvHeads * d.groups, linear_key_head_dim: d.headDim,
      linear_value_head_dim: d.nope, linear_conv_kernel_dim: d.freq + 1, partial_rotary_factor: d.rotaryPct, tie_word_embeddings: d.tie,
    });
  }
  if (type === "falcon_h1") {
    return defined({
      model_type: type, hidden_size: hidden, intermediate_size: d.inter, num_hidden_layers: d.layers,
      num_attention_heads: heads, num_key_value_heads: d.kvHeads, head_dim: d.headDim, vocab_size: d.vocab,
      mamba_d_ssm: d.kvHeads * d.nope, mamba_n_heads: d.kvHeads, mamba_d_head: d.explicitHeadDim ? d.nope : undefined,
      mamba_d_state: d.rope, mamba_n_groups: 1, mamba_d_conv: d.freq + 1, mamba_conv_bias: d.bias, mamba_rms_norm: d.useSliding,
      tie_word_embeddings: d.tie, attention_bias: d.bias,
    });
  }
  if (type === "phi") {
    return defined({
      model_type: type, hidden_size: heads * d.headDim, num_attention_heads: heads, num_key_value_heads: d.kvHeads,
      num_hidden_layers: d.layers, intermediate_size: d.inter, vocab_size: d.vocab, partial_rotary_factor: d.rotaryPct,
      hidden_act: d.act, tie_word_embeddings: d.tie, qk_layernorm: false,
    });
  }
  if (type === "bloom") {
    return defined({ model_type: type, hidden_size: heads * d.headDim, n_head: heads, n_layer: d.layers, vocab_size: d.vocab, tie_word_embeddings: d.tie });
  }
  if (type === "mimo") {
    return defined({
      model_type: type, hidden_size: hidden, intermediate_size: d.inter, num_hidden_layers: d.layers,
      num_attention_heads: heads, num_key_value_heads: d.kvHeads, vocab_size: d.vocab, tie_word_embeddings: d.tie,
      hidden_act: d.act, num_nextn_predict_layers: d.shared, use_sliding_window: d.useSliding, sliding_window: d.window,
      max_window_layers: d.maxWindowLayers,
    });
  }
  throw new Error(`no synthetic config for model_type ${type}: add one to test/fuzz/bases.ts`);
}

/** A valid synthetic config of any supported model_type. */
export const syntheticBase: fc.Arbitrary<BaseConfig> = fc
  .tuple(fc.constantFrom(...SUPPORTED_MODEL_TYPES), DRAW)
  .map(([type, draw]) => ({ origin: `synthetic ${type}`, config: syntheticConfig(type, draw) }));

/** A real fixture or a synthetic config, half and half. */
export const anyBase: fc.Arbitrary<BaseConfig> = fc.oneof(fc.constantFrom(...FIXTURES), syntheticBase);

/**
 * Alternative names of the same setting (transformers' attribute_map and the
 * keys older configs used): an error may name any of a group when the config
 * has one of them.
 */
export const KEY_ALIASES: readonly (readonly string[])[] = [
  ["hidden_size", "n_embd"],
  ["num_hidden_layers", "n_layer"],
  ["num_attention_heads", "n_head"],
  ["num_key_value_heads", "num_kv_heads", "n_head_kv"],
  ["n_positions", "max_position_embeddings"],
  ["hidden_act", "hidden_activation", "activation_function"],
  ["rotary_pct", "partial_rotary_factor"],
  ["intermediate_size", "ffn_hidden_size", "n_inner"],
  ["num_experts_per_tok", "experts_per_token"],
];
