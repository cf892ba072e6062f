/**
 * Tests of the reference forward pass itself (not of the analytic core): its
 * numerics are self-consistent (KV cache, MLA absorption, GQA sharing) and its
 * counts match arithmetic done by hand here, independently of forward.ts.
 */
import { describe, expect, it } from "vitest";
import type { ModelSpec, StandardAttentionSpec } from "../../src/core/model";
import { ELEMENTWISE_TERMS, MATMUL_TERMS, type FlopTerm } from "../../src/core/terms";
import { ReferenceModel, type ForwardOptions, type ForwardResult } from "../../src/reference/forward";
import { erf } from "../../src/reference/ops";
import { mulberry32 } from "../../src/reference/prng";
import { deepseekV2LiteLike, deepseekV3Like, falconLike, gopherLike, llamaLike, mlaWithBiases, qwen2MoeLike, REFERENCE_SPECS } from "../../src/reference/specs";

const CAUSAL_ALL: ForwardOptions = { mask: "causal", logits: "all", elementwise: true };
const CAUSAL_LAST: ForwardOptions = { mask: "causal", logits: "last", elementwise: true };

function randomTokens(spec: ModelSpec, length: number, seed: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length }, () => Math.floor(random() * spec.vocabSize));
}

/** Copies every tensor of `source` into the same place in `target` (same spec but for extra tensors in source). */
function copyTensors(target: unknown, source: unknown): void {
  if (typeof target !== "object" || target === null || typeof source !== "object" || source === null) return;
  for (const [key, value] of Object.entries(target)) {
    const from = (source as Record<string, unknown>)[key];
    if (value instanceof Float64Array && from instanceof Float64Array) value.set(from);
    else copyTensors(value, from);
  }
}

function expectClose(actual: Float64Array, expected: Float64Array, tolerance = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  expect(worst).toBeLessThanOrEqual(tolerance);
}

function sumCounts(results: ForwardResult[]): Record<FlopTerm, bigint> {
  const total = {} as Record<FlopTerm, bigint>;
  for (const term of [...MATMUL_TERMS, ...ELEMENTWISE_TERMS]) total[term] = results.reduce((s, r) => s + r.counts[term], 0n);
  return total;
}

/** Counts with every term 0n except those given. */
function onlyTerms(nonZero: Partial<Record<FlopTerm, bigint>>): Record<FlopTerm, bigint> {
  const counts = {} as Record<FlopTerm, bigint>;
  for (const term of [...MATMUL_TERMS, ...ELEMENTWISE_TERMS]) counts[term] = nonZero[term] ?? 0n;
  return counts;
}

/** Decodes the tokens one at a time with the cache, returning each step's result. */
function decodeStepByStep(model: ReferenceModel, tokens: number[], opts: ForwardOptions): ForwardResult[] {
  model.reset();
  return tokens.map((token) => model.forward([token], opts));
}

function mlaModes(spec: ModelSpec): (ForwardOptions["mla"] | undefined)[] {
  return spec.attention.kind === "mla" ? ["absorbed", "expanded"] : [undefined];
}

describe("KV cache: decoding token by token equals one causal pass", () => {
  for (const [name, spec] of Object.entries(REFERENCE_SPECS)) {
    for (const mla of mlaModes(spec)) {
      it(`${name}${mla ? ` (${mla})` : ""}`, () => {
        const model = new ReferenceModel(spec, 11);
        const tokens = randomTokens(spec, 10, 3);
        const full = model.forward(tokens, { ...CAUSAL_ALL, mla });
        expect(model.cacheLength).toBe(10);

        const steps = decodeStepByStep(model, tokens, { ...CAUSAL_LAST, mla });
        steps.forEach((step, t) => {
          expect(step.logits).toHaveLength(1);
          expectClose(step.logits[0]!, full.logits[t]!);
        });
        // The same work is done, just spread over calls.
        expect(sumCounts(steps)).toEqual(full.counts);

        // Chunked prefill then decode: the cache carries over between calls of any size.
        model.reset();
        model.forward(tokens.slice(0, 4), { ...CAUSAL_LAST, mla });
        const rest = model.forward(tokens.slice(4), { ...CAUSAL_ALL, mla });
        rest.logits.forEach((logits, t) => expectClose(logits, full.logits[t + 4]!));
      });
    }
  }

  it("a full-mask call sees every cached and new token", () => {
    const model = new ReferenceModel(llamaLike, 5);
    const tokens = randomTokens(llamaLike, 7, 9);
    const { numHeads: h, headDim: hd } = llamaLike.attention as StandardAttentionSpec;
    const once = model.forward(tokens, { mask: "full", logits: "last" });
    expect(once.counts.attnScores).toBe(BigInt(llamaLike.numLayers * 7 * 7 * h * 2 * hd)); // 7 queries × 7 keys
    model.reset();
    model.forward(tokens.slice(0, 6), { mask: "causal", logits: "last" });
    const last = model.forward(tokens.slice(6), { mask: "full", logits: "last" });
    expect(last.counts.attnScores).toBe(BigInt(llamaLike.numLayers * 1 * 7 * h * 2 * hd)); // 1 query × 7 keys
  });
});

