import { keyText, ModelError, quoteText } from "./errors";
import { selects } from "./layers";
import type {
  Activation,
  AttentionSpec,
  MlpSpec,
  ModelSpec,
  MoeSpec,
  NormSpec,
  PositionSpec,
  SlidingWindowSpec,
} from "./model";

/**
 * Most layers a model may have: 10,000. The deepest published models have
 * about 130. Imports build per-layer lists (sliding-window layers, dense
 * layers), so the limit keeps a whole import and report within milliseconds,
 * and turns a typo such as 1e15 into an error instead of a hang.
 */
export const MAX_LAYERS = 10_000;

/**
 * Largest width or count of any other kind (vocabulary, hidden size, heads,
 * head width, MLP width, experts, latent ranks, learned positions, window):
 * 2^26 = 67,108,864, a thousand times the widest real model. It also keeps
 * every product of two sizes (heads × head width) below 2^53, where plain
 * numbers are still exact.
 */
export const MAX_WIDTH = 2 ** 26;

/**
 * Checks that `input` is a complete, self-consistent ModelSpec and returns a
 * fresh copy of it. Anything wrong (a missing or unknown field, a wrong type,
 * a non-positive or non-integer size, a size above MAX_LAYERS or MAX_WIDTH,
 * heads that do not divide, top-k above the expert count) throws a ModelError
 * naming the field.
 */
export function validateModel(input: unknown): ModelSpec {
  const spec = record(input, "model");
  allowOnly(spec, "model", [
    "name", "vocabSize", "hiddenSize", "numLayers", "attention", "mlp", "moe", "norm",
    "positions", "tiedEmbeddings", "lmHeadBias", "parallelBlock", "finalLogitSoftcap", "embeddingNorm",
    "multiTokenPrediction", "linearAttention", "ssm",
  ]);
  const numLayers = bounded(spec.numLayers, "numLayers", MAX_LAYERS);
  const model: ModelSpec = {
    name: text(spec.name, "name"),
    vocabSize: bounded(spec.vocabSize, "vocabSize"),
    hiddenSize: bounded(spec.hiddenSize, "hiddenSize"),
    numLayers,
    attention: attention(spec.attention, numLayers),
    mlp: mlp(spec.mlp, "mlp"),
    norm: norm(spec.norm),
    positions: positions(spec.positions),
    tiedEmbeddings: flag(spec.tiedEmbeddings, "tiedEmbeddings"),
  };
  if (spec.moe !== undefined) model.moe = moe(spec.moe, numLayers);
  if (spec.lmHeadBias !== undefined) model.lmHeadBias = flag(spec.lmHeadBias, "lmHeadBias");
  if (spec.parallelBlock !== undefined) model.parallelBlock = flag(spec.parallelBlock, "parallelBlock");
  if (spec.finalLogitSoftcap !== undefined) {
    model.finalLogitSoftcap = positiveNumber(spec.finalLogitSoftcap, "finalLogitSoftcap");
  }
  if (spec.linearAttention !== undefined) {
    const l = record(spec.linearAttention, "linearAttention");
    allowOnly(l, "linearAttention", ["kind", "layers", "numKeyHeads", "numValueHeads", "keyHeadDim", "valueHeadDim", "convKernel"]);
    const numKeyHeads = bounded(l.numKeyHeads, "linearAttention.numKeyHeads");
    const numValueHeads = bounded(l.numValueHeads, "linearAttention.numValueHeads");
    if (numValueHeads % numKeyHeads !== 0) {
      throw new ModelError("linearAttention.numValueHeads", `${numValueHeads} value heads are not a multiple of the ${numKeyHeads} key heads`);
    }
    model.linearAttention = {
      kind: oneOf(l.kind, "linearAttention.kind", ["gated-deltanet"] as const),
      layers: Array.isArray(l.layers) ? layerList(l.layers, "linearAttention.layers", numLayers) : oneOf(l.layers, "linearAttention.layers", ["all", "even", "odd"] as const),
      numKeyHeads,
      numValueHeads,
      keyHeadDim: bounded(l.keyHeadDim, "linearAttention.keyHeadDim"),
      valueHeadDim: bounded(l.valueHeadDim, "linearAttention.valueHeadDim"),
      convKernel: bounded(l.convKernel, "linearAttention.convKernel"),
    };
  }
  if (spec.ssm !== undefined) {
    const m = record(spec.ssm, "ssm");
    allowOnly(m, "ssm", ["kind", "numHeads", "headDim", "stateSize", "numGroups", "convKernel", "convBias", "projBias", "gatedNorm"]);
    const numHeads = bounded(m.numHeads, "ssm.numHeads");
    const numGroups = bounded(m.numGroups, "ssm.numGroups");
    if (numHeads % numGroups !== 0) throw new ModelError("ssm.numGroups", `${numGroups} groups do not divide the ${numHeads} heads`);
    model.ssm = {
      kind: oneOf(m.kind, "ssm.kind", ["mamba2"] as const),
      numHeads,
      headDim: bounded(m.headDim, "ssm.headDim"),
      stateSize: bounded(m.stateSize, "ssm.stateSize"),
      numGroups,
      convKernel: bounded(m.convKernel, "ssm.convKernel"),
      convBias: flag(m.convBias, "ssm.convBias"),
      projBias: flag(m.projBias, "ssm.projBias"),
      gatedNorm: flag(m.gatedNorm, "ssm.gatedNorm"),
    };
  }
  if (spec.embeddingNorm !== undefined) model.embeddingNorm = flag(spec.embeddingNorm, "embeddingNorm");
  if (spec.multiTokenPrediction !== undefined) {
    const mtp = record(spec.multiTokenPrediction, "multiTokenPrediction");
    allowOnly(mtp, "multiTokenPrediction", ["layers"]);
    model.multiTokenPrediction = { layers: bounded(mtp.layers, "multiTokenPrediction.layers", MAX_LAYERS) };
  }
  return model;
}

