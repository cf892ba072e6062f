/**
 * The signature figure: one generated token through the model, top to
 * bottom (embedding → Q, K, V → attention over the KV cache → output
 * projection → MLP or experts → logits), every block labelled with its FLOPs
 * and the bytes it reads, and filled in proportion to its share of the
 * token's FLOPs, so that attention visibly takes over as the context grows.
 *
 * Drawn in SVG with the document's own API (the serializer escapes every
 * label); 400 px wide with 14-px text, so it reads at 12 px and more on a
 * 390-px phone and at its natural size on a laptop.
 */
import { formatPercent, formatScientificUnicode, formatSI, groupDigits } from "../core/format";
import type { TokenFlow, TokenFlowBlockId } from "../core/token-flow";
import { CONCEPT_COLORS, type Concept } from "./palette";
import { round, svgMaker } from "./log-frame";
import type { ChartElement } from "./serialize";

/** The concept each block is drawn in; the embedding lookup does no arithmetic and is drawn in the page's colour. */
export const TOKEN_FLOW_CONCEPTS: Readonly<Record<TokenFlowBlockId, Concept | undefined>> = {
  embedding: undefined,
  qkv: "projections",
  attention: "attention",
  outProj: "projections",
  mlp: "mlp",
  logits: "logits",
};

const WIDTH = 400;
const FONT = 14;
const BLOCK = 50;
const GAP = 18;
const LEFT = 4;
const LAYER_INSET = 10;


/** "2.10×10¹¹ FLOPs · 83.3% · reads 210 GB": what one block's second line says. */
export function tokenFlowBlockText(flops: bigint, bytes: bigint, total: bigint): string {
  const share = total > 0n ? Number((flops * 1_000_000n) / total) / 1_000_000 : 0;
  const arithmetic = flops === 0n ? "no arithmetic" : `${formatScientificUnicode(flops)} FLOPs · ${formatPercent(share)}`;
  return `${arithmetic} · reads ${formatSI(bytes, { unit: "B" })}`;
}

/**
 * The figure as an SVG element made in `document`. Deterministic: stable
 * class names (`hmf-flow-<block>`), no ids, coordinates rounded to hundredths.
 */
export function tokenFlowChart(flow: TokenFlow, document: unknown): ChartElement {
  const { el } = svgMaker(document);
  const layerBlocks = flow.blocks.filter((b) => b.inLayer);
  const height = flow.blocks.length * (BLOCK + GAP) + 2 * LAYER_INSET + FONT + 8;
  const description = flow.blocks.map((b) => `${b.label}: ${tokenFlowBlockText(b.flops, b.bytes, flow.totalFlops)}`).join("; ");
  const svg = el("svg", {
    class: "hmf-chart hmf-chart-flow",
    role: "img",
    "aria-label": `One generated token through ${flow.model} at a context of ${groupDigits(flow.context)} tokens: FLOPs and bytes read by each block`,
    "aria-description": `${description}. Total ${formatScientificUnicode(flow.totalFlops)} FLOPs, ${formatSI(flow.totalBytes, { unit: "B" })} read.`,
    width: WIDTH,
    height,
    viewBox: `0 0 ${WIDTH} ${height}`,
    fill: "currentColor",
    "font-family": "system-ui, sans-serif",
    "font-size": FONT,
  });

  let y = 2;
  let layerTop = 0;
  let layerBottom = 0;
  const right = WIDTH - LEFT;
  flow.blocks.forEach((block, i) => {
    const first = layerBlocks[0] === block;
    const last = layerBlocks[layerBlocks.length - 1] === block;
    if (first) {
      layerTop = y;
      y += LAYER_INSET + FONT + 6;
    }
    const inset = block.inLayer ? LAYER_INSET : 0;
    const x0 = LEFT + inset;
    const x1 = right - inset;
    const concept = TOKEN_FLOW_CONCEPTS[block.id];
    const color = concept === undefined ? "currentColor" : CONCEPT_COLORS[concept];
    const share = flow.totalFlops > 0n ? Number((block.flops * 1_000_000n) / flow.totalFlops) / 1_000_000 : 0;
    const g = el("g", { class: `hmf-flow-block hmf-flow-${block.id}` });
    const frame = el("rect", { x: x0, y, width: x1 - x0, height: BLOCK, rx: 6, fill: "none", stroke: color, "stroke-width": 1.5, "pointer-events": "all" });
    // Hovering the block shows its exact figures.
    frame.appendChild(el("title", {}, `${block.label}: ${groupDigits(block.flops)} FLOPs, ${groupDigits(block.bytes)} bytes read`));
    g.appendChild(frame);
    // The fill is the block's share of the token's FLOPs: attention's grows with the context.
    g.appendChild(el("rect", { class: "hmf-flow-share", x: x0, y, width: round((x1 - x0) * share), height: BLOCK, rx: 6, fill: color, "fill-opacity": 0.28 }));
    g.appendChild(el("text", { x: x0 + 10, y: y + 20, "font-weight": 600 }, block.label));
    g.appendChild(el("text", { x: x0 + 10, y: y + 39, "font-size": FONT - 1, "font-variant": "tabular-nums" }, tokenFlowBlockText(block.flops, block.bytes, flow.totalFlops)));
    svg.appendChild(g);
    y += BLOCK;
    if (last) {
      y += LAYER_INSET;
      layerBottom = y;
    }
    if (i < flow.blocks.length - 1) {
      const cx = WIDTH / 2;
      svg.appendChild(el("path", { class: "hmf-flow-arrow", d: `M${cx},${y + 3}V${y + GAP - 4}M${cx - 4},${y + GAP - 8}L${cx},${y + GAP - 3}L${cx + 4},${y + GAP - 8}`, fill: "none", stroke: "currentColor", "stroke-opacity": 0.6, "aria-hidden": "true" }));
      y += GAP;
    }
  });
  if (layerBlocks.length > 0) {
    const frame = el("g", { class: "hmf-flow-layer", "aria-hidden": "true" });
    frame.appendChild(el("rect", { x: LEFT, y: layerTop, width: right - LEFT, height: layerBottom - layerTop, rx: 8, fill: "none", stroke: "currentColor", "stroke-opacity": 0.45, "stroke-dasharray": "4 3" }));
    frame.appendChild(el("text", { x: LEFT + 10, y: layerTop + LAYER_INSET + FONT - 2, "font-size": FONT - 1 }, `Decoder layer, × ${groupDigits(flow.layers)} (figures for all layers together)`));
    svg.appendChild(frame);
  }
  svg.setAttribute("height", String(round(y + 4)));
  svg.setAttribute("viewBox", `0 0 ${WIDTH} ${round(y + 4)}`);
  return svg;
}
