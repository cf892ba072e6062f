import type { ConfigObject } from "./bases";

/**
 * For every model_type, a small config in which every count-relevant key is
 * live (windows smaller than the context and on some layers only, MoE with a
 * dense layer, biases off so turning them on shows), and for each such key
 * other values transformers would build a different model from.
 *
 * Which keys matter, and when, is read off transformers' modeling code (the
 * config attributes each model's __init__ uses to shape its weights, caches
 * and masks), not off this project's importer. Keys transformers ignores for
 * a type (Mistral's attention_bias, Gemma's hidden_act, DeepSeek's
 * num_key_value_heads under MLA) are deliberately absent.
 */
export interface SensitiveConfig {
  config: ConfigObject;
  /** Count-relevant keys and values that change the model (absent from the base where the value is new). */
  alternatives: Record<string, readonly unknown[]>;
}

const LLAMA: SensitiveConfig = {
  config: {
    model_type: "llama", hidden_size: 64, intermediate_size: 96, num_hidden_layers: 4, num_attention_heads: 4,
    num_key_value_heads: 2, vocab_size: 100, tie_word_embeddings: false, attention_bias: false, mlp_bias: false, hidden_act: "silu",
  },
  alternatives: {
    hidden_size: [128, 32], intermediate_size: [128], num_hidden_layers: [6, 1], num_attention_heads: [8, 2],
    num_key_value_heads: [1, 4], vocab_size: [200], tie_word_embeddings: [true], attention_bias: [true], mlp_bias: [true],
    hidden_act: ["gelu", "relu", "gelu_pytorch_tanh"], head_dim: [32, 8],
  },
};

function llamaLike(type: string, drop: readonly string[], extra: ConfigObject, alternatives: Record<string, readonly unknown[]>): SensitiveConfig {
  const config: ConfigObject = { ...LLAMA.config, model_type: type, ...extra };
  const base: Record<string, readonly unknown[]> = { ...LLAMA.alternatives };
  for (const key of drop) {
    delete config[key];
    delete base[key];
  }
  return { config, alternatives: { ...base, ...alternatives } };
}

/** Qwen: use_sliding_window on, layers from max_window_layers = 2 of 4 local. */
const QWEN_SLIDING = { use_sliding_window: true, sliding_window: 8, max_window_layers: 2 };
const QWEN_SLIDING_ALTERNATIVES = {
  use_sliding_window: [false], sliding_window: [16, 2], max_window_layers: [0, 3, 1],
  layer_types: [["full_attention", "sliding_attention", "full_attention", "sliding_attention"]],
};

/** Qwen MoE: layer 0 dense (mlp_only_layers), so intermediate_size counts too. */
const QWEN_MOE = { num_experts: 4, num_experts_per_tok: 2, moe_intermediate_size: 32, decoder_sparse_step: 1, mlp_only_layers: [0] };
const QWEN_MOE_ALTERNATIVES = {
  num_experts: [8], num_experts_per_tok: [1, 3], moe_intermediate_size: [48], decoder_sparse_step: [2], mlp_only_layers: [[], [1], [0, 3]],
};

const FALCON_NEW: ConfigObject = {
  model_type: "falcon", hidden_size: 64, num_attention_heads: 4, num_kv_heads: 2, new_decoder_architecture: true,
  num_hidden_layers: 4, vocab_size: 100, parallel_attn: true, bias: false, alibi: false, num_ln_in_parallel_attn: 2,
  ffn_hidden_size: 96, tie_word_embeddings: true, activation: "gelu",
};
const FALCON_OLD: ConfigObject = {
  model_type: "RefinedWebModel", hidden_size: 64, n_head: 4, multi_query: true, n_layer: 4, vocab_size: 100,
  parallel_attn: true, bias: false, alibi: false,
};
const FALCON_OLD_ALTERNATIVES = {
  hidden_size: [128], n_head: [8], multi_query: [false], n_layer: [6], vocab_size: [200], parallel_attn: [false], bias: [true],
  alibi: [true], ffn_hidden_size: [96], new_decoder_architecture: [true], tie_word_embeddings: [false], num_ln_in_parallel_attn: [2],
};

