import { ConfigError, escapeUnsafe, keyText, ModelError, quoteText } from "../errors";
import type { ModelSpec } from "../model";
import { validateModel, describeValue } from "../validate";
import { deepseek } from "./deepseek";
import { duplicateTopLevelKeys } from "./duplicates";
import { falcon } from "./falcon";
import { falconH1 } from "./falcon-h1";
import { gemma } from "./gemma";
import { gpt2 } from "./gpt2";
import { bloom } from "./bloom";
import { glm4Moe } from "./glm4-moe";
import { gptNeox } from "./gpt-neox";
import { gptOss } from "./gpt-oss";
import { llama4 } from "./llama4";
import { phi } from "./phi";
import { qwen3Next } from "./qwen3-next";
import { LLAMA_VARIANTS, llamaFamily } from "./llama-family";
import { ConfigReader } from "./reader";

type Importer = (reader: ConfigReader, name: string) => ModelSpec;

const IMPORTERS: Readonly<Record<string, Importer>> = {
  gpt2,
  gpt_neox: gptNeox,
  falcon,
  RefinedWebModel: falcon,
  RefinedWeb: falcon,
  gemma: gemma(1),
  gemma2: gemma(2),
  gemma3: gemma(3),
  gemma3_text: gemma(3),
  deepseek_v2: deepseek(2),
  deepseek_v3: deepseek(3),
  deepseek_v32: deepseek(3, true),
  // Kimi K2 is the DeepSeek-V3 architecture (its config names DeepseekV3ForCausalLM).
  kimi_k2: deepseek(3),
  gpt_oss: gptOss,
  llama4,
  llama4_text: llama4,
  glm4_moe: glm4Moe,
  phi,
  bloom,
  qwen3_next: qwen3Next,
  falcon_h1: falconH1,
  ...Object.fromEntries(Object.entries(LLAMA_VARIANTS).map(([type, variant]) => [type, llamaFamily(type, variant)])),
};

/** The config.json model_type values the importer understands. */
export const SUPPORTED_MODEL_TYPES: readonly string[] = Object.keys(IMPORTERS).sort();

/**
 * Multimodal configs that nest the language model under text_config: the
 * text model is counted, the vision encoder and projector are not.
 */
const NESTED_TEXT_TYPES: ReadonlySet<string> = new Set(["llama4", "gemma3"]);

/** Keys of a multimodal wrapper that describe the vision side or image tokens, never the text model. */
const MULTIMODAL_WRAPPER_KEYS: ReadonlySet<string> = new Set([
  "text_config", "vision_config", "boi_token_index", "eoi_token_index", "image_token_index", "mm_tokens_per_image",
  "vision_feature_layer", "vision_feature_select_strategy", "projector_hidden_act", "multi_modal_projector_bias",
]);

/** Keys that never change a count but are not caught by the reader's patterns. */
const IRRELEVANT_KEYS: ReadonlySet<string> = new Set([
  "hidden_act", "is_decoder", "tie_encoder_decoder", "bad_words_ids", "num_beams", "max_length", "min_length",
  "do_sample", "temperature", "top_k", "top_p", "chunk_size_feed_forward", "cross_attention_hidden_size",
  "add_cross_attention", "is_encoder_decoder", "finetuning_task", "problem_type", "return_dict",
  "torchscript", "prefix", "early_stopping", "length_penalty", "no_repeat_ngram_size", "num_return_sequences",
  "repetition_penalty", "diversity_penalty", "pruned_heads", "attn_implementation", "partial_rotary_factor",
  "max_window_layers", "use_mrope", "mscale", "mscale_all_dim", "original_max_position_embeddings",
  "attention_dropout", "hidden_dropout", "embedding_multiplier", "logits_scaling",
]);

export interface ImportedModel {
  spec: ModelSpec;
  /** Defaults applied for fields the config left out, in words. */
  assumptions: string[];
  /** Config keys the importer did not recognise; they may matter, so they are shown, never dropped silently. */
  unrecognized: string[];
}

/** Largest config.json accepted, in characters (real configs are a few KB). */
export const MAX_CONFIG_CHARS = 1_000_000;

/**
 * Imports a Hugging Face config.json (parsed object or JSON text) into a
 * validated ModelSpec. Unknown model_type, missing or malformed fields throw a
 * ConfigError that names the field.
 */
