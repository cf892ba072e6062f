/**
 * The checks behind the post's claims: each computes its figures with the
 * formula core at build time and returns them by id. The words around the
 * figures are in prose.md; which claim uses which check is in claims.ts.
 */
import {
  countParams,
  decodeFlops,
  decodeNoCacheFlops,
  DEFAULT_USD_PER_GPU_HOUR,
  evaluateFormula,
  exampleValues,
  formatFloat,
  formatPercent,
  gpt4o,
  gpt4oRepl,
  grok,
  grokGpt3Claim,
  GROK_N,
  hardwareById,
  kvCacheBytesPerToken,
  modelFlopsUtilization,
  numberToWords,
  palm,
  PALM_540B_TRAINING_RUN,
  POST_CONTEXT,
  POST_INPUTS,
  prefillFlops,
  presetById,
  priceImpliedFlops,
  type FlopCount,
  type ModelSpec,
} from "../../../src/core/index";
import { count, plain, ratio, scientific, share, times, whole, type Figures } from "./figures";

const S = POST_CONTEXT;
const postModel = (): ModelSpec => presetById("post-hypothetical").spec;
const attention = (flops: FlopCount): bigint => flops.terms.attnScores + flops.terms.attnValues;
/** FLOPs of the weights a token passes through (everything but attention over the cache). */
const weightFlops = (flops: FlopCount): bigint => flops.total - attention(flops);
const gpt4oAtPostInputs = (): bigint => evaluateFormula(gpt4o, exampleValues(gpt4o)).total;
const replLine = (): bigint => evaluateFormula(gpt4oRepl, exampleValues(gpt4oRepl)).total;
const grokFlops = (n: bigint, context: number = S): bigint => evaluateFormula(grok, { N: n, S: BigInt(context) }).total;

/**
 * The largest context at which `part` of a decode step is still at least half
 * of it. A step costs base + k·S for a model without windows, so the answer is
 * ⌊(2·part − base) / k⌋, with k and base read off two counts.
 */
function lastContextWhereHalf(spec: ModelSpec, part: (flops: FlopCount) => bigint): bigint {
  const one = decodeFlops(spec, 1);
  const perKey = decodeFlops(spec, 2).total - one.total;
  const base = one.total - perKey;
  return (2n * part(one) - base) / perKey;
}

