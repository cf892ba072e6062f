import { createHash } from "node:crypto";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { visit } from "unist-util-visit";
import { visitParents } from "unist-util-visit-parents";
import { renderCell } from "./cells";
import { highlightCodeBlocks } from "./code";
import { numberEquations } from "./equations";
import { fail } from "./errors";
import { numberFigures } from "./figures";
import { assignHeadingIds, collectHeadings, type NotebookHeading } from "./headings";
import { IslandIds } from "./island";
import { typesetMath } from "./math";
import { placeOf } from "./place";
import { cellDisplay } from "./tags";
import { parseNotebook } from "./validate";
import { scrollWideTables } from "./tables";
import { resolveReferences } from "./xrefs";

export type { NotebookHeading };

/** A notebook ready for its page. */
export interface RenderedNotebook {
  /** The first level-1 heading's text, or the file name when there is none. */
  title: string;
  /** The page body: every shown cell, math typeset, code highlighted. */
  html: string;
  /** Every heading in order (the table of contents uses depth 2 and 3). */
  headings: NotebookHeading[];
  /** Every id on the page (headings, equations, figures, cells): the link targets other pages may use. */
  anchors: string[];
  /** CSP hashes ('sha256-…') of the <style> elements in outputs (Plot charts carry one). */
  styleHashes: string[];
  /** Island names in page order. */
  islands: string[];
  /** Things worth a line in the build log that do not stop it. */
  warnings: string[];
}

/**
 * Parses, validates and renders one notebook. Throws a NotebookError naming
 * the file and cell for a malformed notebook, an error or stderr output, an
 * output with no renderable MIME type, unsafe markup, bad TeX or a dangling
 * cross-reference.
 */
export async function renderNotebook(file: string, text: string): Promise<RenderedNotebook> {
  const notebook = parseNotebook(file, text);
  const warnings: string[] = [];
  const context = { islandIds: new IslandIds() };
  const tree: Root = { type: "root", children: [] };
  for (const cell of notebook.cells) {
    const other = cellDisplay(cell).otherTags;
    if (other.length) warnings.push(`${file}, cell ${cell.number}: tag${other.length > 1 ? "s" : ""} ${other.join(", ")} ha${other.length > 1 ? "ve" : "s"} no effect on the page`);
    const element = await renderCell(cell, file, context);
    if (element) tree.children.push(element);
  }

  await highlightCodeBlocks(tree);
  const equations = numberEquations(tree, file);
  const figures = numberFigures(tree);
  scrollWideTables(tree);
  const headings = assignHeadingIds(tree, [...equations.keys(), ...figures.keys(), ...cellIds(tree)]);
  const ids = uniqueIds(tree, file);
  resolveReferences(tree, file, new Map([...equations, ...figures]), ids);
  typesetMath(tree, file);
  collectHeadings(tree, headings);

  const html = toHtml(tree);
  const title = headings.find((heading) => heading.depth === 1)?.text;
  if (title === undefined) warnings.push(`${file}: no level-1 heading; the page is titled after the file`);
  return {
    title: title ?? file.replace(/^.*\//, "").replace(/\.ipynb$/, ""),
    html,
    headings,
    anchors: [...ids],
    styleHashes: styleHashes(html),
    islands: islandNames(tree),
    warnings,
  };
}

function cellIds(tree: Root): string[] {
  return tree.children.flatMap((node) => (node.type === "element" && typeof node.properties.id === "string" ? [node.properties.id] : []));
}

/** Every id on the page; a repeated one fails (a link to it would be ambiguous). */
function uniqueIds(tree: Root, file: string): Set<string> {
  const ids = new Set<string>();
  visitParents(tree, "element", (node, ancestors) => {
    const id = node.properties.id;
    if (typeof id !== "string") return;
    if (ids.has(id)) fail(placeOf(file, [...ancestors, node]), `the id ${JSON.stringify(id)} is used twice on the page`);
    ids.add(id);
  });
  return ids;
}

function islandNames(tree: Root): string[] {
  const names: string[] = [];
  visit(tree, "element", (node: Element) => {
    if (node.tagName === "hmf-island") names.push(String(node.properties.dataIsland));
  });
  return names;
}

/**
 * Hashes of the <style> elements as the browser will read them: the HTML is
 * parsed again, so the hash is of the text the CSP check sees (inside <svg>,
 * style text is decoded like any other text).
 */
function styleHashes(html: string): string[] {
  const hashes = new Set<string>();
  visit(fromHtml(html, { fragment: true }), "element", (node) => {
    if (node.tagName !== "style") return;
    const css = node.children.map((child) => (child.type === "text" ? child.value : "")).join("");
    hashes.add(`sha256-${createHash("sha256").update(css).digest("base64")}`);
  });
  return [...hashes];
}
