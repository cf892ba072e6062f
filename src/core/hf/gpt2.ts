import type { MlpSpec, ModelSpec, PositionSpec } from "../model";
import { activation } from "./common";
import type { ConfigReader } from "./reader";
import { ConfigError } from "../errors";

/** GPT-2: learned positions, LayerNorm with bias, biases everywhere, tied LM head. */
export function gpt2(reader: ConfigReader, name: string): ModelSpec {
  const shape = gpt2Shape(reader, ["n_embd", "hidden_size"]);
  const inner = reader.intOr("n_inner", 4 * shape.hiddenSize, "GPT-2's MLP is 4 × n_embd wide");
  reader.ignore("n_ctx", "scale_attn_weights", "scale_attn_by_inverse_layer_idx", "reorder_and_upcast_attn");
  return gpt2Layout(reader, name, {
    ...shape,
    mlp: () => ({ gated: false, intermediateSize: inner, activation: activation(reader, ["activation_function"], "gelu_new"), bias: true }),
    positions: () => ({ kind: "learned", maxPositions: reader.int(["n_positions", "max_position_embeddings"]) }),
    tiedWhy: "GPT-2 ties its LM head to the token embedding",
  });
}

/** d_model and the heads of a GPT-2-style config (n_head), which must divide it: the head width is d / heads. */
export function gpt2Shape(reader: ConfigReader, hiddenKeys: readonly string[]): { hiddenSize: number; numHeads: number } {
  const hiddenSize = reader.int(hiddenKeys);
  const numHeads = reader.int(["n_head", "num_attention_heads"]);
  if (hiddenSize % numHeads !== 0) throw new ConfigError("n_head", `${numHeads} heads do not divide ${hiddenKeys[0]} ${hiddenSize}`);
  return { hiddenSize, numHeads };
}

/**
 * The GPT-2 layout, which BLOOM keeps: multi-head attention with biases on
 * q, k, v and o, a plain MLP with biases, two LayerNorms with bias per block
 * and a final one, the LM head tied unless the config says otherwise. Read in
 * one order: vocab_size, n_layer, the MLP, the positions, tie_word_embeddings.
 */
export function gpt2Layout(
  reader: ConfigReader,
  name: string,
  parts: { hiddenSize: number; numHeads: number; mlp: () => MlpSpec; positions: () => PositionSpec; tiedWhy: string },
): ModelSpec {
  const { hiddenSize, numHeads } = parts;
  return {
    name,
    vocabSize: reader.int("vocab_size"),
    hiddenSize,
    numLayers: reader.layers(["n_layer", "num_hidden_layers"]),
    attention: {
      kind: "standard", numHeads, numKvHeads: numHeads, headDim: hiddenSize / numHeads,
      qkvBias: true, outBias: true, qkNorm: "none",
    },
    mlp: parts.mlp(),
    norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
    positions: parts.positions(),
    tiedEmbeddings: reader.boolOr("tie_word_embeddings", true, parts.tiedWhy),
  };
}
