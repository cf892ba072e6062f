import { ConfigError, quoteText } from "../errors";
import type { Activation, MlpSpec, ModelSpec, MoeSpec, NormSpec, PositionSpec, SlidingWindowSpec, StandardAttentionSpec } from "../model";
import type { ConfigReader } from "./reader";

const ACTIVATION_NAMES: Readonly<Record<string, Activation>> = {
  silu: "silu",
  swish: "silu",
  gelu: "gelu",
  gelu_new: "gelu_tanh",
  gelu_fast: "gelu_tanh",
  gelu_pytorch_tanh: "gelu_tanh",
  gelu_tanh: "gelu_tanh",
  relu: "relu",
};

/** Maps a transformers activation name onto the four the counts distinguish. */
export function activation(reader: ConfigReader, keys: readonly string[], fallback: string): Activation {
  const name = reader.stringOr(keys, fallback, "the transformers default for this model type");
  // Own keys only: "constructor" or "toString" must not find Object.prototype's.
  const mapped = Object.prototype.hasOwnProperty.call(ACTIVATION_NAMES, name) ? ACTIVATION_NAMES[name] : undefined;
  if (!mapped) {
    const key = keys.find((k) => reader.has(k)) ?? keys[0] ?? "hidden_act";
    throw new ConfigError(key, `unknown activation ${quoteText(name)} (known: ${Object.keys(ACTIVATION_NAMES).join(", ")})`);
  }
  return mapped;
}

/** head_dim when given, else hidden_size / heads, which must then divide evenly. */
export function headDim(reader: ConfigReader, hiddenSize: number, numHeads: number, headsKey: string): number {
  if (reader.has("head_dim")) return reader.int("head_dim");
  reader.ignore("head_dim");
  if (hiddenSize % numHeads !== 0) {
    throw new ConfigError(
      headsKey,
      `${numHeads} heads do not divide hidden_size ${hiddenSize}, and there is no head_dim to say how wide a head is`,
    );
  }
  return hiddenSize / numHeads;
}

/** num_key_value_heads, defaulting to the query heads (multi-head attention) as transformers does. */
export function kvHeads(reader: ConfigReader, numHeads: number): number {
  return reader.intOr("num_key_value_heads", numHeads, "transformers uses one KV head per query head when it is absent");
}

/**
 * Sliding-window layers from `layer_types` when a config lists them (newer
 * transformers), else from the model family's rule.
 */
export function slidingWindow(
  reader: ConfigReader,
  numLayers: number,
  rule: () => SlidingWindowSpec["layers"] | null,
  defaultSize?: { size: number; why: string },
): SlidingWindowSpec | undefined {
  let size = reader.has("sliding_window") ? reader.int("sliding_window") : null;
  if (size === null && defaultSize) {
    reader.assume(`sliding_window not given: using ${defaultSize.size} (${defaultSize.why})`);
    size = defaultSize.size;
  }
  reader.ignore("sliding_window");
  // The rule reads its own switches (use_sliding_window…) even when unused, so none goes unread.
  const ruleLayers = rule();
  const layerTypes = reader.stringList("layer_types");
  if (layerTypes) {
    if (layerTypes.length !== numLayers) {
      throw new ConfigError("layer_types", `lists ${layerTypes.length} layers but num_hidden_layers is ${numLayers}`);
    }
    const sliding: number[] = [];
    layerTypes.forEach((type, i) => {
      if (type === "sliding_attention") sliding.push(i);
      else if (type !== "full_attention") throw new ConfigError(`layer_types[${i}]`, `unknown layer type ${quoteText(type)} (expected "full_attention" or "sliding_attention")`);
    });
    if (sliding.length === 0) return undefined;
    if (size === null) throw new ConfigError("sliding_window", "layer_types has sliding_attention layers but sliding_window is not set");
    return { size, layers: compressLayers(sliding, numLayers) };
  }
  return size === null || ruleLayers === null ? undefined : { size, layers: ruleLayers };
}

