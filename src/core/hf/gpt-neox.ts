import type { ModelSpec } from "../model";
import { activation, headDim } from "./common";
import type { ConfigReader } from "./reader";

/** GPT-NeoX / Pythia: partial rotary, biased attention and MLP, two LayerNorms per block, untied head. */
export function gptNeox(reader: ConfigReader, name: string): ModelSpec {
  const hiddenSize = reader.int("hidden_size");
  const numHeads = reader.int("num_attention_heads");
  const bias = reader.boolOr("attention_bias", true, "GPT-NeoX projections have biases");
  const parallel = reader.boolOr("use_parallel_residual", true, "the GPT-NeoX default");
  reader.ignore("max_position_embeddings");
  return {
    name,
    vocabSize: reader.int("vocab_size"),
    hiddenSize,
    numLayers: reader.layers("num_hidden_layers"),
    attention: {
      kind: "standard", numHeads, numKvHeads: numHeads, headDim: headDim(reader, hiddenSize, numHeads, "num_attention_heads"),
      qkvBias: bias, outBias: bias, qkNorm: "none",
    },
    mlp: { gated: false, intermediateSize: reader.int("intermediate_size"), activation: activation(reader, ["hidden_act"], "gelu"), bias: true },
    norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
    positions: { kind: "rotary", fraction: rotaryFraction(reader) },
    tiedEmbeddings: reader.boolOr("tie_word_embeddings", false, "GPT-NeoX has a separate embed_out"),
    parallelBlock: parallel,
  };
}

function rotaryFraction(reader: ConfigReader): number {
  const key = reader.has("rotary_pct") ? "rotary_pct" : "partial_rotary_factor";
  const value = reader.numberOrNull(key);
  reader.ignore("rotary_pct", "partial_rotary_factor");
  if (value === null) {
    reader.assume("rotary_pct not given: using 0.25 (the GPT-NeoX default)");
    return 0.25;
  }
  // Above 1 is rejected by validation (naming this key), not clamped.
  return value;
}
