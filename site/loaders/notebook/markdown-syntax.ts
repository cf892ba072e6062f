import type { Root as HastRoot } from "hast";
import type { Paragraph, Root as MdastRoot } from "mdast";
import type { InlineMath, Math } from "mdast-util-math";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * The same tree before raw HTML is parsed (no rehype-raw, whose HTML parser is
 * half of the Markdown renderer's download in the browser): the live notebook
 * uses it, and loads rehype-raw only when `hasRawHtml` says the tree has some.
 */
export function markdownToHastWithoutRaw(markdown: string): HastRoot {
  const processor = syntaxProcessor(markdown);
  return processor.runSync(processor.parse(markdown)) as HastRoot;
}

/** Whether a tree from markdownToHastWithoutRaw holds raw HTML (which rehype-raw parses). */
export function hasRawHtml(tree: HastRoot): boolean {
  const walk = (node: { type: string; children?: unknown[] }): boolean => node.type === "raw" || (node.children ?? []).some((child) => walk(child as { type: string }));
  return walk(tree);
}

/** The pipeline up to HTML (markdown.ts adds rehype-raw): one definition for the build and the browser. */
export function syntaxProcessor(markdown: string) {
  return unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkDisplayDollars, markdown).use(remarkRehype, { allowDangerousHtml: true });
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
