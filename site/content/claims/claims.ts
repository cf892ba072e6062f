/**
 * The post's claims as data: who made each, its words, the verdict and the
 * notebook step that works it through. The figures come from checks.ts (a
 * claim's id names its check), the words around them from prose.md.
 *
 * `quote` must appear verbatim in notebooks/seed/how-many-flops.txt; the post
 * page checks each claim where its quote first appears.
 */
import type { CheckId } from "./checks";

export type Verdict = "holds" | "wrong" | "approximate";

export interface Claim {
  /** Anchor on the post page (#claim-<id>), its check in checks.ts and its section in prose.md. */
  id: CheckId;
  who: "GPT4o" | "Grok" | "the post";
  /** The claim, verbatim from the post (its raw text, TeX included). */
  quote: string;
  verdict: Verdict;
  /** Where a notebook shows it: the notebook's id (file name without .ipynb) and a heading or equation anchor on its page. */
  step: Step;
}

export interface Step {
  notebook: string;
  anchor: string;
  label: string;
}

/**
 * Notebook sections the claims link to: heading ids (explicit `{#id}` or
 * GitHub-style slugs) or equation labels. A test checks each exists in the
 * built site; change them here when a notebook's sections move.
 */
const STEPS = {
  gpt4oFormula: { notebook: "01-the-question", anchor: "gpt4os-formula-term-by-term", label: "GPT4o’s formula, term by term" },
  tokensNotBytes: { notebook: "01-the-question", anchor: "tokens-are-not-bytes", label: "tokens are not bytes" },
  replLine: { notebook: "01-the-question", anchor: "the-repl-line-exactly-as-typed", label: "the REPL line, exactly as typed" },
  terms: { notebook: "01-the-question", anchor: "what-each-term-really-counts", label: "what each term really counts" },
  grokNumbers: { notebook: "02-grok-2ns", anchor: "groks-numbers-reproduced", label: "Grok’s numbers, reproduced" },
  grokRegime: { notebook: "02-grok-2ns", anchor: "which-regime-2ns-describes", label: "which regime 2·N·S describes" },
  kvCache: { notebook: "02-grok-2ns", anchor: "the-kv-cache-and-what-it-costs-instead", label: "the KV cache, and what it costs instead" },
  perTokenContext: { notebook: "02-grok-2ns", anchor: "per-token-cost-against-the-context", label: "per-token cost against the context" },
  gpt3Claim: { notebook: "02-grok-2ns", anchor: "gpt-3-at-2k-context--710", label: "“GPT-3 at 2k context ≈ 7×10¹¹”" },
  moe: { notebook: "02-grok-2ns", anchor: "mixture-of-experts", label: "mixture of experts" },
  oneLayer: { notebook: "03-first-principles", anchor: "one-token-through-one-layer", label: "one token through one layer" },
  kaplan: { notebook: "03-first-principles", anchor: "kaplan-et-als-table-1-from-the-shapes", label: "Kaplan et al.’s Table 1, from the shapes" },
  prefill: { notebook: "03-first-principles", anchor: "prefill-against-decode", label: "prefill against decode" },
  palm: { notebook: "03-first-principles", anchor: "palms-462-model-flops-utilisation", label: "PaLM’s 46.2% model FLOPs utilisation" },
  realModels: { notebook: "04-real-models", anchor: "flops-per-token-at-8k-and-128k", label: "FLOPs per token at 8k and 128k" },
  attentionOvertakes: { notebook: "04-real-models", anchor: "where-attention-overtakes-the-rest", label: "where attention overtakes the rest" },
  threeAnswers: { notebook: "06-the-answer", anchor: "three-answers-side-by-side", label: "three answers side by side" },
  inputsImply: { notebook: "06-the-answer", anchor: "what-the-inputs-imply", label: "what the inputs imply" },
  longContext: { notebook: "08-power-hungry", anchor: "why-a-long-context-is-expensive", label: "why a long context is expensive" },
  price: { notebook: "08-power-hungry", anchor: "what-the-api-price-can-pay-for", label: "what the API price can pay for" },
} satisfies Record<string, Step>;