const DEEPSEEK: ConfigObject = {
  hidden_size: 64, intermediate_size: 96, moe_intermediate_size: 32, num_hidden_layers: 4, num_attention_heads: 4,
  n_shared_experts: 1, n_routed_experts: 8, num_experts_per_tok: 2, first_k_dense_replace: 1, moe_layer_freq: 1,
  kv_lora_rank: 16, q_lora_rank: 24, qk_nope_head_dim: 8, qk_rope_head_dim: 4, v_head_dim: 8, vocab_size: 100,
  attention_bias: false, tie_word_embeddings: false, hidden_act: "silu",
};
const DEEPSEEK_ALTERNATIVES = {
  hidden_size: [128], intermediate_size: [128], moe_intermediate_size: [48], num_hidden_layers: [6], num_attention_heads: [8],
  n_shared_experts: [0, 2], n_routed_experts: [16, null], num_experts_per_tok: [1, 4], first_k_dense_replace: [0, 2, 4],
  moe_layer_freq: [2], kv_lora_rank: [32], q_lora_rank: [null, 48], qk_nope_head_dim: [16], qk_rope_head_dim: [8],
  v_head_dim: [16], vocab_size: [200], attention_bias: [true], tie_word_embeddings: [true], hidden_act: ["gelu"],
  // The checkpoint's MTP module (modeling_deepseek loads it as layer num_hidden_layers): counted apart.
  num_nextn_predict_layers: [1],
};

function withoutKey(config: ConfigObject, key: string): ConfigObject {
  const { [key]: _, ...rest } = config;
  return rest;
}

const GPT_OSS: ConfigObject = {
  model_type: "gpt_oss", hidden_size: 64, intermediate_size: 96, num_hidden_layers: 4, num_attention_heads: 4,
  num_key_value_heads: 2, head_dim: 16, vocab_size: 100, num_local_experts: 8, num_experts_per_tok: 2,
  sliding_window: 8, attention_bias: true, tie_word_embeddings: false,
};
const GPT_OSS_ALTERNATIVES = {
  hidden_size: [128], intermediate_size: [128], num_hidden_layers: [6], num_attention_heads: [8], num_key_value_heads: [1, 4],
  head_dim: [32], vocab_size: [200], num_local_experts: [16], num_experts_per_tok: [1, 4], sliding_window: [16],
  attention_bias: [false], tie_word_embeddings: [true], layer_types: [["full_attention", "sliding_attention", "full_attention", "full_attention"]],
};

/** Llama 4's text model: 4 layers, layer 3 NoPE (full attention), MoE on odd layers (step 2). */
const LLAMA4_TEXT: ConfigObject = {
  model_type: "llama4_text", hidden_size: 64, intermediate_size: 32, intermediate_size_mlp: 96, num_hidden_layers: 4,
  num_attention_heads: 4, num_key_value_heads: 2, head_dim: 32, vocab_size: 100, num_local_experts: 4, num_experts_per_tok: 1,
  interleave_moe_layer_step: 2, attention_chunk_size: 8, no_rope_layers: [1, 1, 1, 0], attention_bias: false,
  tie_word_embeddings: false, hidden_act: "silu",
};
const LLAMA4_ALTERNATIVES = {
  hidden_size: [128], intermediate_size: [48], intermediate_size_mlp: [128], num_hidden_layers: [8], num_attention_heads: [8],
  num_key_value_heads: [1, 4], head_dim: [8], vocab_size: [200], num_local_experts: [8], num_experts_per_tok: [2],
  interleave_moe_layer_step: [1], attention_chunk_size: [16], no_rope_layers: [[1, 0, 1, 0]], attention_bias: [true],
  tie_word_embeddings: [true], hidden_act: ["gelu"], moe_layers: [[0]], layer_types: [["full_attention", "chunked_attention", "full_attention", "full_attention"]],
};

const GEMMA3_TEXT: ConfigObject = {
  model_type: "gemma3_text", hidden_size: 64, intermediate_size: 96, num_hidden_layers: 4, num_attention_heads: 4,
  num_key_value_heads: 2, head_dim: 16, vocab_size: 100, attention_bias: false, tie_word_embeddings: true,
  hidden_activation: "gelu_pytorch_tanh", sliding_window: 8, sliding_window_pattern: 2,
};
const GEMMA3_ALTERNATIVES = {
  hidden_size: [128], intermediate_size: [128], num_hidden_layers: [6], num_attention_heads: [8], num_key_value_heads: [1, 4],
  head_dim: [32], vocab_size: [200], attention_bias: [true], tie_word_embeddings: [false], hidden_activation: ["gelu", "silu"],
  sliding_window: [16], sliding_window_pattern: [3], attn_logit_softcapping: [20], final_logit_softcapping: [20],
  layer_types: [["sliding_attention", "sliding_attention", "full_attention", "full_attention"]],
};