describe("MLA: absorbed and expanded attention agree", () => {
  for (const spec of [deepseekV3Like, deepseekV2LiteLike, mlaWithBiases]) {
    it(spec.name, () => {
      const absorbed = new ReferenceModel(spec, 21);
      const expanded = new ReferenceModel(spec, 21);
      const tokens = randomTokens(spec, 9, 4);
      for (const mask of ["causal", "full"] as const) {
        absorbed.reset();
        expanded.reset();
        const a = absorbed.forward(tokens, { mask, logits: "all", mla: "absorbed" });
        const e = expanded.forward(tokens, { mask, logits: "all", mla: "expanded" });
        a.logits.forEach((logits, t) => expectClose(logits, e.logits[t]!));
        // Absorption moves the up-projections, it does not change how much of them there is.
        for (const term of ["qProj", "qDown", "qUp", "kvDown", "kUp", "vUp", "outProj", "experts", "logits"] as const) {
          expect(a.counts[term]).toBe(e.counts[term]);
        }
      }
      // Decoding with each mode's own cache still agrees.
      const stepsA = decodeStepByStep(absorbed, tokens, { ...CAUSAL_LAST, mla: "absorbed" });
      const stepsE = decodeStepByStep(expanded, tokens, { ...CAUSAL_LAST, mla: "expanded" });
      stepsA.forEach((step, t) => expectClose(step.logits[0]!, stepsE[t]!.logits[0]!));
    });
  }

  it("refuses to switch modes on a live cache", () => {
    const model = new ReferenceModel(deepseekV2LiteLike);
    model.forward([1, 2], { ...CAUSAL_LAST, mla: "absorbed" });
    expect(() => model.forward([3], { ...CAUSAL_LAST, mla: "expanded" })).toThrow(/reset/);
    model.reset();
    expect(() => model.forward([3], { ...CAUSAL_LAST, mla: "expanded" })).not.toThrow();
  });
});

/** Copies every tensor of `source` into the same place in `target`; tensors of different sizes are left to the caller. */
function copyMatchingTensors(target: unknown, source: unknown, skipped: string[], path = "weights"): void {
  if (target instanceof Float64Array && source instanceof Float64Array) {
    if (target.length === source.length) target.set(source);
    else skipped.push(path);
    return;
  }
  if (target && source && typeof target === "object" && typeof source === "object") {
    for (const key of Object.keys(target)) {
      copyMatchingTensors((target as Record<string, unknown>)[key], (source as Record<string, unknown>)[key], skipped, `${path}.${key}`);
    }
  }
}

