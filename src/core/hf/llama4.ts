import { ConfigError, quoteText } from "../errors";
import type { ModelSpec } from "../model";
import { describeValue } from "../validate";
import { gatedMlp, headDim, standardDecoder } from "./common";
import type { ConfigReader } from "./reader";

/**
 * Llama 4's text model (transformers' Llama4TextConfig / modeling_llama4):
 * MoE with one shared expert on every interleave_moe_layer_step-th layer
 * (or the layers moe_layers lists), a wider dense MLP (intermediate_size_mlp)
 * on the others; chunked local attention (attention_chunk_size) on the
 * layers that use RoPE, full attention on the NoPE layers (every 4th).
 */
export function llama4(reader: ConfigReader, name: string): ModelSpec {
  const hiddenSize = reader.int("hidden_size");
  const numLayers = reader.layers("num_hidden_layers");
  const numHeads = reader.int("num_attention_heads");
  const bias = reader.boolOr("attention_bias", false, "the Llama 4 default");
  const ropeLayers = usesRope(reader, numLayers);
  const chunkSize = reader.has("attention_chunk_size") ? reader.int("attention_chunk_size") : null;
  reader.ignore("attention_chunk_size");
  const chunkedLayers = chunkedFrom(reader, numLayers, ropeLayers);
  if (chunkSize === null && chunkedLayers.length > 0) {
    reader.assume("attention_chunk_size not given: every layer attends to the whole context");
  }
  const moeLayers = moeLayersOf(reader, numLayers);
  const denseLayers = Array.from({ length: numLayers }, (_, i) => i).filter((layer) => !moeLayers.has(layer));
  if (reader.boolOr("use_qk_norm", true, "the Llama 4 default")) {
    reader.assume("use_qk_norm: Llama 4's L2 norm of queries and keys on the RoPE layers has no weights (no parameters) and is left out of the elementwise terms");
  }
  reader.ignore("attn_scale", "attn_temperature_tuning", "floor_scale", "for_llm_compressor", "max_position_embeddings", "no_rope_layer_interval");
  const expertWidth = reader.int("intermediate_size");
  const spec = standardDecoder(reader, name, {
    family: "Llama 4",
    hiddenSize,
    numLayers,
    numHeads,
    headDim: () => headDim(reader, hiddenSize, numHeads, "num_attention_heads"),
    attention: {
      qkvBias: bias,
      outBias: bias,
      qkNorm: "none",
      ...(chunkSize !== null && chunkedLayers.length > 0
        ? { chunked: { size: chunkSize, layers: chunkedLayers.length === numLayers ? "all" as const : chunkedLayers } }
        : {}),
    },
    mlp: () => gatedMlp(reader, "intermediate_size_mlp"),
  });
  if (moeLayers.size > 0) {
    spec.moe = {
      numExperts: reader.int("num_local_experts"),
      expertsPerToken: reader.int("num_experts_per_tok"),
      expertIntermediateSize: expertWidth,
      numSharedExperts: 1,
      sharedExpertIntermediateSize: expertWidth,
      sharedExpertGate: false,
      routerBias: false,
      firstDenseLayers: 0,
      ...(denseLayers.length > 0 ? { denseLayers } : {}),
    };
  } else {
    reader.ignore("num_local_experts", "num_experts_per_tok");
  }
  return spec;
}

/** no_rope_layers: 1 where a layer uses RoPE; by default every layer but each 4th (no_rope_layer_interval). */
function usesRope(reader: ConfigReader, numLayers: number): boolean[] {
  const value = reader.get("no_rope_layers");
  reader.ignore("no_rope_layers");
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    const interval = reader.intOr("no_rope_layer_interval", 4, "the Llama 4 default");
    reader.assume(`no_rope_layers not given: every layer uses RoPE (and chunked attention) except each ${interval}th, as Llama4TextConfig derives it`);
    return Array.from({ length: numLayers }, (_, i) => (i + 1) % interval !== 0);
  }
  if (!Array.isArray(value)) throw new ConfigError("no_rope_layers", `expected a list of 0 or 1 per layer, got ${describeValue(value)}`);
  if (value.length !== numLayers) throw new ConfigError("no_rope_layers", `lists ${value.length} layers but num_hidden_layers is ${numLayers}`);
  return value.map((item, i) => {
    if (item !== 0 && item !== 1 && item !== true && item !== false) {
      throw new ConfigError(`no_rope_layers[${i}]`, `expected 0 or 1 (1: the layer uses RoPE), got ${describeValue(item)}`);
    }
    return item === 1 || item === true;
  });
}

/** Chunked layers from layer_types when given, else the RoPE layers (as Llama4TextConfig derives them). */
function chunkedFrom(reader: ConfigReader, numLayers: number, ropeLayers: boolean[]): number[] {
  const types = reader.stringList("layer_types");
  if (!types) return ropeLayers.flatMap((rope, i) => (rope ? [i] : []));
  if (types.length !== numLayers) throw new ConfigError("layer_types", `lists ${types.length} layers but num_hidden_layers is ${numLayers}`);
  return types.flatMap((type, i) => {
    if (type === "chunked_attention") return [i];
    if (type === "full_attention") return [];
    throw new ConfigError(`layer_types[${i}]`, `unknown layer type ${quoteText(type)} (expected "full_attention" or "chunked_attention")`);
  });
}

/** moe_layers when listed, else every interleave_moe_layer_step-th layer: step − 1, 2·step − 1, … */
function moeLayersOf(reader: ConfigReader, numLayers: number): Set<number> {
  const listed = reader.indexList("moe_layers");
  const step = reader.intOr("interleave_moe_layer_step", 1, "the Llama 4 default: every layer is MoE");
  if (reader.has("moe_layers")) {
    const beyond = listed.find((layer) => layer >= numLayers);
    if (beyond !== undefined) throw new ConfigError("moe_layers", `layer ${beyond} does not exist (layers are 0…${numLayers - 1})`);
    return new Set(listed);
  }
  const layers = new Set<number>();
  for (let layer = step - 1; layer < numLayers; layer += step) layers.add(layer);
  return layers;
}
