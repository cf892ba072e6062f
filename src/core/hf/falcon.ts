import { ConfigError } from "../errors";
import type { ModelSpec } from "../model";
import type { ConfigReader } from "./reader";

/**
 * Falcon (model_type falcon, or the older RefinedWebModel / RefinedWeb):
 * multi-query or grouped KV heads, parallel attention+MLP, LayerNorm with bias,
 * LM head tied to the embedding.
 */
export function falcon(reader: ConfigReader, name: string): ModelSpec {
  const hiddenSize = reader.int("hidden_size");
  const numHeads = reader.int(["num_attention_heads", "n_head"]);
  if (hiddenSize % numHeads !== 0) throw new ConfigError("num_attention_heads", `${numHeads} heads do not divide hidden_size ${hiddenSize}`);
  const newArchitecture = reader.boolOr("new_decoder_architecture", false, "the Falcon default; Falcon-40B and later set it");
  const multiQuery = reader.boolOr("multi_query", true, "the Falcon default");
  const numKvHeads = newArchitecture
    ? reader.int(["num_kv_heads", "n_head_kv"])
    : multiQuery ? 1 : numHeads;
  if (!newArchitecture) reader.ignore("num_kv_heads", "n_head_kv");
  const parallel = reader.boolOr("parallel_attn", true, "the Falcon default");
  const bias = reader.boolOr("bias", false, "the Falcon default");
  const alibi = reader.boolOr("alibi", false, "the Falcon default");
  const lnInParallel = reader.has("num_ln_in_parallel_attn") ? reader.int("num_ln_in_parallel_attn") : null;
  reader.ignore("num_ln_in_parallel_attn", "max_position_embeddings", "apply_residual_connection_post_layernorm");
  const perLayer = newArchitecture ? lnInParallel ?? 2 : parallel ? 1 : 2;
  return {
    name,
    vocabSize: reader.int("vocab_size"),
    hiddenSize,
    numLayers: reader.int(["num_hidden_layers", "n_layer"]),
    attention: {
      kind: "standard", numHeads, numKvHeads, headDim: hiddenSize / numHeads,
      qkvBias: bias, outBias: bias, qkNorm: "none",
    },
    mlp: {
      gated: false,
      intermediateSize: reader.intOr("ffn_hidden_size", 4 * hiddenSize, "Falcon's MLP is 4 × hidden_size wide"),
      activation: "gelu",
      bias,
    },
    norm: { kind: "layernorm", affine: true, bias: true, perLayer, final: true },
    positions: alibi ? { kind: "alibi" } : { kind: "rotary", fraction: 1 },
    tiedEmbeddings: reader.boolOr("tie_word_embeddings", true, "Falcon ties its LM head to the embedding"),
    parallelBlock: parallel,
  };
}
