import type { Root as HastRoot } from "hast";
import rehypeRaw from "rehype-raw";
import { syntaxProcessor } from "./markdown-syntax";

export { hasRawHtml, markdownToHastWithoutRaw } from "./markdown-syntax";

/**
 * Markdown (a markdown cell, a text/markdown output) to a HTML tree: GFM
 * (tables, strikethrough, task lists, autolinks, footnotes), math ($…$ inline;
 * $$…$$ on its own line or a fenced $$ block as display math) and raw HTML.
 * Math stays as `<code class="language-math math-inline|math-display">`
 * elements: equations are numbered and rendered with KaTeX once the whole
 * notebook is assembled (see equations.ts and math.ts).
 */
export function markdownToHast(markdown: string): HastRoot {
  const processor = syntaxProcessor(markdown).use(rehypeRaw);
  return processor.runSync(processor.parse(markdown)) as HastRoot;
}
