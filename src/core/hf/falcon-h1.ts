import { ConfigError } from "../errors";
import type { ModelSpec } from "../model";
import { activation, headDim, kvHeads } from "./common";
import type { ConfigReader } from "./reader";

/**
 * Falcon-H1 (transformers' FalconH1Config / modeling_falcon_h1): in every
 * layer GQA attention and a Mamba-2 mixer read the same normalized input and
 * add their outputs; then a gated SiLU MLP. The μP multipliers scale
 * activations and change no count.
 */
export function falconH1(reader: ConfigReader, name: string): ModelSpec {
  const hiddenSize = reader.int("hidden_size");
  const numHeads = reader.int("num_attention_heads");
  const expand = reader.intOr("mamba_expand", 2, "the Falcon-H1 default");
  const inner = reader.has("mamba_d_ssm") ? reader.int("mamba_d_ssm") : expand * hiddenSize;
  if (!reader.has("mamba_d_ssm")) reader.assume(`mamba_d_ssm not given: mamba_expand × hidden_size = ${inner}`);
  const ssmHeads = reader.intOr("mamba_n_heads", 128, "the Falcon-H1 default");
  const headValue = reader.get("mamba_d_head");
  reader.ignore("mamba_d_head");
  let ssmHeadDim: number;
  if (headValue === undefined || headValue === null || headValue === "auto") {
    if (inner % ssmHeads !== 0) throw new ConfigError("mamba_n_heads", `${ssmHeads} heads do not divide mamba_d_ssm ${inner}`);
    ssmHeadDim = inner / ssmHeads;
    reader.assume(`mamba_d_head ${headValue === "auto" ? "is \"auto\"" : "not given"}: mamba_d_ssm / mamba_n_heads = ${ssmHeadDim}`);
  } else {
    ssmHeadDim = reader.int("mamba_d_head");
    if (ssmHeadDim * ssmHeads !== inner) throw new ConfigError("mamba_d_head", `${ssmHeads} heads × ${ssmHeadDim} is not mamba_d_ssm ${inner}`);
  }
  if (reader.boolOr("projectors_bias", false, "the Falcon-H1 default")) {
    throw new ConfigError("projectors_bias", "true is not supported: the counts model one bias switch for both Mamba projections (mamba_proj_bias)");
  }
  const bias = reader.boolOr("attention_bias", false, "the Falcon-H1 default");
  reader.ignore("max_position_embeddings", "mamba_chunk_size", "mamba_norm_before_gate", "mamba_use_mlp", "lm_head_multiplier",
    "embedding_multiplier", "mlp_multipliers", "key_multiplier", "attention_out_multiplier", "attention_in_multiplier",
    "ssm_multipliers", "ssm_in_multiplier", "ssm_out_multiplier", "mamba_expand");
  return {
    name,
    vocabSize: reader.int("vocab_size"),
    hiddenSize,
    numLayers: reader.layers("num_hidden_layers"),
    attention: {
      kind: "standard", numHeads, numKvHeads: kvHeads(reader, numHeads), headDim: headDim(reader, hiddenSize, numHeads, "num_attention_heads"),
      qkvBias: bias, outBias: bias, qkNorm: "none",
    },
    ssm: {
      kind: "mamba2",
      numHeads: ssmHeads,
      headDim: ssmHeadDim,
      stateSize: reader.intOr("mamba_d_state", 256, "the Falcon-H1 default"),
      numGroups: reader.intOr("mamba_n_groups", 1, "the Falcon-H1 default"),
      convKernel: reader.intOr("mamba_d_conv", 4, "the Falcon-H1 default"),
      convBias: reader.boolOr("mamba_conv_bias", true, "the Falcon-H1 default"),
      projBias: reader.boolOr("mamba_proj_bias", false, "the Falcon-H1 default"),
      gatedNorm: reader.boolOr("mamba_rms_norm", false, "the Falcon-H1 default"),
    },
    mlp: { gated: true, intermediateSize: reader.int("intermediate_size"), activation: activation(reader, ["hidden_act"], "silu"), bias: reader.boolOr("mlp_bias", false, "the Falcon-H1 default") },
    norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
    positions: { kind: "rotary", fraction: 1 },
    tiedEmbeddings: reader.boolOr("tie_word_embeddings", false, "the Falcon-H1 default"),
  };
}
