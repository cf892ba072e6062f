import * as Plot from "@observablehq/plot";
import { parseHTML as linkedomParseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { chartHtml, contextSweepChart, threeAnswersChart, tokenFlowChart } from "../../../src/charts/index";
import { PARSE_REFUSED, parseHTML as workerParseHTML } from "../../../src/client/runtime/worker-dom";
import { presetById, tokenFlow } from "../../../src/core/index";
import { contextSweepData } from "../../../src/islands/context-sweep";
import { ISLANDS } from "../../../src/islands/index";

/** The page src/notebook/document.ts asks for. */
const PAGE = "<!doctype html><html><head></head><body></body></html>";

/** A document of each kind: linkedom's (what tslab renders with) and the worker's. */
const DOMS = {
  linkedom: () => linkedomParseHTML(PAGE).document as unknown as Doc,
  worker: () => workerParseHTML(PAGE).document as unknown as Doc,
};

/** The DOM as these tests drive it (both documents have it). */
type Doc = {
  createElement(name: string): El;
  createElementNS(namespace: string | null, name: string): El;
  createTextNode(text: string): Node_;
  createComment(text: string): Node_;
  body: El;
  documentElement: El;
};
type Node_ = { nodeType: number; nodeName: string; parentNode: El | null; textContent: string | null; compareDocumentPosition(other: Node_): number };
type El = Node_ & {
  outerHTML: string;
  innerHTML: string;
  tagName: string;
  localName: string;
  namespaceURI: string;
  style: Record<string, unknown> & { setProperty(n: string, v: unknown): void; removeProperty(n: string): void; getPropertyValue(n: string): string; cssText: string };
  children: ArrayLike<El>;
  childNodes: ArrayLike<Node_>;
  firstChild: Node_ | null;
  lastChild: Node_ | null;
  nextSibling: Node_ | null;
  previousSibling: Node_ | null;
  className: string;
  id: string;
  setAttribute(n: string, v: unknown): void;
  setAttributeNS(ns: string | null, n: string, v: unknown): void;
  getAttribute(n: string): string | null;
  removeAttribute(n: string): void;
  hasAttribute(n: string): boolean;
  appendChild<T>(c: T): T;
  insertBefore<T>(c: T, r: Node_ | null): T;
  removeChild<T>(c: T): T;
  append(...n: Array<Node_ | string>): void;
  replaceWith(...n: Array<Node_ | string>): void;
  remove(): void;
  cloneNode(deep?: boolean): El;
  querySelectorAll(s: string): ArrayLike<El>;
  querySelector(s: string): El | null;
  matches(s: string): boolean;
  closest(s: string): El | null;
  attributes: ArrayLike<{ name: string; value: string }>;
};

const SVG = "http://www.w3.org/2000/svg";

/** Both documents, each given the same script: whatever it returns must be equal. */
function bothAgree<T>(script: (document: Doc) => T): { linkedom: T; worker: T } {
  return { linkedom: script(DOMS.linkedom()), worker: script(DOMS.worker()) };
}

function expectSame<T>(script: (document: Doc) => T): T {
  const { linkedom, worker } = bothAgree(script);
  expect(worker).toEqual(linkedom);
  return worker;
}

const rows = Array.from({ length: 24 }, (_, i) => ({
  x: i,
  y: Math.round((Math.sin(i / 3) * 10 + i) * 100) / 100,
  group: ["alpha", "beta", "gamma"][i % 3]!,
  t: new Date(Date.UTC(2024, 0, 1 + i * 9)),
  v: i * i + 1,
}));

/** Plot charts that exercise the marks, transforms, axes, legends and figure the browser's Plot bundles. */
const CHARTS: Record<string, (document: Doc) => Plot.PlotOptions | (() => unknown)> = {
  "dots, a line and multi-line text in a figure with title, subtitle, caption and a swatch legend": (document) => ({
    document: document as never,
    title: "Tokens & <FLOPs>",
    subtitle: 'A "quoted" subtitle',
    caption: "Caption\u00a0with a no-break space",
    color: { legend: true },
    marks: [Plot.dot(rows, { x: "x", y: "y", fill: "group", title: (d: { group: string }) => `${d.group} <&> "q"` }), Plot.lineY(rows, { x: "x", y: "y", stroke: "group", marker: "circle" }), Plot.text([[3, 4]], { text: ["two\nlines"] })],
  }),
  "grouped and stacked bars with rules, ordinal axes, a className and a style object": (document) => ({
    document: document as never,
    className: "my-chart",
    style: { fontSize: "12px", backgroundColor: "white" },
    marks: [Plot.barY(rows, Plot.groupX({ y: "sum" }, { x: "group", y: "v", fill: "group" })), Plot.ruleY([0]), Plot.ruleX(["beta"], { stroke: "red" })],
  }),
  "log scales with grids, tick formats and margins": (document) => ({
    document: document as never,
    marginLeft: 60,
    x: { type: "log", grid: true, label: "context (tokens)" },
    y: { type: "log", grid: true, tickFormat: (d: number) => `${d}×` },
    marks: [Plot.line(rows, { x: (d: { v: number }) => d.v, y: (d: { x: number }) => d.x + 1 }), Plot.frame()],
  }),
  "a time axis, areas, binned rectangles and ticks": (document) => ({
    document: document as never,
    x: { type: "utc" },
    marks: [Plot.areaY(rows, { x: "t", y: "v", fillOpacity: 0.3 }), Plot.rectY(rows, Plot.binX({ y: "count" }, { x: "t" })), Plot.tickX(rows, { x: "t" })],
  }),
  "facets, cells with text, links, arrows and a crosshair": (document) => ({
    document: document as never,
    fx: { label: "group" },
    marks: [
      Plot.cell(rows, { x: (d: { x: number }) => d.x % 4, y: "group", fill: "v", fx: "group" }),
      Plot.text(rows, { x: (d: { x: number }) => d.x % 4, y: "group", text: "v", fx: "group" }),
      Plot.link([{ a: 0, b: 1 }], { x1: "a", x2: "b", y1: () => "alpha", y2: () => "beta" }),
      Plot.arrow([{ a: 0, b: 3 }], { x1: "a", x2: "b", y1: () => "beta", y2: () => "gamma" }),
      Plot.crosshair(rows, { x: (d: { x: number }) => d.x % 4, y: "group" }),
    ],
  }),
  "window, stack, normalize and select transforms, a tip and a clipped line": (document) => ({
    document: document as never,
    marks: [
      Plot.lineY(rows, Plot.windowY({ k: 5 }, { x: "x", y: "y", clip: true })),
      Plot.areaY(rows, Plot.stackY({ x: "x", y: "v", fill: "group" })),
      Plot.dot(rows, Plot.selectMaxY({ x: "x", y: "v", tip: true })),
      Plot.ruleY(rows, Plot.normalizeY({ y: "v", x: "x" })),
    ],
  }),
  "a symbol legend": (document) => ({ document: document as never, symbol: { legend: true }, marks: [Plot.dot(rows, { x: "x", y: "y", symbol: "group" })] }),
  "a legend alone": (document) => () => Plot.legend({ document: document as never, color: { domain: ["a", "b & c"], legend: true } } as never),
};

describe("the worker's DOM writes what linkedom writes (charts drawn in the browser are the charts tslab draws)", () => {
  for (const [name, chart] of Object.entries(CHARTS)) {
    it(`Plot: ${name}`, () => {
      const html = expectSame((document) => {
        const options = chart(document);
        const element = (typeof options === "function" ? options() : Plot.plot(options)) as El;
        // Plot numbers markers and clip paths from one counter per process: the second drawing counts on.
        return element.outerHTML.replace(/plot-(marker|clip)-\d+/g, "plot-$1-N");
      });
      expect(html.length).toBeGreaterThan(500);
    });
  }

  it("a continuous colour legend fails the same way in both (neither has a canvas context)", () => {
    const errors = bothAgree((document) => {
      try {
        Plot.plot({ document: document as never, color: { legend: true, type: "linear" }, marks: [Plot.dot(rows, { x: "x", y: "y", fill: "v" })] });
        return "drawn";
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    });
    expect(errors.worker).toBe(errors.linkedom);
    expect(errors.worker).toMatch(/fillStyle/);
  });

  it("every island's output (its numbers, tables and chart; the energy island draws the roofline)", () => {
    for (const definition of Object.values(ISLANDS)) {
      const html = expectSame((document) => definition.renderOutput(definition.parseProps({}) as never, document));
      expect(html).toContain("hmf-island-output");
    }
  });

  it("the project's charts: context sweep, three answers, token flow", () => {
    const llama = presetById("llama-2-7b").spec;
    expectSame((document) => chartHtml(contextSweepChart(contextSweepData(llama, 1, 1_000_000), document, { modelName: "Llama 2 7B", highlight: 128_000 })));
    expectSame((document) =>
      chartHtml(threeAnswersChart([{ id: "grok", label: "Grok", concept: "grok", flops: 10n ** 16n }, { id: "kv", label: "KV <cache>", concept: "kvCache", flops: 10n ** 11n }], document)),
    );
    expectSame((document) => chartHtml(tokenFlowChart(tokenFlow(presetById("mixtral-8x7b").spec, 4096), document)));
  });

  it("attributes: newest first, updated in place, class as a token list, only quotes escaped, empty id, class and style left out", () => {
    const html = expectSame((document) => {
      const div = document.createElement("div");
      div.setAttribute("data-a", 'a<b&"c');
      div.setAttribute("id", "");
      div.setAttribute("class", "  beta alpha  beta ");
      div.setAttribute("data-b", 2);
      div.setAttribute("data-a", "again");
      div.setAttribute("hidden", "");
      div.setAttribute("title", "");
      div.setAttribute("style", "");
      const svg = document.createElementNS(SVG, "svg");
      svg.setAttributeNS("http://www.w3.org/1999/xlink", "xlink:href", "#x");
      svg.removeAttribute("nothing");
      div.appendChild(svg);
      return [div.outerHTML, div.className, div.getAttribute("class"), div.hasAttribute("hidden"), [...Array.from(div.attributes)].map((a) => `${a.name}=${a.value}`)];
    });
    // By hand from linkedom's rules: newest first (style, title, hidden, data-b, class, id, data-a); empty style and id left out.
    expect(html[0]).toBe('<div title="" hidden data-b="2" class="beta alpha" data-a="again"><svg xlink:href="#x" /></div>');
  });

  it("inline styles: properties and camelCase names, removal, cssText, and a style attribute written over them", () => {
    expectSame((document) => {
      const figure = document.createElement("figure");
      figure.setAttribute("class", "c");
      figure.style.maxWidth = "initial";
      figure.style.setProperty("font-variant", "tabular-nums");
      figure.style.setProperty("--plot-background", "white");
      const first = figure.outerHTML;
      figure.style.removeProperty("font-variant");
      const reads = [figure.style.maxWidth, figure.style.getPropertyValue("max-width"), figure.style.cssText, figure.style.length];
      figure.setAttribute("style", "color: red ; margin : 0 0 1px");
      const reparsed = [figure.style.color, figure.style.margin, figure.style.cssText];
      figure.style.color = null;
      const span = document.createElement("span");
      span.style.removeProperty("width");
      span.setAttribute("title", "t");
      span.style.width = "3px";
      return [first, reads, reparsed, figure.outerHTML, span.outerHTML];
    });
  });

  it("text: escaped in elements and SVG titles, raw in HTML style, script, textarea and title; comments; void and self-closed elements", () => {
    const html = expectSame((document) => {
      const root = document.createElement("div");
      const p = document.createElement("p");
      p.textContent = "a < b & c > d\u00a0e";
      const style = document.createElement("style");
      style.textContent = ".a > b { content: '&' }";
      const title = document.createElement("title");
      title.textContent = "x < y";
      const svg = document.createElementNS(SVG, "svg");
      const svgTitle = document.createElementNS(SVG, "title");
      svgTitle.textContent = "x < y";
      svg.append(svgTitle, document.createElementNS(SVG, "clipPath"));
      root.append(p, style, title, svg, document.createElement("br"), document.createElement("img"), document.createElement("span"), document.createComment(" note "), "tail & end");
      p.textContent = p.textContent + "!";
      return [root.outerHTML, root.innerHTML.length, style.innerHTML, root.textContent, svg.firstChild!.nodeName, (svg.lastChild as El).tagName, (svg.lastChild as El).localName, p.tagName];
    });
    expect(html[0]).toContain("<clipPath />");
    expect(html[0]).toContain("<style>.a > b { content: '&' }</style>");
  });

  it("moving, removing, replacing and cloning nodes; sibling reads; document order", () => {
    expectSame((document) => {
      const list = document.createElement("ul");
      const items = ["a", "b", "c", "d"].map((text) => {
        const li = document.createElement("li");
        li.textContent = text;
        li.setAttribute("class", `item ${text}`);
        list.appendChild(li);
        return li;
      });
      const [a, b, c, d] = items as [El, El, El, El];
      list.insertBefore(d, a);
      list.appendChild(a);
      list.removeChild(c);
      const x = document.createElement("li");
      x.textContent = "x";
      b.replaceWith(x, "text");
      // Siblings, which is what d3's selection.order() compares (containment: see below).
      const orders = [a.compareDocumentPosition(d), d.compareDocumentPosition(a), x.compareDocumentPosition(x)];
      const deep = list.cloneNode(true);
      const shallow = list.cloneNode(false);
      x.remove();
      return [list.outerHTML, deep.outerHTML, shallow.outerHTML, orders, (list.firstChild as El).textContent, (a.previousSibling as El | null)?.textContent ?? null, a.nextSibling, list.children.length];
    });
  });

  it("document order across levels follows the DOM standard (linkedom departs from it there; d3 compares only siblings)", () => {
    const { document } = workerParseHTML(PAGE);
    const list = document.createElement("ul");
    const [first, second] = [document.createElement("li"), document.createElement("li")];
    list.append(first, second);
    const inner = first.appendChild(document.createElement("b"));
    // DOM standard: CONTAINED_BY (16) | FOLLOWING (4), CONTAINS (8) | PRECEDING (2).
    expect(list.compareDocumentPosition(inner)).toBe(16 + 4);
    expect(inner.compareDocumentPosition(list)).toBe(8 + 2);
    // A cousin: `inner` is inside `first`, which precedes `second`.
    expect(inner.compareDocumentPosition(second)).toBe(4);
    expect(second.compareDocumentPosition(inner)).toBe(2);
    // Different trees: DISCONNECTED (1) | IMPLEMENTATION_SPECIFIC (32) and an order.
    expect(list.compareDocumentPosition(document.createElement("p")) & (1 | 32)).toBe(1 | 32);
  });

  it("selectors: querySelectorAll, querySelector, matches and closest", () => {
    expectSame((document) => {
      const chart = Plot.plot({ document: document as never, marks: [Plot.dot(rows, { x: "x", y: "y" }), Plot.ruleY([0])] }) as unknown as El;
      const found = ["g", "circle", "g[aria-label=dot] circle", "svg > g", "[aria-label]", "*", "g, circle"].map((selector) => Array.from(chart.querySelectorAll(selector)).length);
      const circle = chart.querySelector("circle")!;
      return [found, circle.matches("g > circle"), circle.closest("svg")?.tagName, chart.querySelector("text")?.textContent];
    });
  });

  it("refuses to parse HTML, with a message that says where to run it", () => {
    const { document } = workerParseHTML(PAGE);
    const div = document.createElement("div");
    expect(() => (div.innerHTML = "<b>bold</b>")).toThrow(PARSE_REFUSED);
    expect(() => div.insertAdjacentHTML()).toThrow(PARSE_REFUSED);
    expect(() => workerParseHTML("<p>other page</p>")).toThrow(PARSE_REFUSED);
    div.innerHTML = "";
    expect(div.childNodes).toHaveLength(0);
    expect(PARSE_REFUSED).toContain("run this notebook in Jupyter");
  });

  it("events: dispatched to listeners, bubbling when asked, through the window's Event (what Plot fires on input)", () => {
    const { document } = workerParseHTML(PAGE);
    const figure = document.createElement("figure");
    const svg = document.createElementNS(SVG, "svg");
    figure.appendChild(svg);
    const seen: string[] = [];
    figure.addEventListener("input", (event) => void seen.push(`figure ${event.type}`));
    svg.addEventListener("input", () => void seen.push("svg"));
    svg.dispatchEvent(new document.defaultView.Event("input", { bubbles: true }));
    svg.dispatchEvent(new document.defaultView.Event("input"));
    expect(seen).toEqual(["svg", "figure input", "svg"]);
  });
});
