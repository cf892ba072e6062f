/**
 * The blog post's inputs, defined once: every page, island default, formula
 * example and claim that speaks of "the post's model" reads them from here.
 */

/**
 * GPT4o's variables as the post evaluates them in its REPL line:
 * `4096 * 200000 + 100 * (8 * (4096*4096) * 128000 + 4 * 4096 * 128000 + 8 * (128000*128000))`.
 * The line types H as 8 in the S² term and leaves it out (1) in the Q/K/V term;
 * H = 8 is the post's head count.
 */
export const POST_INPUTS = {
  /** Embedding dimension: the post's example, 4096. */
  E: 4096,
  /** Vocabulary size: the post's example, 200,000. */
  V: 200_000,
  /** Layers: the post's "100+ in GPT-4 class", 100 in its REPL line. */
  L: 100,
  /** Context: GPT-4o's 128k window, 128,000 in the REPL line and in Grok's answer. */
  S: 128_000,
  /** Attention heads: 8 in the REPL line's S² term. */
  H: 8,
} as const;

/** The context length of every "at 128k" figure about the post: GPT-4o's window. */
export const POST_CONTEXT: number = POST_INPUTS.S;

/** Grok's parameter counts: its "conservative" dense 10¹¹ and its "high-end" 10¹². */
export const GROK_N = {
  conservative: 100_000_000_000n,
  highEnd: 1_000_000_000_000n,
} as const;

/**
 * A dense model of about Grok's conservative N = 10¹¹ parameters built like
 * the post's (plain multi-head attention, a 4E two-layer MLP, V = 200,000):
 * E = 8192 and L = 124 give 12·L·E² = 99,857,989,632 non-embedding weights.
 * It prices Grok's 10¹¹ like for like: a model of the size Grok assumed,
 * counted from first principles at the same context.
 */
export const GROK_SIZED_SHAPE = { E: 8192, L: 124, H: 16 } as const;