export const CLAIMS: readonly Claim[] = [
  { id: "gpt4o-formula", who: "GPT4o", quote: "FLOPs ≈ E⋅V + L⋅(8⋅E²⋅S + 4⋅E⋅H⋅S + H⋅S²)", verdict: "wrong", step: STEPS.gpt4oFormula },
  { id: "s-bytes", who: "GPT4o", quote: "S = context size (seq_len, e.g. 2M tokens for 2MB)", verdict: "wrong", step: STEPS.tokensNotBytes },
  { id: "model-size", who: "GPT4o", quote: "L = number of layers (e.g. 100+ in GPT-4 class)", verdict: "wrong", step: STEPS.inputsImply },
  { id: "logits", who: "GPT4o", quote: "E⋅V → one giant matrix multiply at the final output projection (dot against every token in vocab)", verdict: "holds", step: STEPS.terms },
  { id: "mlp", who: "GPT4o", quote: "8⋅E²⋅S → the two-layer MLPs (most of the FLOPs!)", verdict: "approximate", step: STEPS.terms },
  { id: "qkv", who: "GPT4o", quote: "4⋅E⋅H⋅S → Q/K/V dot products", verdict: "wrong", step: STEPS.terms },
  { id: "s-squared", who: "GPT4o", quote: "H⋅S² → self-attention dot(Q,K) → softmax", verdict: "wrong", step: STEPS.terms },
  { id: "context-devastating", who: "GPT4o", quote: "Large context windows are devastating (S² term)", verdict: "approximate", step: STEPS.prefill },
  { id: "embedding-size", who: "GPT4o", quote: "Big embedding sizes blow up E²⋅S", verdict: "approximate", step: STEPS.oneLayer },
  { id: "vocab", who: "GPT4o", quote: "Massive vocab sizes make E⋅V crazy at inference", verdict: "wrong", step: STEPS.terms },
  { id: "repl", who: "the post", quote: "1731304652800000", verdict: "holds", step: STEPS.replLine },
  {
    id: "words",
    who: "the post",
    quote: "one quadrillion seven hundred thirty-one trillion three hundred four billion six hundred fifty-two million eight hundred thousand",
    verdict: "holds",
    step: STEPS.replLine,
  },
  { id: "insane", who: "the post", quote: "That’s insane, can’t be right.", verdict: "holds", step: STEPS.threeAnswers },
  {
    id: "two-n",
    who: "Grok",
    quote: "the forward pass of a decoder-only transformer involves approximately ( 2N ) FLOPs per token, where ( N ) is the number of non-embedding parameters",
    verdict: "holds",
    step: STEPS.kaplan,
  },
  { id: "two-n-s", who: "Grok", quote: "FLOPs per token: $\\approx 2 \\times N \\times S$", verdict: "wrong", step: STEPS.grokRegime },
  {
    id: "entire-context",
    who: "Grok",
    quote: "During generation, the model processes the entire context for each new token, as it attends to all previous tokens in the sequence.",
    verdict: "approximate",
    step: STEPS.kvCache,
  },
  { id: "grok-1e11", who: "Grok", quote: "So, approximately 25.6 quadrillion FLOPs per token", verdict: "wrong", step: STEPS.grokNumbers },
  { id: "grok-1e12", who: "Grok", quote: "So, approximately 256 quadrillion FLOPs per token", verdict: "wrong", step: STEPS.grokNumbers },
  {
    id: "less-intensive",
    who: "Grok",
    quote: "These are typically less computationally intensive but require memory access, reducing effective throughput.",
    verdict: "wrong",
    step: STEPS.attentionOvertakes,
  },
  { id: "moe", who: "Grok", quote: "MoE models reduce effective FLOPs per token due to sparse computation", verdict: "holds", step: STEPS.moe },
  {
    id: "moe-222b",
    who: "Grok",
    quote: "If GPT-4o is MoE with 1.8 trillion total parameters, the effective parameters per token might be ~222 billion, yielding FLOPs closer to the $N = 10^{11}$ case.",
    verdict: "wrong",
    step: STEPS.moe,
  },
  { id: "utilization", who: "Grok", quote: "Real-world GPU utilization is often 30–50% of peak performance", verdict: "approximate", step: STEPS.palm },
  { id: "likely-range", who: "Grok", quote: "the FLOPs per token generation is approximately 20–50 quadrillion FLOPs", verdict: "wrong", step: STEPS.realModels },
  {
    id: "hf-forum",
    who: "Grok",
    quote: "The Hugging Face forum post confirms the $2N \\times S$ formula for decoder-only transformers",
    verdict: "wrong",
    step: STEPS.grokRegime,
  },
  {
    id: "gpt3",
    who: "Grok",
    quote: "For smaller models like GPT-3 (175 billion parameters) with a 2k context, FLOPs per token is on the order of $7 \\times 10^{11}$",
    verdict: "approximate",
    step: STEPS.gpt3Claim,
  },
  {
    id: "price",
    who: "Grok",
    quote: "GPT-4o’s API pricing ($2.50 per million input tokens, $10 per million output tokens) suggests high computational costs",
    verdict: "wrong",
    step: STEPS.price,
  },
  {
    id: "implementation-details",
    who: "Grok",
    quote: "The exact FLOPs depend on implementation details (e.g., quantization, optimized attention mechanisms like multi-query attention).",
    verdict: "wrong",
    step: STEPS.longContext,
  },
  { id: "shorter-contexts", who: "Grok", quote: "real-world usage often involves shorter contexts, reducing FLOPs proportionally", verdict: "approximate", step: STEPS.perTokenContext },
];
