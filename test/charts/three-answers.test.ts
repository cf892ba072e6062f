import { describe, expect, it } from "vitest";
import { chartHtml } from "../../src/charts/serialize";
import { threeAnswersChart, type AnswerBar } from "../../src/charts/three-answers";
import { freshDocument, parse, texts } from "../islands/dom";

const bars: AnswerBar[] = [
  { id: "gpt4o", label: "GPT4o", concept: "gpt4o", flops: 10n ** 16n },
  { id: "grok", label: "Grok", concept: "grok", flops: 10n ** 14n },
  { id: "first-principles", label: "First principles", concept: "kvCache", flops: 10n ** 12n },
];
const draw = () => chartHtml(threeAnswersChart(bars, freshDocument()));

describe("three answers chart", () => {
  it("is deterministic, CSP-safe and one labelled image", () => {
    const html = draw();
    expect(draw()).toBe(html);
    expect(html).toMatch(/^<svg[^>]* class="hmf-chart hmf-chart-answers"/);
    expect(html).toMatch(/<svg[^>]* role="img"/);
    expect(html).toMatch(/aria-description="GPT4o: 1\.00×10¹⁶ FLOPs; Grok: 1\.00×10¹⁴ FLOPs; First principles: 1\.00×10¹² FLOPs"/);
    expect(html).not.toMatch(/<style|style="| id="/);
  });

  it("draws bars whose lengths are the answers' logarithms", () => {
    // Axis from 10^11 (a decade below the smallest) to 10^17 (above 10^16.3) over x = 8 … 384, 376 px:
    // 10^12 → 1/6 of it, 10^14 → 3/6, 10^16 → 5/6.
    const root = parse(draw());
    const width = (id: string) => Number(root.querySelector(`.hmf-answer-${id} rect`)?.getAttribute("width"));
    expect(width("first-principles")).toBe(62.67);
    expect(width("grok")).toBe(188);
    expect(width("gpt4o")).toBe(313.33);
  });

  it("writes each answer's value beside its name and ticks in powers of ten", () => {
    const labels = texts(draw(), "svg text");
    expect(labels.slice(0, 3)).toEqual(["GPT4o: 1.00×10¹⁶ FLOPs", "Grok: 1.00×10¹⁴ FLOPs", "First principles: 1.00×10¹² FLOPs"]);
    expect(labels.slice(3)).toEqual(["10¹¹", "10¹²", "10¹³", "10¹⁴", "10¹⁵", "10¹⁶", "10¹⁷"].filter((_, i) => i % 2 === 0));
  });

  it("shows the exact count when a bar is hovered", () => {
    expect(parse(draw()).querySelector(".hmf-answer-grok rect title")?.textContent).toBe("Grok: 100,000,000,000,000 FLOPs per token");
  });

  it("refuses an answer that is not a positive count, naming it", () => {
    expect(() => threeAnswersChart([{ id: "x", label: "Nobody", concept: "grok", flops: 0n }], freshDocument())).toThrow(/Nobody/);
    expect(() => threeAnswersChart([], freshDocument())).toThrow(RangeError);
  });
});
