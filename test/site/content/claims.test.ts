import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHECKS, CLAIMS, checkClaim, proseSections, type CheckId } from "../../../site/content/claims/index";

const POST = readFileSync("notebooks/seed/how-many-flops.txt", "utf8");
const value = (id: CheckId, figure: string): bigint | number => {
  const figures = CHECKS[id]() as Record<string, { value: bigint | number }>;
  const found = figures[figure];
  if (!found) throw new Error(`${id} has no figure ${figure}`);
  return found.value;
};
const text = (id: CheckId, figure: string): string => (CHECKS[id]() as Record<string, { text: string }>)[figure]?.text ?? "";

// The post's model by hand: E = 4096, V = 200,000, L = 100, a 4E two-layer MLP, LayerNorm weights without bias.
const E = 4096n, V = 200_000n, L = 100n, S = 128_000n;
const weightFlops = 2n * 12n * E * E * L + 2n * E * V; // every weight once, LM head included
const attentionPerKey = 4n * L * E; // QKᵀ and × V over one cached key, all layers
const token = (context: bigint) => weightFlops + attentionPerKey * context;

/**
 * Every sentence of the post that makes a claim, written out here by reading the post, with the claim
 * that checks it. A sentence added to this list without a claim fails the test below.
 */
const CLAIM_SENTENCES: Array<[sentence: string, claim: CheckId]> = [
  ["FLOPs ≈ E⋅V + L⋅(8⋅E²⋅S + 4⋅E⋅H⋅S + H⋅S²)", "gpt4o-formula"],
  ["S = context size (seq_len, e.g. 2M tokens for 2MB)", "s-bytes"],
  ["L = number of layers (e.g. 100+ in GPT-4 class)", "model-size"],
  ["E⋅V → one giant matrix multiply at the final output projection", "logits"],
  ["8⋅E²⋅S → the two-layer MLPs (most of the FLOPs!)", "mlp"],
  ["4⋅E⋅H⋅S → Q/K/V dot products", "qkv"],
  ["H⋅S² → self-attention dot(Q,K) → softmax", "s-squared"],
  ["Large context windows are devastating (S² term)", "context-devastating"],
  ["Big embedding sizes blow up E²⋅S", "embedding-size"],
  ["Massive vocab sizes make E⋅V crazy at inference", "vocab"],
  ["1731304652800000", "repl"],
  ["one quadrillion seven hundred thirty-one trillion", "words"],
  ["That’s insane, can’t be right.", "insane"],
  ["involves approximately ( 2N ) FLOPs per token", "two-n"],
  ["FLOPs per token: $\\approx 2 \\times N \\times S$", "two-n-s"],
  ["the model processes the entire context for each new token", "entire-context"],
  ["So, approximately 25.6 quadrillion FLOPs per token", "grok-1e11"],
  ["So, approximately 256 quadrillion FLOPs per token", "grok-1e12"],
  ["These are typically less computationally intensive", "less-intensive"],
  ["MoE models reduce effective FLOPs per token due to sparse computation", "moe"],
  ["the effective parameters per token might be ~222 billion", "moe-222b"],
  ["Real-world GPU utilization is often 30–50% of peak performance", "utilization"],
  ["approximately 20–50 quadrillion FLOPs", "likely-range"],
  ["The Hugging Face forum post confirms the $2N \\times S$ formula", "hf-forum"],
  ["FLOPs per token is on the order of $7 \\times 10^{11}$", "gpt3"],
  ["GPT-4o’s API pricing ($2.50 per million input tokens, $10 per million output tokens) suggests high computational costs", "price"],
  ["The exact FLOPs depend on implementation details (e.g., quantization, optimized attention mechanisms like multi-query attention)", "implementation-details"],
  ["real-world usage often involves shorter contexts, reducing FLOPs proportionally", "shorter-contexts"],
];