describe("GQA/MQA equal MHA whose K/V heads are copies of the shared ones", () => {
  for (const spec of [llamaLike, falconLike]) {
    it(spec.name, () => {
      const attention = spec.attention as StandardAttentionSpec;
      const { numHeads: h, numKvHeads: hKv, headDim: hd } = attention;
      const mhaSpec: ModelSpec = { ...spec, name: `${spec.name}-as-mha`, attention: { ...attention, numKvHeads: h } };
      const grouped = new ReferenceModel(spec, 5);
      const mha = new ReferenceModel(mhaSpec, 99);

      const skipped: string[] = [];
      copyMatchingTensors(mha.weights, grouped.weights, skipped);
      expect(skipped.sort()).toEqual(
        Array.from({ length: spec.numLayers }, (_, l) => [`weights.layers.${l}.attention.k.weight`, `weights.layers.${l}.attention.v.weight`]).flat().sort(),
      );
      mha.weights.layers.forEach((layer, l) => {
        const source = grouped.weights.layers[l]!.attention;
        if (layer.attention.kind !== "standard" || source.kind !== "standard") throw new Error("standard attention expected");
        const d = spec.hiddenSize;
        for (let head = 0; head < h; head++) {
          const shared = Math.floor(head / (h / hKv)); // the KV head this query head reads in the grouped model
          for (const which of ["k", "v"] as const) {
            const block = source[which].weight.subarray(shared * hd * d, (shared + 1) * hd * d);
            layer.attention[which].weight.set(block, head * hd * d);
          }
        }
      });

      const tokens = randomTokens(spec, 8, 17);
      const a = grouped.forward(tokens, CAUSAL_ALL);
      const b = mha.forward(tokens, CAUSAL_ALL);
      a.logits.forEach((logits, t) => expectClose(logits, b.logits[t]!));
      const groupSize = BigInt(h / hKv);
      expect(b.counts.kProj).toBe(a.counts.kProj * groupSize);
      expect(b.counts.vProj).toBe(a.counts.vProj * groupSize);
      expect(b.counts.attnScores).toBe(a.counts.attnScores); // scores are per query head either way
      expect(mha.parameterCount() - grouped.parameterCount()).toBe(BigInt(spec.numLayers * 2 * spec.hiddenSize * (h - hKv) * hd));
    });
  }
});

/** d=8, H=2, hd=4, ff=16, V=11, L=1, LayerNorm with bias, plain GELU, QKV and out biases, untied. */
const tinyDense: ModelSpec = {
  name: "tiny-dense",
  vocabSize: 11,
  hiddenSize: 8,
  numLayers: 1,
  attention: { kind: "standard", numHeads: 2, numKvHeads: 2, headDim: 4, qkvBias: true, outBias: true, qkNorm: "none" },
  mlp: { gated: false, intermediateSize: 16, activation: "gelu", bias: false },
  norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
  positions: { kind: "none" },
  tiedEmbeddings: false,
};