export function importHfConfig(input: unknown, options: { name?: string } = {}): ImportedModel {
  const config = parseConfig(input);
  const modelType = config.model_type;
  if (modelType === undefined) throw new ConfigError("model_type", "missing: cannot tell which architecture this config describes");
  if (typeof modelType !== "string") throw new ConfigError("model_type", `expected a string, got ${describeValue(modelType)}`);
  const importer = Object.prototype.hasOwnProperty.call(IMPORTERS, modelType) ? IMPORTERS[modelType] : undefined;
  if (!importer) {
    throw new ConfigError("model_type", `unsupported model_type ${quoteText(modelType, 60)} (supported: ${SUPPORTED_MODEL_TYPES.join(", ")})`);
  }
  const textConfig = NESTED_TEXT_TYPES.has(modelType) ? ownValue(config, "text_config") : undefined;
  if (NESTED_TEXT_TYPES.has(modelType) && (textConfig === undefined || textConfig === null) && !Object.prototype.hasOwnProperty.call(config, "hidden_size")) {
    throw new ConfigError("text_config", `missing: a ${modelType} config nests the language model under text_config (or gives its keys at the top level)`);
  }
  let reader: ConfigReader;
  let source = config;
  let fieldPrefix = "";
  if (textConfig !== undefined && textConfig !== null) {
    if (typeof textConfig !== "object" || Array.isArray(textConfig)) {
      throw new ConfigError("text_config", `expected an object (the language model's config), got ${describeValue(textConfig)}`);
    }
    const text = textConfig as Record<string, unknown>;
    // Settings the wrapper gives and the text config leaves out (tie_word_embeddings) apply to the text model.
    const inherited = Object.fromEntries(Object.entries(config).filter(([key]) => !MULTIMODAL_WRAPPER_KEYS.has(key) && !Object.prototype.hasOwnProperty.call(text, key)));
    source = { ...inherited, ...text };
    reader = new ConfigReader(source);
    fieldPrefix = "text_config.";
    reader.assume(`model_type ${modelType} nests the language model under text_config: the text model is counted; the vision encoder and projector (vision_config) are not`);
  } else {
    reader = new ConfigReader(config);
  }
  if (typeof input === "string") {
    for (const [key, count] of duplicateTopLevelKeys(input)) {
      reader.assume(`${keyText(key)} appears ${count} times in the JSON text: the last value is used, as Python's json module (and so transformers) does`);
    }
  }
  const name = options.name ?? nameOf(config, modelType);
  let spec: ModelSpec;
  try {
    spec = validateModel(importer(reader, name));
  } catch (error) {
    if (error instanceof ModelError && !(error instanceof ConfigError)) {
      throw new ConfigError(fieldOf(configFieldFor(error.field, source)), error.message);
    }
    // Inside text_config, name the key where the reader will find it: text_config.hidden_size.
    if (error instanceof ConfigError && fieldPrefix !== "" && fieldOf(error.field) !== error.field) {
      throw new ConfigError(fieldOf(error.field), error.message.slice(error.field.length + 2));
    }
    throw error;
  }
  return { spec, assumptions: reader.assumptions, unrecognized: reader.unrecognized(IRRELEVANT_KEYS).map(fieldOf) };

  /** A key of the text model's config as the reader would find it in the file. */
  function fieldOf(key: string): string {
    if (fieldPrefix === "") return key;
    const text = config.text_config as Record<string, unknown>;
    const top = key.replace(/(\[\d+\])+$/, "");
    return Object.prototype.hasOwnProperty.call(text, top) || !Object.prototype.hasOwnProperty.call(config, top) ? `${fieldPrefix}${key}` : key;
  }
}

function ownValue(config: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(config, key) ? config[key] : undefined;
}

