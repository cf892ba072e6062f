import type { ModelSpec, MoeSpec } from "../model";
import { activation, deepseekStyleMoe, multiTokenPredictionLayers } from "./common";
import type { ConfigReader } from "./reader";

/**
 * DeepSeek-V2 and V3: multi-head latent attention, a few leading dense layers,
 * then routed + shared experts. V3's router carries a learned score-correction
 * bias per expert (topk_method "noaux_tc"). Multi-token-prediction modules
 * (num_nextn_predict_layers) are counted apart, as for MiMo. V3.2 (`sparse`) adds the
 * lightning indexer of DeepSeek Sparse Attention (index_n_heads,
 * index_head_dim, index_topk).
 */
export function deepseek(version: 2 | 3, sparse = false) {
  return (reader: ConfigReader, name: string): ModelSpec => {
    const hiddenSize = reader.int("hidden_size");
    const numLayers = reader.layers("num_hidden_layers");
    const nextN = multiTokenPredictionLayers(reader);
    reader.ignore("max_position_embeddings", "num_key_value_heads", "ep_size", "n_group", "topk_group",
      "routed_scaling_factor", "scoring_func", "norm_topk_prob", "seq_aux");
    const topkMethod = reader.stringOr("topk_method", version === 3 ? "noaux_tc" : "greedy", `the DeepSeek-V${version} default`);
    const spec: ModelSpec = {
      name,
      vocabSize: reader.int("vocab_size"),
      hiddenSize,
      numLayers,
      attention: {
        kind: "mla",
        numHeads: reader.int("num_attention_heads"),
        qLoraRank: reader.intOrNull("q_lora_rank"),
        kvLoraRank: reader.int("kv_lora_rank"),
        qkNopeHeadDim: reader.int("qk_nope_head_dim"),
        qkRopeHeadDim: reader.int("qk_rope_head_dim"),
        vHeadDim: reader.int("v_head_dim"),
        bias: reader.boolOr("attention_bias", false, "the DeepSeek default"),
      },
      mlp: {
        gated: true,
        intermediateSize: reader.int("intermediate_size"),
        activation: activation(reader, ["hidden_act"], "silu"),
        bias: false,
      },
      norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
      positions: { kind: "rotary", fraction: 1 },
      tiedEmbeddings: reader.boolOr("tie_word_embeddings", false, "the DeepSeek default"),
    };
    const moe = deepseekMoe(reader, numLayers, topkMethod === "noaux_tc");
    if (moe) spec.moe = moe;
    if (nextN > 0) spec.multiTokenPrediction = { layers: nextN };
    if (sparse && spec.attention.kind === "mla") {
      // DeepSeek-V3.2: DeepSeek Sparse Attention's lightning indexer (defaults of its config class).
      spec.attention.indexer = {
        numHeads: reader.intOr("index_n_heads", 64, "the DeepSeek-V3.2 default"),
        headDim: reader.intOr("index_head_dim", 128, "the DeepSeek-V3.2 default"),
        topK: reader.intOr("index_topk", 2048, "the DeepSeek-V3.2 default"),
      };
    }
    return spec;
  };
}

/** Layer i uses experts when i ≥ first_k_dense_replace and i is a multiple of moe_layer_freq. */
function deepseekMoe(reader: ConfigReader, numLayers: number, routerBias: boolean): MoeSpec | undefined {
  if (!reader.has("n_routed_experts")) {
    reader.ignore("n_routed_experts", "num_experts_per_tok", "moe_intermediate_size", "n_shared_experts", "first_k_dense_replace", "moe_layer_freq");
    return undefined;
  }
  return deepseekStyleMoe(reader, numLayers, { family: "DeepSeek", firstDense: 0, shared: 0, routerBias, layerFrequency: true });
}
