import {
  answersFor,
  decodeFlops,
  evaluateFormula,
  formatScientificLatex,
  formatTimes,
  grok,
  GROK_N,
  gpt4o,
  groupDigits,
  paramsPlusAttention,
  POST_CONTEXT,
  POST_INPUTS,
  presetById,
  type Answers,
} from "../../src/core/index";

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

/** The landing page's figures: the three answers and the factors between them. */
export interface LandingFigures {
  answers: [gpt4o: Answer, grok: Answer, firstPrinciples: Answer];
  /** Everything the three-answers island computes for the post's model at 128k (its first view in notebook 6). */
  island: Answers;
  /** GPT4o's formula at the post's inputs over the counted cost ("6,887×"): the island's figure too. */
  gpt4oTimes: string;
  /** Grok's 2.56×10¹⁶ (N = 10¹¹) over the post's ~22 B model: model size and formula together. */
  grokTimesPostModel: string;
  /** Like for like: Grok's 2.56×10¹⁶ over a 10¹¹-parameter model built like the post's, at 128k. */
  grokTimesSizedModel: string;
  /** The counted cost of that 10¹¹-parameter model. */
  sizedModelFlops: bigint;
  /** 2·N·S with the post model's own N, over its counted cost: the island's Grok figure. */
  grokTimesOwnN: string;
}

const { E, V, L, S, H } = POST_INPUTS;

/** "E = 4,096, V = 200,000": each name held to its value (no-break spaces), so a line breaks only between inputs. */
function inputs(...pairs: [string, string | number][]): string {
  return pairs.map(([name, value]) => `${name}\u00a0=\u00a0${value}`).join(", ");
}

/**
 * The landing page's numbers, computed with the formula core from the post's
 * inputs (src/core/post.ts): GPT4o's formula at E, V, L, S and H; Grok's
 * 2·N·S at N = 10¹¹; and the count of one generated token with a KV cache for
 * the post's model at S = 128,000.
 */
export function landingFigures(): LandingFigures {
  const post = presetById("post-hypothetical").spec;
  const island = answersFor(post, POST_CONTEXT);
  const gpt4oFlops = evaluateFormula(gpt4o, { E: BigInt(E), V: BigInt(V), L: BigInt(L), S: BigInt(S), H: BigInt(H) }).total;
  const grokFlops = evaluateFormula(grok, { N: GROK_N.conservative, S: BigInt(POST_CONTEXT) }).total;
  const right = decodeFlops(post, POST_CONTEXT).total;
  const sized = presetById("grok-sized-1e11").spec;
  const sizedModelFlops = decodeFlops(sized, POST_CONTEXT).total;
  const answer = (id: Answer["id"], who: string, latex: string, flops: bigint, inputs: string): Answer => ({
    id, who, latex, flops, exact: groupDigits(flops), scientific: formatScientificLatex(flops), inputs,
  });
  return {
    answers: [
      answer("gpt4o", "GPT4o", gpt4o.latex, gpt4oFlops, `the post’s inputs: ${inputs(["E", groupDigits(E)], ["V", groupDigits(V)], ["L", L], ["S", groupDigits(S)], ["H", H])}`),
      answer("grok", "Grok", grok.latex, grokFlops, inputs(["N", "100 billion parameters"], ["S", groupDigits(S)])),
      answer("first-principles", "First principles", paramsPlusAttention.latex, right, `one generated token with a KV cache, the post’s model: ${inputs(["E", groupDigits(E)], ["V", groupDigits(V)], ["L", L], ["H", H], ["S", groupDigits(S)])}`),
    ],
    island,
    gpt4oTimes: formatTimes(gpt4oFlops, right),
    grokTimesPostModel: formatTimes(grokFlops, right),
    grokTimesSizedModel: formatTimes(grokFlops, sizedModelFlops),
    sizedModelFlops,
    grokTimesOwnN: formatTimes(island.grok.total, right),
  };
}
