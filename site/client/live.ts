/**
 * The live notebook with the site's renderers: KaTeX for text/latex (the
 * build typesets with rehype-katex, i.e. KaTeX) and the build's own Markdown
 * pipeline for text/markdown, each loaded the first time an output needs it
 * (plain lines with **bold** are rendered without it: plain-markdown.ts).
 */
import type { Root } from "hast";
import { LiveNotebook } from "../../src/client/editor/live-notebook";
import { plainMarkdownHtml } from "./plain-markdown";
import "./live.css";

let started: Promise<unknown> | undefined;

export function startLive(): Promise<unknown> {
  started ??= LiveNotebook.start(document, {
    renderers: {
      async latex(tex) {
        const { default: katex } = await import("katex");
        return katex.renderToString(tex, { displayMode: true, output: "htmlAndMathml", strict: "ignore", throwOnError: false });
      },
      async markdown(text) {
        // A line of words with **bold** (a model's summary) needs no pipeline: the same HTML, without its download.
        const plain = plainMarkdownHtml(text);
        if (plain !== undefined) return plain;
        const [{ markdownToHastWithoutRaw, hasRawHtml }, { toHtml }] = await Promise.all([import("../loaders/notebook/markdown-syntax"), import("hast-util-to-html")]);
        let tree = markdownToHastWithoutRaw(text);
        // Raw HTML in the Markdown is parsed as the build parses it (rehype-raw), loaded only when there is some.
        if (hasRawHtml(tree)) {
          const [{ default: rehypeRaw }, { VFile }] = await Promise.all([import("rehype-raw"), import("vfile")]);
          tree = (rehypeRaw() as unknown as (tree: Root, file: unknown) => Root)(tree, new VFile());
        }
        // Math in Markdown is typeset as the build typesets it (rehype-katex), loaded only when there is some.
        if (/language-math/.test(JSON.stringify(tree))) {
          const [{ default: rehypeKatex }, { VFile }] = await Promise.all([import("rehype-katex"), import("vfile")]);
          (rehypeKatex({ strict: "ignore" }) as unknown as (tree: unknown, file: unknown) => void)(tree, new VFile());
        }
        return toHtml(tree);
      },
    },
  }).catch((error: unknown) => {
    const status = document.querySelector(".live-page-status") ?? document.querySelector(".notebook-meta");
    status?.insertAdjacentText("beforeend", ` (The live notebook could not start: ${error instanceof Error ? error.message : "unknown error"}.)`);
  });
  return started;
}