export const CHECKS = {
  "gpt4o-formula"(): Figures {
    const spec = postModel();
    const claimed = gpt4oAtPostInputs();
    const right = decodeFlops(spec, S).total;
    const { E, L } = POST_INPUTS;
    // Megatron-LM's forward pass of one S-token sequence: per layer 24·E²·S (Q, K, V, output and a 4E MLP) + 4·E·S² (scores and values).
    const megatronLayers = BigInt(L) * (24n * BigInt(E) ** 2n * BigInt(S) + 4n * BigInt(E) * BigInt(S) ** 2n);
    return {
      claimed: count("GPT4o’s formula, the post’s inputs (H = 8)", claimed),
      right: count("one token with a KV cache, counted", right),
      times: times("too many", claimed, right),
      megatron: count("Megatron-LM’s layers, one whole sequence of S tokens", megatronLayers, false),
    };
  },

  "s-bytes"(): Figures {
    // About 4 characters, i.e. about 4 bytes of plain English, per token (OpenAI's rule of thumb for its tokenizers).
    const bytes = 2_000_000n;
    const bytesPerToken = 4n;
    return {
      tokens: whole("tokens in 2 MB of English text, at ~4 bytes per token", bytes / bytesPerToken),
      window: whole("GPT-4o’s context window, tokens", S),
    };
  },

  "model-size"(): Figures {
    const { E, L, V } = POST_INPUTS;
    const params = countParams(postModel()).total;
    return {
      layers: count("12·E²·L weights in the layers", 12n * BigInt(E) ** 2n * BigInt(L)),
      total: count(`with the embedding and LM head (V = ${V.toLocaleString("en-US")})`, params),
      grok: ratio("Grok’s conservative 10¹¹ against it", GROK_N.conservative, params, false),
    };
  },

  logits(): Figures {
    const flops = decodeFlops(postModel(), S);
    return {
      logits: count("logits (LM head), per token", flops.terms.logits),
      share: share("share of the token’s FLOPs", flops.terms.logits, flops.total),
    };
  },

  mlp(): Figures {
    const spec = postModel();
    const at = (context: number) => decodeFlops(spec, context);
    const long = at(S);
    const perLayer = long.terms.mlp / BigInt(spec.numLayers);
    return {
      perLayer: count("MLP per layer per token, at any context", perLayer),
      share2k: share("MLP share of a token at S = 2,048", at(2048).terms.mlp, at(2048).total),
      share8k: share("MLP share at S = 8,192", at(8192).terms.mlp, at(8192).total),
      share128k: share("MLP share at S = 128,000", long.terms.mlp, long.total),
      weightShare: share("MLP share of the weight FLOPs (any context)", long.terms.mlp, weightFlops(long)),
      lastMajority: whole("the longest context at which the MLP is still half or more", lastContextWhereHalf(spec, (flops) => flops.terms.mlp), false),
      attention128k: share("attention share at S = 128,000", attention(long), long.total, false),
    };
  },

  qkv(): Figures {
    const spec = postModel();
    const flops = decodeFlops(spec, S);
    const layers = BigInt(spec.numLayers);
    return {
      projections: count("Q, K, V projections per layer", (flops.terms.qProj + flops.terms.kProj + flops.terms.vProj) / layers),
      attention: count("QKᵀ and × V per layer, S = 128,000", attention(flops) / layers),
    };
  },

  "s-squared"(): Figures {
    const spec = postModel();
    const scores = decodeFlops(spec, S).terms.attnScores / BigInt(spec.numLayers);
    return {
      scores: count("QKᵀ per layer per token, S = 128,000", scores),
      headWidth: plain("head width d_h = E/H with the post’s H = 8", BigInt(POST_INPUTS.E / POST_INPUTS.H), String(POST_INPUTS.E / POST_INPUTS.H), false),
    };
  },

  "context-devastating"(): Figures {
    const spec = postModel();
    const short = decodeFlops(spec, 4096);
    const long = decodeFlops(spec, S);
    const prompt = prefillFlops(spec, S);
    return {
      short: count("one token at S = 4,096", short.total),
      long: count("one token at S = 128,000", long.total),
      prompt: count("prefill of 128,000 tokens", prompt.total),
      contextGrowth: ratio("context growth", S, 4096, false),
      attentionGrowth: ratio("attention growth", attention(long), attention(short), false),
      totalGrowth: ratio("total growth", long.total, short.total, false),
      promptAttention: share("attention share of the prefill", attention(prompt), prompt.total, false),
    };
  },

  "embedding-size"(): Figures {
    const spec = postModel();
    const flops = decodeFlops(spec, S);
    const t = flops.terms;
    return { weights: count("E²-terms per layer per token", (t.qProj + t.kProj + t.vProj + t.outProj + t.mlp) / BigInt(spec.numLayers)) };
  },

  vocab(): Figures {
    const spec = postModel();
    const long = decodeFlops(spec, S);
    const start = decodeFlops(spec, 1);
    const smallModel = (id: string) => {
      const model = presetById(id).spec;
      const flops = decodeFlops(model, 2048);
      return share(`logits share, ${model.name}, S = 2,048`, flops.terms.logits, flops.total);
    };
    const small = { gemma: smallModel("gemma-2-2b"), llama: smallModel("llama-3.2-1b"), qwen: smallModel("qwen3-0.6b") };
    const shares = Object.values(small).map((figure) => Number(figure.value));
    return {
      headWeights: whole("E × V weights of the LM head", BigInt(spec.hiddenSize) * BigInt(spec.vocabSize), false),
      share128k: share("logits share, the post’s model, S = 128,000", long.terms.logits, long.total),
      share1: share("logits share, the post’s model, S = 1", start.terms.logits, start.total),
      ...small,
      smallLow: plain("the smallest of the three", Math.min(...shares), formatPercent(Math.min(...shares), 2), false),
      smallHigh: plain("the largest of the three", Math.max(...shares), formatPercent(Math.max(...shares), 2), false),
    };
  },

  repl(): Figures {
    const typed = replLine();
    return {
      value: whole("the REPL line, evaluated exactly", typed),
      withH8: whole("with H = 8 in both terms", gpt4oAtPostInputs(), false),
      change: plain("the change", Number(gpt4oAtPostInputs() - typed) / Number(typed), formatPercent(Number(gpt4oAtPostInputs() - typed) / Number(typed), 2), false),
    };
  },

  words(): Figures {
    const value = replLine();
    return {
      value: scientific("≈", value),
      exact: whole("exactly", value, false),
      words: plain("in words", value, numberToWords(value), false),
    };
  },

  insane(): Figures {
    const claimed = replLine();
    const right = decodeFlops(postModel(), S).total;
    return {
      claimed: scientific("the REPL line", claimed),
      right: count("one token with a KV cache, counted", right),
      times: times("too many", claimed, right),
    };
  },

  "two-n"(): Figures {
    const spec = postModel();
    const n = countParams(spec).nonEmbedding;
    const first = decodeFlops(spec, 1);
    return {
      twoN: count("2N (non-embedding)", 2n * n),
      first: count("one token at S = 1, counted", first.total),
      logits: scientific("the LM head", first.terms.logits, false),
    };
  },

  "two-n-s"(): Figures {
    const spec = postModel();
    const n = countParams(spec).nonEmbedding;
    const rerun = decodeNoCacheFlops(spec, S);
    const cached = decodeFlops(spec, S).total;
    return {
      weights: count("2·N·S: the weights over all S positions", 2n * n * BigInt(S)),
      rerun: count("no cache: the whole context again, causal attention included", rerun.total),
      rerunAttention: share("attention’s share of that", attention(rerun), rerun.total, false),
      cached: count("with a KV cache", cached),
      cacheSaves: times("what the cache saves", rerun.total, cached, false),
    };
  },

  "hf-forum"(): Figures {
    const spec = postModel();
    const n = countParams(spec).nonEmbedding;
    const cached = decodeFlops(spec, S).total;
    return {
      sequence: count("2·N·S: one forward pass over S = 128,000 tokens", 2n * n * BigInt(S)),
      perToken: count("2·N per token of that pass", 2n * n),
      cached: count("the S-th token, generated with a KV cache", cached),
    };
  },

  "entire-context"(): Figures {
    const flops = decodeFlops(postModel(), S);
    return {
      attention: count("attention over the cache", attention(flops)),
      rest: count("everything else (weights, once)", weightFlops(flops)),
      share: share("attention’s share of the token", attention(flops), flops.total),
      total: scientific("the token", flops.total, false),
    };
  },

  "less-intensive"(): Figures {
    const spec = postModel();
    const long = decodeFlops(spec, S);
    const short = decodeFlops(spec, 2048);
    return {
      share128k: share("attention share of a token, S = 128,000", attention(long), long.total),
      share2k: share("attention share of a token, S = 2,048", attention(short), short.total),
      overtakes: whole("attention is half or more from this context on", lastContextWhereHalf(spec, weightFlops) + 1n),
    };
  },

  "grok-1e11"(): Figures {
    const stated = grokFlops(GROK_N.conservative);
    const sized = presetById("grok-sized-1e11").spec;
    const sizedCost = decodeFlops(sized, S).total;
    const postCost = decodeFlops(postModel(), S).total;
    return {
      stated: count("Grok, N = 10¹¹", stated),
      sized: count(`${sized.name}, one token at S = 128,000`, sizedCost),
      likeForLike: times("Grok against a 10¹¹-parameter model (like for like)", stated, sizedCost),
      againstPost: times("Grok against the post’s ~22 B model", stated, postCost),
      sizeFactor: ratio("of which model size", sizedCost, postCost, false),
    };
  },

  "grok-1e12"(): Figures {
    const stated = grokFlops(GROK_N.highEnd);
    const model = presetById("llama-3.1-405b").spec;
    const real = decodeFlops(model, S).total;
    return {
      stated: count("Grok, N = 10¹²", stated),
      real: count(`${model.name}, one token at S = 128,000`, real),
      times: times("Grok against it", stated, real, false),
    };
  },

  moe(): Figures {
    const model = presetById("deepseek-v3").spec;
    const params = countParams(model);
    return {
      total: count("parameters, total", params.total),
      active: count("parameters, active per token", params.active),
      token: count("one token at S = 4,096", decodeFlops(model, 4096).total),
      allWeights: scientific("2 × every parameter", 2n * params.total, false),
    };
  },

  "moe-222b"(): Figures {
    const effective = 222_000_000_000n;
    const own = grokFlops(effective);
    return {
      own: count("Grok’s 2·N·S with its own N = 222 × 10⁹", own),
      rangeLow: scientific("its range, low end (20 quadrillion)", 20n * 10n ** 15n),
      rangeHigh: scientific("its range, high end (50 quadrillion)", 50n * 10n ** 15n),
      rumour: count("16 experts × 111 × 10⁹ (the rumour’s total)", 16n * 111_000_000_000n, false),
    };
  },

  gpt3(): Figures {
    const claim = grokGpt3Claim;
    return {
      real: count("GPT-3, one token at S = 2,048", decodeFlops(presetById("gpt3-175b").spec, 2048).total),
      ownFormula: count("2·N·S with S = 2,048", evaluateFormula(claim.formula, claim.described).total),
      reproducing: count("2·N·S with S = 2", evaluateFormula(claim.formula, claim.reproducing).total),
    };
  },

  "shorter-contexts"(): Figures {
    const spec = postModel();
    const short = decodeFlops(spec, 8000).total;
    const long = decodeFlops(spec, S).total;
    return {
      short: count("one token at S = 8,000", short),
      long: count("one token at S = 128,000", long),
      kept: share("what a token keeps of its FLOPs", short, long, false),
      contextKept: share("what the context keeps", 8000n, BigInt(S), false),
    };
  },

  utilization(): Figures {
    const run = PALM_540B_TRAINING_RUN;
    const perToken = evaluateFormula(palm, exampleValues(palm)).total;
    const mfu = modelFlopsUtilization({ flopsPerToken: perToken, tokensPerSecond: run.tokensPerSecond, chips: run.chips, peakFlopsPerChip: run.peakFlopsPerChip });
    return { mfu: plain("PaLM 540B training MFU", mfu, formatPercent(mfu)) };
  },

  "likely-range"(): Figures {
    const small = decodeFlops(presetById("llama-3.1-70b").spec, S).total;
    const large = decodeFlops(presetById("llama-3.1-405b").spec, S).total;
    const low = 20n * 10n ** 15n;
    const high = 50n * 10n ** 15n;
    return {
      small: count("Llama 3.1 70B, S = 128,000", small),
      large: count("Llama 3.1 405B, S = 128,000", large),
      leastOver: times("the range’s low end against 405B", low, large),
      mostOver: times("the range’s high end against 70B", high, small),
    };
  },

  price(): Figures {
    const hardware = hardwareById("h100-sxm");
    const budget = priceImpliedFlops({ usdPerMillionTokens: 10, usdPerGpuHour: DEFAULT_USD_PER_GPU_HOUR, hardware, utilization: 1 });
    const stated = grokFlops(GROK_N.conservative);
    return {
      budget: scientific("FLOPs per token $10/M can pay for (H100, 100 % of peak)", Math.round(budget.flopsPerToken)),
      grok: scientific("Grok’s estimate", stated),
      gpuSeconds: plain("GPU-seconds per token", budget.gpuSecondsPerToken, formatFloat(budget.gpuSecondsPerToken, 3), false),
      usdPerGpuHour: plain("dollars per GPU-hour", DEFAULT_USD_PER_GPU_HOUR, String(DEFAULT_USD_PER_GPU_HOUR), false),
      gpu: plain("the GPU", 0, hardware.name, false),
      timesPrice: whole("times the price", BigInt(Math.round(Number(stated) / budget.flopsPerToken)), false),
    };
  },

  "implementation-details"(): Figures {
    const spec = postModel();
    if (spec.attention.kind !== "standard") throw new Error("post-hypothetical: expected standard attention");
    const mqa: ModelSpec = { ...spec, attention: { ...spec.attention, numKvHeads: 1 } };
    const mha = decodeFlops(spec, S).total;
    const single = decodeFlops(mqa, S).total;
    return {
      mhaFlops: count("FLOPs per token, 8 key/value heads (the post’s)", mha),
      mqaFlops: count("FLOPs per token, multi-query (1 key/value head)", single),
      flopsChange: plain("FLOPs change", Number(mha - single) / Number(mha), formatPercent(Number(mha - single) / Number(mha), 2), false),
      mhaCache: count("KV cache bytes per token, 8 key/value heads, bf16", kvCacheBytesPerToken(spec)),
      mqaCache: count("KV cache bytes per token, multi-query, bf16", kvCacheBytesPerToken(mqa)),
      cacheShrinks: ratio("the cache shrinks", kvCacheBytesPerToken(spec), kvCacheBytesPerToken(mqa), false),
    };
  },
} satisfies Record<string, () => Figures>;

export type CheckId = keyof typeof CHECKS;
