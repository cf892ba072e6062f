import GithubSlugger from "github-slugger";
import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { toText } from "hast-util-to-text";
import { visit } from "unist-util-visit";

/** A heading of a notebook page, for its table of contents and for link targets. */
export interface NotebookHeading {
  /** 1 for the title (#), 2 for sections (##), … */
  depth: number;
  /** The heading's id: its anchor is #slug. */
  slug: string;
  /** Plain text (math as its TeX source). */
  text: string;
  /** Rendered inner HTML (typeset math, links unwrapped), filled in by `collectHeadings`. */
  html: string;
}

const HEADING = /^h([1-6])$/;

/**
 * Gives every heading an id: an explicit one written at the end of the
 * heading (`## Per token, with a cache {#per-token}`), otherwise a GitHub-style
 * slug of its text, kept unique against each other and against `taken` ids
 * (equation labels, figures, cells). Run before math is typeset, so slugs
 * come from the TeX source rather than from KaTeX's markup.
 */
export function assignHeadingIds(tree: Root, taken: Iterable<string>): NotebookHeading[] {
  const slugger = new GithubSlugger();
  const used = new Set(taken);
  const headings: NotebookHeading[] = [];
  visit(tree, "element", (node) => {
    // A chart's title (Plot puts it in an <h2> inside its <figure>) is not a section of the page.
    if (isOutput(node)) return "skip";
    const depth = HEADING.exec(node.tagName)?.[1];
    if (depth === undefined) return;
    const explicit = takeExplicitId(node);
    let slug = explicit ?? slugger.slug(toText(node).trim() || "section");
    while (explicit === undefined && used.has(slug)) slug = slugger.slug(slug);
    used.add(slug);
    node.properties.id = slug;
    headings.push({ depth: Number(depth), slug, text: toText(node).trim(), html: "" });
  });
  return headings;
}

/** Fills in each heading's rendered HTML once math is typeset. */
export function collectHeadings(tree: Root, headings: NotebookHeading[]): void {
  const bySlug = new Map(headings.map((heading) => [heading.slug, heading]));
  visit(tree, "element", (node) => {
    if (!HEADING.test(node.tagName)) return;
    const heading = bySlug.get(String(node.properties.id));
    if (heading) heading.html = toHtml(unwrapLinks(node.children));
  });
}

function isOutput(node: Element): boolean {
  return ((node.properties.className ?? []) as string[]).includes("output");
}

function takeExplicitId(heading: Element): string | undefined {
  const last = heading.children[heading.children.length - 1];
  if (last?.type !== "text") return undefined;
  const match = /\s*\{#([A-Za-z][\w:.-]*)\}\s*$/.exec(last.value);
  if (!match) return undefined;
  last.value = last.value.slice(0, match.index);
  return match[1];
}

/** A table of contents links to the heading, so links inside it become plain text. */
function unwrapLinks(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node) => {
    if (node.type !== "element") return [node];
    if (node.tagName === "a") return unwrapLinks(node.children);
    return [{ ...node, children: unwrapLinks(node.children) }];
  });
}
