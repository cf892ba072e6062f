import {
  countParams,
  decodeFlops,
  decodeNoCacheFlops,
  DEFAULT_USD_PER_GPU_HOUR,
  evaluateFormula,
  exampleValues,
  formatFloat,
  formatPercent,
  formatScientificUnicode,
  gpt4oRepl,
  grok,
  grokGpt3Claim,
  groupDigits,
  hardwareById,
  modelFlopsUtilization,
  numberToWords,
  palm,
  PALM_540B_TRAINING_RUN,
  prefillFlops,
  presetById,
  priceImpliedFlops,
  type FlopCount,
  type ModelSpec,
} from "../../src/core/index";
import { POST_CONTEXT } from "./answers";

/**
 * The post's claims, each with a verdict and the computation that decides
 * it. The post page (site/pages/post.astro) quotes the post in full and puts
 * each verdict next to the sentence it is about; every number is computed here
 * with the formula core at build time.
 *
 * `quote` must appear verbatim in notebooks/seed/how-many-flops.txt (a test
 * checks it). `step` links to the notebook section that works the claim
 * through; a test checks that every link target exists in the built site.
 */
export type Verdict = "holds" | "wrong" | "approximate";

export interface Claim {
  /** Anchor on the post page: #claim-<id>. */
  id: string;
  /** Whose claim it is. */
  who: "GPT4o" | "Grok" | "the post";
  /** The claim, verbatim from the post (its raw text, TeX included). */
  quote: string;
  verdict: Verdict;
  /** The check, computed now. */
  check(): Check;
  /** Where a notebook shows it: the notebook's id (file name without .ipynb) and a heading or equation anchor on its page. */
  step: { notebook: string; anchor: string; label: string };
}

export interface Check {
  /** One or two sentences, numbers included. */
  summary: string;
  /** The figures behind it. */
  figures: Array<{ label: string; value: string }>;
}

/**
 * Notebook sections the claims link to. Notebook ids are file names without
 * .ipynb; anchors are heading ids (explicit `{#id}` or GitHub-style slugs) or
 * equation labels. Change them here when a notebook's sections move.
 */
const STEPS = {
  gpt4oFormula: { notebook: "01-the-question", anchor: "gpt4os-formula-term-by-term", label: "GPT4o’s formula, term by term" },
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
  price: { notebook: "07-power-hungry", anchor: "what-the-api-price-can-pay-for", label: "what the API price can pay for" },
} satisfies Record<string, Claim["step"]>;

const S = POST_CONTEXT;
const post = (): ModelSpec => presetById("post-hypothetical").spec;
const sci = (value: bigint | number): string => formatScientificUnicode(value);
const flops = (value: bigint): string => `${groupDigits(value)} (${sci(value)})`;
const share = (part: bigint, whole: bigint): string => formatPercent(Number(part) / Number(whole));
const times = (big: bigint, small: bigint): string => groupDigits(big / small);
const ratio = (a: bigint, b: bigint): string => formatFloat(Number(a) / Number(b), 3);
const attention = (count: FlopCount): bigint => count.terms.attnScores + count.terms.attnValues;

