import { ConfigError } from "../errors";
import type { ModelSpec } from "../model";
import { activation } from "./common";
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
    ? reader.intOr(["num_kv_heads", "n_head_kv"], numHeads, "transformers uses one KV head per query head when it is absent")
    : multiQuery ? 1 : numHeads;
  if (!newArchitecture) reader.ignore("num_kv_heads", "n_head_kv");
  const parallel = reader.boolOr("parallel_attn", true, "the Falcon default");
  const bias = reader.boolOr("bias", false, "the Falcon default");
  const alibi = reader.boolOr("alibi", false, "the Falcon default");
  const lnInParallel = reader.has("num_ln_in_parallel_attn") ? reader.int("num_ln_in_parallel_attn") : null;
  if (lnInParallel === null && parallel) {
    reader.assume(`num_ln_in_parallel_attn not given: ${newArchitecture ? "2 (the new decoder architecture's default)" : "1 (the Falcon default)"}`);
  }
  reader.ignore("num_ln_in_parallel_attn", "max_position_embeddings", "apply_residual_connection_post_layernorm");
  // As transformers' FalconDecoderLayer: two norms unless attention and MLP run in
  // parallel, and then two only when num_ln_in_parallel_attn is 2 (new architecture's default).
  const perLayer = !parallel ? 2 : (lnInParallel ?? (newArchitecture ? 2 : 1)) === 2 ? 2 : 1;
  return {
    name,
    vocabSize: reader.int("vocab_size"),
    hiddenSize,
    numLayers: reader.layers(["num_hidden_layers", "n_layer"]),
    attention: {
      kind: "standard", numHeads, numKvHeads, headDim: hiddenSize / numHeads,
      qkvBias: bias, outBias: bias, qkNorm: "none",
    },
    mlp: {
      gated: false,
      intermediateSize: reader.intOr("ffn_hidden_size", 4 * hiddenSize, "Falcon's MLP is 4 × hidden_size wide"),
      activation: activation(reader, ["activation"], "gelu"),
      bias,
    },
    norm: { kind: "layernorm", affine: true, bias: true, perLayer, final: true },
    positions: alibi ? { kind: "alibi" } : { kind: "rotary", fraction: 1 },
    tiedEmbeddings: reader.boolOr("tie_word_embeddings", true, "Falcon ties its LM head to the embedding"),
    parallelBlock: parallel,
  };
}
