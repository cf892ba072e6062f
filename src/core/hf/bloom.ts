import { ConfigError } from "../errors";
import type { ModelSpec } from "../model";
import type { ConfigReader } from "./reader";

/**
 * BLOOM (transformers' BloomConfig / modeling_bloom): ALiBi instead of
 * position embeddings, a LayerNorm right after the word embedding, biases
 * everywhere, a 4·d GELU MLP (the tanh form), LM head tied to the embedding.
 */
export function bloom(reader: ConfigReader, name: string): ModelSpec {
  const hiddenSize = reader.int(["hidden_size", "n_embed"]);
  const numHeads = reader.int(["n_head", "num_attention_heads"]);
  if (hiddenSize % numHeads !== 0) throw new ConfigError("n_head", `${numHeads} heads do not divide hidden_size ${hiddenSize}`);
  if (reader.has("n_inner")) reader.assume("n_inner is set, but transformers' BLOOM ignores it: the MLP is 4 × hidden_size wide");
  // Flags of the Megatron-DeepSpeed port: they change numerics or kernels, never a count.
  reader.ignore("n_inner", "apply_residual_connection_post_layernorm", "attention_softmax_in_fp32", "masked_softmax_fusion",
    "offset_alibi", "skip_bias_add", "skip_bias_add_qkv", "slow_but_exact", "seq_length");
  return {
    name,
    vocabSize: reader.int("vocab_size"),
    hiddenSize,
    numLayers: reader.layers(["n_layer", "num_hidden_layers"]),
    attention: {
      kind: "standard", numHeads, numKvHeads: numHeads, headDim: hiddenSize / numHeads,
      qkvBias: true, outBias: true, qkNorm: "none",
    },
    mlp: { gated: false, intermediateSize: 4 * hiddenSize, activation: "gelu_tanh", bias: true },
    norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
    positions: { kind: "alibi" },
    tiedEmbeddings: reader.boolOr("tie_word_embeddings", true, "BLOOM ties its LM head to the word embedding"),
    embeddingNorm: true,
  };
}
