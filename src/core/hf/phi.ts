import { ConfigError } from "../errors";
import type { ModelSpec } from "../model";
import { activation, headDim, kvHeads } from "./common";
import type { ConfigReader } from "./reader";

/**
 * Phi-1/1.5/2 (transformers' PhiConfig / modeling_phi): attention and MLP in
 * parallel after one LayerNorm, partial rotary, biases on every projection,
 * a plain GELU MLP with biases, and an LM head with a bias.
 */
export function phi(reader: ConfigReader, name: string): ModelSpec {
  const hiddenSize = reader.int("hidden_size");
  const numHeads = reader.int("num_attention_heads");
  if (reader.boolOr("qk_layernorm", false, "the Phi default")) {
    throw new ConfigError("qk_layernorm", "true is not supported: Phi's query/key LayerNorms carry biases that the counts do not model");
  }
  const fraction = reader.numberOrNull("partial_rotary_factor");
  if (fraction === null) reader.assume("partial_rotary_factor not given: using 0.5 (the Phi default)");
  reader.ignore("max_position_embeddings", "hidden_act");
  return {
    name,
    vocabSize: reader.int("vocab_size"),
    hiddenSize,
    numLayers: reader.layers("num_hidden_layers"),
    attention: {
      kind: "standard", numHeads, numKvHeads: kvHeads(reader, numHeads), headDim: headDim(reader, hiddenSize, numHeads, "num_attention_heads"),
      qkvBias: true, outBias: true, qkNorm: "none",
    },
    mlp: { gated: false, intermediateSize: reader.int("intermediate_size"), activation: activation(reader, ["hidden_act"], "gelu_new"), bias: true },
    norm: { kind: "layernorm", affine: true, bias: true, perLayer: 1, final: true },
    positions: { kind: "rotary", fraction: fraction ?? 0.5 },
    tiedEmbeddings: reader.boolOr("tie_word_embeddings", false, "the Phi default"),
    lmHeadBias: true,
    parallelBlock: true,
  };
}
