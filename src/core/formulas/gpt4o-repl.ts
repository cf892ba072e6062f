import type { Formula } from "../formula";
import { POST_INPUTS } from "../post";
import { cite, SEED_POST } from "./sources";

/** A line typed into a REPL, and what the REPL printed, both verbatim. */
export interface ReplLine {
  /** The expression exactly as typed. */
  typed: string;
  /** The output exactly as printed. */
  printed: string;
}

/** Inputs of the REPL line: the GPT-4o formula's, with H split in two because the line uses two values. */
export type Gpt4oReplVariable = "E" | "V" | "S" | "H1" | "H2" | "L";

/** A formula that also carries the REPL line it models. */
export type FormulaWithReplLine<K extends string> = Formula<K> & { repl: ReplLine };

/**
 * The post's REPL line, modelled term by term. It follows the GPT-4o formula
 * except that the heads enter the Q/K/V term as 1 and the S² term as 8, so
 * the two uses of H are separate variables here.
 */
export const gpt4oRepl: FormulaWithReplLine<Gpt4oReplVariable> = {
  id: "gpt4o-repl",
  title: "The post’s REPL line",
  latex: "E \\cdot V + L \\cdot \\left(8 \\cdot E^{2} \\cdot S + 4 \\cdot E \\cdot H_{1} \\cdot S + H_{2} \\cdot S^{2}\\right)",
  quantity: "FLOPs per generated token (as claimed)",
  variables: [
    { name: "E", latex: "E", meaning: "embedding dimension", example: BigInt(POST_INPUTS.E) },
    { name: "V", latex: "V", meaning: "vocabulary size", example: BigInt(POST_INPUTS.V) },
    { name: "S", latex: "S", meaning: "context size", example: BigInt(POST_INPUTS.S) },
    { name: "H1", latex: "H_{1}", meaning: "attention heads as typed in the Q/K/V term (left out, i.e. 1)", example: 1n },
    { name: "H2", latex: "H_{2}", meaning: "attention heads as typed in the S² term", example: BigInt(POST_INPUTS.H) },
    { name: "L", latex: "L", meaning: "number of layers", example: BigInt(POST_INPUTS.L) },
  ],
  terms: [
    {
      id: "logits",
      label: "4096 * 200000",
      latex: "E \\cdot V",
      claim: "one giant matrix multiply at the final output projection (dot against every token in vocab)",
      evaluate: ({ E, V }) => E * V,
    },
    {
      id: "mlp",
      label: "100 * (8 * (4096*4096) * 128000)",
      latex: "L \\cdot 8 \\cdot E^{2} \\cdot S",
      claim: "the two-layer MLPs (most of the FLOPs!)",
      evaluate: ({ L, E, S }) => L * 8n * E * E * S,
    },
    {
      id: "qkv",
      label: "100 * (4 * 4096 * 128000)",
      latex: "L \\cdot 4 \\cdot E \\cdot H_{1} \\cdot S",
      claim: "Q/K/V dot products",
      evaluate: ({ L, E, H1, S }) => L * 4n * E * H1 * S,
    },
    {
      id: "attention",
      label: "100 * (8 * (128000*128000))",
      latex: "L \\cdot H_{2} \\cdot S^{2}",
      claim: "self-attention dot(Q,K) → softmax",
      evaluate: ({ L, H2, S }) => L * H2 * S * S,
    },
  ],
  repl: {
    typed: "4096 * 200000 + 100 * (8 * (4096*4096) * 128000 + 4 * 4096 * 128000 + 8 * (128000*128000))",
    printed: "1731304652800000",
  },
  source: cite(SEED_POST, "the REPL line after GPT4o’s answer"),
  notes: [
    "Typed as in the post (the post wraps it over two lines). The Q/K/V term has no factor for H (H₁ = 1) while the S² term uses H₂ = 8.",
    "The printed 1731304652800000 is about 1.73 × 10¹⁵, “one quadrillion seven hundred thirty-one trillion …” in the post’s words.",
    "With H = 8 in both places the formula gives 1,732,772,659,200,000: the slip changes the total by less than 0.1 %, because 8·E²·S dominates.",
    "Everything said about the GPT-4o formula’s terms (see its notes) applies here too.",
  ],
};
