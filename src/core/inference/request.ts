import { forwardFlops } from "../flops";
import { EnergyInputError, wholeNumber } from "../energy/inputs";
import type { ModelSpec } from "../model";

/** Where one request's FLOPs go: reading the prompt once, then writing the answer token by token. */
export interface RequestFlops {
  promptTokens: number;
  outputTokens: number;
  /** Prompt tokens whose KV cache was reused from an earlier request (prefix caching). */
  cachedPromptTokens: number;
  /** Prefill of the P − c uncached prompt tokens after c cached ones; yields the first answer token. */
  prefill: bigint;
  /** The other O − 1 answer tokens, each attending to everything before it. */
  decode: bigint;
  total: bigint;
}

/**
 * Exact FLOPs of one request of P prompt and O answer tokens, c of the prompt
 * tokens served from a prefix cache. Prefill is one causal pass over the
 * uncached tokens (logits for the last only); decode is the sum of O − 1
 * single-token steps at contexts P + 1 … P + O − 1, counted as one causal
 * pass with every logit (the same matmuls and keys).
 */
export function requestFlops(spec: ModelSpec, request: { promptTokens: number; outputTokens: number; cachedPromptTokens?: number }): RequestFlops {
  const promptTokens = wholeNumber(request.promptTokens, "promptTokens");
  const outputTokens = wholeNumber(request.outputTokens, "outputTokens");
  const cachedPromptTokens = wholeNumber(request.cachedPromptTokens ?? 0, "cachedPromptTokens", 0);
  if (cachedPromptTokens >= promptTokens) {
    throw new EnergyInputError("cachedPromptTokens", `must be below promptTokens (${promptTokens}): the last prompt token is always run to get the first answer token`);
  }
  const prefill = forwardFlops(spec, { tokens: promptTokens - cachedPromptTokens, past: cachedPromptTokens, mask: "causal", logits: "last" }).total;
  const decode = outputTokens > 1
    ? forwardFlops(spec, { tokens: outputTokens - 1, past: promptTokens, mask: "causal", logits: "all", mla: "absorbed" }).total
    : 0n;
  return { promptTokens, outputTokens, cachedPromptTokens, prefill, decode, total: prefill + decode };
}
