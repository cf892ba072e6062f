import type { ModelSpec, SlidingWindowSpec } from "./model";

/** Layers that share the same kind of attention and feed-forward block. */
export interface LayerGroup {
  /** How many layers are of this kind. */
  count: number;
  /** Keys a query may see in these layers (sliding window), or null. */
  window: number | null;
  /** Chunk size of chunked local attention in these layers, or null. */
  chunk: number | null;
  /** True when these layers use routed experts instead of the dense MLP. */
  moe: boolean;
  /** True when these layers mix tokens by linear attention (`linearAttention`) instead of softmax attention. */
  linear: boolean;
}

/**
 * The model's layers grouped by kind (full or local attention × dense or
 * MoE, or linear attention), leaving out empty groups, in a fixed order
 * (softmax before linear attention, full before windowed before chunked,
 * dense before MoE).
 *
 * The counts never come from a walk over every layer, so the cost does not
 * grow with the layer count: the layer line is cut at every layer a list
 * names (and at firstDenseLayers); between two cuts every pattern ("all",
 * "even", "odd", a range) depends only on a layer's parity, so one even and
 * one odd representative of each piece classify all of it.
 */
export function layerGroups(spec: ModelSpec): LayerGroup[] {
  const layers = spec.numLayers;
  const cuts = new Set<number>([0, layers]);
  const cutAround = (layer: number) => {
    if (layer >= 0 && layer < layers) {
      cuts.add(layer);
      cuts.add(layer + 1);
    }
  };
  const a = spec.attention;
  for (const pattern of [a.slidingWindow?.layers, a.kind === "standard" ? a.chunked?.layers : undefined, spec.linearAttention?.layers]) {
    if (Array.isArray(pattern)) pattern.forEach(cutAround);
  }
  if (spec.moe) {
    cuts.add(Math.min(Math.max(spec.moe.firstDenseLayers, 0), layers));
    (spec.moe.denseLayers ?? []).forEach(cutAround);
  }
  const bounds = [...cuts].sort((x, y) => x - y);
  const groups = new Map<string, LayerGroup>();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    for (const parity of [0, 1]) {
      const first = from % 2 === parity ? from : from + 1;
      if (first >= to) continue;
      const count = Math.floor((to - 1 - first) / 2) + 1;
      const kind = layerKind(spec, first);
      const key = `${kind.linear ? 1 : 0}${kind.window === null ? 0 : 1}${kind.chunk === null ? 0 : 1}${kind.moe ? 1 : 0}`;
      const group = groups.get(key);
      if (group) group.count += count;
      else groups.set(key, { ...kind, count });
    }
  }
  return [...groups.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, group]) => group);
}

/** What layer `layer` (0-based) is: its local attention and whether it uses experts. */
export function layerKind(spec: ModelSpec, layer: number): Omit<LayerGroup, "count"> {
  const a = spec.attention;
  if (spec.linearAttention && selects(spec.linearAttention.layers, layer)) {
    return { window: null, chunk: null, moe: isMoeLayer(spec, layer), linear: true };
  }
  const window = a.slidingWindow && selects(a.slidingWindow.layers, layer) ? a.slidingWindow.size : null;
  const chunked = a.kind === "standard" ? a.chunked : undefined;
  const chunk = chunked && selects(chunked.layers, layer) ? chunked.size : null;
  return { window, chunk, moe: isMoeLayer(spec, layer), linear: false };
}

/** Number of layers that use routed experts. */
export function moeLayerCount(spec: ModelSpec): number {
  return layerGroups(spec).reduce((count, group) => count + (group.moe ? group.count : 0), 0);
}

export function isMoeLayer(spec: ModelSpec, layer: number): boolean {
  const moe = spec.moe;
  if (!moe) return false;
  if (layer < moe.firstDenseLayers) return false;
  return !(moe.denseLayers ?? []).includes(layer);
}

/** Whether a layer pattern of model.ts selects layer `layer`. */
export function selects(pattern: SlidingWindowSpec["layers"], layer: number): boolean {
  if (pattern === "all") return true;
  if (pattern === "even") return layer % 2 === 0;
  if (pattern === "odd") return layer % 2 === 1;
  return pattern.includes(layer);
}
