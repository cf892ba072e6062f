import type { ModelSpec } from "../model";
import { activation, headDim, kvHeads, multiTokenPredictionLayers } from "./common";
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
  const firstDenseGiven = reader.countOr("first_k_dense_replace", 1, "the GLM-4.5 default");
  const firstDense = Math.min(firstDenseGiven, numLayers);
  if (firstDenseGiven >= numLayers) reader.assume(`first_k_dense_replace = ${firstDenseGiven} is not below num_hidden_layers = ${numLayers}: every layer is dense`);
  const numShared = reader.countOr("n_shared_experts", 1, "the GLM-4.5 default");
  const expertWidth = reader.int("moe_intermediate_size");
  reader.ignore("partial_rotary_factor", "max_position_embeddings", "n_group", "topk_group",
    "routed_scaling_factor", "norm_topk_prob");
  return {
    name,
    vocabSize: reader.int("vocab_size"),
    hiddenSize,
    numLayers,
    attention: {
      kind: "standard",
      numHeads,
      numKvHeads: kvHeads(reader, numHeads),
      headDim: headDim(reader, hiddenSize, numHeads, "num_attention_heads"),
      qkvBias: bias,
      outBias: false,
      qkNorm: qkNorm ? "head" : "none",
    },
    mlp: { gated: true, intermediateSize: reader.int("intermediate_size"), activation: activation(reader, ["hidden_act"], "silu"), bias: false },
    moe: {
      numExperts: reader.int("n_routed_experts"),
      expertsPerToken: reader.int("num_experts_per_tok"),
      expertIntermediateSize: expertWidth,
      numSharedExperts: numShared,
      sharedExpertIntermediateSize: numShared > 0 ? expertWidth : 0,
      sharedExpertGate: false,
      routerBias: true,
      firstDenseLayers: firstDense,
    },
    norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
    positions: { kind: "rotary", fraction: fraction ?? 0.5 },
    tiedEmbeddings: reader.boolOr("tie_word_embeddings", false, "the GLM-4.5 default"),
    ...(nextN > 0 ? { multiTokenPrediction: { layers: nextN } } : {}),
  };
}
