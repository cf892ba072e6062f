/**
 * Outputs of a cell run in the browser, as page elements: the same MIME
 * priority, the same wrappers and classes as the build's renderer
 * (site/loaders/notebook/outputs.ts), so the site's CSS and the island
 * element apply unchanged. HTML and SVG are sanitised (sanitize.ts); text is
 * only ever inserted as text.
 */
import { ISLAND_MIME } from "../../islands/island";
import { MIME_PRIORITY } from "../mime";
import type { CellOutput } from "./protocol";
import { adoptStyles, sanitizeHtml } from "./sanitize";

/** Renderers the page may load on demand (the site provides KaTeX and its Markdown pipeline). */
export interface RichRenderers {
  /** Display math as HTML (KaTeX). */
  latex?(tex: string): Promise<string>;
  /** Markdown as HTML (the build's own pipeline). */
  markdown?(text: string): Promise<string>;
}

let islandCount = 0;

/**
 * One output as an element (`<div class="output output-…">`). `published` is
 * the page's element for the output in the same place (the build rendered
 * it): a figure or an equation there keeps its number, id and classes here,
 * so "Figure 2." and "(3)" survive a run, and cross-references still land.
 */
export async function renderOutput(output: CellOutput, document: Document, renderers: RichRenderers, published?: Element | null): Promise<HTMLElement> {
  switch (output.output_type) {
    case "stream":
      return wrap(document, output.name === "stderr" ? "stream output-stderr" : "stream", [pre(document, "stream-text", stripAnsi(output.text))]);
    case "error": {
      const element = wrap(document, "error", [pre(document, "error-text", `${output.ename}: ${output.evalue}`)]);
      element.setAttribute("role", "alert");
      return element;
    }
    default:
      return renderBundle(output.data, output.metadata, document, renderers, published ?? null);
  }
}

async function renderBundle(data: Record<string, unknown>, metadata: Record<string, unknown>, document: Document, renderers: RichRenderers, published: Element | null): Promise<HTMLElement> {
  const mime = MIME_PRIORITY.find((type) => type in data);
  const text = (type: string): string => (typeof data[type] === "string" ? (data[type] as string) : Array.isArray(data[type]) ? (data[type] as string[]).join("") : JSON.stringify(data[type]));
  if (mime === undefined) return wrap(document, "text-plain", [pre(document, "plain-text", `(an output with no type the page can show: ${Object.keys(data).join(", ") || "empty"})`)]);
  let content: Node[];
  switch (mime) {
    case ISLAND_MIME: {
      const payload = data[ISLAND_MIME] as { island?: unknown; props?: unknown };
      const island = document.createElement("hmf-island");
      island.className = "hmf-island";
      island.setAttribute("data-island", String(payload?.island ?? ""));
      island.setAttribute("data-props", JSON.stringify(payload?.props ?? {}));
      island.setAttribute("data-id", `${String(payload?.island ?? "island")}-live-${++islandCount}`);
      island.append(html(document, text("text/html")));
      content = [island];
      break;
    }
    case "image/svg+xml":
    case "text/html":
      content = [html(document, text(mime))];
      break;
    case "text/markdown":
      content = renderers.markdown ? [html(document, await renderers.markdown(text(mime)))] : [pre(document, "plain-text", text(mime))];
      break;
    case "text/latex":
      content = renderers.latex ? [equation(document, await renderers.latex(numberedTex(stripDelimiters(text(mime).trim()), published)), published)] : [pre(document, "plain-text", text(mime))];
      break;
    case "text/plain":
      content = [pre(document, "plain-text", stripAnsi(text(mime)))];
      break;
    default: {
      const base64 = text(mime).replace(/\s+/g, "");
      const image = document.createElement("img");
      if (/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) image.src = `data:${mime};base64,${base64}`;
      image.alt = typeof metadata.alt === "string" ? metadata.alt : typeof metadata.caption === "string" ? metadata.caption : "";
      content = [image];
    }
  }
  const element = wrap(document, mime === ISLAND_MIME ? "island" : mime.replace(/[^a-z0-9]+/gi, "-"), content);
  if (typeof metadata.caption === "string") {
    const existing = element.querySelector(":scope > figure");
    const figure = existing ?? document.createElement("figure");
    if (!existing) {
      figure.append(...element.childNodes);
      element.append(figure);
    }
    figure.querySelector(":scope > figcaption")?.remove();
    const caption = document.createElement("figcaption");
    caption.textContent = metadata.caption;
    figure.append(caption);
  }
  numberFigures(element, published);
  return element;
}