describe("the post's claims", () => {
  it("quote the post verbatim", () => {
    for (const claim of CLAIMS) expect(POST.includes(claim.quote), claim.id).toBe(true);
  });

  it("every sentence of the post that makes a claim has a verdict, and the claim quotes that sentence", () => {
    for (const [sentence, id] of CLAIM_SENTENCES) {
      expect(POST.includes(sentence), `not in the post: ${sentence}`).toBe(true);
      const claim = CLAIMS.find((c) => c.id === id);
      expect(claim, `no claim checks “${sentence}”`).toBeDefined();
      expect(["holds", "wrong", "approximate"]).toContain(claim?.verdict);
      const quote = claim?.quote ?? "";
      expect(quote.includes(sentence) || sentence.includes(quote), `${id} does not quote “${sentence}”`).toBe(true);
    }
    // And nothing is checked that the list above does not name: the list is the post's claims.
    expect(new Set(CLAIMS.map((c) => c.id))).toEqual(new Set(CLAIM_SENTENCES.map(([, id]) => id)));
  });

  it("have unique ids, and prose for each that uses only its check's figures", () => {
    expect(new Set(CLAIMS.map((c) => c.id)).size).toBe(CLAIMS.length);
    const sections = proseSections();
    for (const claim of CLAIMS) {
      const checked = checkClaim(claim, sections);
      expect(checked.summaryHtml, claim.id).not.toMatch(/[{}⟦⟧]/);
      expect(checked.figures.length, claim.id).toBeGreaterThan(0);
    }
  });

  it("refuse prose that names a figure the check does not compute, naming the claim and the figure", () => {
    const claim = CLAIMS.find((c) => c.id === "logits");
    if (!claim) throw new Error("no logits claim");
    const sections = new Map([["logits", "The head costs {logitz}."]]);
    expect(() => checkClaim(claim, sections)).toThrow(/## logits: \{logitz\} is not a figure of its check/);
  });

  it("escape figure text that looks like markup and keep the prose's Markdown", () => {
    const claim = CLAIMS.find((c) => c.id === "words");
    if (!claim) throw new Error("no words claim");
    const checked = checkClaim(claim, new Map([["words", "*In words*, {words}."]]));
    expect(checked.summaryHtml).toBe("<em>In words</em>, one quadrillion seven hundred thirty-one trillion three hundred four billion six hundred fifty-two million eight hundred thousand.");
  });
});

describe("the checks' figures, against hand arithmetic and the post", () => {
  it("the REPL line evaluates to what the post's REPL printed; H = 8 in both terms adds 4·E·7·S·L", () => {
    const printed = BigInt(/^(\d{16})$/m.exec(POST)?.[1] ?? "0");
    expect(value("repl", "value")).toBe(printed);
    expect(value("repl", "withH8")).toBe(printed + 4n * E * 7n * S * L);
    expect(text("words", "words")).toBe("one quadrillion seven hundred thirty-one trillion three hundred four billion six hundred fifty-two million eight hundred thousand");
  });

  it("the post's first-principles token: 251,618,918,400 FLOPs; the author's “can't be right” holds at 6,881×", () => {
    expect(token(S)).toBe(251_618_918_400n);
    expect(value("insane", "right")).toBe(token(S));
    expect(text("insane", "times")).toBe("6,881×"); // 1,731,304,652,800,000 / 251,618,918,400 = 6,880.66
  });

  it("2 MB of English is about 500,000 tokens at ~4 bytes per token", () => {
    expect(value("s-bytes", "tokens")).toBe(500_000n);
  });

  it("E = 4096 with L = 100 is a 21.8-billion-parameter model", () => {
    // Layers 12·E²·L, embedding and LM head 2·V·E, two LayerNorms per layer and a final one.
    expect(value("model-size", "total")).toBe(12n * E * E * L + 2n * V * E + 2n * E * L + E);
    expect(value("model-size", "total")).toBe(21_771_882_496n);
  });

  it("E·V: 2·E·V FLOPs per token", () => {
    expect(value("logits", "logits")).toBe(2n * E * V);
  });

  it("the MLP: 16·E² per layer; 59 % of a token at 2k, about half at 8k, two thirds of the weights, half or more up to 7,192", () => {
    const mlp = 16n * E * E * L;
    expect(value("mlp", "perLayer")).toBe(16n * E * E);
    expect(value("mlp", "share2k")).toBeCloseTo(Number(mlp) / Number(token(2048n)), 12);
    expect(text("mlp", "share2k")).toBe("59.3%");
    expect(text("mlp", "share8k")).toBe("48.5%");
    expect(text("mlp", "weightShare")).toBe("64.1%");
    // MLP = half the token where 2·MLP = weights + attention: S = (2·16·E²·L − weights) / (4·L·E).
    expect(value("mlp", "lastMajority")).toBe((2n * mlp - weightFlops) / attentionPerKey);
    expect(value("mlp", "lastMajority")).toBe(7_192n);
  });

  it("Q/K/V projections 6·E² per layer; attention 4·S·E per layer", () => {
    expect(value("qkv", "projections")).toBe(6n * E * E);
    expect(value("qkv", "attention")).toBe(4n * S * E);
  });

  it("s-squared: the head width is E/H = 512 with the post's H = 8", () => {
    expect(value("s-squared", "headWidth")).toBe(512n);
    expect(value("s-squared", "scores")).toBe(2n * S * E);
  });

  it("at 128k attention is 83 % of the post model's token; it passes the weights after 25,576 tokens", () => {
    expect(value("entire-context", "attention")).toBe(attentionPerKey * S);
    expect(text("entire-context", "share")).toBe("83.3%");
    expect(value("less-intensive", "overtakes")).toBe(weightFlops / attentionPerKey + 1n); // 25,576 exactly equal, then more
    expect(value("less-intensive", "overtakes")).toBe(25_577n);
  });

  it("2·N·S is the weight part of the no-cache cost (5.15×10¹⁵); causal attention brings it to 1.86×10¹⁶", () => {
    const n = 12n * E * E * L + 2n * E * L + E; // non-embedding: layers and LayerNorm weights
    expect(value("two-n-s", "weights")).toBe(2n * n * S);
    expect(text("two-n-s", "weights")).toContain("(5.15×10¹⁵)");
    // No cache: every position through the layers' weights, causal attention over 1 + 2 + … + S keys, logits once.
    const rerun = 2n * 12n * E * E * L * S + attentionPerKey * ((S * (S + 1n)) / 2n) + 2n * E * V;
    expect(value("two-n-s", "rerun")).toBe(rerun);
    expect(text("two-n-s", "rerun")).toContain("(1.86×10¹⁶)");
  });

  it("Grok's 2.56×10¹⁶: 101,741× the post's model, 35,404× a 10¹¹-parameter model like for like", () => {
    expect(value("grok-1e11", "stated")).toBe(2n * 10n ** 11n * S);
    expect(text("grok-1e11", "againstPost")).toBe("101,741×");
    const sized = 2n * (12n * 8192n * 8192n * 124n + 8192n * V) + 4n * 124n * 8192n * S;
    expect(value("grok-1e11", "sized")).toBe(sized);
    expect(text("grok-1e11", "likeForLike")).toBe("35,404×");
    expect(value("grok-1e12", "stated")).toBe(2n * 10n ** 12n * S);
  });

  it("222 billion effective parameters give 5.68×10¹⁶ by Grok's own formula, above its 2–5×10¹⁶ range", () => {
    expect(value("moe-222b", "own")).toBe(2n * 222_000_000_000n * S);
    expect(value("moe-222b", "own") > 50n * 10n ** 15n).toBe(true);
  });

  it("the likely range is four to five orders of magnitude too many (10⁴ to 10⁵, rounded)", () => {
    const least = Number(value("likely-range", "leastOver"));
    const most = Number(value("likely-range", "mostOver"));
    expect(Math.log10(least)).toBeGreaterThanOrEqual(4);
    expect(Math.log10(most)).toBeLessThan(5.5);
    expect(most).toBeGreaterThan(least);
  });

  it("the LM head: 0.65 % of the post's token at 128k, 19 % of Llama 3.2 1B's at 2k", () => {
    expect(text("vocab", "share128k")).toBe("0.651%"); // 1,638,400,000 / 251,618,918,400
    // Llama 3.2 1B at S = 2048: d = 2048, 16 layers, 32 query heads and 8 KV heads of 64, a gated 8192 MLP, V = 128,256.
    const d = 2048n, kv = 512n, ff = 8192n, s = 2048n;
    const layer = 2n * d * d + 2n * 2n * d * kv + 4n * s * d + 2n * d * d + 2n * 3n * d * ff;
    const logits = 2n * d * 128_256n;
    expect(value("vocab", "llama")).toBeCloseTo(Number(logits) / Number(16n * layer + logits), 12);
    expect(text("vocab", "llama")).toBe("19.2%");
  });

  it("multi-query attention: 2.33 % fewer FLOPs, an 8× smaller KV cache", () => {
    // K and V projections shrink from E×E to E×512 in each of 100 layers.
    const saved = 2n * 2n * E * (E - 512n) * L;
    expect(value("implementation-details", "flopsChange")).toBeCloseTo(Number(saved) / Number(token(S)), 12);
    expect(value("implementation-details", "mhaCache")).toBe(2n * L * E * 2n); // K and V, E wide, bf16
    expect(value("implementation-details", "mqaCache")).toBe(2n * L * 512n * 2n);
  });

  it("GPT-3's 7×10¹¹ is 2·N·S with S = 2", () => {
    expect(value("gpt3", "ownFormula")).toBe(2n * 175_000_000_000n * 2048n);
    expect(value("gpt3", "reproducing")).toBe(2n * 175_000_000_000n * 2n);
  });

  it("PaLM's utilization is its published 46.2%", () => {
    expect(text("utilization", "mfu")).toBe("46.2%");
  });

  it("$10 per million tokens at $2 per GPU-hour buys 0.018 GPU-seconds per token", () => {
    // 10 / 10⁶ dollars ÷ (2 / 3600 dollars per second) = 0.018 s.
    expect(value("price", "gpuSeconds")).toBeCloseTo(0.018, 12);
  });
});
