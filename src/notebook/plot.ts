import * as Plot from "@observablehq/plot";
import type { MimeBundle } from "./bundle";
import { notebookDocument, type MarkupElement } from "./document";
import { contentHash } from "./hash";
import { checkLabel } from "./label";
import { serializeMarkup, type MarkupNode } from "./serialize";

/** How a chart is labelled when shown. */
export interface PlotDisplayOptions {
  /**
   * Heading above the chart (Plot's `title`), also its accessible name: the
   * SVG's `<title>` and `aria-label`.
   */
  title?: string;
  /** Text below the chart (Plot's `caption`): units, sources, how to read it. */
  caption?: string;
  /**
   * Text alternative: what the chart shows, in a sentence or two. Becomes the
   * SVG's `aria-description` and the text/plain representation, which is what
   * a reader gets without the picture.
   */
  alt?: string;
  /** Cross-reference label, e.g. "fig:context-sweep": the site numbers the figure and links `[](#fig:context-sweep)` to it. */
  label?: string;
}

/**
 * A chart already rendered by Plot or a chart function (src/charts), in a
 * DOM document such as {@link notebookDocument}'s. Typed loosely so any
 * chart element fits; it must be a real DOM element.
 */
export interface RenderedChart {
  readonly outerHTML: string;
}

/** Plot options (rendered here with linkedom) or a rendered chart. */
export type PlotInput = Plot.PlotOptions | RenderedChart;

import { SVG_NS } from "../core/markup";

/**
 * Plot's marks draw in currentColor, so text and axes follow the page's colour
 * in light and dark themes; the background used for halos and tips follows the
 * site's variable, JupyterLab's theme, or the system colour, in that order.
 */
const BACKGROUND_STYLE = "--plot-background: var(--hmf-plot-background, var(--jp-layout-color0, Canvas))";

/**
 * Plot numbers clip paths, patterns and markers with process-wide counters, so
 * the same chart gets different ids depending on what was drawn before it.
 */
const COUNTED_ID = /\bplot-(clip|pattern|marker)-(\d+)\b/g;

/**
 * A chart as a MIME bundle: text/html with the inline SVG (inline, not an
 * image, so currentColor follows the theme) and text/plain with its title
 * and text alternative; `alt`, `caption` and `label` also go in the output
 * metadata, where the site reads them. Output is deterministic: the same
 * chart gives the same bytes on every run.
 *
 * Throws a TypeError when the chart has no accessible name (no `title`,
 * `ariaLabel` or `alt`), when the element contains no SVG, or when the label
 * cannot be an id.
 */
export function plotBundle(input: PlotInput, options: PlotDisplayOptions = {}): MimeBundle {
  const element = isRenderedElement(input) ? framed(domElement(input), options) : renderPlot(input, options);
  const svg = mainSvg(element);
  const plotTitle = isRenderedElement(input) || typeof input.title !== "string" ? undefined : input.title;
  const name = nonEmpty(options.title) ?? nonEmpty(svg.getAttribute("aria-label")) ?? nonEmpty(plotTitle) ?? nonEmpty(options.alt);
  if (name === undefined) {
    throw new TypeError("plotBundle: the chart needs a title or alt text (its accessible name); pass { title } or { alt }");
  }
  label(svg, name, options.alt);
  const html = stableIds(serializeMarkup(element as unknown as MarkupNode));
  const plain = options.alt === undefined || options.alt === name ? `Chart: ${name}` : `Chart: ${name}\n${options.alt}`;
  const metadata: Record<string, string> = {};
  if (options.alt !== undefined) metadata.alt = options.alt;
  if (options.caption !== undefined) metadata.caption = options.caption;
  if (options.label !== undefined) metadata.label = checkLabel(options.label, "plotBundle");
  return { data: { "text/html": html, "text/plain": plain }, metadata };
}

/**
 * Plot's left margin is a fixed 40 px, and its y-axis labels end 9 px left of
 * the frame: "2×10¹⁰" or "100 mWh" were cut at the chart's left edge. Unless
 * the chart sets its own margin, it is re-drawn with room for its widest
 * label, at ~0.62 em per character of Plot's 10-px axis text plus a little.
 */
const PLOT_MARGIN_LEFT = 40;
const Y_TICK_OFFSET = 9;
const AXIS_CHARACTER_WIDTH = 6.2;

function renderPlot(plotOptions: Plot.PlotOptions, options: PlotDisplayOptions): MarkupElement {
  if (plotOptions === null || typeof plotOptions !== "object") {
    throw new TypeError(`plotBundle: expected Plot options or a rendered chart; got ${plotOptions === null ? "null" : typeof plotOptions}`);
  }
  const rendered = drawPlot(plotOptions, options);
  if (plotOptions.marginLeft !== undefined || plotOptions.margin !== undefined) return rendered;
  const widest = Math.max(0, ...yTickLabels(rendered).map((text) => [...text].length));
  const needed = Math.ceil(widest * AXIS_CHARACTER_WIDTH + Y_TICK_OFFSET + 4);
  return needed > PLOT_MARGIN_LEFT ? drawPlot({ ...plotOptions, marginLeft: needed }, options) : rendered;
}

/**
 * The texts of the left y axis's tick labels (Plot marks their group with aria-label="y-axis tick label").
 * Walked by hand, which any DOM can do (the browser runtime's matches only simple selectors).
 */
