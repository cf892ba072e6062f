import type { ModelSpec } from "../model";
import { gpt2Layout, gpt2Shape } from "./gpt2";
import type { ConfigReader } from "./reader";

/**
 * BLOOM (transformers' BloomConfig / modeling_bloom): ALiBi instead of
 * position embeddings, a LayerNorm right after the word embedding, biases
 * everywhere, a 4·d GELU MLP (the tanh form), LM head tied to the embedding.
 */
export function bloom(reader: ConfigReader, name: string): ModelSpec {
  const shape = gpt2Shape(reader, ["hidden_size", "n_embed"]);
  if (reader.has("n_inner")) reader.assume("n_inner is set, but transformers' BLOOM ignores it: the MLP is 4 × hidden_size wide");
  // Flags of the Megatron-DeepSpeed port: they change numerics or kernels, never a count.
  reader.ignore("n_inner", "apply_residual_connection_post_layernorm", "attention_softmax_in_fp32", "masked_softmax_fusion",
    "offset_alibi", "skip_bias_add", "skip_bias_add_qkv", "slow_but_exact", "seq_length");
  return {
    ...gpt2Layout(reader, name, {
      ...shape,
      mlp: () => ({ gated: false, intermediateSize: 4 * shape.hiddenSize, activation: "gelu_tanh", bias: true }),
      positions: () => ({ kind: "alibi" }),
      tiedWhy: "BLOOM ties its LM head to the word embedding",
    }),
    embeddingNorm: true,
  };
}