describe("hand-computed counts", () => {
  it("tiny dense model, 3-token causal prefill", () => {
    const result = new ReferenceModel(tinyDense).forward([1, 5, 9], CAUSAL_ALL);
    const visibleKeys = 1 + 2 + 3; // causal: token p sees p keys
    const layerNorm8 = 8 + 1 + 8 + 8 + 8 + 1 + 1 + 1 + 8 + 8 + 8; // sum, mean, center, square, sum, var, +ε, sqrt, divide, weight, bias
    expect(result.counts).toEqual(
      onlyTerms({
        qProj: 3n * 2n * 8n * (2n * 4n),
        kProj: 3n * 2n * 8n * (2n * 4n),
        vProj: 3n * 2n * 8n * (2n * 4n),
        attnScores: BigInt(visibleKeys) * 2n * (2n * 4n), // per visible key, per head, a 4-long dot
        attnValues: BigInt(visibleKeys) * 2n * (2n * 4n),
        outProj: 3n * 2n * (2n * 4n) * 8n,
        mlp: 3n * (2n * 8n * 16n + 2n * 16n * 8n),
        logits: 3n * 2n * 8n * 11n,
        softmax: BigInt(visibleKeys) * 2n * 5n,
        norms: 3n * 3n * BigInt(layerNorm8), // 2 per layer + the final one, per token
        activation: 3n * 16n * 5n, // GELU: divide, erf, add, mul, mul
      }),
    );
  });

  it("tiny dense model: decoding a 4th token, logits of the last position only", () => {
    const model = new ReferenceModel(tinyDense);
    model.forward([1, 5, 9], CAUSAL_LAST);
    const step = model.forward([2], CAUSAL_LAST);
    expect(step.counts.qProj).toBe(2n * 8n * 8n);
    expect(step.counts.attnScores).toBe(4n * 2n * 2n * 4n); // 4 cached keys, 2 heads
    expect(step.counts.attnValues).toBe(4n * 2n * 2n * 4n);
    expect(step.counts.logits).toBe(2n * 8n * 11n);
    expect(step.counts.softmax).toBe(4n * 2n * 5n);
  });

  it("tiny dense model: 'last' logits skip the LM head and final norm of earlier tokens", () => {
    const all = new ReferenceModel(tinyDense).forward([1, 5, 9], CAUSAL_ALL);
    const last = new ReferenceModel(tinyDense).forward([1, 5, 9], CAUSAL_LAST);
    expect(all.counts.logits - last.counts.logits).toBe(2n * (2n * 8n * 11n));
    expect(all.counts.norms - last.counts.norms).toBe(2n * (7n * 8n + 4n));
    expect(last.logits).toHaveLength(1);
    expectClose(last.logits[0]!, all.logits[2]!);
  });

  it("tiny dense model parameters", () => {
    const embedding = 11 * 8;
    const attention = 4 * (8 * 8) + 4 * 8; // Wq Wk Wv Wo and their biases
    const norms = 2 * (8 + 8);
    const mlp = 8 * 16 + 16 * 8;
    const finalNorm = 8 + 8;
    const lmHead = 8 * 11;
    const model = new ReferenceModel(tinyDense);
    expect(model.parameterCount()).toBe(BigInt(embedding + attention + norms + mlp + finalNorm + lmHead));
    expect(model.activeParameterCount()).toBe(model.parameterCount());
  });

  it("full mask: every query sees every token, in one layer the last token matches causal", () => {
    const tokens = [3, 1, 4, 1];
    const full = new ReferenceModel(tinyDense).forward(tokens, { mask: "full", logits: "all", elementwise: true });
    const causal = new ReferenceModel(tinyDense).forward(tokens, CAUSAL_ALL);
    expect(full.counts.attnScores).toBe(4n * 4n * 2n * (2n * 4n));
    expect(full.counts.softmax).toBe(4n * 4n * 2n * 5n);
    expectClose(full.logits[3]!, causal.logits[3]!);
    expect(Math.abs(full.logits[0]![0]! - causal.logits[0]![0]!)).toBeGreaterThan(1e-6);
  });

  it("sliding window of 2 on a causal mask, and ignored under a full mask", () => {
    const windowed: ModelSpec = {
      ...tinyDense,
      attention: { ...(tinyDense.attention as StandardAttentionSpec), slidingWindow: { size: 2, layers: "all" }, logitSoftcap: 20 },
    };
    const causal = new ReferenceModel(windowed).forward([1, 2, 3, 4], CAUSAL_ALL);
    const visible = 1 + 2 + 2 + 2;
    expect(causal.counts.attnScores).toBe(BigInt(visible) * 2n * (2n * 4n));
    expect(causal.counts.softmax).toBe(BigInt(visible) * 2n * (5n + 3n)); // soft cap: divide, tanh, multiply
    const full = new ReferenceModel(windowed).forward([1, 2, 3, 4], { mask: "full", logits: "last" });
    expect(full.counts.attnScores).toBe(16n * 2n * (2n * 4n));
  });

  it("chunks of 3 (Llama 4): a token sees its own chunk so far, and a chunk's first token sees only itself", () => {
    const chunked: ModelSpec = {
      ...tinyDense,
      attention: { ...(tinyDense.attention as StandardAttentionSpec), chunked: { size: 3, layers: "all" } },
      positions: { kind: "none" },
    };
    const tokens = [1, 2, 3, 4, 5];
    const result = new ReferenceModel(chunked).forward(tokens, CAUSAL_ALL);
    const visible = 1 + 2 + 3 + 1 + 2; // positions 0..2 in chunk 0, 3..4 in chunk 1
    expect(result.counts.attnScores).toBe(BigInt(visible) * 2n * (2n * 4n));
    expect(result.counts.softmax).toBe(BigInt(visible) * 2n * 5n);
    // Without positions, token 4 opening chunk 1 computes exactly what it would alone.
    const alone = new ReferenceModel(chunked).forward([4], CAUSAL_ALL);
    expectClose(result.logits[3]!, alone.logits[0]!);
    const full = new ReferenceModel(chunked).forward(tokens, { mask: "full", logits: "last" });
    expect(full.counts.attnScores).toBe(25n * 2n * (2n * 4n));
  });

  it("sinks (gpt-oss): 4 more softmax operations per row and one parameter per head; a sink of −∞ changes nothing", () => {
    const sinks: ModelSpec = { ...tinyDense, attention: { ...(tinyDense.attention as StandardAttentionSpec), sinks: true } };
    const withSinks = new ReferenceModel(sinks);
    const plain = new ReferenceModel(tinyDense);
    expect(withSinks.parameterCount() - plain.parameterCount()).toBe(2n); // 1 layer × 2 heads
    const tokens = [1, 2, 3];
    const counted = withSinks.forward(tokens, CAUSAL_ALL).counts;
    expect(counted.softmax).toBe(6n * 2n * 5n + 3n * 2n * 4n); // 6 scores × 2 heads × 5, plus 3 rows × 2 heads × 4
    // Give a plain model the sinks model's weights; with every sink at −∞ the two compute the same logits,
    // and with the learned sinks they do not (the sink takes probability mass).
    const twin = new ReferenceModel(tinyDense);
    copyTensors(twin.weights, withSinks.weights);
    const fresh = new ReferenceModel(sinks);
    const learned = fresh.forward(tokens, CAUSAL_ALL).logits[2]!;
    for (const layer of fresh.weights.layers) if (layer.attention.kind === "standard") layer.attention.sinks?.fill(-1e300);
    fresh.reset();
    const silenced = fresh.forward(tokens, CAUSAL_ALL).logits[2]!;
    const plainLogits = twin.forward(tokens, CAUSAL_ALL).logits[2]!;
    expectClose(silenced, plainLogits);
    expect(Math.abs(learned[0]! - plainLogits[0]!)).toBeGreaterThan(1e-9);
  });

  it("BLOOM's embedding LayerNorm: one more width-d LayerNorm per token and 2d parameters", () => {
    const bloom: ModelSpec = { ...tinyDense, embeddingNorm: true };
    const plain = new ReferenceModel(tinyDense).forward([1, 2], CAUSAL_ALL);
    const normed = new ReferenceModel(bloom).forward([1, 2], CAUSAL_ALL);
    expect(normed.counts.norms - plain.counts.norms).toBe(2n * (7n * 8n + 4n));
    expect(new ReferenceModel(bloom).parameterCount() - new ReferenceModel(tinyDense).parameterCount()).toBe(16n);
  });

  it("windows on odd layers or an explicit list", () => {
    const spec = (layers: "odd" | number[]): ModelSpec => ({
      ...tinyDense,
      numLayers: 3,
      attention: { ...(tinyDense.attention as StandardAttentionSpec), slidingWindow: { size: 1, layers } },
    });
    const perLayerFull = 1 + 2 + 3;
    const perLayerWindow = 3; // window 1: each token sees itself
    const scores = (windowedLayers: number) => BigInt(windowedLayers * perLayerWindow + (3 - windowedLayers) * perLayerFull) * 2n * 8n;
    expect(new ReferenceModel(spec("odd")).forward([1, 2, 3], CAUSAL_LAST).counts.attnScores).toBe(scores(1));
    expect(new ReferenceModel(spec([0, 2])).forward([1, 2, 3], CAUSAL_LAST).counts.attnScores).toBe(scores(2));
  });

  it("MoE layer: router, shared gate, chosen experts, shared expert", () => {
    const moe: ModelSpec = {
      ...tinyDense,
      mlp: { gated: true, intermediateSize: 16, activation: "silu", bias: false },
      moe: {
        numExperts: 4,
        expertsPerToken: 2,
        expertIntermediateSize: 4,
        numSharedExperts: 1,
        sharedExpertIntermediateSize: 6,
        sharedExpertGate: true,
        routerBias: true,
        firstDenseLayers: 0,
      },
    };
    const model = new ReferenceModel(moe);
    const result = model.forward([4, 7], CAUSAL_ALL);
    expect(result.counts.router).toBe(2n * (2n * 8n * 4n + 2n * 8n * 1n)); // scores d→E plus the gate d→1
    expect(result.counts.experts).toBe(2n * 2n * 3n * (2n * 8n * 4n)); // 2 tokens × 2 experts × gate/up/down
    expect(result.counts.sharedExperts).toBe(2n * 3n * (2n * 8n * 6n));
    expect(result.counts.mlp).toBe(0n);
    expect(result.counts.activation).toBe(2n * (2n * 4n + 6n) * (4n + 1n)); // SiLU 4 + gate product 1 per unit

    const oneExpert = 3 * 8 * 4;
    const moeBlock = 8 * 4 + 4 + 4 * oneExpert + 3 * 8 * 6 + 8; // router, router bias, experts, shared, gate
    const rest = 11 * 8 + (4 * 64 + 32) + 2 * 16 + 16 + 11 * 8;
    expect(model.parameterCount()).toBe(BigInt(rest + moeBlock));
    expect(model.activeParameterCount()).toBe(BigInt(rest + moeBlock - 2 * oneExpert));
  });

  it("routing: each token uses k distinct experts, and only those affect its output", () => {
    const spec = qwen2MoeLike;
    const k = spec.moe!.expertsPerToken;
    const tokens = randomTokens(spec, 8, 23);
    const model = new ReferenceModel(spec, 3);
    const before = model.forward(tokens, CAUSAL_ALL);
    const layer0 = before.routedExperts[0]!;
    expect(before.routedExperts[1]!.every((choice) => choice.length === 0)).toBe(true); // listed dense layer
    for (const choice of layer0) expect(new Set(choice).size).toBe(k);
    expect(new Set(layer0.map((choice) => choice.join())).size).toBeGreaterThan(1);

    // In the last layer, perturbing an expert changes token 0's logits exactly when token 0
    // was routed to it (under a causal mask token 0 depends on nothing later).
    const last = spec.numLayers - 1;
    const ffn = model.weights.layers[last]!.ffn;
    if (ffn.kind !== "moe") throw new Error("MoE layer expected");
    const chosenByFirst = new Set(before.routedExperts[last]![0]!);
    ffn.experts.forEach((expert, e) => {
      const original = expert.down.weight[0]!;
      expert.down.weight[0] = original + 0.5;
      model.reset();
      const perturbed = model.forward(tokens, CAUSAL_ALL).logits[0]!;
      expert.down.weight[0] = original;
      const changed = perturbed.some((value, i) => value !== before.logits[0]![i]);
      expect(changed, `expert ${e}`).toBe(chosenByFirst.has(e));
    });
  });

  it("first dense layers and listed dense layers run the dense MLP", () => {
    const spec: ModelSpec = {
      ...tinyDense,
      numLayers: 3,
      moe: {
        numExperts: 3,
        expertsPerToken: 1,
        expertIntermediateSize: 4,
        numSharedExperts: 0,
        sharedExpertIntermediateSize: 4,
        sharedExpertGate: false,
        routerBias: false,
        firstDenseLayers: 1,
        denseLayers: [2],
      },
    };
    const result = new ReferenceModel(spec).forward([1], CAUSAL_LAST);
    expect(result.counts.mlp).toBe(2n * (2n * 8n * 16n + 2n * 16n * 8n)); // layers 0 and 2
    expect(result.counts.experts).toBe(2n * 8n * 4n + 2n * 4n * 8n); // layer 1, one plain expert
    expect(result.counts.router).toBe(2n * 8n * 3n);
  });

  it("MLA with a query low-rank, both modes, 2 tokens", () => {
    // d=8, H=2, q rank 4, kv rank 3, nope 2, rope 2, v 5
    const spec: ModelSpec = {
      ...tinyDense,
      norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
      positions: { kind: "rotary", fraction: 1 },
      attention: { kind: "mla", numHeads: 2, qLoraRank: 4, kvLoraRank: 3, qkNopeHeadDim: 2, qkRopeHeadDim: 2, vHeadDim: 5, bias: false },
    };
    const visibleKeys = 1n + 2n;
    const shared = {
      qDown: 2n * 2n * 8n * 4n,
      qUp: 2n * 2n * 4n * (2n * (2n + 2n)),
      kvDown: 2n * 2n * 8n * (3n + 2n),
      kUp: 2n * 2n * 3n * (2n * 2n), // latent→keys, or per head nope→latent on the query: same size
      vUp: 2n * 2n * 3n * (2n * 5n),
      outProj: 2n * 2n * (2n * 5n) * 8n,
      mlp: 2n * (2n * 8n * 16n + 2n * 16n * 8n),
      logits: 2n * 2n * 8n * 11n,
      softmax: visibleKeys * 2n * 5n,
      // per token: 2 block norms + final (RMSNorm of 8: 4·8 + 3), q_a_norm (4·4 + 3), kv_a_norm (4·3 + 3)
      norms: 2n * (3n * (4n * 8n + 3n) + (4n * 4n + 3n) + (4n * 3n + 3n)),
      activation: 2n * 16n * 5n,
    };
    const expanded = new ReferenceModel(spec).forward([1, 2], { ...CAUSAL_ALL, mla: "expanded" });
    expect(expanded.counts).toEqual(
      onlyTerms({ ...shared, attnScores: visibleKeys * 2n * (2n * (2n + 2n)), attnValues: visibleKeys * 2n * (2n * 5n) }),
    );
    const absorbed = new ReferenceModel(spec).forward([1, 2], { ...CAUSAL_ALL, mla: "absorbed" });
    expect(absorbed.counts).toEqual(
      onlyTerms({ ...shared, attnScores: visibleKeys * 2n * (2n * (3n + 2n)), attnValues: visibleKeys * 2n * (2n * 3n) }),
    );

    const params =
      11 * 8 + // embedding
      (8 * 4 + 4 + 4 * 8) + // q_a, q_a_norm, q_b
      (8 * 5 + 3 + 3 * (2 * 2) + 3 * (2 * 5)) + // kv_a, kv_a_norm, kv_b (keys and values)
      2 * 5 * 8 + // o
      2 * 8 + // two RMSNorm weights
      2 * 8 * 16 + // plain MLP
      8 + // final norm
      8 * 11; // LM head
    expect(new ReferenceModel(spec).parameterCount()).toBe(BigInt(params));
  });

  it("qk norms: per head (Qwen3) and over the whole vector (OLMo 2)", () => {
    const withQkNorm = (qkNorm: "head" | "full"): ModelSpec => ({
      ...tinyDense,
      norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: false },
      attention: { kind: "standard", numHeads: 2, numKvHeads: 1, headDim: 4, qkvBias: false, outBias: false, qkNorm },
    });
    const blockNorms = 2n * (4n * 8n + 3n);
    const perHead = new ReferenceModel(withQkNorm("head"));
    expect(perHead.forward([1], CAUSAL_LAST).counts.norms).toBe(blockNorms + (2n + 1n) * (4n * 4n + 3n));
    const full = new ReferenceModel(withQkNorm("full"));
    expect(full.forward([1], CAUSAL_LAST).counts.norms).toBe(blockNorms + (4n * 8n + 3n) + (4n * 4n + 3n));
    expect(full.parameterCount() - perHead.parameterCount()).toBe(BigInt(8 + 4 - (4 + 4)));
  });

  it("norm variants: non-affine LayerNorm, LayerNorm without bias, 1 and 4 norms per layer", () => {
    const normsFor = (norm: ModelSpec["norm"], parallelBlock = false) =>
      new ReferenceModel({ ...tinyDense, norm, parallelBlock }).forward([1], CAUSAL_LAST).counts.norms;
    expect(normsFor({ kind: "layernorm", affine: false, bias: false, perLayer: 2, final: true })).toBe(3n * (5n * 8n + 4n));
    expect(normsFor({ kind: "layernorm", affine: true, bias: false, perLayer: 2, final: true })).toBe(3n * (6n * 8n + 4n));
    expect(normsFor({ kind: "rmsnorm", affine: false, bias: false, perLayer: 4, final: false })).toBe(4n * (3n * 8n + 3n));
    expect(normsFor({ kind: "rmsnorm", affine: true, bias: true, perLayer: 1, final: true }, true)).toBe(2n * (4n * 8n + 3n));
    const nonAffine = new ReferenceModel({ ...tinyDense, norm: { kind: "layernorm", affine: false, bias: true, perLayer: 2, final: true } });
    expect(nonAffine.parameterCount()).toBe(new ReferenceModel(tinyDense).parameterCount() - BigInt(3 * 16));
  });

  it("activation costs: ReLU 1, GELU(tanh) 9, gated adds 1 per unit", () => {
    const activationFor = (mlp: ModelSpec["mlp"]) =>
      new ReferenceModel({ ...tinyDense, mlp }).forward([1], CAUSAL_LAST).counts.activation;
    expect(activationFor({ gated: false, intermediateSize: 16, activation: "relu", bias: false })).toBe(16n);
    expect(activationFor({ gated: false, intermediateSize: 16, activation: "gelu_tanh", bias: false })).toBe(16n * 9n);
    expect(activationFor({ gated: true, intermediateSize: 16, activation: "gelu_tanh", bias: false })).toBe(16n * 10n);
  });

  it("elementwise terms are 0n unless asked for; every term is always present", () => {
    const result = new ReferenceModel(tinyDense).forward([1, 2], { mask: "causal", logits: "last" });
    expect(Object.keys(result.counts).sort()).toEqual([...MATMUL_TERMS, ...ELEMENTWISE_TERMS].sort());
    for (const term of ELEMENTWISE_TERMS) expect(result.counts[term]).toBe(0n);
    expect(result.counts.qProj).toBeGreaterThan(0n);
  });

  it("tied embeddings, LM head bias, learned and relative positions in the parameter count", () => {
    const base = new ReferenceModel(tinyDense).parameterCount();
    expect(new ReferenceModel({ ...tinyDense, tiedEmbeddings: true }).parameterCount()).toBe(base - 88n);
    expect(new ReferenceModel({ ...tinyDense, lmHeadBias: true }).parameterCount()).toBe(base + 11n);
    expect(new ReferenceModel({ ...tinyDense, positions: { kind: "learned", maxPositions: 5 } }).parameterCount()).toBe(base + 40n);
    expect(new ReferenceModel({ ...tinyDense, positions: { kind: "relative" } }).parameterCount()).toBe(base + BigInt(8 * 8 + 2 * 8));
  });

  it("relative positions: extra work is reported apart from the terms", () => {
    const { numHeads: h, headDim: hd } = gopherLike.attention as StandardAttentionSpec;
    const result = new ReferenceModel(gopherLike).forward([1, 2, 3], CAUSAL_LAST);
    const distances = 3; // 0, 1, 2: each projected once per layer per call
    const positionScores = (1 + 2 + 3) * h * 2 * hd;
    const d = gopherLike.hiddenSize;
    expect(result.untermed.relativePositions).toBe(BigInt(gopherLike.numLayers * (distances * 2 * d * d + positionScores)));
    expect(result.counts.attnScores).toBe(BigInt(gopherLike.numLayers * (1 + 2 + 3) * h * 2 * hd));
  });
});