const GLM4_MOE: ConfigObject = {
  model_type: "glm4_moe", hidden_size: 64, intermediate_size: 96, moe_intermediate_size: 32, num_hidden_layers: 4,
  num_attention_heads: 4, num_key_value_heads: 2, head_dim: 32, n_routed_experts: 8, num_experts_per_tok: 2, n_shared_experts: 1,
  first_k_dense_replace: 1, partial_rotary_factor: 0.5, attention_bias: false, use_qk_norm: false, vocab_size: 100,
  tie_word_embeddings: false, hidden_act: "silu",
};
const GLM4_MOE_ALTERNATIVES = {
  hidden_size: [128], intermediate_size: [128], moe_intermediate_size: [48], num_hidden_layers: [6], num_attention_heads: [8],
  num_key_value_heads: [1, 4], head_dim: [8], n_routed_experts: [16], num_experts_per_tok: [1, 4], n_shared_experts: [0, 2],
  first_k_dense_replace: [0, 2], partial_rotary_factor: [1], attention_bias: [true], use_qk_norm: [true], vocab_size: [200],
  tie_word_embeddings: [true], hidden_act: ["gelu"], num_nextn_predict_layers: [1],
};

export const SENSITIVE: Readonly<Record<string, SensitiveConfig>> = {
  gpt_oss: { config: GPT_OSS, alternatives: GPT_OSS_ALTERNATIVES },
  llama4_text: { config: LLAMA4_TEXT, alternatives: LLAMA4_ALTERNATIVES },
  // The wrapper: the text model as a whole, and the wrapper's own tie_word_embeddings.
  llama4: {
    config: { model_type: "llama4", text_config: withoutKey(LLAMA4_TEXT, "tie_word_embeddings"), tie_word_embeddings: false, vision_config: { hidden_size: 8 } },
    alternatives: { text_config: [{ ...LLAMA4_TEXT, hidden_size: 128 }, { ...LLAMA4_TEXT, num_local_experts: 8 }], tie_word_embeddings: [true] },
  },
  gemma3_text: { config: GEMMA3_TEXT, alternatives: GEMMA3_ALTERNATIVES },
  gemma3: {
    config: { model_type: "gemma3", text_config: GEMMA3_TEXT, vision_config: { hidden_size: 8 } },
    alternatives: { text_config: [{ ...GEMMA3_TEXT, hidden_size: 128 }, { ...GEMMA3_TEXT, sliding_window: 16 }] },
  },
  glm4_moe: { config: GLM4_MOE, alternatives: GLM4_MOE_ALTERNATIVES },
  deepseek_v32: {
    config: { ...DEEPSEEK, model_type: "deepseek_v32", topk_method: "noaux_tc", index_n_heads: 4, index_head_dim: 8, index_topk: 6 },
    alternatives: { ...DEEPSEEK_ALTERNATIVES, topk_method: ["greedy"], index_n_heads: [2], index_head_dim: [16], index_topk: [12] },
  },
  qwen3_next: {
    config: {
      model_type: "qwen3_next", hidden_size: 64, intermediate_size: 96, num_hidden_layers: 4, num_attention_heads: 4,
      num_key_value_heads: 2, head_dim: 32, vocab_size: 100, num_experts: 8, num_experts_per_tok: 2, moe_intermediate_size: 16,
      shared_expert_intermediate_size: 16, decoder_sparse_step: 1, mlp_only_layers: [0], full_attention_interval: 4,
      linear_num_key_heads: 2, linear_num_value_heads: 4, linear_key_head_dim: 8, linear_value_head_dim: 8, linear_conv_kernel_dim: 4,
      partial_rotary_factor: 0.25, attention_bias: false, tie_word_embeddings: false, hidden_act: "silu",
    },
    alternatives: {
      hidden_size: [128], intermediate_size: [128], num_hidden_layers: [8], num_attention_heads: [8], num_key_value_heads: [1, 4],
      head_dim: [16], vocab_size: [200], num_experts: [16], num_experts_per_tok: [1, 4], moe_intermediate_size: [32],
      shared_expert_intermediate_size: [32], decoder_sparse_step: [2], mlp_only_layers: [[], [1]], full_attention_interval: [2],
      linear_num_key_heads: [4], linear_num_value_heads: [8], linear_key_head_dim: [16], linear_value_head_dim: [16],
      linear_conv_kernel_dim: [2], partial_rotary_factor: [0.5], attention_bias: [true], tie_word_embeddings: [true], hidden_act: ["gelu"],
      layer_types: [["full_attention", "linear_attention", "full_attention", "linear_attention"]],
    },
  },
  falcon_h1: {
    config: {
      model_type: "falcon_h1", hidden_size: 64, intermediate_size: 96, num_hidden_layers: 4, num_attention_heads: 4,
      num_key_value_heads: 2, head_dim: 32, vocab_size: 100, mamba_d_ssm: 128, mamba_n_heads: 8, mamba_d_head: 16,
      mamba_d_state: 16, mamba_n_groups: 1, mamba_d_conv: 4, mamba_conv_bias: true, mamba_proj_bias: false, mamba_rms_norm: false,
      attention_bias: false, mlp_bias: false, tie_word_embeddings: false, hidden_act: "silu",
    },
    alternatives: {
      hidden_size: [128], intermediate_size: [128], num_hidden_layers: [6], num_attention_heads: [8], num_key_value_heads: [1, 4],
      head_dim: [16], vocab_size: [200], mamba_d_ssm: [256], mamba_n_heads: [4], mamba_d_head: [8], mamba_d_state: [32],
      mamba_n_groups: [2], mamba_d_conv: [2], mamba_conv_bias: [false], mamba_proj_bias: [true], mamba_rms_norm: [true],
      attention_bias: [true], mlp_bias: [true], tie_word_embeddings: [true], hidden_act: ["gelu"],
    },
  },
  kimi_k2: { config: { ...DEEPSEEK, model_type: "kimi_k2", topk_method: "noaux_tc" }, alternatives: { ...DEEPSEEK_ALTERNATIVES, topk_method: ["greedy"] } },
  phi: {
    config: {
      model_type: "phi", hidden_size: 64, num_attention_heads: 4, num_key_value_heads: 4, num_hidden_layers: 4, intermediate_size: 96,
      vocab_size: 100, partial_rotary_factor: 0.4, hidden_act: "gelu_new", tie_word_embeddings: false, qk_layernorm: false,
    },
    alternatives: {
      hidden_size: [128], num_attention_heads: [8], num_key_value_heads: [2], num_hidden_layers: [6], intermediate_size: [128],
      vocab_size: [200], partial_rotary_factor: [0.5, 1], hidden_act: ["relu"], tie_word_embeddings: [true], qk_layernorm: [true], head_dim: [8],
    },
  },
  bloom: {
    config: { model_type: "bloom", hidden_size: 64, n_head: 4, n_layer: 4, vocab_size: 100 },
    alternatives: { hidden_size: [128], n_head: [8], n_layer: [6], vocab_size: [200], tie_word_embeddings: [false] },
  },
  mimo: llamaLike("mimo", ["attention_bias", "mlp_bias"], { ...QWEN_SLIDING, num_nextn_predict_layers: 1 }, {
    ...QWEN_SLIDING_ALTERNATIVES, num_nextn_predict_layers: [0, 2],
  }),
  llama: LLAMA,
  mistral: llamaLike("mistral", ["attention_bias", "mlp_bias"], { sliding_window: 8 }, { sliding_window: [16, null] }),
  mixtral: llamaLike("mixtral", ["attention_bias", "mlp_bias"], { sliding_window: 8, num_local_experts: 4, num_experts_per_tok: 2 }, {
    sliding_window: [16, null], num_local_experts: [8], num_experts_per_tok: [1, 3],
  }),
  phi3: llamaLike("phi3", ["attention_bias", "mlp_bias"], { sliding_window: 8 }, { sliding_window: [16, null] }),
  olmo2: llamaLike("olmo2", ["mlp_bias"], {}, {}),
  qwen2: llamaLike("qwen2", ["attention_bias", "mlp_bias"], QWEN_SLIDING, QWEN_SLIDING_ALTERNATIVES),
  qwen2_moe: llamaLike("qwen2_moe", ["attention_bias", "mlp_bias"], { ...QWEN_SLIDING, ...QWEN_MOE, shared_expert_intermediate_size: 64 }, {
    ...QWEN_SLIDING_ALTERNATIVES, ...QWEN_MOE_ALTERNATIVES, shared_expert_intermediate_size: [96],
  }),
  qwen3: llamaLike("qwen3", ["mlp_bias"], { ...QWEN_SLIDING, head_dim: 16 }, { ...QWEN_SLIDING_ALTERNATIVES, head_dim: [32, 8, 128] }),
  qwen3_moe: llamaLike("qwen3_moe", ["mlp_bias"], { ...QWEN_SLIDING, ...QWEN_MOE, head_dim: 16 }, {
    ...QWEN_SLIDING_ALTERNATIVES, ...QWEN_MOE_ALTERNATIVES, head_dim: [32, 8],
  }),
  gemma: {
    config: {
      model_type: "gemma", hidden_size: 64, intermediate_size: 96, num_hidden_layers: 4, num_attention_heads: 4,
      num_key_value_heads: 2, head_dim: 16, vocab_size: 100, attention_bias: false, tie_word_embeddings: true,
      hidden_activation: "gelu_pytorch_tanh",
    },
    alternatives: {
      hidden_size: [128], intermediate_size: [128], num_hidden_layers: [6], num_attention_heads: [8], num_key_value_heads: [1, 4],
      head_dim: [32], vocab_size: [200], attention_bias: [true], tie_word_embeddings: [false], hidden_activation: ["gelu", "silu", "relu"],
    },
  },
  gemma2: {
    config: {
      model_type: "gemma2", hidden_size: 64, intermediate_size: 96, num_hidden_layers: 4, num_attention_heads: 4,
      num_key_value_heads: 2, head_dim: 16, vocab_size: 100, attention_bias: false, tie_word_embeddings: true,
      hidden_activation: "gelu_pytorch_tanh", sliding_window: 8, attn_logit_softcapping: 50, final_logit_softcapping: 30,
    },
    alternatives: {
      hidden_size: [128], intermediate_size: [128], num_hidden_layers: [6], num_attention_heads: [8], num_key_value_heads: [1, 4],
      head_dim: [32], vocab_size: [200], attention_bias: [true], tie_word_embeddings: [false], hidden_activation: ["gelu", "silu"],
      sliding_window: [16], attn_logit_softcapping: [null, 20], final_logit_softcapping: [null, 20],
      layer_types: [["sliding_attention", "sliding_attention", "full_attention", "full_attention"]],
    },
  },
  gpt2: {
    config: {
      model_type: "gpt2", n_embd: 64, n_head: 4, n_layer: 4, n_positions: 128, vocab_size: 100, n_inner: null,
      activation_function: "gelu_new", tie_word_embeddings: true,
    },
    alternatives: {
      n_embd: [128], n_head: [8], n_layer: [6], n_positions: [256], vocab_size: [200], n_inner: [100],
      activation_function: ["relu", "gelu"], tie_word_embeddings: [false],
    },
  },
  gpt_neox: {
    config: {
      model_type: "gpt_neox", hidden_size: 64, num_attention_heads: 4, num_hidden_layers: 4, intermediate_size: 96,
      vocab_size: 100, rotary_pct: 0.25, use_parallel_residual: true, attention_bias: true, tie_word_embeddings: false, hidden_act: "gelu",
    },
    alternatives: {
      hidden_size: [128], num_attention_heads: [8], num_hidden_layers: [6], intermediate_size: [128], vocab_size: [200],
      rotary_pct: [0.5, 1], use_parallel_residual: [false], attention_bias: [false], tie_word_embeddings: [true],
      hidden_act: ["relu", "gelu_new"],
    },
  },
  falcon: {
    config: FALCON_NEW,
    alternatives: {
      hidden_size: [128], num_attention_heads: [8], num_kv_heads: [1, 4], new_decoder_architecture: [false], num_hidden_layers: [6],
      vocab_size: [200], parallel_attn: [false], bias: [true], alibi: [true], num_ln_in_parallel_attn: [1], ffn_hidden_size: [128],
      tie_word_embeddings: [false], activation: ["relu"],
    },
  },
  RefinedWebModel: { config: FALCON_OLD, alternatives: FALCON_OLD_ALTERNATIVES },
  RefinedWeb: { config: { ...FALCON_OLD, model_type: "RefinedWeb" }, alternatives: FALCON_OLD_ALTERNATIVES },
  deepseek_v2: { config: { ...DEEPSEEK, model_type: "deepseek_v2", topk_method: "greedy" }, alternatives: { ...DEEPSEEK_ALTERNATIVES, topk_method: ["noaux_tc"] } },
  deepseek_v3: { config: { ...DEEPSEEK, model_type: "deepseek_v3", topk_method: "noaux_tc" }, alternatives: { ...DEEPSEEK_ALTERNATIVES, topk_method: ["greedy"] } },
};
