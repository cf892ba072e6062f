import { describe, expect, it } from "vitest";
import { chartHtml } from "../../src/charts/serialize";
import { contextSweepChart } from "../../src/charts/context-sweep";
import { legendHtml } from "../../src/charts/legend";
import { markupDocument, SVG_NS } from "../../src/core/markup";
import { contextSweepData } from "../../src/islands/context-sweep";
import { presetById } from "../../src/core/presets";
import { freshDocument, parse } from "../islands/dom";

/** A tree as data: tag, attributes sorted by name, children; text as it reads. Serializers may order attributes differently. */
function shape(node: any): unknown {
  if (node.nodeType === 3) return node.textContent;
  const attributes = [...node.attributes].map((a: { name: string; value: string }) => [a.name, a.value]).sort();
  return [node.nodeName.toLowerCase(), attributes, [...node.childNodes].map(shape)];
}

describe("markupDocument", () => {
  it("serialises a chart to the same elements, attributes and text as a DOM does", () => {
    const points = contextSweepData(presetById("llama-2-7b").spec, 1, 1_000_000);
    const viaDom = chartHtml(contextSweepChart(points, freshDocument(), { modelName: "Llama 2 7B", highlight: 128_000 }));
    const viaText = chartHtml(contextSweepChart(points, markupDocument(), { modelName: "Llama 2 7B", highlight: 128_000 }));
    expect(shape(parse(viaText).firstChild)).toEqual(shape(parse(viaDom).firstChild));
  });

  it("escapes text and attribute values", () => {
    const doc = markupDocument();
    const svg = doc.createElementNS(SVG_NS, "svg");
    svg.setAttribute("aria-label", 'a "quoted" & <tagged> label');
    const text = doc.createElementNS(SVG_NS, "text");
    text.textContent = "</text><script>alert(1)</script> & more";
    svg.appendChild(text);
    expect(svg.outerHTML).toBe('<svg aria-label="a &quot;quoted&quot; &amp; <tagged> label"><text>&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</text></svg>');
    const legend = legendHtml([{ id: "x", label: "<b>bold</b>", color: "#000", width: 2 }], doc);
    expect(parse(legend).querySelector("span")?.textContent).toBe("<b>bold</b>");
  });
});
