import { describe, expect, it } from "vitest";
import {
  attendedKeys,
  decodeFlops,
  decodeNoCacheFlops,
  forwardFlops,
  prefillFlops,
  trainFlops,
} from "../../src/core/flops";
import { importHfConfig } from "../../src/core/hf/import";
import type { ModelSpec } from "../../src/core/model";
import { presetById } from "../../src/core/presets";
import { fixture } from "../fixtures/load";

const formulas = fixture("reference/formulas.json");
const llama2 = importHfConfig(fixture("configs/llama-2-7b-hf.json")).spec;

/** A GPT-style model with no biases: the shape Megatron-LM's and Kaplan's formulas assume. */
function plainGpt(h: number, layers: number, vocab: number, heads: number): ModelSpec {
  return {
    name: "plain GPT", vocabSize: vocab, hiddenSize: h, numLayers: layers,
    attention: { kind: "standard", numHeads: heads, numKvHeads: heads, headDim: h / heads, qkvBias: false, outBias: false, qkNorm: "none" },
    mlp: { gated: false, intermediateSize: 4 * h, activation: "gelu", bias: false },
    norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
    positions: { kind: "learned", maxPositions: 2048 }, tiedEmbeddings: true,
  };
}

describe("decode with a KV cache, by hand", () => {
  it("Llama-2-7B at S = 4096: 2 FLOPs per weight it multiplies, plus 4·L·S·d for attention", () => {
    const d = 4096n, L = 32n, ff = 11008n, V = 32000n, S = 4096n;
    const weightsMultiplied = L * (4n * d * d + 3n * d * ff) + V * d; // every matrix but the embedding lookup
    expect(decodeFlops(llama2, 4096).total).toBe(2n * weightsMultiplied + 4n * L * S * d);
  });

  it("Mistral's 4096-token window caps attention: decode at 32k costs what it costs at 4k", () => {
    const mistral = importHfConfig(fixture("configs/mistral-7b-v0.1.json")).spec;
    expect(decodeFlops(mistral, 32768).total).toBe(decodeFlops(mistral, 4096).total);
    expect(decodeFlops(mistral, 4095).total).toBeLessThan(decodeFlops(mistral, 4096).total);
  });

  it("GQA shrinks K and V projections but not attention: Llama-3.1-8B at S", () => {
    const llama3 = importHfConfig(fixture("configs/llama-3.1-8b.json")).spec;
    const { terms } = decodeFlops(llama3, 1000);
    expect(terms.kProj).toBe(32n * 2n * 4096n * (8n * 128n));
    expect(terms.attnScores).toBe(32n * 2n * 32n * 128n * 1000n);
    expect(terms.attnValues).toBe(terms.attnScores);
  });

  it("Mixtral: two experts of three matrices each, and the router", () => {
    const mixtral = importHfConfig(fixture("configs/mixtral-8x7b-v0.1.json")).spec;
    const { terms } = decodeFlops(mixtral, 1);
    expect(terms.experts).toBe(32n * 2n * 3n * 2n * 4096n * 14336n);
    expect(terms.router).toBe(32n * 2n * 4096n * 8n);
    expect(terms.mlp).toBe(0n);
  });

  it("DeepSeek-V3 absorbed MLA attends over the 512+64 latent at S = 128k", () => {
    const v3 = importHfConfig(fixture("configs/deepseek-v3.json")).spec;
    const { terms } = decodeFlops(v3, 131072);
    const H = 128n, S = 131072n, L = 61n;
    expect(terms.attnScores).toBe(L * 2n * H * (512n + 64n) * S);
    expect(terms.attnValues).toBe(L * 2n * H * 512n * S);
    expect(terms.kUp).toBe(L * 2n * 512n * H * 128n);
    const expanded = decodeFlops(v3, 131072, { mla: "expanded" }).terms;
    expect(expanded.attnScores).toBe(L * 2n * H * (128n + 64n) * S);
    expect(expanded.attnValues).toBe(L * 2n * H * 128n * S);
  });
});

