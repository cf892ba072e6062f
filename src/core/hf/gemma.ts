import type { ModelSpec } from "../model";
import { activation, RMS_PRE_NORM, slidingWindow, standardDecoder } from "./common";
import type { ConfigReader } from "./reader";

/**
 * Gemma, Gemma 2 and Gemma 3: GeGLU MLP, head_dim 256 by default, LM head
 * tied to the embedding. Gemma 2 adds post-norms (4 per block), local
 * attention on even layers and tanh soft caps on attention and final logits.
 * Gemma 3 (transformers' Gemma3TextConfig) keeps the post-norms, adds
 * per-head q/k RMSNorms, and makes every layer local but each
 * sliding_window_pattern-th (6: five local to one global), without soft caps
 * unless the config sets them.
 */
export function gemma(generation: 1 | 2 | 3) {
  return (reader: ConfigReader, name: string): ModelSpec => {
    const hiddenSize = reader.int("hidden_size");
    const numLayers = reader.layers("num_hidden_layers");
    const numHeads = reader.int("num_attention_heads");
    const bias = reader.boolOr("attention_bias", false, "the Gemma default");
    const window = generation === 2
      ? slidingWindow(reader, numLayers, () => "even")
      : generation === 3
        ? slidingWindow(reader, numLayers, () => gemma3Local(reader, numLayers), { size: 4096, why: "the Gemma 3 default" })
        : undefined;
    if (generation === 1) reader.ignore("sliding_window");
    const attnSoftcap = generation >= 2 ? reader.numberOrNull("attn_logit_softcapping") : null;
    const finalSoftcap = generation >= 2 ? reader.numberOrNull("final_logit_softcapping") : null;
    const vocabSize = generation === 3 ? reader.intOr("vocab_size", 262_208, "the Gemma 3 default") : reader.int("vocab_size");
    reader.ignore("max_position_embeddings", "query_pre_attn_scalar", "cache_implementation", "sliding_window_size");
    const spec = standardDecoder(reader, name, {
      family: "Gemma",
      vocabSize,
      hiddenSize,
      numLayers,
      numHeads,
      headDim: () => reader.intOr("head_dim", 256, "the Gemma default"),
      attention: {
        qkvBias: bias,
        outBias: bias,
        qkNorm: generation === 3 ? "head" : "none",
        ...(window ? { slidingWindow: window } : {}),
        ...(attnSoftcap !== null ? { logitSoftcap: attnSoftcap } : {}),
      },
      mlp: () => ({
        gated: true,
        intermediateSize: reader.int("intermediate_size"),
        // transformers runs Gemma's MLP with hidden_activation, else the tanh GELU, whatever hidden_act says.
        activation: activation(reader, ["hidden_activation"], "gelu_pytorch_tanh"),
        bias: false,
      }),
      norm: { ...RMS_PRE_NORM, perLayer: generation >= 2 ? 4 : 2 },
      tied: { fallback: true, why: "Gemma ties its LM head to the embedding" },
    });
    if (finalSoftcap !== null) spec.finalLogitSoftcap = finalSoftcap;
    reader.ignore("hidden_act", "hidden_activation");
    return spec;
  };
}

/** Gemma 3: layer i is global when (i + 1) is a multiple of sliding_window_pattern (6), local otherwise. */
function gemma3Local(reader: ConfigReader, numLayers: number): number[] | "all" | null {
  const pattern = reader.intOr("sliding_window_pattern", 6, "the Gemma 3 default: five local layers to one global");
  const local = Array.from({ length: numLayers }, (_, i) => i).filter((i) => (i + 1) % pattern !== 0);
  return local.length === 0 ? null : local.length === numLayers ? "all" : local;
}
