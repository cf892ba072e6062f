import type { Formula } from "../formula";
import { GROK_N, POST_CONTEXT } from "../post";
import { cite, SEED_POST } from "./sources";

/** Inputs of Grok's formula. */
export type GrokVariable = "N" | "S";

/** Grok's answer in the seed post: every parameter costs 2 FLOPs for every context position. */
export const grok: Formula<GrokVariable> = {
  id: "grok",
  title: "Grok’s formula, as quoted in the post",
  latex: "\\text{FLOPs per token} \\approx 2 \\times N \\times S",
  quantity: "FLOPs per generated token (as claimed)",
  variables: [
    { name: "N", latex: "N", meaning: "parameters (Grok’s conservative dense estimate: 100 billion)", example: GROK_N.conservative },
    { name: "S", latex: "S", meaning: "context length (GPT-4o’s 128k window)", example: BigInt(POST_CONTEXT) },
  ],
  terms: [
    {
      id: "params-times-context",
      label: "2 FLOPs per parameter per context position",
      latex: "2 \\times N \\times S",
      claim: "the forward pass of a decoder-only transformer involves approximately 2N FLOPs per token … For a sequence length S (context window), the FLOPs per token generation scales with S",
      evaluate: ({ N, S }) => 2n * N * S,
    },
  ],
  source: cite(SEED_POST, "Grok’s answer, “FLOPs Formula” and “FLOPs Calculation”"),
  notes: [
    "The post’s results: 2.56 × 10¹⁶ for N = 10¹¹ and 2.56 × 10¹⁷ for N = 10¹², both with S = 128,000.",
    "2N per token is Kaplan et al.’s forward cost (N = non-embedding parameters). Multiplying it by S gives the cost of a forward pass over all S positions, i.e. of recomputing the whole context for each new token; with a KV cache a new token costs about 2N plus attention over the S cached positions (Kaplan: 2·n_layer·n_ctx·d_attn).",
  ],
};

/** A figure quoted in a source, traced back to the inputs that produce it. */
export interface TracedClaim<K extends string> {
  /** The sentence, quoted. */
  claim: string;
  /** The figure it states. */
  stated: bigint;
  /** The formula it appeals to. */
  formula: Formula<K>;
  /** The inputs the sentence describes. */
  described: Readonly<Record<K, bigint>>;
  /** Inputs that do give the stated figure. */
  reproducing: Readonly<Record<K, bigint>>;
  notes: readonly string[];
}

/** Grok's “GPT-3 at 2k context ≈ 7 × 10¹¹”: it is 2·N·S with the context entered as 2 instead of 2048. */
export const grokGpt3Claim: TracedClaim<GrokVariable> = {
  claim: "For smaller models like GPT-3 (175 billion parameters) with a 2k context, FLOPs per token is on the order of 7 × 10^11, scaling linearly with context and parameters.",
  stated: 700_000_000_000n,
  formula: grok,
  described: { N: 175_000_000_000n, S: 2048n },
  // "2k" entered as 2.
  reproducing: { N: 175_000_000_000n, S: 2n },
  notes: [
    "2·N·S with N = 175 × 10⁹ and S = 2048 gives 716,800,000,000,000 ≈ 7.168 × 10¹⁴, not 7 × 10¹¹.",
    "7 × 10¹¹ = 2 · 175 × 10⁹ · 2: the “2k” context entered as 2 (the figures differ by a factor of 1024).",
    "For scale: 2N = 3.5 × 10¹¹ is the forward cost per token of a 175B dense model before attention.",
  ],
};
