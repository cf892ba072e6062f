import type { ModelSpec, SlidingWindowSpec } from "./model";

/** Layers that share the same kind of attention window and feed-forward block. */
export interface LayerGroup {
  /** How many layers are of this kind. */
  count: number;
  /** Keys a query may see in these layers, or null for full attention. */
  window: number | null;
  /** True when these layers use routed experts instead of the dense MLP. */
  moe: boolean;
}

/**
 * The model's layers grouped by kind: full-attention dense, full-attention
 * MoE, windowed dense, windowed MoE, in that order, leaving out empty groups.
 * The counts come from the window pattern, the leading dense layers and the
 * listed exceptions, never from a walk over every layer, so the cost does not
 * grow with the layer count.
 */
export function layerGroups(spec: ModelSpec): LayerGroup[] {
  const layers = spec.numLayers;
  const window = windowPattern(spec.attention.slidingWindow);
  const windowed = window.countIn(0, layers);
  const moe = moeLayers(spec);
  let moeWindowed = 0;
  if (moe) {
    moeWindowed = window.countIn(moe.from, layers);
    for (const layer of moe.denseAfter) if (window.has(layer)) moeWindowed--;
  }
  const moeCount = moe ? layers - moe.from - moe.denseAfter.size : 0;
  const size = spec.attention.slidingWindow?.size ?? null;
  const groups: LayerGroup[] = [
    { count: layers - moeCount - (windowed - moeWindowed), window: null, moe: false },
    { count: moeCount - moeWindowed, window: null, moe: true },
    { count: windowed - moeWindowed, window: size, moe: false },
    { count: moeWindowed, window: size, moe: true },
  ];
  return groups.filter((group) => group.count > 0);
}

/** Number of layers that use routed experts. */
export function moeLayerCount(spec: ModelSpec): number {
  const moe = moeLayers(spec);
  return moe ? spec.numLayers - moe.from - moe.denseAfter.size : 0;
}

export function isMoeLayer(spec: ModelSpec, layer: number): boolean {
  const moe = spec.moe;
  if (!moe) return false;
  if (layer < moe.firstDenseLayers) return false;
  return !(moe.denseLayers ?? []).includes(layer);
}

/** MoE layers as a range [from, numLayers) minus the listed dense layers inside it; undefined for a dense model. */
function moeLayers(spec: ModelSpec): { from: number; denseAfter: Set<number> } | undefined {
  const moe = spec.moe;
  if (!moe) return undefined;
  const from = Math.min(Math.max(moe.firstDenseLayers, 0), spec.numLayers);
  const denseAfter = new Set((moe.denseLayers ?? []).filter((layer) => layer >= from && layer < spec.numLayers));
  return { from, denseAfter };
}

/** Which layers use the sliding window, answered without listing them all. */
interface WindowPattern {
  /** How many of the layers from, …, to − 1 use the window. */
  countIn(from: number, to: number): number;
  has(layer: number): boolean;
}

function windowPattern(window: SlidingWindowSpec | undefined): WindowPattern {
  const layers = window?.layers;
  if (layers === undefined) return { countIn: () => 0, has: () => false };
  if (layers === "all") return { countIn: (from, to) => Math.max(0, to - from), has: () => true };
  // Even layers below n: ceil(n / 2); odd ones: floor(n / 2).
  if (layers === "even") return { countIn: (from, to) => Math.max(0, Math.ceil(to / 2) - Math.ceil(from / 2)), has: (layer) => layer % 2 === 0 };
  if (layers === "odd") return { countIn: (from, to) => Math.max(0, Math.floor(to / 2) - Math.floor(from / 2)), has: (layer) => layer % 2 === 1 };
  const listed = new Set(layers);
  return {
    countIn: (from, to) => {
      let count = 0;
      for (const layer of listed) if (layer >= from && layer < to) count++;
      return count;
    },
    has: (layer) => listed.has(layer),
  };
}
