import { ConfigError, ModelError } from "../errors";
import type { ModelSpec } from "../model";
import { validateModel, describeValue } from "../validate";
import { deepseek } from "./deepseek";
import { falcon } from "./falcon";
import { gemma } from "./gemma";
import { gpt2 } from "./gpt2";
import { gptNeox } from "./gptNeox";
import { LLAMA_VARIANTS, llamaFamily } from "./llamaFamily";
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
  deepseek_v2: deepseek(2),
  deepseek_v3: deepseek(3),
  ...Object.fromEntries(Object.entries(LLAMA_VARIANTS).map(([type, variant]) => [type, llamaFamily(type, variant)])),
};

/** The config.json model_type values the importer understands. */
export const SUPPORTED_MODEL_TYPES: readonly string[] = Object.keys(IMPORTERS).sort();

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
    throw new ConfigError("model_type", `unsupported model_type ${JSON.stringify(modelType.slice(0, 60))} (supported: ${SUPPORTED_MODEL_TYPES.join(", ")})`);
  }
  const reader = new ConfigReader(config);
  const name = options.name ?? nameOf(config, modelType);
  let spec: ModelSpec;
  try {
    spec = validateModel(importer(reader, name));
  } catch (error) {
    if (error instanceof ModelError && !(error instanceof ConfigError)) {
      throw new ConfigError(configFieldFor(error.field), error.message);
    }
    throw error;
  }
  return { spec, assumptions: reader.assumptions, unrecognized: reader.unrecognized(IRRELEVANT_KEYS) };
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
      throw new ConfigError("config", `is not valid JSON (${(error as Error).message})`);
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError("config", `expected a JSON object, got ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}

function nameOf(config: Record<string, unknown>, modelType: string): string {
  const path = config._name_or_path;
  if (typeof path === "string" && path.trim() !== "") return path.slice(0, 120);
  const architectures = config.architectures;
  if (Array.isArray(architectures) && typeof architectures[0] === "string") return architectures[0].slice(0, 120);
  return modelType;
}

/** Points a consistency error found after import back at the config key a user would edit. */
function configFieldFor(specField: string): string {
  const map: Record<string, string> = {
    "attention.numKvHeads": "num_key_value_heads",
    "attention.numHeads": "num_attention_heads",
    "moe.expertsPerToken": "num_experts_per_tok",
    "moe.numExperts": "num_experts",
    "moe.firstDenseLayers": "first_k_dense_replace",
  };
  return map[specField] ?? specField;
}
