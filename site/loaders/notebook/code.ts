import { createShikiHighlighter, type ShikiHighlighter } from "@astrojs/markdown-remark/shiki";
import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import { visit } from "unist-util-visit";

/**
 * Syntax highlighting with Shiki, in two themes at once: every token carries
 * `--shiki-light` and `--shiki-dark` colours and the site's CSS picks one, so
 * code follows the reader's light/dark choice without a second copy.
 */
// The high-contrast GitHub themes: every token meets WCAG AA contrast on its background (the plain ones do not).
const THEMES = { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } as const;

let highlighter: Promise<ShikiHighlighter> | undefined;

function shiki(): Promise<ShikiHighlighter> {
  highlighter ??= createShikiHighlighter({ themes: THEMES });
  return highlighter;
}

/** A code cell's source (TypeScript, run by tslab) as a highlighted <pre>. */
export async function highlightCode(code: string, lang = "typescript"): Promise<Element> {
  const root = await (await shiki()).codeToHast(code, lang, { defaultColor: false });
  const pre = root.children.find((node): node is Element => node.type === "element" && node.tagName === "pre");
  if (!pre) throw new Error("Shiki returned no <pre>");
  // Shiki sets `class` as a string; hast tools (and the check below) read `className`.
  const classes = pre.properties.class;
  if (typeof classes === "string") {
    pre.properties.className = classes.split(/\s+/).filter(Boolean);
    delete pre.properties.class;
  }
  return pre;
}

/** Highlights fenced code blocks in markdown (```ts …```); math fences are left to KaTeX. */
export async function highlightCodeBlocks(tree: Root): Promise<void> {
  const blocks: Array<{ pre: Element; lang: string }> = [];
  visit(tree, "element", (node) => {
    if (node.tagName !== "pre" || ((node.properties.className ?? []) as string[]).includes("astro-code")) return;
    const code = node.children[0];
    if (code?.type !== "element" || code.tagName !== "code") return;
    const classes = (code.properties.className ?? []) as string[];
    if (classes.includes("language-math")) return;
    const lang = classes.find((name) => name.startsWith("language-"))?.slice("language-".length) ?? "plaintext";
    blocks.push({ pre: node, lang });
  });
  for (const { pre, lang } of blocks) {
    const highlighted = await highlightCode(toText(pre, { whitespace: "pre" }), lang);
    Object.assign(pre, { properties: highlighted.properties, children: highlighted.children });
  }
}