function yTickLabels(element: MarkupElement): string[] {
  if (element.getAttribute("aria-label") === "y-axis tick label" && element.getAttribute("text-anchor") === "end") {
    return Array.from(element.children, (text) => (text as unknown as { textContent: string | null }).textContent ?? "");
  }
  for (let i = 0; i < element.children.length; i++) {
    const found = yTickLabels(element.children[i]!);
    if (found.length > 0) return found;
  }
  return [];
}

function drawPlot(plotOptions: Plot.PlotOptions, options: PlotDisplayOptions): MarkupElement {
  try {
    const rendered: unknown = Plot.plot({
      ...plotOptions,
      // linkedom's document, typed structurally (ServerDocument): under the DOM library it is not a Document.
      document: (plotOptions.document ?? notebookDocument()) as Plot.PlotOptions["document"],
      title: options.title ?? plotOptions.title,
      caption: options.caption ?? plotOptions.caption,
      ariaLabel: options.title ?? plotOptions.ariaLabel,
      ariaDescription: options.alt ?? plotOptions.ariaDescription,
    });
    return rendered as MarkupElement;
  } catch (error) {
    // Plot paints continuous colour ramps on a <canvas>, which a server-side DOM does not have.
    if (error instanceof TypeError && /fillStyle|getContext/.test(error.message)) {
      throw new TypeError(
        "plotBundle: a continuous colour legend needs a <canvas>, which the notebook's server-side DOM lacks; use an ordinal colour scale (swatches), or legend: false and describe the colours in the caption",
      );
    }
    throw error;
  }
}

function isRenderedElement(input: PlotInput): input is RenderedChart {
  return typeof input === "object" && input !== null && typeof (input as RenderedChart).outerHTML === "string";
}

/** A copy of the chart, so labelling it for display leaves the caller's element as it was. */
function domElement(chart: RenderedChart): MarkupElement {
  const element = chart as MarkupElement;
  if (typeof element.tagName !== "string" || typeof element.cloneNode !== "function" || element.children === undefined) {
    throw new TypeError("plotBundle: the chart is not a DOM element (render it with a document, e.g. notebookDocument())");
  }
  return element.cloneNode(true);
}

/**
 * A bare rendered SVG in a <figure> with the title as a heading and the
 * caption below, as Plot lays out its own figures, so they show in Jupyter
 * too. A chart that already is a figure keeps its own.
 */
function framed(element: MarkupElement, options: PlotDisplayOptions): MarkupElement {
  if (element.tagName.toLowerCase() !== "svg" || (options.title === undefined && options.caption === undefined)) return element;
  const document = element.ownerDocument;
  const figure = document.createElement("figure");
  if (options.title !== undefined) {
    const heading = document.createElement("h2");
    heading.textContent = options.title;
    figure.appendChild(heading);
  }
  figure.appendChild(element);
  if (options.caption !== undefined) {
    const caption = document.createElement("figcaption");
    caption.textContent = options.caption;
    figure.appendChild(caption);
  }
  return figure;
}

/** The plot itself: the element when it is an SVG, else the figure's last SVG child (legends come first). */
function mainSvg(element: MarkupElement): MarkupElement {
  if (element.tagName.toLowerCase() === "svg") return element;
  let found: MarkupElement | undefined;
  for (let i = 0; i < element.children.length; i++) {
    const child = element.children[i];
    if (child !== undefined && child.tagName.toLowerCase() === "svg") found = child;
  }
  if (found === undefined) {
    throw new TypeError(`plotBundle: the chart <${element.tagName.toLowerCase()}> contains no <svg>`);
  }
  return found;
}

function label(svg: MarkupElement, name: string, alt: string | undefined): void {
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", name);
  if (alt !== undefined && alt !== name) svg.setAttribute("aria-description", alt);
  const first = svg.firstChild as MarkupElement | null;
  if (first === null || typeof first.tagName !== "string" || first.tagName.toLowerCase() !== "title") {
    const title = svg.ownerDocument.createElementNS(SVG_NS, "title");
    title.textContent = name;
    svg.insertBefore(title, svg.firstChild);
  }
  const style = svg.getAttribute("style");
  svg.setAttribute("style", style === null || style === "" ? BACKGROUND_STYLE : `${BACKGROUND_STYLE}; ${style}`);
}

/** Renumbers Plot's counted ids per chart and prefixes them with a hash of the chart, so they are stable and unique on a page. */
function stableIds(html: string): string {
  const local = new Map<string, string>();
  const counts = new Map<string, number>();
  const renumbered = html.replace(COUNTED_ID, (id: string, kind: string) => {
    let replacement = local.get(id);
    if (replacement === undefined) {
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      replacement = `hmf-chart-${kind}-${n}`;
      local.set(id, replacement);
    }
    return replacement;
  });
  if (local.size === 0) return renumbered;
  const prefix = `hmf-${contentHash(renumbered)}`;
  return renumbered.replace(/\bhmf-chart-(clip|pattern|marker)-(\d+)\b/g, `${prefix}-$1-$2`);
}

function nonEmpty(text: string | null | undefined): string | undefined {
  return text === null || text === undefined || text.trim() === "" ? undefined : text;
}