const ACTIVATIONS: readonly Activation[] = ["gelu", "gelu_tanh", "silu", "relu"];

function attention(input: unknown, numLayers: number): AttentionSpec {
  const a = record(input, "attention");
  const kind = oneOf(a.kind, "attention.kind", ["standard", "mla"] as const);
  if (kind === "standard") {
    allowOnly(a, "attention", [
      "kind", "numHeads", "numKvHeads", "headDim", "qkvBias", "outBias", "qkNorm", "slidingWindow", "logitSoftcap",
      "chunked", "sinks", "outputGate",
    ]);
    const numHeads = bounded(a.numHeads, "attention.numHeads");
    const numKvHeads = bounded(a.numKvHeads, "attention.numKvHeads");
    if (numHeads % numKvHeads !== 0) {
      throw new ModelError(
        "attention.numKvHeads",
        `${numKvHeads} key/value heads do not divide ${numHeads} query heads evenly (each KV head must serve the same number of query heads)`,
      );
    }
    const spec: AttentionSpec = {
      kind,
      numHeads,
      numKvHeads,
      headDim: bounded(a.headDim, "attention.headDim"),
      qkvBias: flag(a.qkvBias, "attention.qkvBias"),
      outBias: flag(a.outBias, "attention.outBias"),
      qkNorm: oneOf(a.qkNorm, "attention.qkNorm", ["none", "head", "full"] as const),
    };
    if (a.slidingWindow !== undefined) spec.slidingWindow = slidingWindow(a.slidingWindow, numLayers);
    if (a.logitSoftcap !== undefined) spec.logitSoftcap = positiveNumber(a.logitSoftcap, "attention.logitSoftcap");
    if (a.chunked !== undefined) {
      spec.chunked = slidingWindow(a.chunked, numLayers, "attention.chunked");
      const windowed = spec.slidingWindow;
      if (windowed) {
        const both = firstOverlap(windowed.layers, spec.chunked.layers, numLayers);
        if (both !== null) throw new ModelError("attention.chunked.layers", `layer ${both} is both chunked and in a sliding window; a layer has one local pattern`);
      }
    }
    if (a.sinks !== undefined) spec.sinks = flag(a.sinks, "attention.sinks");
    if (a.outputGate !== undefined) spec.outputGate = flag(a.outputGate, "attention.outputGate");
    return spec;
  }
  allowOnly(a, "attention", [
    "kind", "numHeads", "qLoraRank", "kvLoraRank", "qkNopeHeadDim", "qkRopeHeadDim", "vHeadDim", "bias", "slidingWindow", "indexer",
  ]);
  const spec: AttentionSpec = {
    kind,
    numHeads: bounded(a.numHeads, "attention.numHeads"),
    qLoraRank: a.qLoraRank === null ? null : bounded(a.qLoraRank, "attention.qLoraRank"),
    kvLoraRank: bounded(a.kvLoraRank, "attention.kvLoraRank"),
    qkNopeHeadDim: bounded(a.qkNopeHeadDim, "attention.qkNopeHeadDim"),
    qkRopeHeadDim: bounded(a.qkRopeHeadDim, "attention.qkRopeHeadDim"),
    vHeadDim: bounded(a.vHeadDim, "attention.vHeadDim"),
    bias: flag(a.bias, "attention.bias"),
  };
  if (a.slidingWindow !== undefined) spec.slidingWindow = slidingWindow(a.slidingWindow, numLayers);
  if (a.indexer !== undefined) {
    const indexer = record(a.indexer, "attention.indexer");
    allowOnly(indexer, "attention.indexer", ["numHeads", "headDim", "topK"]);
    spec.indexer = {
      numHeads: bounded(indexer.numHeads, "attention.indexer.numHeads"),
      headDim: bounded(indexer.headDim, "attention.indexer.headDim"),
      topK: bounded(indexer.topK, "attention.indexer.topK"),
    };
    if (spec.slidingWindow) throw new ModelError("attention.indexer", "sparse attention and a sliding window together are not supported");
  }
  return spec;
}

