import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layerGroups, moeLayerCount } from "../../src/core/layers";
import type { ModelSpec, SlidingWindowSpec } from "../../src/core/model";
import { presetById } from "../../src/core/presets";

/**
 * layerGroups counts layers from the window pattern and the listed
 * exceptions instead of walking every layer (a config with 10^15 layers must
 * not hang). The reference here walks every layer, straight from the
 * definitions in model.ts: a layer uses the window (or the chunk) when the pattern is "all",
 * or "even"/"odd" matches its index, or the list names it; it uses experts
 * when it is at or past firstDenseLayers and not listed in denseLayers.
 */
function walkedGroups(spec: ModelSpec): Map<string, number> {
  const counts = new Map<string, number>();
  const window = spec.attention.slidingWindow;
  for (let layer = 0; layer < spec.numLayers; layer++) {
    const pattern = window?.layers;
    const windowed = pattern === "all" || (pattern === "even" && layer % 2 === 0) || (pattern === "odd" && layer % 2 === 1) || (Array.isArray(pattern) && pattern.includes(layer));
    const moe = spec.moe !== undefined && layer >= spec.moe.firstDenseLayers && !(spec.moe.denseLayers ?? []).includes(layer);
    const chunked = spec.attention.kind === "standard" ? spec.attention.chunked : undefined;
    const chunkPattern = chunked?.layers;
    const inChunk = chunkPattern === "all" || (chunkPattern === "even" && layer % 2 === 0) || (chunkPattern === "odd" && layer % 2 === 1) || (Array.isArray(chunkPattern) && chunkPattern.includes(layer));
    const key = `${windowed ? window?.size : null}:${inChunk ? chunked?.size : null}:${moe}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function grouped(spec: ModelSpec): Map<string, number> {
  const counts = new Map<string, number>();
  for (const group of layerGroups(spec)) {
    const key = `${group.window}:${group.chunk}:${group.moe}`;
    expect(counts.has(key), `group ${key} appears twice`).toBe(false);
    expect(group.count).toBeGreaterThan(0);
    counts.set(key, group.count);
  }
  return counts;
}

const mixtral = presetById("mixtral-8x7b").spec;

const layerSpec = fc.integer({ min: 1, max: 300 }).chain((numLayers) =>
  fc.record({
    numLayers: fc.constant(numLayers),
    window: fc.option(
      fc.record({
        size: fc.integer({ min: 1, max: 1 << 16 }),
        layers: fc.oneof(fc.constantFrom<SlidingWindowSpec["layers"]>("all", "even", "odd"), fc.uniqueArray(fc.integer({ min: 0, max: numLayers - 1 }), { maxLength: numLayers }).map((list) => list.sort((a, b) => a - b))),
      }),
      { nil: undefined },
    ),
    chunk: fc.option(
      fc.record({
        size: fc.integer({ min: 1, max: 1 << 14 }),
        layers: fc.oneof(fc.constantFrom<SlidingWindowSpec["layers"]>("all", "even", "odd"), fc.uniqueArray(fc.integer({ min: 0, max: numLayers - 1 }), { maxLength: numLayers }).map((list) => list.sort((a, b) => a - b))),
      }),
      { nil: undefined },
    ),
    moe: fc.option(
      fc.record({
        firstDenseLayers: fc.integer({ min: 0, max: numLayers }),
        denseLayers: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: numLayers - 1 }), { maxLength: numLayers }).map((list) => list.sort((a, b) => a - b)), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  }),
);

describe("layer groups without a walk over the layers", () => {
  it("count 2^50 chunked layers with every 4th full and MoE on odd layers (Llama 4's pattern, listed)", () => {
    const listed = [0, 1, 2, 4, 5, 6];
    const spec: ModelSpec = { ...mixtral, numLayers: 2 ** 50, attention: { ...mixtral.attention, chunked: { size: 8192, layers: "even" } } as ModelSpec["attention"], moe: { ...(mixtral.moe as NonNullable<ModelSpec["moe"]>), firstDenseLayers: 0, denseLayers: listed.filter((layer) => layer % 2 === 0) } };
    // Even layers are chunked; of them 0, 2, 4, 6 are dense, the other 2^49 − 4 MoE. Odd layers: full attention, all MoE.
    expect(grouped(spec)).toEqual(new Map([
      ["null:null:true", 2 ** 49],
      ["null:8192:false", 4],
      ["null:8192:true", 2 ** 49 - 4],
    ]));
  });

  it("agree with a layer-by-layer walk (fast-check, 2,000 layouts)", () => {
    fc.assert(
      fc.property(layerSpec, ({ numLayers, window, chunk, moe }) => {
        const spec: ModelSpec = {
          ...mixtral,
          numLayers,
          attention: { ...mixtral.attention, ...(window ? { slidingWindow: window } : {}), ...(chunk ? { chunked: chunk } : {}) } as ModelSpec["attention"],
          ...(moe ? { moe: { ...(mixtral.moe as NonNullable<ModelSpec["moe"]>), firstDenseLayers: moe.firstDenseLayers, ...(moe.denseLayers ? { denseLayers: moe.denseLayers } : {}) } } : { moe: undefined }),
        };
        if (!moe) delete spec.moe;
        const walked = walkedGroups(spec);
        expect(grouped(spec)).toEqual(walked);
        expect(moeLayerCount(spec)).toBe([...walked].filter(([key]) => key.endsWith(":true")).reduce((n, [, count]) => n + count, 0));
      }),
      { seed: 20_240_601, numRuns: 2_000 },
    );
  });

  it("count 2^50 layers at once: nothing walks them", () => {
    const spec: ModelSpec = { ...mixtral, numLayers: 2 ** 50, attention: { ...mixtral.attention, slidingWindow: { size: 4096, layers: "even" } }, moe: { ...(mixtral.moe as NonNullable<ModelSpec["moe"]>), firstDenseLayers: 3, denseLayers: [4, 5] } };
    // Dense: layers 0, 1, 2, 4, 5; the even ones (0, 2, 4) windowed, 1 and 5 not.
    // Experts: the other 2^50 − 5; the even ones, 2^49 of all even layers but 3, windowed; the rest, 2^49 − 2, not.
    expect(grouped(spec)).toEqual(new Map([
      ["null:null:false", 2],
      ["null:null:true", 2 ** 49 - 2],
      ["4096:null:false", 3],
      ["4096:null:true", 2 ** 49 - 3],
    ]));
  });
});
