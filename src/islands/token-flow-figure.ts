/**
 * The signature figure in an island: one generated token through the model,
 * block by block, redrawn with the island's inputs (the formula explorer's
 * sliders, the reader's own model), so that the attention block's share
 * visibly grows with the context.
 */
import { chartHtml } from "../charts/serialize";
import { tokenFlowChart } from "../charts/token-flow";
import { groupDigits } from "../core/format";
import type { TokenFlow } from "../core/token-flow";
import { html, rawHtml } from "../core/html";

/** The figure with its caption, as HTML. */
export function tokenFlowFigureHtml(flow: TokenFlow, document: unknown): string {
  const caption =
    `One generated token through ${flow.model} at S = ${groupDigits(flow.context)}: each block’s FLOPs and the bytes it reads (${flow.dtype}); ` +
    "its fill is its share of the token’s FLOPs, so attention’s grows with S.";
  return html`<figure class="hmf-figure hmf-token-flow">${rawHtml(chartHtml(tokenFlowChart(flow, document)))}<figcaption>${caption}</figcaption></figure>`.value;
}