function slidingWindow(input: unknown, numLayers: number, field = "attention.slidingWindow"): SlidingWindowSpec {
  const w = record(input, field);
  allowOnly(w, field, ["size", "layers"]);
  const size = bounded(w.size, `${field}.size`);
  if (Array.isArray(w.layers)) {
    return { size, layers: layerList(w.layers, `${field}.layers`, numLayers) };
  }
  return { size, layers: oneOf(w.layers, `${field}.layers`, ["all", "even", "odd"] as const) };
}

/** The first layer both patterns select, or null: lists are short, and "all"/"even"/"odd" meet on layer 0 or 1 if at all. */
function firstOverlap(a: SlidingWindowSpec["layers"], b: SlidingWindowSpec["layers"], numLayers: number): number | null {
  const candidates = Array.isArray(a) ? a : Array.isArray(b) ? b : [0, 1].filter((layer) => layer < numLayers);
  for (const layer of candidates) if (selects(a, layer) && selects(b, layer)) return layer;
  return null;
}

function mlp(input: unknown, field: string): MlpSpec {
  const m = record(input, field);
  allowOnly(m, field, ["gated", "intermediateSize", "activation", "bias"]);
  return {
    gated: flag(m.gated, `${field}.gated`),
    intermediateSize: bounded(m.intermediateSize, `${field}.intermediateSize`),
    activation: oneOf(m.activation, `${field}.activation`, ACTIVATIONS),
    bias: flag(m.bias, `${field}.bias`),
  };
}

function moe(input: unknown, numLayers: number): MoeSpec {
  const m = record(input, "moe");
  allowOnly(m, "moe", [
    "numExperts", "expertsPerToken", "expertIntermediateSize", "numSharedExperts", "sharedExpertIntermediateSize",
    "sharedExpertGate", "routerBias", "firstDenseLayers", "denseLayers",
  ]);
  const numExperts = bounded(m.numExperts, "moe.numExperts");
  const expertsPerToken = bounded(m.expertsPerToken, "moe.expertsPerToken");
  if (expertsPerToken > numExperts) {
    throw new ModelError("moe.expertsPerToken", `top-k of ${expertsPerToken} exceeds the ${numExperts} routed experts`);
  }
  const numSharedExperts = count(m.numSharedExperts, "moe.numSharedExperts");
  const sharedExpertIntermediateSize =
    numSharedExperts === 0
      ? count(m.sharedExpertIntermediateSize ?? 0, "moe.sharedExpertIntermediateSize")
      : bounded(m.sharedExpertIntermediateSize, "moe.sharedExpertIntermediateSize");
  const sharedExpertGate = flag(m.sharedExpertGate, "moe.sharedExpertGate");
  if (sharedExpertGate && numSharedExperts === 0) {
    throw new ModelError("moe.sharedExpertGate", "a shared-expert gate needs at least one shared expert");
  }
  const firstDenseLayers = nonNegativeInteger(m.firstDenseLayers, "moe.firstDenseLayers");
  if (firstDenseLayers > numLayers) {
    throw new ModelError("moe.firstDenseLayers", `${firstDenseLayers} dense layers exceed the ${numLayers} layers`);
  }
  const spec: MoeSpec = {
    numExperts,
    expertsPerToken,
    expertIntermediateSize: bounded(m.expertIntermediateSize, "moe.expertIntermediateSize"),
    numSharedExperts,
    sharedExpertIntermediateSize,
    sharedExpertGate,
    routerBias: flag(m.routerBias, "moe.routerBias"),
    firstDenseLayers,
  };
  if (m.denseLayers !== undefined) spec.denseLayers = layerList(m.denseLayers, "moe.denseLayers", numLayers);
  return spec;
}

function norm(input: unknown): NormSpec {
  const n = record(input, "norm");
  allowOnly(n, "norm", ["kind", "affine", "bias", "perLayer", "final"]);
  return {
    kind: oneOf(n.kind, "norm.kind", ["layernorm", "rmsnorm"] as const),
    affine: flag(n.affine, "norm.affine"),
    bias: flag(n.bias, "norm.bias"),
    perLayer: count(n.perLayer, "norm.perLayer"),
    final: flag(n.final, "norm.final"),
  };
}

