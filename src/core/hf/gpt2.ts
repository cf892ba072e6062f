import type { ModelSpec } from "../model";
import { activation } from "./common";
import type { ConfigReader } from "./reader";
import { ConfigError } from "../errors";

/** GPT-2: learned positions, LayerNorm with bias, biases everywhere, tied LM head. */
export function gpt2(reader: ConfigReader, name: string): ModelSpec {
  const hiddenSize = reader.int(["n_embd", "hidden_size"]);
  const numHeads = reader.int(["n_head", "num_attention_heads"]);
  if (hiddenSize % numHeads !== 0) throw new ConfigError("n_head", `${numHeads} heads do not divide n_embd ${hiddenSize}`);
  const inner = reader.intOr("n_inner", 4 * hiddenSize, "GPT-2's MLP is 4 × n_embd wide");
  reader.ignore("n_ctx", "scale_attn_weights", "scale_attn_by_inverse_layer_idx", "reorder_and_upcast_attn");
  return {
    name,
    vocabSize: reader.int("vocab_size"),
    hiddenSize,
    numLayers: reader.layers(["n_layer", "num_hidden_layers"]),
    attention: {
      kind: "standard", numHeads, numKvHeads: numHeads, headDim: hiddenSize / numHeads,
      qkvBias: true, outBias: true, qkNorm: "none",
    },
    mlp: { gated: false, intermediateSize: inner, activation: activation(reader, ["activation_function"], "gelu_new"), bias: true },
    norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
    positions: { kind: "learned", maxPositions: reader.int(["n_positions", "max_position_embeddings"]) },
    tiedEmbeddings: reader.boolOr("tie_word_embeddings", true, "GPT-2 ties its LM head to the token embedding"),
  };
}
