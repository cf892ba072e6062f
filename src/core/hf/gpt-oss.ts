import type { ModelSpec } from "../model";
import { activation, slidingWindow, standardDecoder } from "./common";
import type { ConfigReader } from "./reader";

/**
 * gpt-oss (transformers' GptOssConfig / modeling_gpt_oss): every layer is
 * MoE; sliding-window attention (128) on the even layers and full attention
 * on the odd ones, from layer_types; one learned sink logit per head; biases
 * on q, k, v, o, the router and the experts; untied LM head.
 */
export function gptOss(reader: ConfigReader, name: string): ModelSpec {
  const hiddenSize = reader.int("hidden_size");
  const numLayers = reader.layers("num_hidden_layers");
  const numHeads = reader.intOr("num_attention_heads", 64, "the gpt-oss default");
  // GptOssConfig's default layer_types: sliding on even layers, full on odd ones.
  const window = slidingWindow(reader, numLayers, () => "even", { size: 128, why: "the gpt-oss default" });
  const bias = reader.boolOr("attention_bias", true, "the gpt-oss default");
  const width = reader.int("intermediate_size");
  const experts = reader.intOr("num_local_experts", 128, "the gpt-oss default");
  const topK = reader.intOr("num_experts_per_tok", 4, "the gpt-oss default");
  reader.assume("gpt-oss's clamped SwiGLU (gate·σ(1.702·gate)·(up + 1)) is counted as a SiLU-gated MLP: the same three matrices; its few elementwise operations differ");
  // experts_per_token repeats num_experts_per_tok (the original checkpoint's name); the rest set training or runtime only.
  reader.ignore("experts_per_token", "swiglu_limit", "initial_context_length", "max_position_embeddings", "hidden_act");
  return {
    ...standardDecoder(reader, name, {
      family: "gpt-oss",
      hiddenSize,
      numLayers,
      numHeads,
      headDim: () => reader.intOr("head_dim", 64, "the gpt-oss default"),
      attention: { qkvBias: bias, outBias: bias, qkNorm: "none", ...(window ? { slidingWindow: window } : {}), sinks: true },
      mlp: () => ({ gated: true, intermediateSize: width, activation: activation(reader, ["hidden_act"], "silu"), bias: true }),
    }),
    moe: {
      numExperts: experts,
      expertsPerToken: topK,
      expertIntermediateSize: width,
      numSharedExperts: 0,
      sharedExpertIntermediateSize: 0,
      sharedExpertGate: false,
      // The router is a Linear(d, E) with a bias: E parameters beside its weight.
      routerBias: true,
      firstDenseLayers: 0,
    },
  };
}