export const CLAIMS: readonly Claim[] = [
  {
    id: "gpt4o-formula",
    who: "GPT4o",
    quote: "FLOPs ≈ E⋅V + L⋅(8⋅E²⋅S + 4⋅E⋅H⋅S + H⋅S²)",
    verdict: "wrong",
    check() {
      const repl = evaluateFormula(gpt4oRepl, exampleValues(gpt4oRepl)).total;
      const right = decodeFlops(post(), S).total;
      return {
        summary: `For the post’s inputs it gives ${sci(repl)} FLOPs; one generated token costs ${sci(right)}, ${times(repl, right)} times less. The formula has the shape of a whole sequence (terms in S and S²), counts multiply-adds rather than FLOPs, and its attention terms leave out the head width.`,
        figures: [
          { label: "GPT4o’s formula (the post’s REPL line)", value: flops(repl) },
          { label: "one token with a KV cache, counted", value: flops(right) },
        ],
      };
    },
    step: STEPS.gpt4oFormula,
  },
  {
    id: "logits",
    who: "GPT4o",
    quote: "E⋅V → one giant matrix multiply at the final output projection (dot against every token in vocab)",
    verdict: "holds",
    check() {
      const count = decodeFlops(post(), S);
      return {
        summary: `It is one (1 × E)·(E × V) product per token: E·V multiply-adds, so 2·E·V = ${groupDigits(count.terms.logits)} FLOPs, ${share(count.terms.logits, count.total)} of a token’s FLOPs at S = ${groupDigits(S)}.`,
        figures: [
          { label: "logits (LM head), per token", value: flops(count.terms.logits) },
          { label: "share of the token’s FLOPs", value: share(count.terms.logits, count.total) },
        ],
      };
    },
    step: STEPS.terms,
  },
  {
    id: "mlp",
    who: "GPT4o",
    quote: "8⋅E²⋅S → the two-layer MLPs (most of the FLOPs!)",
    verdict: "wrong",
    check() {
      const spec = post();
      const count = decodeFlops(spec, S);
      const perLayer = count.terms.mlp / BigInt(spec.numLayers);
      return {
        summary: `Per token the two MLP matrices (E × 4E and 4E × E) cost 16·E² = ${groupDigits(perLayer)} FLOPs per layer, whatever the context: with a KV cache nothing in the MLP depends on S. At S = ${groupDigits(S)} the MLPs are ${share(count.terms.mlp, count.total)} of the token’s FLOPs; attention over the cache is ${share(attention(count), count.total)}.`,
        figures: [
          { label: "MLP per layer per token", value: flops(perLayer) },
          { label: "MLP share at S = 128,000", value: share(count.terms.mlp, count.total) },
          { label: "attention share at S = 128,000", value: share(attention(count), count.total) },
        ],
      };
    },
    step: STEPS.terms,
  },
  {
    id: "qkv",
    who: "GPT4o",
    quote: "4⋅E⋅H⋅S → Q/K/V dot products",
    verdict: "wrong",
    check() {
      const spec = post();
      const count = decodeFlops(spec, S);
      const layers = BigInt(spec.numLayers);
      const projections = (count.terms.qProj + count.terms.kProj + count.terms.vProj) / layers;
      return {
        summary: `Making the new token’s query, key and value costs 6·E² = ${groupDigits(projections)} FLOPs per layer, with neither H nor S in it. What grows with S is the dot products against the cache, QKᵀ and the weighted sum of V: 4·S·E = ${groupDigits(attention(count) / layers)} FLOPs per layer at S = ${groupDigits(S)}.`,
        figures: [
          { label: "Q, K, V projections per layer", value: flops(projections) },
          { label: "QKᵀ and × V per layer, S = 128,000", value: flops(attention(count) / layers) },
        ],
      };
    },
    step: STEPS.terms,
  },
  {
    id: "s-squared",
    who: "GPT4o",
    quote: "H⋅S² → self-attention dot(Q,K) → softmax",
    verdict: "wrong",
    check() {
      const spec = post();
      const count = decodeFlops(spec, S);
      const scores = count.terms.attnScores / BigInt(spec.numLayers);
      return {
        summary: `With a KV cache the new token’s query meets S keys: 2·S·E = ${groupDigits(scores)} FLOPs per layer for the scores, linear in S. H·S² counts the query–key pairs of a whole sequence, and each pair is a dot product of d_h = 128 numbers, which the term leaves out.`,
        figures: [{ label: "QKᵀ per layer per token, S = 128,000", value: flops(scores) }],
      };
    },
    step: STEPS.terms,
  },
  {
    id: "context-devastating",
    who: "GPT4o",
    quote: "Large context windows are devastating (S² term)",
    verdict: "approximate",
    check() {
      const spec = post();
      const short = decodeFlops(spec, 4096);
      const long = decodeFlops(spec, S);
      const prompt = prefillFlops(spec, S);
      return {
        summary: `Per generated token, attention grows linearly: going from 4,096 to ${groupDigits(S)} tokens of context (× ${ratio(BigInt(S), 4096n)}) multiplies the token’s attention FLOPs by ${ratio(attention(long), attention(short))} and its total by ${ratio(long.total, short.total)}. The S² is real for reading the prompt: prefilling ${groupDigits(S)} tokens costs ${sci(prompt.total)} FLOPs, ${share(attention(prompt), prompt.total)} of it attention.`,
        figures: [
          { label: "one token at S = 4,096", value: flops(short.total) },
          { label: "one token at S = 128,000", value: flops(long.total) },
          { label: "prefill of 128,000 tokens", value: flops(prompt.total) },
        ],
      };
    },
    step: STEPS.prefill,
  },
  {
    id: "embedding-size",
    who: "GPT4o",
    quote: "Big embedding sizes blow up E²⋅S",
    verdict: "approximate",
    check() {
      const spec = post();
      const count = decodeFlops(spec, S);
      const layers = BigInt(spec.numLayers);
      const weights = (count.terms.qProj + count.terms.kProj + count.terms.vProj + count.terms.outProj + count.terms.mlp) / layers;
      return {
        summary: `The weight matrices do grow with E²: 24·E² = ${groupDigits(weights)} FLOPs per layer per token (attention projections and a 4E MLP). But that is per token, not times S: only attention, which grows with E, is multiplied by the context.`,
        figures: [{ label: "E²-terms per layer per token", value: flops(weights) }],
      };
    },
    step: STEPS.oneLayer,
  },
  {
    id: "vocab",
    who: "GPT4o",
    quote: "Massive vocab sizes make E⋅V crazy at inference",
    verdict: "wrong",
    check() {
      const spec = post();
      const long = decodeFlops(spec, S);
      const short = decodeFlops(spec, 1);
      return {
        summary: `The LM head is the largest single matrix (E × V = ${groupDigits(BigInt(spec.hiddenSize) * BigInt(spec.vocabSize))} weights), yet it is ${share(long.terms.logits, long.total)} of a token’s FLOPs at S = ${groupDigits(S)} and ${share(short.terms.logits, short.total)} at the very start of a sequence.`,
        figures: [
          { label: "logits share, S = 128,000", value: share(long.terms.logits, long.total) },
          { label: "logits share, S = 1", value: share(short.terms.logits, short.total) },
        ],
      };
    },
    step: STEPS.terms,
  },
  {
    id: "repl",
    who: "the post",
    quote: "1731304652800000",
    verdict: "holds",
    check() {
      const value = evaluateFormula(gpt4oRepl, exampleValues(gpt4oRepl)).total;
      return {
        summary: `The arithmetic is right: the line evaluates to ${groupDigits(value)}. It types the head count as 1 in the Q/K/V term and as 8 in the S² term; with 8 in both the total changes by less than 0.1 %.`,
        figures: [{ label: "the REPL line, evaluated exactly", value: groupDigits(value) }],
      };
    },
    step: STEPS.replLine,
  },
  {
    id: "words",
    who: "the post",
    quote: "one quadrillion seven hundred thirty-one trillion three hundred four billion six hundred fifty-two million eight hundred thousand",
    verdict: "holds",
    check() {
      const value = evaluateFormula(gpt4oRepl, exampleValues(gpt4oRepl)).total;
      return { summary: `In words, ${groupDigits(value)} is “${numberToWords(value)}”.`, figures: [{ label: "≈", value: sci(value) }] };
    },
    step: STEPS.replLine,
  },
  {
    id: "two-n",
    who: "Grok",
    quote: "the forward pass of a decoder-only transformer involves approximately ( 2N ) FLOPs per token, where ( N ) is the number of non-embedding parameters",
    verdict: "holds",
    check() {
      const spec = post();
      const n = countParams(spec).nonEmbedding;
      const first = decodeFlops(spec, 1);
      return {
        summary: `Kaplan et al.’s rule: one multiply-add per weight. For the post’s model 2N = ${sci(2n * n)}; the counted first token (no context to attend to) is ${sci(first.total)}, the difference being mostly the LM head (${sci(first.terms.logits)}), which N leaves out.`,
        figures: [
          { label: "2N (non-embedding)", value: flops(2n * n) },
          { label: "one token at S = 1, counted", value: flops(first.total) },
        ],
      };
    },
    step: STEPS.kaplan,
  },
  {
    id: "two-n-s",
    who: "Grok",
    quote: "FLOPs per token: $\\approx 2 \\times N \\times S$",
    verdict: "wrong",
    check() {
      const spec = post();
      const cached = decodeFlops(spec, S).total;
      const rerun = decodeNoCacheFlops(spec, S).total;
      return {
        summary: `2·N·S is what a token costs if the model re-reads all S tokens of context through every weight for each new token, i.e. without a KV cache: ${sci(rerun)} FLOPs for the post’s model. Every serving stack keeps the cache, and then a token costs ${sci(cached)}: ${times(rerun, cached)} times less.`,
        figures: [
          { label: "no cache (the whole context again)", value: flops(rerun) },
          { label: "with a KV cache", value: flops(cached) },
        ],
      };
    },
    step: STEPS.grokRegime,
  },
  {
    id: "entire-context",
    who: "Grok",
    quote: "During generation, the model processes the entire context for each new token, as it attends to all previous tokens in the sequence.",
    verdict: "wrong",
    check() {
      const spec = post();
      const count = decodeFlops(spec, S);
      return {
        summary: `It does attend to all previous tokens, but through their cached keys and values: that is ${share(attention(count), count.total)} of the token’s ${sci(count.total)} FLOPs at S = ${groupDigits(S)}. The weights process only the new token.`,
        figures: [
          { label: "attention over the cache", value: flops(attention(count)) },
          { label: "everything else (weights, once)", value: flops(count.total - attention(count)) },
        ],
      };
    },
    step: STEPS.kvCache,
  },
  {
    id: "grok-1e11",
    who: "Grok",
    quote: "So, approximately 25.6 quadrillion FLOPs per token",
    verdict: "wrong",
    check() {
      const stated = evaluateFormula(grok, { N: 100_000_000_000n, S: BigInt(S) }).total;
      const model = presetById("llama-3.1-70b").spec;
      const real = decodeFlops(model, S).total;
      return {
        summary: `2 × 10¹¹ × 1.28 × 10⁵ is ${sci(stated)}, but that is 2·N·S again. A real dense 70-billion-parameter model with a 128k window, ${model.name}, spends ${sci(real)} FLOPs on a token at S = ${groupDigits(S)}: ${times(stated, real)} times less.`,
        figures: [
          { label: "Grok, N = 10¹¹", value: flops(stated) },
          { label: `${model.name}, one token at S = 128,000`, value: flops(real) },
        ],
      };
    },
    step: STEPS.grokNumbers,
  },
  {
    id: "grok-1e12",
    who: "Grok",
    quote: "So, approximately 256 quadrillion FLOPs per token",
    verdict: "wrong",
    check() {
      const stated = evaluateFormula(grok, { N: 1_000_000_000_000n, S: BigInt(S) }).total;
      const model = presetById("llama-3.1-405b").spec;
      const real = decodeFlops(model, S).total;
      return {
        summary: `The largest open dense model, ${model.name}, spends ${sci(real)} FLOPs on a token at S = ${groupDigits(S)}; 2·N·S with N = 10¹² is ${times(stated, real)} times that.`,
        figures: [
          { label: "Grok, N = 10¹²", value: flops(stated) },
          { label: `${model.name}, one token at S = 128,000`, value: flops(real) },
        ],
      };
    },
    step: STEPS.grokNumbers,
  },
  {
    id: "moe",
    who: "Grok",
    quote: "MoE models reduce effective FLOPs per token due to sparse computation",
    verdict: "holds",
    check() {
      const model = presetById("deepseek-v3").spec;
      const params = countParams(model);
      const token = decodeFlops(model, 4096).total;
      return {
        summary: `${model.name} has ${sci(params.total)} parameters, but a token goes through ${sci(params.active)} of them (8 of 256 routed experts): a token at S = 4,096 costs ${sci(token)} FLOPs, not the ${sci(2n * params.total)} that 2 × all parameters would give.`,
        figures: [
          { label: "parameters, total", value: flops(params.total) },
          { label: "parameters, active per token", value: flops(params.active) },
          { label: "one token at S = 4,096", value: flops(token) },
        ],
      };
    },
    step: STEPS.moe,
  },
  {
    id: "gpt3",
    who: "Grok",
    quote: "For smaller models like GPT-3 (175 billion parameters) with a 2k context, FLOPs per token is on the order of $7 \\times 10^{11}$",
    verdict: "approximate",
    check() {
      const claim = grokGpt3Claim;
      const ownFormula = evaluateFormula(claim.formula, claim.described).total;
      const reproducing = evaluateFormula(claim.formula, claim.reproducing).total;
      const real = decodeFlops(presetById("gpt3-175b").spec, 2048).total;
      return {
        summary: `Right order of magnitude by accident: GPT-3 spends ${sci(real)} FLOPs on a token at a 2,048 context. Grok’s own 2·N·S gives ${sci(ownFormula)} there; ${sci(reproducing)} is 2·N·S with the “2k” typed as 2.`,
        figures: [
          { label: "GPT-3, one token at S = 2,048", value: flops(real) },
          { label: "2·N·S with S = 2,048", value: flops(ownFormula) },
          { label: "2·N·S with S = 2", value: flops(reproducing) },
        ],
      };
    },
    step: STEPS.gpt3Claim,
  },
  {
    id: "shorter-contexts",
    who: "Grok",
    quote: "real-world usage often involves shorter contexts, reducing FLOPs proportionally",
    verdict: "approximate",
    check() {
      const spec = post();
      const short = decodeFlops(spec, 8000).total;
      const long = decodeFlops(spec, S).total;
      return {
        summary: `Only the attention part is proportional to S. Cutting the context from ${groupDigits(S)} to 8,000 tokens (to 6.25 %) leaves a token at ${share(short, long)} of its FLOPs: the weights cost the same at any context.`,
        figures: [
          { label: "one token at S = 8,000", value: flops(short) },
          { label: "one token at S = 128,000", value: flops(long) },
        ],
      };
    },
    step: STEPS.perTokenContext,
  },
  {
    id: "utilization",
    who: "Grok",
    quote: "Real-world GPU utilization is often 30–50% of peak performance",
    verdict: "approximate",
    check() {
      const run = PALM_540B_TRAINING_RUN;
      const perToken = evaluateFormula(palm, exampleValues(palm)).total;
      const mfu = modelFlopsUtilization({ flopsPerToken: perToken, tokensPerSecond: run.tokensPerSecond, chips: run.chips, peakFlopsPerChip: run.peakFlopsPerChip });
      return {
        summary: `For training, yes: PaLM 540B reached ${formatPercent(mfu)} of its TPUs’ peak (model FLOPs utilization, recomputed from its reported throughput). Generating tokens one sequence at a time is far lower, because every step has to read all the weights from memory for very little arithmetic.`,
        figures: [{ label: "PaLM 540B training MFU", value: formatPercent(mfu) }],
      };
    },
    step: STEPS.palm,
  },
  {
    id: "likely-range",
    who: "Grok",
    quote: "the FLOPs per token generation is approximately 20–50 quadrillion FLOPs",
    verdict: "wrong",
    check() {
      const small = decodeFlops(presetById("llama-3.1-70b").spec, S).total;
      const large = decodeFlops(presetById("llama-3.1-405b").spec, S).total;
      return {
        summary: `Dense models of 70 to 405 billion parameters spend ${sci(small)} to ${sci(large)} FLOPs on a token at a ${groupDigits(S)}-token context: about ten thousand times less than 2–5 × 10¹⁶.`,
        figures: [
          { label: "Llama 3.1 70B, S = 128,000", value: flops(small) },
          { label: "Llama 3.1 405B, S = 128,000", value: flops(large) },
        ],
      };
    },
    step: STEPS.realModels,
  },
  {
    id: "price",
    who: "Grok",
    quote: "GPT-4o’s API pricing ($2.50 per million input tokens, $10 per million output tokens) suggests high computational costs",
    verdict: "wrong",
    check() {
      const hardware = hardwareById("h100-sxm");
      const budget = priceImpliedFlops({ usdPerMillionTokens: 10, usdPerGpuHour: DEFAULT_USD_PER_GPU_HOUR, hardware, utilization: 1 });
      const grokFlops = evaluateFormula(grok, { N: 100_000_000_000n, S: BigInt(S) }).total;
      return {
        summary: `The price argues the other way. $10 per million tokens buys ${formatFloat(budget.gpuSecondsPerToken, 3)} GPU-seconds per token at $${DEFAULT_USD_PER_GPU_HOUR} per ${hardware.name}-hour: at most ${sci(Math.round(budget.flopsPerToken))} FLOPs even at full peak. Grok’s ${sci(grokFlops)} would cost ${groupDigits(BigInt(Math.round(Number(grokFlops) / budget.flopsPerToken)))} times the price.`,
        figures: [
          { label: "FLOPs per token $10/M can pay for (H100, 100 % of peak)", value: sci(Math.round(budget.flopsPerToken)) },
          { label: "Grok’s estimate", value: sci(grokFlops) },
        ],
      };
    },
    step: STEPS.price,
  },
];