function parseConfig(input: unknown): Record<string, unknown> {
  let value = input;
  if (typeof input === "string") {
    if (input.length > MAX_CONFIG_CHARS) {
      throw new ConfigError("config", `is ${input.length.toLocaleString("en-US")} characters; the limit is ${MAX_CONFIG_CHARS.toLocaleString("en-US")} (real config.json files are a few KB)`);
    }
    try {
      value = JSON.parse(input);
    } catch (error) {
      // V8's message quotes the text around the error: escape it, it is user text.
      throw new ConfigError("config", `is not valid JSON (${escapeUnsafe(error instanceof Error ? error.message : String(error))})`);
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError("config", `expected a JSON object, got ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}

function nameOf(config: Record<string, unknown>, modelType: string): string {
  const path = config._name_or_path;
  if (typeof path === "string" && path.trim() !== "") return firstCodePoints(path.trim(), 120);
  const architectures = config.architectures;
  const first: unknown = Array.isArray(architectures) ? architectures[0] : undefined;
  if (typeof first === "string" && first.trim() !== "") return firstCodePoints(first.trim(), 120);
  return modelType;
}

function firstCodePoints(text: string, count: number): string {
  return text.length <= count ? text : Array.from(text.slice(0, 2 * count)).slice(0, count).join("");
}

/**
 * The config keys each ModelSpec field is read from (or derived from, when a
 * default was applied), most specific first, across every model type.
 */
const CONFIG_KEYS_OF_SPEC_FIELD: Readonly<Record<string, readonly string[]>> = {
  vocabSize: ["vocab_size"],
  hiddenSize: ["hidden_size", "n_embd"],
  numLayers: ["num_hidden_layers", "n_layer"],
  "attention.numHeads": ["num_attention_heads", "n_head"],
  "attention.numKvHeads": ["num_key_value_heads", "num_kv_heads", "n_head_kv", "num_attention_heads", "n_head"],
  "attention.headDim": ["head_dim", "num_attention_heads", "n_head"],
  "attention.qLoraRank": ["q_lora_rank"],
  "attention.kvLoraRank": ["kv_lora_rank"],
  "attention.qkNopeHeadDim": ["qk_nope_head_dim"],
  "attention.qkRopeHeadDim": ["qk_rope_head_dim"],
  "attention.vHeadDim": ["v_head_dim"],
  "attention.slidingWindow.size": ["sliding_window"],
  "attention.slidingWindow.layers": ["layer_types", "max_window_layers"],
  "attention.logitSoftcap": ["attn_logit_softcapping"],
  finalLogitSoftcap: ["final_logit_softcapping"],
  "mlp.intermediateSize": ["intermediate_size", "ffn_hidden_size", "n_inner", "hidden_size", "n_embd"],
  "moe.numExperts": ["num_experts", "num_local_experts", "n_routed_experts"],
  "moe.expertsPerToken": ["num_experts_per_tok"],
  "moe.expertIntermediateSize": ["moe_intermediate_size", "intermediate_size"],
  "moe.numSharedExperts": ["n_shared_experts"],
  "moe.sharedExpertIntermediateSize": ["shared_expert_intermediate_size", "moe_intermediate_size"],
  "moe.firstDenseLayers": ["first_k_dense_replace"],
  "moe.denseLayers": ["mlp_only_layers", "decoder_sparse_step", "moe_layer_freq", "moe_layers", "interleave_moe_layer_step"],
  "multiTokenPrediction.layers": ["num_nextn_predict_layers"],
  "linearAttention.layers": ["layer_types", "full_attention_interval"],
  "ssm.numHeads": ["mamba_n_heads"],
  "ssm.headDim": ["mamba_d_head", "mamba_d_ssm"],
  "ssm.stateSize": ["mamba_d_state"],
  "ssm.numGroups": ["mamba_n_groups"],
  "ssm.convKernel": ["mamba_d_conv"],
  "linearAttention.numKeyHeads": ["linear_num_key_heads"],
  "linearAttention.numValueHeads": ["linear_num_value_heads", "linear_num_key_heads"],
  "linearAttention.keyHeadDim": ["linear_key_head_dim"],
  "linearAttention.valueHeadDim": ["linear_value_head_dim"],
  "linearAttention.convKernel": ["linear_conv_kernel_dim"],
  "attention.chunked.size": ["attention_chunk_size"],
  "attention.chunked.layers": ["layer_types", "no_rope_layers"],
  "attention.indexer.numHeads": ["index_n_heads"],
  "attention.indexer.headDim": ["index_head_dim"],
  "attention.indexer.topK": ["index_topk"],
  "norm.perLayer": ["num_ln_in_parallel_attn"],
  "positions.fraction": ["rotary_pct", "partial_rotary_factor"],
  "positions.maxPositions": ["n_positions", "max_position_embeddings"],
};

/**
 * Points an error that validation found after import back at the config key a
 * user would edit: the first of the field's keys the config has, else the
 * first it could have, else "config".
 */
function configFieldFor(specField: string, config: Record<string, unknown>): string {
  const path = specField.replace(/\[\d+\]$/, "");
  const keys = Object.prototype.hasOwnProperty.call(CONFIG_KEYS_OF_SPEC_FIELD, path) ? CONFIG_KEYS_OF_SPEC_FIELD[path] : undefined;
  if (!keys) return "config";
  return keys.find((key) => Object.prototype.hasOwnProperty.call(config, key) && config[key] !== null) ?? keys[0] ?? "config";
}
