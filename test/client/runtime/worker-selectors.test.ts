import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { matches, prepareMatch, selectorRefused } from "../../../src/client/runtime/worker-selectors";
import { notebookDocument } from "../../../src/notebook/document";

interface Node {
  nodeType: number;
  childNodes: ArrayLike<Node>;
}

/** Every element under `root`, in document order (what querySelectorAll walks). */
function descendants(root: Node): Node[] {
  const found: Node[] = [];
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType !== 1) continue;
    found.push(child, ...descendants(child));
  }
  return found;
}

/** A chart as the worker draws one: Plot with a legend, a title and ticks, in the notebooks' linkedom document. */
function chart() {
  const document = notebookDocument();
  const figure = Plot.plot({
    document: document as never,
    title: "FLOPs per token",
    color: { legend: true },
    y: { type: "log", grid: true },
    marks: [
      Plot.line([{ x: 1, y: 10, z: "a" }, { x: 2, y: 100, z: "a" }, { x: 1, y: 20, z: "b" }, { x: 2, y: 30, z: "b" }], { x: "x", y: "y", stroke: "z" }),
      Plot.ruleX([1.5], { strokeDasharray: "2 3" }),
      Plot.text([{ x: 2, y: 100 }], { x: "x", y: "y", text: () => "end" }),
    ],
  }) as unknown as Node & { querySelectorAll(selectors: string): ArrayLike<Node> };
  return figure;
}

// Selectors of the kinds Plot, the charts and cells write: linkedom's own engine (css-select, in Node) says what they match.
const SELECTORS = [
  "g", "svg", "style", "*", "text", "svg g", "svg > g", "g > path", "figure > svg > g", "figure svg text",
  "[aria-label]", '[aria-label="tick"]', "[aria-label='y-axis tick label']", "g[aria-label=line]", "[fill=none]",
  "line, text", "path,line", '[aria-label="a, b"], g', "h2", "figure > h2", "div > span", "span", "svg > *", "* > text", "g g", "#nope", "svg *",
];

describe("the worker's stand-in for css-select (linkedom's selector engine)", () => {
  it("matches what css-select matches, on a Plot chart drawn in the notebooks' document", () => {
    const figure = chart();
    const elements = descendants(figure);
    expect(elements.length).toBeGreaterThan(20);
    for (const selectors of SELECTORS) {
      const test = prepareMatch(selectors);
      const ours = elements.filter((element) => test(element as never));
      const theirs = Array.from(figure.querySelectorAll(selectors));
      expect(ours, selectors).toEqual(theirs);
    }
  });

  it("matches classes within a class list, ids, and ignores the case of tag names as HTML does", () => {
    const document = notebookDocument();
    const element = document.createElement("div");
    element.setAttribute("class", "tick  major\tlabel");
    element.setAttribute("id", "first");
    expect(matches(element as never, ".major")).toBe(true);
    expect(matches(element as never, "div.tick.label#first")).toBe(true);
    expect(matches(element as never, "DIV.label")).toBe(true);
    expect(matches(element as never, ".maj")).toBe(false);
    expect(matches(element as never, "#First")).toBe(false);
  });

  it("refuses the selectors it does not read, naming them and where they work", () => {
    const document = notebookDocument();
    const element = document.createElement("div");
    for (const selectors of ["li:nth-child(2)", "a + b", "a ~ b", "[href^=http]", "p::before", "> g", "g >", ":scope > g", "a,", "[title=a b]"]) {
      expect(() => matches(element as never, selectors), selectors).toThrow(selectorRefused(selectors));
    }
    expect(selectorRefused("a + b")).toContain("run this notebook in Jupyter");
  });
});
