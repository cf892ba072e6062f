import {
  decodeFlops,
  evaluateFormula,
  exampleValues,
  formatScientificLatex,
  gpt4o,
  gpt4oRepl,
  grok,
  groupDigits,
  paramsPlusAttention,
  presetById,
} from "../../src/core/index";

/** The post's context window: GPT-4o's 128k, as the post and both chatbots use it. */
export const POST_CONTEXT = 128_000;

/** One of the three answers to "how many FLOPs per token?" for the post's own inputs. */
export interface Answer {
  id: "gpt4o" | "grok" | "first-principles";
  who: string;
  /** The formula, as LaTeX. */
  latex: string;
  flops: bigint;
  /** Exact, digits grouped. */
  exact: string;
  /** Scientific notation, as LaTeX. */
  scientific: string;
  /** What went into it. */
  inputs: string;
}

/**
 * The three numbers of the landing page, computed with the formula core:
 * GPT4o's formula as the post evaluated it (its REPL line), Grok's 2·N·S for
 * N = 10¹¹, and the count of one generated token with a KV cache for the
 * post's hypothetical model (E = 4096, V = 200,000, L = 100) at S = 128,000.
 */
export function threeAnswers(): Answer[] {
  const repl = evaluateFormula(gpt4oRepl, exampleValues(gpt4oRepl)).total;
  const grokFlops = evaluateFormula(grok, { N: 100_000_000_000n, S: BigInt(POST_CONTEXT) }).total;
  const post = presetById("post-hypothetical").spec;
  const firstPrinciples = decodeFlops(post, POST_CONTEXT).total;
  const answer = (id: Answer["id"], who: string, latex: string, flops: bigint, inputs: string): Answer => ({
    id, who, latex, flops, exact: groupDigits(flops), scientific: formatScientificLatex(flops), inputs,
  });
  return [
    answer("gpt4o", "GPT4o", gpt4o.latex, repl, "the post’s REPL line: E = 4096, V = 200,000, L = 100, S = 128,000 (H typed as 1 and 8)"),
    answer("grok", "Grok", grok.latex, grokFlops, "N = 100 billion parameters, S = 128,000"),
    answer("first-principles", "First principles", paramsPlusAttention.latex, firstPrinciples, `one generated token with a KV cache: ${post.name}, S = 128,000`),
  ];
}