function compressLayers(layers: number[], numLayers: number): SlidingWindowSpec["layers"] {
  if (layers.length === numLayers) return "all";
  const even = Array.from({ length: Math.ceil(numLayers / 2) }, (_, i) => 2 * i);
  const odd = Array.from({ length: Math.floor(numLayers / 2) }, (_, i) => 2 * i + 1);
  if (sameList(layers, even)) return "even";
  if (sameList(layers, odd)) return "odd";
  return layers;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * num_nextn_predict_layers (DeepSeek-V3, GLM-4.5, MiMo): the
 * multi-token-prediction modules shipped beside the model, counted apart
 * (not in the total) and never run in decode. 0 when absent.
 */
export function multiTokenPredictionLayers(reader: ConfigReader): number {
  if (!reader.has("num_nextn_predict_layers")) {
    reader.ignore("num_nextn_predict_layers");
    return 0;
  }
  const modules = reader.countOr("num_nextn_predict_layers", 0, "");
  if (modules > 0) {
    reader.assume(`num_nextn_predict_layers = ${modules}: the multi-token-prediction ${modules === 1 ? "module is" : "modules are"} counted apart (not in the total) and never run in decode`);
  }
  return modules;
}

/** Pre-norm RMSNorm blocks with a final norm: Llama and every model type below that keeps its layout. */
export const RMS_PRE_NORM: NormSpec = { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true };

/** What a standard-attention model type sets itself; the shared reader does the rest. */
export interface StandardDecoderParts {
  /** How the model type is named in stated defaults: `the ${family} default`. */
  family: string;
  hiddenSize: number;
  numLayers: number;
  numHeads: number;
  /** When the type reads vocab_size itself (Gemma 3 defaults it); otherwise it is required. */
  vocabSize?: number;
  /** The head width, read after num_key_value_heads (Gemma's and gpt-oss's defaults are stated in that order). */
  headDim: () => number;
  /** The attention switches besides heads and head width: biases, q/k norms, windows, chunks, sinks, the output gate. */
  attention: Omit<StandardAttentionSpec, "kind" | "numHeads" | "numKvHeads" | "headDim">;
  /** The dense MLP, read after the attention. */
  mlp: () => MlpSpec;
  /** Default: RMS_PRE_NORM. */
  norm?: NormSpec;
  /** Default: rotary on the whole head. */
  positions?: PositionSpec;
  /** tie_word_embeddings when the config leaves it out (default false), and why. */
  tied?: { fallback: boolean; why: string };
}

/**
 * The ModelSpec of a decoder with standard (MHA/GQA/MQA) attention, read in
 * one order for every model type that has one: vocab_size,
 * num_key_value_heads, the head width, the MLP, tie_word_embeddings. The
 * caller adds what only it has (experts, linear attention, MTP modules).
 */
export function standardDecoder(reader: ConfigReader, name: string, parts: StandardDecoderParts): ModelSpec {
  const { hiddenSize, numLayers, numHeads } = parts;
  return {
    name,
    vocabSize: parts.vocabSize ?? reader.int("vocab_size"),
    hiddenSize,
    numLayers,
    attention: { kind: "standard", numHeads, numKvHeads: kvHeads(reader, numHeads), headDim: parts.headDim(), ...parts.attention },
    mlp: parts.mlp(),
    norm: parts.norm ?? RMS_PRE_NORM,
    positions: parts.positions ?? { kind: "rotary", fraction: 1 },
    tiedEmbeddings: reader.boolOr("tie_word_embeddings", parts.tied?.fallback ?? false, parts.tied?.why ?? `the ${parts.family} default`),
  };
}

/** A gated MLP without biases of width intermediate_size (or `widthKey`), activation hidden_act (default SiLU). */
export function gatedMlp(reader: ConfigReader, widthKey = "intermediate_size"): MlpSpec {
  return { gated: true, intermediateSize: reader.int(widthKey), activation: activation(reader, ["hidden_act"], "silu"), bias: false };
}

/**
 * DeepSeek's expert layout, which Kimi K2 and GLM-4.5 keep: first_k_dense_replace
 * leading dense layers, then on every layer (or every moe_layer_freq-th, where the
 * type has that key) n_routed_experts and n_shared_experts, all
 * moe_intermediate_size wide, with num_experts_per_tok routed per token.
 */
export function deepseekStyleMoe(
  reader: ConfigReader,
  numLayers: number,
  defaults: { family: string; firstDense: number; shared: number; routerBias: boolean; layerFrequency: boolean },
): MoeSpec {
  const firstDenseGiven = reader.countOr("first_k_dense_replace", defaults.firstDense, `the ${defaults.family} default`);
  if (firstDenseGiven >= numLayers) {
    reader.assume(`first_k_dense_replace = ${firstDenseGiven} is not below num_hidden_layers = ${numLayers}: every layer is dense and the routed experts are never used`);
  }
  const firstDense = Math.min(firstDenseGiven, numLayers);
  const frequency = defaults.layerFrequency ? reader.intOr("moe_layer_freq", 1, `the ${defaults.family} default`) : 1;
  const offGrid: number[] = [];
  for (let layer = firstDense; layer < numLayers; layer++) if (layer % frequency !== 0) offGrid.push(layer);
  const numShared = reader.countOr("n_shared_experts", defaults.shared,
    defaults.shared === 0 ? `no shared experts, the ${defaults.family} default` : `the ${defaults.family} default`);
  const expertWidth = reader.int("moe_intermediate_size");
  const moe: MoeSpec = {
    numExperts: reader.int("n_routed_experts"),
    expertsPerToken: reader.int("num_experts_per_tok"),
    expertIntermediateSize: expertWidth,
    numSharedExperts: numShared,
    sharedExpertIntermediateSize: numShared > 0 ? expertWidth : 0,
    sharedExpertGate: false,
    routerBias: defaults.routerBias,
    firstDenseLayers: firstDense,
  };
  if (offGrid.length > 0) moe.denseLayers = offGrid;
  return moe;
}
