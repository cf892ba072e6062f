import type { Root as HastRoot } from "hast";
import type { Paragraph, Root as MdastRoot } from "mdast";
import type { InlineMath, Math } from "mdast-util-math";
import rehypeRaw from "rehype-raw";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * Markdown (a markdown cell, a text/markdown output) to a HTML tree: GFM
 * (tables, strikethrough, task lists, autolinks, footnotes), math ($…$ inline;
 * $$…$$ on its own line or a fenced $$ block as display math) and raw HTML.
 * Math stays as `<code class="language-math math-inline|math-display">`
 * elements: equations are numbered and rendered with KaTeX once the whole
 * notebook is assembled (see equations.ts and math.ts).
 */
export function markdownToHast(markdown: string): HastRoot {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkDisplayDollars, markdown)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw);
  return processor.runSync(processor.parse(markdown)) as HastRoot;
}

/**
 * Jupyter (MathJax) shows a paragraph that is only `$$…$$` as display math;
 * remark-math reads a one-line `$$…$$` as inline. Read it as Jupyter does, so
 * the page shows what the notebook shows.
 */
function remarkDisplayDollars(source: string) {
  return (tree: MdastRoot) => {
    tree.children = tree.children.map((node) => {
      if (node.type !== "paragraph" || node.children.length !== 1) return node;
      const only = (node as Paragraph).children[0] as InlineMath | undefined;
      if (only?.type !== "inlineMath") return node;
      const start = node.position?.start.offset;
      if (start === undefined || !source.startsWith("$$", start)) return node;
      const display: Math = {
        type: "math",
        value: only.value,
        position: node.position,
        // What mdast-util-math gives a fenced $$ block, so remark-rehype renders both alike.
        data: {
          hName: "pre",
          hChildren: [{ type: "element", tagName: "code", properties: { className: ["language-math", "math-display"] }, children: [{ type: "text", value: only.value }] }],
        },
      };
      return display;
    });
  };
}
