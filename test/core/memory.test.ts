import { describe, expect, it } from "vitest";
import { importHfConfig } from "../../src/core/hf/import";
import { bytesOf, kvCacheBytes, kvCacheBytesPerToken, weightBytes } from "../../src/core/memory";
import { fixture } from "../fixtures/load";

const load = (file: string) => importHfConfig(fixture(`configs/${file}`)).spec;

describe("memory", () => {
  it("weights: Llama-2-7B in fp16 is 2 bytes per parameter, 13.48 GB", () => {
    expect(weightBytes(load("llama-2-7b-hf.json"), "fp16")).toBe(2n * 6_738_415_616n);
    expect(weightBytes(load("llama-2-7b-hf.json"), "int4")).toBe(6_738_415_616n / 2n);
  });

  it("KV cache per token: Llama-2-7B (MHA) 2·32·4096 values × 2 bytes = 512 KiB", () => {
    expect(kvCacheBytesPerToken(load("llama-2-7b-hf.json"))).toBe(2n * 32n * 4096n * 2n);
  });

  it("GQA: Llama-3.1-8B keeps 8 KV heads of 128: 128 KiB per token in bf16", () => {
    expect(kvCacheBytesPerToken(load("llama-3.1-8b.json"))).toBe(2n * 32n * 8n * 128n * 2n);
  });

  it("MLA: DeepSeek-V3 caches the 512-wide latent plus a 64-wide rotary key per layer", () => {
    const v3 = load("deepseek-v3.json");
    expect(kvCacheBytesPerToken(v3)).toBe(61n * (512n + 64n) * 2n);
    // An implementation that expands keys and values per head keeps 128·(128+64+128) per layer.
    expect(kvCacheBytesPerToken(v3, { mla: "expanded" })).toBe(61n * 128n * (128n + 64n + 128n) * 2n);
  });

  it("sliding windows cap the cache: Gemma 2's even layers keep 4096 tokens", () => {
    const gemma = load("gemma-2-9b.json");
    const perLayerToken = 2n * 8n * 256n * 2n;
    expect(kvCacheBytes(gemma, 8192)).toBe(21n * 8192n * perLayerToken + 21n * 4096n * perLayerToken);
    expect(kvCacheBytes(gemma, 100)).toBe(42n * 100n * perLayerToken);
  });

  it("bytes round up to whole bytes for sub-byte types", () => {
    expect(bytesOf(3n, "int4")).toBe(2n);
  });
});