describe("numerics", () => {
  it("erf matches known values", () => {
    expect(erf(0)).toBe(0);
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 14);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 14);
    expect(erf(-2)).toBeCloseTo(-0.9953222650189527, 14);
    expect(erf(3.5)).toBeCloseTo(0.9999992569016276, 14);
  });

  it("is deterministic per seed and sensitive to it", () => {
    const tokens = [1, 2, 3];
    const a = new ReferenceModel(llamaLike, 1).forward(tokens, CAUSAL_LAST).logits[0]!;
    const b = new ReferenceModel(llamaLike, 1).forward(tokens, CAUSAL_LAST).logits[0]!;
    const c = new ReferenceModel(llamaLike, 2).forward(tokens, CAUSAL_LAST).logits[0]!;
    expect([...a]).toEqual([...b]);
    expect(Math.abs(a[0]! - c[0]!)).toBeGreaterThan(1e-9);
    expect(a.every(Number.isFinite)).toBe(true);
  });

  it("learned positions: tokens at different positions differ, the table bounds the sequence", () => {
    const spec: ModelSpec = { ...tinyDense, positions: { kind: "learned", maxPositions: 3 } };
    const result = new ReferenceModel(spec).forward([5, 5], { mask: "full", logits: "all" });
    expect(Math.abs(result.logits[0]![0]! - result.logits[1]![0]!)).toBeGreaterThan(1e-9);
    expect(() => new ReferenceModel(spec).forward([1, 2, 3, 4], CAUSAL_LAST)).toThrow(/learned positions/);
  });
});
