import fc from "fast-check";
import type { ModelSpec } from "../../src/core/model";

/**
 * Random valid model descriptions, from toy sizes up to sizes whose counts
 * overflow 2^53 many times over.
 */
export function arbitrarySpec(maxSize = 1 << 20): fc.Arbitrary<ModelSpec> {
  const size = fc.integer({ min: 1, max: maxSize });
  return fc
    .record({
      vocabSize: size,
      hiddenSize: size,
      numLayers: fc.integer({ min: 1, max: 200 }),
      kvHeads: fc.integer({ min: 1, max: 16 }),
      groups: fc.integer({ min: 1, max: 8 }),
      headDim: fc.integer({ min: 1, max: 512 }),
      mla: fc.boolean(),
      qLoraRank: fc.option(fc.integer({ min: 1, max: 4096 }), { nil: null }),
      kvLoraRank: fc.integer({ min: 1, max: 1024 }),
      rope: fc.integer({ min: 1, max: 128 }),
      gated: fc.boolean(),
      width: size,
      activation: fc.constantFrom("gelu", "gelu_tanh", "silu", "relu" as const),
      bias: fc.boolean(),
      window: fc.option(fc.record({ size: fc.integer({ min: 1, max: 1 << 16 }), layers: fc.constantFrom("all", "even", "odd" as const) }), { nil: undefined }),
      moe: fc.option(
        fc.record({
          numExperts: fc.integer({ min: 1, max: 256 }),
          pick: fc.integer({ min: 1, max: 256 }),
          expertIntermediateSize: size,
          numSharedExperts: fc.integer({ min: 0, max: 2 }),
          sharedWidth: size,
          routerBias: fc.boolean(),
          firstDenseLayers: fc.integer({ min: 0, max: 3 }),
        }),
        { nil: undefined },
      ),
      norm: fc.constantFrom("layernorm", "rmsnorm" as const),
      affine: fc.boolean(),
      perLayer: fc.integer({ min: 0, max: 4 }),
      qkNorm: fc.constantFrom("none", "head", "full" as const),
      learned: fc.boolean(),
      tied: fc.boolean(),
    })
    .map((r): ModelSpec => {
      const numHeads = r.kvHeads * r.groups;
      const spec: ModelSpec = {
        name: "random",
        vocabSize: r.vocabSize,
        hiddenSize: r.hiddenSize,
        numLayers: r.numLayers,
        attention: r.mla
          ? { kind: "mla", numHeads, qLoraRank: r.qLoraRank, kvLoraRank: r.kvLoraRank, qkNopeHeadDim: r.headDim, qkRopeHeadDim: r.rope, vHeadDim: r.headDim, bias: r.bias, ...(r.window ? { slidingWindow: r.window } : {}) }
          : { kind: "standard", numHeads, numKvHeads: r.kvHeads, headDim: r.headDim, qkvBias: r.bias, outBias: r.bias, qkNorm: r.qkNorm, ...(r.window ? { slidingWindow: r.window } : {}) },
        mlp: { gated: r.gated, intermediateSize: r.width, activation: r.activation, bias: r.bias },
        norm: { kind: r.norm, affine: r.affine, bias: r.bias, perLayer: r.perLayer, final: true },
        positions: r.learned ? { kind: "learned", maxPositions: 4096 } : { kind: "rotary", fraction: 1 },
        tiedEmbeddings: r.tied,
      };
      if (r.moe) {
        spec.moe = {
          numExperts: r.moe.numExperts,
          expertsPerToken: Math.min(r.moe.pick, r.moe.numExperts),
          expertIntermediateSize: r.moe.expertIntermediateSize,
          numSharedExperts: r.moe.numSharedExperts,
          sharedExpertIntermediateSize: r.moe.numSharedExperts > 0 ? r.moe.sharedWidth : 0,
          sharedExpertGate: false,
          routerBias: r.moe.routerBias,
          firstDenseLayers: Math.min(r.moe.firstDenseLayers, r.numLayers),
        };
      }
      return spec;
    });
}
