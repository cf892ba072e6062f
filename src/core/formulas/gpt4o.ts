import type { Formula } from "../formula";
import { POST_INPUTS } from "../post";
import { cite, SEED_POST } from "./sources";

/** Inputs of the GPT-4o formula, named as in the post. */
export type Gpt4oVariable = "E" | "V" | "S" | "H" | "L";

/**
 * The formula GPT-4o gave in the seed post, with the post's own reading of
 * each term. Kept as written (slips included) so notebooks can show where
 * it goes wrong; see `notes`.
 */
export const gpt4o: Formula<Gpt4oVariable> = {
  id: "gpt4o",
  title: "GPT-4o’s formula, as quoted in the post",
  latex: "\\text{FLOPs} \\approx E \\cdot V + L \\cdot \\left(8 \\cdot E^{2} \\cdot S + 4 \\cdot E \\cdot H \\cdot S + H \\cdot S^{2}\\right)",
  quantity: "FLOPs per generated token (as claimed)",
  variables: [
    { name: "E", latex: "E", meaning: "embedding dimension", example: BigInt(POST_INPUTS.E) },
    { name: "V", latex: "V", meaning: "vocabulary size", example: BigInt(POST_INPUTS.V) },
    { name: "S", latex: "S", meaning: "context size (seq_len)", example: BigInt(POST_INPUTS.S) },
    { name: "H", latex: "H", meaning: "number of attention heads", example: BigInt(POST_INPUTS.H) },
    { name: "L", latex: "L", meaning: "number of layers", example: BigInt(POST_INPUTS.L) },
  ],
  terms: [
    {
      id: "logits",
      label: "final output projection",
      latex: "E \\cdot V",
      claim: "one giant matrix multiply at the final output projection (dot against every token in vocab)",
      evaluate: ({ E, V }) => E * V,
    },
    {
      id: "mlp",
      label: "two-layer MLPs",
      latex: "L \\cdot 8 \\cdot E^{2} \\cdot S",
      claim: "the two-layer MLPs (most of the FLOPs!)",
      evaluate: ({ L, E, S }) => L * 8n * E * E * S,
    },
    {
      id: "qkv",
      label: "Q/K/V dot products",
      latex: "L \\cdot 4 \\cdot E \\cdot H \\cdot S",
      claim: "Q/K/V dot products",
      evaluate: ({ L, E, H, S }) => L * 4n * E * H * S,
    },
    {
      id: "attention",
      label: "self-attention",
      latex: "L \\cdot H \\cdot S^{2}",
      claim: "self-attention dot(Q,K) → softmax",
      evaluate: ({ L, H, S }) => L * H * S * S,
    },
  ],
  source: cite(SEED_POST, "GPT4o’s answer, “What Each Term Represents”"),
  notes: [
    "Examples: E = 4096 and V = 200,000 are the post’s; L = 100, S = 128,000 and H = 8 are what its REPL line used (the variable list says L “100+” and S “e.g. 2M tokens”, and gives no example for H; the REPL’s H·S² term is 8·(128000·128000)).",
    "8·E²·S multiplies the MLP cost by S: that is the MLP run over all S context positions again (no KV cache), not the cost of one new token, which runs the MLP once per layer.",
    "8·E² mixes multiply-adds and FLOPs: a two-layer MLP 4E wide does E·4E + 4E·E = 8E² multiply-adds per token, which is 2·(E·4E + 4E·E) = 16E² FLOPs.",
    "E·V counts multiply-adds too: the output projection costs 2·E·V FLOPs per token.",
    "4·E·H·S is dimensionally odd: the Q, K and V projections cost 3·2·E² = 6E² FLOPs per token, independent of H and of S.",
    "H·S² is the number of attention scores of a whole prefill of S tokens (S per head per token, times S tokens), not of one token; and each score is a dot product over the head dimension E/H, which the term leaves out.",
    "Missing: the attention output projection (2E² FLOPs per token per layer), attention × values, norms and softmax.",
  ],
};
