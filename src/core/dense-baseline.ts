import { ModelError } from "./errors";
import type { ModelSpec, StandardAttentionSpec } from "./model";
import { countParams, mlpParams } from "./params";
import { validateModel } from "./validate";

/**
 * What "a dense GQA model of the same active size" (issue 10) means here: the
 * plain transformer a long-context design is compared with. It keeps what the
 * design does not choose for attention's sake (vocabulary, d_model, layer
 * count, norms, positions, a tied or untied head) and replaces the rest.
 */
export const DENSE_GQA_BASELINE = {
  text:
    "Same vocabulary, d_model, layers, norms, positions and head tying; softmax attention over the whole context in " +
    "every layer (no window, chunk, top-k, linear attention or state-space mixer), with the model's own query heads, " +
    "KV heads and head width (an MLA model keeps its query heads, its value head width as head width, and " +
    "8 KV heads, the GQA grouping of Llama 3 and GLM-4.5); no MoE: one dense MLP of the model's own kind whose width " +
    "is the largest that keeps the baseline's parameters at or below the model's active parameters (the shortfall " +
    "is under one MLP column per layer).",
  mlaKvHeads: 8,
  source: "issue 10: the ratio to a dense GQA model of the same active size; GQA as in Ainslie et al. 2023",
} as const;

/**
 * The dense GQA model of the same active size as `spec` (see
 * {@link DENSE_GQA_BASELINE}). Its total and active parameters are equal, and
 * at most one MLP column per layer (gated: 3·d, plain: 2·d) below the model's
 * active count.
 */
export function denseGqaBaseline(spec: ModelSpec): ModelSpec {
  const a = spec.attention;
  const attention: StandardAttentionSpec = a.kind === "standard"
    ? { kind: "standard", numHeads: a.numHeads, numKvHeads: a.numKvHeads, headDim: a.headDim, qkvBias: a.qkvBias, outBias: a.outBias, qkNorm: a.qkNorm }
    : {
      kind: "standard",
      numHeads: a.numHeads,
      numKvHeads: gcd(a.numHeads, DENSE_GQA_BASELINE.mlaKvHeads),
      headDim: a.vHeadDim,
      qkvBias: false,
      outBias: false,
      qkNorm: "none",
    };
  const shell: ModelSpec = {
    name: `dense GQA baseline of ${spec.name}`,
    vocabSize: spec.vocabSize,
    hiddenSize: spec.hiddenSize,
    numLayers: spec.numLayers,
    attention,
    mlp: { gated: spec.mlp.gated, intermediateSize: 1, activation: spec.mlp.activation, bias: false },
    norm: spec.norm,
    positions: spec.positions,
    tiedEmbeddings: spec.tiedEmbeddings,
  };
  const target = countParams(spec).active;
  const d = BigInt(spec.hiddenSize);
  const layers = BigInt(spec.numLayers);
  const perColumn = layers * mlpParams(shell.mlp, d, 1n);
  const withoutMlp = countParams(shell).total - layers * mlpParams(shell.mlp, d, 1n);
  const width = (target - withoutMlp) / perColumn;
  if (width < 1n) {
    throw new ModelError("mlp.intermediateSize", `${spec.name} has ${target} active parameters, fewer than a dense model of its shape needs without any MLP (${withoutMlp}): no dense GQA baseline of the same active size exists`);
  }
  return validateModel({ ...shell, mlp: { ...shell.mlp, intermediateSize: Number(width) } });
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
