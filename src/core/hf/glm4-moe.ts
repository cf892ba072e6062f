import type { ModelSpec } from "../model";
import { deepseekStyleMoe, gatedMlp, headDim, multiTokenPredictionLayers, standardDecoder } from "./common";
import type { ConfigReader } from "./reader";

/**
 * GLM-4.5 (transformers' Glm4MoeConfig / modeling_glm4_moe): GQA with q/k/v
 * biases (attention_bias; o_proj has none), optional per-head q/k RMSNorms,
 * partial rotary, first_k_dense_replace dense layers, then routed experts
 * with a sigmoid router and score-correction bias plus shared experts. The
 * multi-token-prediction layer shipped in the checkpoint (layer
 * num_hidden_layers, which transformers does not load) is counted apart.
 */
export function glm4Moe(reader: ConfigReader, name: string): ModelSpec {
  const hiddenSize = reader.int("hidden_size");
  const numLayers = reader.layers("num_hidden_layers");
  const numHeads = reader.int("num_attention_heads");
  const nextN = multiTokenPredictionLayers(reader);
  const fraction = reader.numberOrNull("partial_rotary_factor");
  if (fraction === null) reader.assume("partial_rotary_factor not given: using 0.5 (the GLM-4.5 default)");
  const bias = reader.boolOr("attention_bias", false, "the GLM-4.5 default");
  const qkNorm = reader.boolOr("use_qk_norm", false, "the GLM-4.5 default");
  reader.ignore("partial_rotary_factor", "max_position_embeddings", "n_group", "topk_group",
    "routed_scaling_factor", "norm_topk_prob");
  return {
    ...standardDecoder(reader, name, {
      family: "GLM-4.5",
      hiddenSize,
      numLayers,
      numHeads,
      headDim: () => headDim(reader, hiddenSize, numHeads, "num_attention_heads"),
      attention: { qkvBias: bias, outBias: false, qkNorm: qkNorm ? "head" : "none" },
      mlp: () => gatedMlp(reader),
      positions: { kind: "rotary", fraction: fraction ?? 0.5 },
    }),
    // Glm4MoeConfig has no moe_layer_freq: every layer after the dense ones has experts.
    moe: deepseekStyleMoe(reader, numLayers, { family: "GLM-4.5", firstDense: 1, shared: 1, routerBias: true, layerFrequency: false }),
    ...(nextN > 0 ? { multiTokenPrediction: { layers: nextN } } : {}),
  };
}
