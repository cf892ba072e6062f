import { describe, expect, it } from "vitest";
import { presetById } from "../../src/core/presets";
import { tokenFlow } from "../../src/core/token-flow";

describe("tokenFlow", () => {
  it("splits the post's model at S = 128,000 into blocks, by hand", () => {
    // d = 4096, L = 100, H = H_kv = 32, d_h = 128, d_ff = 16384 (2 matrices), V = 200,000; bf16.
    const flow = tokenFlow(presetById("post-hypothetical").spec, 128_000);
    const by = Object.fromEntries(flow.blocks.map((b) => [b.id, b]));
    // Q, K, V: 3 · 2 · L · d² = 6 · 100 · 16,777,216.
    expect(by.qkv?.flops).toBe(10_066_329_600n);
    // Attention: 4 · L · H · d_h · S = 4 · 100 · 4096 · 128,000.
    expect(by.attention?.flops).toBe(209_715_200_000n);
    expect(by.outProj?.flops).toBe(3_355_443_200n);
    // MLP: 2 matrices · 2 · L · d · 4d.
    expect(by.mlp?.flops).toBe(26_843_545_600n);
    expect(by.logits?.flops).toBe(1_638_400_000n);
    expect(by.embedding?.flops).toBe(0n);
    // The same total as the landing page's exact count, 251,618,918,400.
    expect(flow.totalFlops).toBe(251_618_918_400n);
    // Bytes: a weight per multiply-add at 2 bytes each; the cache is K and V, 2 · L · H_kv · d_h · S values of 2 bytes.
    expect(by.qkv?.bytes).toBe(10_066_329_600n);
    expect(by.attention?.bytes).toBe(2n * 100n * 4096n * 128_000n * 2n);
    expect(by.logits?.bytes).toBe(1_638_400_000n);
    expect(by.embedding?.bytes).toBe(8192n);
  });

  it("counts one byte per weight in fp8 and marks the blocks inside the layer", () => {
    const flow = tokenFlow(presetById("post-hypothetical").spec, 1, "fp8");
    expect(flow.blocks.find((b) => b.id === "mlp")?.bytes).toBe(13_421_772_800n);
    expect(flow.blocks.filter((b) => b.inLayer).map((b) => b.id)).toEqual(["qkv", "attention", "outProj", "mlp"]);
  });

  it("refuses latent attention, naming the model", () => {
    expect(() => tokenFlow(presetById("deepseek-v3").spec, 1000)).toThrow(/DeepSeek.*standard/);
  });
});