/** Whether an element carries the page's id (a moved id is kept in data-published-id, see live-notebook.ts). */
export function publishedId(element: Element): string | null {
  return element.getAttribute("id") ?? element.getAttribute("data-published-id");
}

/**
 * The page numbers captioned figures in document order (site/loaders/notebook/figures.ts); the live
 * output's n-th figure takes the published output's n-th numbered figure's number, id and class.
 */
function numberFigures(element: HTMLElement, published: Element | null): void {
  const numbered = published ? [...published.querySelectorAll("figure.numbered-figure")] : [];
  const figures = [...element.querySelectorAll("figure")].filter((figure) => figure.querySelector(":scope > figcaption"));
  figures.forEach((figure, i) => {
    const source = numbered[i];
    const number = source?.querySelector(".figure-number")?.textContent;
    if (!source || !number) return;
    const id = publishedId(source);
    if (id !== null) figure.id = id;
    figure.classList.add("numbered-figure");
    const caption = figure.querySelector(":scope > figcaption")!;
    const span = element.ownerDocument.createElement("span");
    span.className = "figure-number";
    span.textContent = number;
    caption.prepend(span, " ");
  });
}

/**
 * TeX as the build typesets an output's formula (site/loaders/notebook/equations.ts): \label{…} is
 * taken out (it becomes the wrapper's id), and a formula the page numbered gets the same number.
 */
function numberedTex(tex: string, published: Element | null): string {
  const stripped = tex.replace(/\\label\{[^}]*\}/g, "");
  const tag = published?.querySelector(".equation .katex-html .tag")?.textContent?.trim();
  const number = tag ? /^\((.*)\)$/.exec(tag)?.[1] : undefined;
  return number !== undefined && !/\\tag\*?\{/.test(stripped) ? `${stripped.trimEnd()} \\tag{${number}}` : stripped;
}

/** A display formula in the page's wrapper (<div class="equation">), with the published one's id and tab stop. */
function equation(document: Document, rendered: string, published: Element | null): HTMLElement {
  const wrapper = document.createElement("div");
  wrapper.className = "equation";
  const source = published?.querySelector(".equation");
  const id = source ? publishedId(source) : null;
  if (id !== null) wrapper.id = id;
  if (source?.hasAttribute("tabindex")) wrapper.tabIndex = 0;
  wrapper.append(html(document, rendered));
  return wrapper;
}

function html(document: Document, source: string): DocumentFragment {
  const { fragment, styles } = sanitizeHtml(source, document);
  adoptStyles(document, styles);
  return fragment;
}

function wrap(document: Document, kind: string, children: Node[]): HTMLElement {
  const element = document.createElement("div");
  element.className = `output output-${kind}`;
  element.append(...children);
  return element;
}

function pre(document: Document, className: string, text: string): HTMLElement {
  const element = document.createElement("pre");
  element.className = className;
  element.textContent = text;
  return element;
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
}

function stripDelimiters(tex: string): string {
  for (const [open, close] of [["$$", "$$"], ["\\[", "\\]"], ["$", "$"]] as const) {
    if (tex.startsWith(open) && tex.endsWith(close) && tex.length >= open.length + close.length) return tex.slice(open.length, tex.length - close.length).trim();
  }
  return tex;
}
