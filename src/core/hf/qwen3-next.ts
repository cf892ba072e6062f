import { ConfigError, quoteText } from "../errors";
import type { ModelSpec } from "../model";
import { gatedMlp, standardDecoder } from "./common";
import { qwenMoe } from "./llama-family";
import type { ConfigReader } from "./reader";

/**
 * Qwen3-Next (transformers' Qwen3NextConfig / modeling_qwen3_next): Gated
 * DeltaNet linear attention on three layers of four, gated full attention
 * (q_proj doubled for the output gate, per-head q/k RMSNorms, partial rotary)
 * on every full_attention_interval-th, and Qwen's MoE with a gated shared
 * expert on every layer.
 */
export function qwen3Next(reader: ConfigReader, name: string): ModelSpec {
  const hiddenSize = reader.int("hidden_size");
  const numLayers = reader.layers("num_hidden_layers");
  const numHeads = reader.int("num_attention_heads");
  const linearLayers = linearLayersOf(reader, numLayers);
  const fraction = reader.numberOrNull("partial_rotary_factor");
  if (fraction === null) reader.assume("partial_rotary_factor not given: using 0.25 (the Qwen3-Next default)");
  const bias = reader.boolOr("attention_bias", false, "the Qwen3-Next default");
  reader.ignore("max_position_embeddings", "use_sliding_window", "sliding_window", "max_window_layers");
  const spec = standardDecoder(reader, name, {
    family: "Qwen3-Next",
    hiddenSize,
    numLayers,
    numHeads,
    headDim: () => reader.intOr("head_dim", 256, "the Qwen3-Next default"),
    attention: { qkvBias: bias, outBias: bias, qkNorm: "head", outputGate: true },
    mlp: () => gatedMlp(reader),
    positions: { kind: "rotary", fraction: fraction ?? 0.25 },
  });
  spec.moe = qwenMoe(true)(reader, numLayers);
  if (linearLayers.length > 0) {
    spec.linearAttention = {
      kind: "gated-deltanet",
      layers: linearLayers.length === numLayers ? "all" : linearLayers,
      numKeyHeads: reader.intOr("linear_num_key_heads", 16, "the Qwen3-Next default"),
      numValueHeads: reader.intOr("linear_num_value_heads", 32, "the Qwen3-Next default"),
      keyHeadDim: reader.intOr("linear_key_head_dim", 128, "the Qwen3-Next default"),
      valueHeadDim: reader.intOr("linear_value_head_dim", 128, "the Qwen3-Next default"),
      convKernel: reader.intOr("linear_conv_kernel_dim", 4, "the Qwen3-Next default"),
    };
  } else {
    reader.ignore("linear_num_key_heads", "linear_num_value_heads", "linear_key_head_dim", "linear_value_head_dim", "linear_conv_kernel_dim");
  }
  return spec;
}

/** layer_types when listed, else linear attention except every full_attention_interval-th layer (Qwen3NextConfig's default). */
function linearLayersOf(reader: ConfigReader, numLayers: number): number[] {
  const types = reader.stringList("layer_types");
  const interval = reader.intOr("full_attention_interval", 4, "the Qwen3-Next default: one full-attention layer in four");
  if (!types) return Array.from({ length: numLayers }, (_, i) => i).filter((i) => (i + 1) % interval !== 0);
  if (types.length !== numLayers) throw new ConfigError("layer_types", `lists ${types.length} layers but num_hidden_layers is ${numLayers}`);
  return types.flatMap((type, i) => {
    if (type === "linear_attention") return [i];
    if (type === "full_attention") return [];
    throw new ConfigError(`layer_types[${i}]`, `unknown layer type ${quoteText(type)} (expected "full_attention" or "linear_attention")`);
  });
}