function positions(input: unknown): PositionSpec {
  const p = record(input, "positions");
  const kind = oneOf(p.kind, "positions.kind", ["learned", "rotary", "alibi", "none", "relative"] as const);
  switch (kind) {
    case "learned":
      allowOnly(p, "positions", ["kind", "maxPositions"]);
      return { kind, maxPositions: bounded(p.maxPositions, "positions.maxPositions") };
    case "rotary": {
      allowOnly(p, "positions", ["kind", "fraction"]);
      const fraction = positiveNumber(p.fraction, "positions.fraction");
      if (fraction > 1) throw new ModelError("positions.fraction", `${fraction} is above 1 (the share of head dimensions rotated)`);
      return { kind, fraction };
    }
    default:
      allowOnly(p, "positions", ["kind"]);
      return { kind };
  }
}

function layerList(input: unknown, field: string, numLayers: number): number[] {
  if (!Array.isArray(input)) throw new ModelError(field, `expected a list of layer indices, got ${describeValue(input)}`);
  const seen = new Set<number>();
  input.forEach((value, i) => {
    const index = nonNegativeInteger(value, `${field}[${i}]`);
    if (index >= numLayers) throw new ModelError(`${field}[${i}]`, `layer ${index} does not exist (layers are 0…${numLayers - 1})`);
    if (seen.has(index)) throw new ModelError(`${field}[${i}]`, `layer ${index} is listed twice`);
    seen.add(index);
  });
  return [...seen].sort((a, b) => a - b);
}

function record(input: unknown, field: string): Record<string, unknown> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ModelError(field, `expected an object, got ${describeValue(input)}`);
  }
  return input as Record<string, unknown>;
}

function allowOnly(input: Record<string, unknown>, field: string, known: readonly string[]): void {
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) {
      throw new ModelError(`${field}.${keyText(key)}`, `unknown field (expected one of: ${known.join(", ")})`);
    }
  }
}

/** A size of at least 1 and at most `max`. */
function bounded(value: unknown, field: string, max = MAX_WIDTH): number {
  const n = positiveInteger(value, field);
  if (n > max) throw new ModelError(field, `${n} is above ${max.toLocaleString("en-US")}, the largest ${max === MAX_LAYERS ? "layer count" : "size"} the counts accept`);
  return n;
}

/** A count that may be 0, at most MAX_WIDTH. */
function count(value: unknown, field: string): number {
  const n = nonNegativeInteger(value, field);
  if (n > MAX_WIDTH) throw new ModelError(field, `${n} is above ${MAX_WIDTH.toLocaleString("en-US")}, the largest size the counts accept`);
  return n;
}

function positiveInteger(value: unknown, field: string): number {
  const n = nonNegativeInteger(value, field);
  if (n === 0) throw new ModelError(field, "must be at least 1");
  return n;
}

function nonNegativeInteger(value: unknown, field: string): number {
  if (typeof value !== "number") throw new ModelError(field, `expected an integer, got ${describeValue(value)}`);
  if (!Number.isFinite(value)) throw new ModelError(field, `expected an integer, got ${value}`);
  if (!Number.isInteger(value)) throw new ModelError(field, `expected an integer, got the fraction ${value}`);
  if (value < 0) throw new ModelError(field, `must not be negative, got ${value}`);
  if (!Number.isSafeInteger(value)) throw new ModelError(field, `${value} is too large to be an exact size (above 2^53)`);
  return value;
}

function positiveNumber(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ModelError(field, `expected a positive number, got ${describeValue(value)}`);
  }
  if (value <= 0) throw new ModelError(field, `must be positive, got ${value}`);
  return value;
}

function flag(value: unknown, field: string): boolean {
  if (typeof value !== "boolean") throw new ModelError(field, `expected true or false, got ${describeValue(value)}`);
  return value;
}

function text(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new ModelError(field, `expected a non-empty string, got ${describeValue(value)}`);
  return value;
}

function oneOf<T extends string>(value: unknown, field: string, options: readonly T[]): T {
  if (typeof value !== "string" || !(options as readonly string[]).includes(value)) {
    throw new ModelError(field, `expected one of ${options.map((o) => `"${o}"`).join(", ")}, got ${describeValue(value)}`);
  }
  return value as T;
}

/** A short, safe description of a bad value for messages (never the whole input). */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text ${quoteText(value)}`;
  if (typeof value === "number") return Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === "object") return "an object";
  if (typeof value === "boolean") return String(value);
  return typeof value;
}