describe("published figures", () => {
  it("calflops: Llama-2-7B forward over 128 tokens (full mask, all logits) is 1700.06 GFLOPs, 850 GMACs", () => {
    const { inputs, forward_gflops, forward_gmacs } = formulas.calflops_llama2_7b;
    const count = forwardFlops(llama2, { tokens: inputs.sequence, mask: "full", logits: "all" });
    // Matrix work only; calflops' remaining 0.06 G are its elementwise operations.
    expect(Number(count.total) / 1e9).toBeCloseTo(1700.0, 2);
    expect(Math.abs(Number(count.total) / 1e9 - forward_gflops)).toBeLessThan(0.07);
    expect(Math.round(Number(count.total) / 2 / 1e9)).toBe(forward_gmacs);
  });

  it("Megatron-LM: training with and without full recomputation equals 96/72·B·s·l·h²(…) exactly", () => {
    const h = 2048, l = 24, V = 51200, s = 2048;
    const spec = plainGpt(h, l, V, 16);
    const [H, L, S, Vb] = [BigInt(h), BigInt(l), BigInt(s), BigInt(V)];
    // Narayanan et al. 2021 expanded: 72Bslh² + 12Bs²lh + 6BshV and 96Bslh² + 16Bs²lh + 6BshV (B = 1).
    expect(trainFlops(spec, s, { mask: "full" }).total).toBe(72n * S * L * H * H + 12n * S * S * L * H + 6n * S * H * Vb);
    expect(trainFlops(spec, s, { mask: "full", recompute: true }).total).toBe(96n * S * L * H * H + 16n * S * S * L * H + 6n * S * H * Vb);
  });

  it("Kaplan et al. Table 1: C_forward = 2N + 2·n_layer·n_ctx·d_attn per token, averaged over a causal context", () => {
    const d = 1024, layers = 24, ctx = 1024;
    const spec = plainGpt(d, layers, 50257, 16);
    const [D, L, C] = [BigInt(d), BigInt(layers), BigInt(ctx)];
    const N = 2n * D * L * (2n * D + 4n * D); // Kaplan's non-embedding N with d_attn = d, d_ff = 4d
    const perToken = 2n * N + 2n * L * C * D;
    const pass = prefillFlops(spec, ctx, { logits: "all" });
    const withoutLogits = pass.total - pass.terms.logits;
    // Exact causal attention sees (n_ctx + 1)/2 keys on average, Kaplan writes n_ctx/2.
    expect(withoutLogits).toBe(C * perToken + 2n * L * C * D);
  });

  it("Chinchilla Appendix F's full-mask attention terms per sequence", () => {
    const spec = presetById("chinchilla-70b").spec;
    const S = 2048n, d = 8192n, H = 64n, k = 128n, L = 80n;
    const pass = forwardFlops(spec, { tokens: 2048, mask: "full", logits: "all" });
    expect(pass.terms.attnScores).toBe(L * 2n * S * S * (k * H));
    expect(pass.terms.qProj + pass.terms.kProj + pass.terms.vProj).toBe(L * 2n * 3n * S * d * (k * H));
    expect(pass.terms.mlp).toBe(L * 2n * S * (2n * d * 32768n));
  });
});

describe("regimes relate as they should", () => {
  it("no-cache decode reruns the whole context: S·(2 per weight) + causal attention + one set of logits", () => {
    const S = 2048n, d = 4096n, L = 32n, ff = 11008n, V = 32000n;
    const perTokenLayers = 2n * L * (4n * d * d + 3n * d * ff);
    const attention = 4n * L * d * (S * (S + 1n)) / 2n;
    expect(decodeNoCacheFlops(llama2, 2048).total).toBe(S * perTokenLayers + attention + 2n * d * V);
  });

  it("causal prefill of S tokens = the S single-token steps that build the same cache", () => {
    for (const spec of [llama2, presetById("deepseek-v2-lite").spec, importHfConfig(fixture("configs/gemma-2-9b.json")).spec]) {
      const S = 37;
      let steps = 0n;
      for (let i = 1; i <= S; i++) steps += forwardFlops(spec, { tokens: 1, past: i - 1, logits: "last", mla: "expanded" }).total;
      expect(forwardFlops(spec, { tokens: S, logits: "all" }).total).toBe(steps);
    }
  });

  it("training = 3 × the forward pass", () => {
    const forward = forwardFlops(llama2, { tokens: 512, logits: "all" }).total;
    expect(trainFlops(llama2, 512).total).toBe(3n * forward);
  });

  it("attendedKeys: causal sums min(p, W) over the new positions", () => {
    // positions 3..7 with a window of 5: 3 + 4 + 5 + 5 + 5
    expect(attendedKeys(2, 5, "causal", 5)).toBe(22n);
    expect(attendedKeys(0, 4, "causal", null)).toBe(10n);
    expect(attendedKeys(10, 3, "full", 4)).toBe(39n);
  });

  it("elementwise terms appear only when asked for", () => {
    const plain = decodeFlops(llama2, 100);
    const full = decodeFlops(llama2, 100, { elementwise: true });
    expect(plain.terms.softmax + plain.terms.norms + plain.terms.activation).toBe(0n);
    // Softmax: 5 operations per score, 32 heads, 100 keys, 32 layers.
    expect(full.terms.softmax).toBe(5n * 32n * 100n * 32n);
    // SiLU (4) plus the gate product (1) on each of 11008 hidden units, per layer.
    expect(full.terms.activation).toBe(32n * 11008n * 5n);
    // Two RMSNorms of 4096 per layer and the final one: 4n + 3 each.
    expect(full.terms.norms).toBe((32n * 2n + 1n) * (4n * 4096n + 3n));
  });

  it("rejects a context below 1 with a message", () => {
    expect(() => decodeFlops(llama2, 0)).toThrow(/context must be an integer ≥ 1/);
    expect(() => decodeFlops(llama2, 1.5)).toThrow(/context/);
  });
});
