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

/** The model's layers grouped by kind, so counts stay cheap for 100+ layers. */
export function layerGroups(spec: ModelSpec): LayerGroup[] {
  const groups = new Map<string, LayerGroup>();
  for (let layer = 0; layer < spec.numLayers; layer++) {
    const window = windowOf(spec.attention.slidingWindow, layer);
    const moe = isMoeLayer(spec, layer);
    const key = `${window}:${moe}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { count: 1, window, moe });
  }
  return [...groups.values()];
}

/** Number of layers that use routed experts. */
export function moeLayerCount(spec: ModelSpec): number {
  let count = 0;
  for (let layer = 0; layer < spec.numLayers; layer++) if (isMoeLayer(spec, layer)) count++;
  return count;
}

export function isMoeLayer(spec: ModelSpec, layer: number): boolean {
  const moe = spec.moe;
  if (!moe) return false;
  if (layer < moe.firstDenseLayers) return false;
  return !(moe.denseLayers ?? []).includes(layer);
}

function windowOf(window: SlidingWindowSpec | undefined, layer: number): number | null {
  if (!window) return null;
  const { layers } = window;
  const applies =
    layers === "all" ? true : layers === "even" ? layer % 2 === 0 : layers === "odd" ? layer % 2 === 1 : layers.includes(layer);
  return applies ? window.size : null;
}
