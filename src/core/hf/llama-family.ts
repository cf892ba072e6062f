import type { ModelSpec, MoeSpec, SlidingWindowSpec } from "../model";
import { gatedMlp, headDim, multiTokenPredictionLayers, slidingWindow, standardDecoder } from "./common";
import type { ConfigReader } from "./reader";

/** How one Llama-style model type differs from Llama. */
interface Variant {
  /** Q/K/V biases regardless of config (Qwen2 family). */
  qkvBias?: "always" | "config";
  qkNorm?: "none" | "head" | "full";
  /** Default head_dim when absent (Qwen3: 128); otherwise hidden_size / heads. */
  defaultHeadDim?: number;
  /** Norms per block: 2 everywhere (pre-norm, or OLMo 2's two post-norms). */
  moe?: (reader: ConfigReader, numLayers: number) => MoeSpec;
  sliding: (reader: ConfigReader, numLayers: number) => SlidingWindowSpec["layers"] | null;
  /** Fields this type has that are read elsewhere or do not change counts. */
  ignored?: string[];
  /** Multi-token-prediction modules under num_nextn_predict_layers (MiMo), counted apart. */
  multiTokenPrediction?: boolean;
}

const allLayers = () => "all" as const;

/** Qwen: when use_sliding_window is set, layers from max_window_layers on are local. */
function qwenSliding(reader: ConfigReader, numLayers: number): SlidingWindowSpec["layers"] | null {
  const enabled = reader.boolOr("use_sliding_window", false, "the Qwen default");
  const from = reader.countOr("max_window_layers", numLayers, "no layer is local unless told");
  if (!enabled) return null;
  if (!reader.has("sliding_window")) reader.assume("use_sliding_window is true but sliding_window is not set: every layer attends to the whole context, as in transformers");
  const layers = Array.from({ length: Math.max(0, numLayers - from) }, (_, i) => from + i);
  return layers.length === 0 ? null : layers.length === numLayers ? "all" : layers;
}

function mixtralMoe(reader: ConfigReader): MoeSpec {
  return {
    numExperts: reader.int("num_local_experts"),
    expertsPerToken: reader.int("num_experts_per_tok"),
    expertIntermediateSize: reader.int("intermediate_size"),
    numSharedExperts: 0,
    sharedExpertIntermediateSize: 0,
    sharedExpertGate: false,
    routerBias: false,
    firstDenseLayers: 0,
  };
}

/** Qwen MoE: a layer is sparse unless listed in mlp_only_layers or off the decoder_sparse_step grid. */
export function qwenMoe(withSharedExpert: boolean) {
  return (reader: ConfigReader, numLayers: number): MoeSpec => {
    const step = reader.intOr("decoder_sparse_step", 1, "every layer is sparse by default");
    const mlpOnly = reader.indexList("mlp_only_layers");
    const beyond = mlpOnly.filter((layer) => layer >= numLayers);
    if (beyond.length > 0) {
      reader.assume(`mlp_only_layers lists ${beyond.length === 1 ? "layer" : "layers"} ${beyond.slice(0, 5).join(", ")}${beyond.length > 5 ? ", …" : ""} beyond the ${numLayers} layers: no such layer, nothing to count`);
    }
    const dense = new Set(mlpOnly.filter((layer) => layer < numLayers));
    for (let layer = 0; layer < numLayers; layer++) if ((layer + 1) % step !== 0) dense.add(layer);
    const shared = withSharedExpert ? reader.int("shared_expert_intermediate_size") : 0;
    const moe: MoeSpec = {
      numExperts: reader.int("num_experts"),
      expertsPerToken: reader.int("num_experts_per_tok"),
      expertIntermediateSize: reader.int("moe_intermediate_size"),
      numSharedExperts: withSharedExpert ? 1 : 0,
      sharedExpertIntermediateSize: shared,
      sharedExpertGate: withSharedExpert,
      routerBias: false,
      firstDenseLayers: 0,
    };
    reader.ignore("norm_topk_prob");
    if (dense.size > 0) moe.denseLayers = [...dense].sort((a, b) => a - b);
    return moe;
  };
}

export const LLAMA_VARIANTS: Readonly<Record<string, Variant>> = {
  llama: { qkvBias: "config", sliding: () => null },
  mistral: { sliding: allLayers },
  mixtral: { moe: mixtralMoe, sliding: allLayers },
  qwen2: { qkvBias: "always", sliding: qwenSliding },
  qwen2_moe: { qkvBias: "always", moe: qwenMoe(true), sliding: qwenSliding },
  qwen3: { qkvBias: "config", qkNorm: "head", defaultHeadDim: 128, sliding: qwenSliding },
  qwen3_moe: { qkvBias: "config", qkNorm: "head", defaultHeadDim: 128, moe: qwenMoe(false), sliding: qwenSliding },
  olmo2: { qkvBias: "config", qkNorm: "full", sliding: () => null },
  phi3: { sliding: allLayers, ignored: ["original_max_position_embeddings", "partial_rotary_factor"] },
  // MiMo (XiaomiMiMo's configuration_mimo.MiMoConfig extends Qwen2Config) plus MTP modules.
  mimo: { qkvBias: "always", sliding: qwenSliding, multiTokenPrediction: true },
};

/**
 * Llama and its descendants: RMSNorm, rotary, gated SiLU MLP, optional GQA,
 * untied LM head unless the config says otherwise.
 */
export function llamaFamily(modelType: string, variant: Variant) {
  return (reader: ConfigReader, name: string): ModelSpec => {
    const hiddenSize = reader.int("hidden_size");
    const numLayers = reader.layers("num_hidden_layers");
    const numHeads = reader.int("num_attention_heads");
    const dim = variant.defaultHeadDim !== undefined
      ? reader.intOr("head_dim", variant.defaultHeadDim, `the ${modelType} default`)
      : headDim(reader, hiddenSize, numHeads, "num_attention_heads");
    const qkvBias = variant.qkvBias === "always"
      ? true
      : variant.qkvBias === "config" ? reader.boolOr("attention_bias", false, `the ${modelType} default`) : false;
    if (variant.qkvBias !== "config") reader.ignore("attention_bias");
    const mlpBias = modelType === "llama" ? reader.boolOr("mlp_bias", false, "the Llama default") : false;
    if (modelType !== "llama") reader.ignore("mlp_bias");
    const window = slidingWindow(reader, numLayers, () => variant.sliding(reader, numLayers));
    reader.ignore("max_position_embeddings", ...(variant.ignored ?? []));
    const spec = standardDecoder(reader, name, {
      family: modelType,
      hiddenSize,
      numLayers,
      numHeads,
      headDim: () => dim,
      attention: {
        qkvBias,
        // Llama's attention_bias also puts a bias on o_proj; Qwen2's always-on bias is for q, k and v only.
        outBias: variant.qkvBias === "config" ? qkvBias : false,
        qkNorm: variant.qkNorm ?? "none",
        ...(window ? { slidingWindow: window } : {}),
      },
      mlp: () => ({ ...gatedMlp(reader), bias: mlpBias }),
    });
    if (variant.moe) spec.moe = variant.moe(reader, numLayers);
    if (variant.multiTokenPrediction) {
      const modules = multiTokenPredictionLayers(reader);
      if (modules > 0) spec.multiTokenPrediction = { layers: modules };
    }
    return spec;
  };
}
