import { describe, expect, it } from "vitest";
import { chartHtml } from "../../src/charts/serialize";
import { tokenFlowBlockText, tokenFlowChart } from "../../src/charts/token-flow";
import { CONCEPT_COLORS } from "../../src/charts/palette";
import { presetById } from "../../src/core/presets";
import { tokenFlow } from "../../src/core/token-flow";
import { freshDocument, parse, texts } from "../islands/dom";

const post = presetById("post-hypothetical").spec;
const draw = (S: number) => chartHtml(tokenFlowChart(tokenFlow(post, S), freshDocument()));

describe("token flow figure", () => {
  it("is deterministic, CSP-safe, one labelled image", () => {
    const html = draw(128_000);
    expect(draw(128_000)).toBe(html);
    expect(html).toMatch(/^<svg[^>]* class="hmf-chart hmf-chart-flow"/);
    expect(html).toMatch(/aria-label="One generated token through The post's GPT-4-class inputs \(E=4096, V=200k, L=100\) at a context of 128,000 tokens/);
    expect(html).not.toMatch(/<style|style="| id="/);
  });

  it("labels every block with its FLOPs, share and bytes read", () => {
    const labels = texts(draw(128_000), "svg text");
    // Attention at S = 128,000: 4·100·4096·128,000 = 2.10×10¹¹ FLOPs of 251,618,918,400 = 83.3%, reading a 210 GB cache.
    expect(labels).toContain("2.10×10¹¹ FLOPs · 83.3% · reads 210 GB");
    expect(labels).toContain("no arithmetic · reads 8.19 kB");
    expect(labels).toContain("Decoder layer, × 100 (figures for all layers together)");
    expect(tokenFlowBlockText(1n, 2n, 4n)).toBe("1.00×10⁰ FLOPs · 25.0% · reads 2 B");
    // Hovering a block shows its exact figures: 4·100·4096·128,000 FLOPs; 2·100·4096·128,000·2 bytes.
    expect(parse(draw(128_000)).querySelector(".hmf-flow-attention rect title")?.textContent).toBe("Attention over the KV cache: 209,715,200,000 FLOPs, 209,715,200,000 bytes read");
  });

  it("fills each block in proportion to its share: attention takes over as S grows", () => {
    // Blocks in the layer are 400 − 2·(4 + 10) = 372 px wide; attention's share at S = 128,000 is 0.833463…,
    // the MLP's 0.106683…
    const root = parse(draw(128_000));
    const fill = (id: string) => Number(root.querySelector(`.hmf-flow-${id} .hmf-flow-share`)?.getAttribute("width"));
    expect(fill("attention")).toBe(310.05);
    expect(fill("mlp")).toBe(39.69);
    const short = parse(draw(100));
    // At S = 100: 4·100·4096·100 = 163,840,000 FLOPs of 42,067,558,400, 0.3894…% of 372 px.
    expect(Number(short.querySelector(".hmf-flow-attention .hmf-flow-share")?.getAttribute("width"))).toBe(1.45);
    expect(root.querySelector(".hmf-flow-attention rect")?.getAttribute("stroke")).toBe(CONCEPT_COLORS.attention);
  });
});
