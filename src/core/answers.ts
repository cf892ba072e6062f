/**
 * The three answers to "FLOPs per generated token" for one model at one
 * context length, all from the core: GPT4o's formula, Grok's 2·N·S, and the
 * first-principles count with a KV cache (and without one, the regime 2·N·S
 * approximates).
 */
import { decodeFlops, decodeNoCacheFlops, type FlopCount } from "./flops";
import { evaluateFormula, type FormulaValue } from "./formula";
import { gpt4o, type Gpt4oVariable } from "./formulas/gpt4o";
import { grok } from "./formulas/grok";
import type { ModelSpec } from "./model";
import { countParams } from "./params";

/** Every answer for one model at one context. */
export interface Answers {
  context: number;
  /** GPT4o's inputs: E = hidden size, V = vocabulary, S, H = query heads, L = layers. */
  gpt4oInputs: Record<Gpt4oVariable, bigint>;
  gpt4o: FormulaValue;
  /** Grok's N: the model's non-embedding parameters, as Grok defines N. */
  grokN: bigint;
  grok: FormulaValue;
  /** One new token with a KV cache. */
  withCache: FlopCount;
  /** One new token, recomputing the whole context. */
  withoutCache: FlopCount;
}

/** GPT4o's variables read off a model. */
export function gpt4oInputsFor(spec: ModelSpec, context: number): Record<Gpt4oVariable, bigint> {
  return {
    E: BigInt(spec.hiddenSize),
    V: BigInt(spec.vocabSize),
    S: BigInt(context),
    H: BigInt(spec.attention.numHeads),
    L: BigInt(spec.numLayers),
  };
}

/** Grok's N for a model: non-embedding parameters (total minus embedding, LM head and learned positions). */
export function grokNFor(spec: ModelSpec): bigint {
  return countParams(spec).nonEmbedding;
}

/** GPT4o, Grok and first principles (with and without a cache) for `spec` at context `context`. */
export function answersFor(spec: ModelSpec, context: number, grokN: bigint = grokNFor(spec)): Answers {
  const gpt4oInputs = gpt4oInputsFor(spec, context);
  return {
    context,
    gpt4oInputs,
    gpt4o: evaluateFormula(gpt4o, gpt4oInputs),
    grokN,
    grok: evaluateFormula(grok, { N: grokN, S: BigInt(context) }),
    withCache: decodeFlops(spec, context),
    withoutCache: decodeNoCacheFlops(spec, context),
  };
}
