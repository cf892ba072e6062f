/**
 * The post's claims, checked: claims.ts says what each claim is, checks.ts
 * computes its figures, prose.md says what they mean. `checkClaim` puts the
 * three together for the post page.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { toHtml } from "hast-util-to-html";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { sourceById } from "../sources";
import { escapeHtml } from "../../../src/core/index";
import { CHECKS } from "./checks";
import { CLAIMS, type Claim } from "./claims";
import type { Figure } from "./figures";

export { CLAIMS, type Claim, type Verdict } from "./claims";
export { CHECKS, type CheckId } from "./checks";
export type { Figure, Figures } from "./figures";

/** Where the verdicts' words are, relative to the repository root (the working directory of builds and tests). */
export const PROSE_FILE = "site/content/claims/prose.md";

/** A claim's verdict as the page shows it. */
export interface CheckedClaim {
  /** The verdict's words, figures filled in, as HTML. */
  summaryHtml: string;
  /** The figures listed under it, in order. */
  figures: Array<Pick<Figure, "label" | "text">>;
}

/** The prose of each claim, by id, as written in prose.md (one `## id` section each). */
export function proseSections(markdown: string = readFileSync(resolve(process.cwd(), PROSE_FILE), "utf8")): Map<string, string> {
  const sections = new Map<string, string>();
  const body = markdown.replace(/<!--[\s\S]*?-->/g, "");
  let current: string | undefined;
  for (const line of body.split("\n")) {
    const heading = /^## (\S+)\s*$/.exec(line);
    if (heading) {
      current = heading[1] as string;
      if (sections.has(current)) throw new Error(`${PROSE_FILE}: the section “${current}” appears twice`);
      sections.set(current, "");
    } else if (current !== undefined) {
      sections.set(current, `${sections.get(current)}${line}\n`);
    } else if (line.trim() !== "") {
      throw new Error(`${PROSE_FILE}: text before the first “## claim-id” heading: ${JSON.stringify(line.slice(0, 60))}`);
    }
  }
  for (const [id, text] of sections) sections.set(id, text.trim());
  const ids = new Set<string>(CLAIMS.map((claim) => claim.id));
  const strays = [...sections.keys()].filter((id) => !ids.has(id));
  if (strays.length) throw new Error(`${PROSE_FILE}: sections for claims that do not exist: ${strays.join(", ")} (claims are in site/content/claims/claims.ts)`);
  return sections;
}

let cachedSections: Map<string, string> | undefined;

/** The claim's check, computed now, with its prose filled in. */
export function checkClaim(claim: Claim, sections: Map<string, string> = (cachedSections ??= proseSections())): CheckedClaim {
  const prose = sections.get(claim.id);
  if (prose === undefined || prose === "") throw new Error(`${PROSE_FILE}: no section “## ${claim.id}” for the claim ${JSON.stringify(claim.quote.slice(0, 50))}`);
  const figures = CHECKS[claim.id]();
  // Figures go in after the Markdown is rendered, so a figure's text is never read as Markdown.
  const marked = prose.replace(/\{([A-Za-z0-9]+)\}/g, (_, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(figures, name)) {
      throw new Error(`${PROSE_FILE}, ## ${claim.id}: {${name}} is not a figure of its check (it has ${Object.keys(figures).join(", ")})`);
    }
    return `⟦${name}⟧`;
  });
  const leftover = /[{}]/.exec(marked);
  if (leftover) throw new Error(`${PROSE_FILE}, ## ${claim.id}: a stray “${leftover[0]}” (figures are written {name})`);
  const tree = unified().use(remarkParse).use(remarkRehype).runSync(unified().use(remarkParse).parse(marked));
  const rendered = toHtml(tree).replace(/^<p>([\s\S]*)<\/p>$/, "$1");
  const linked = rendered.replace(/href="source:([^"]*)"/g, (_, id: string) => `href="${escapeHtml(sourceById(id, `${PROSE_FILE}, ## ${claim.id}`).url)}"`);
  const summaryHtml = linked.replace(/⟦([A-Za-z0-9]+)⟧/g, (_, name: string) => escapeHtml((figures as Record<string, Figure>)[name]?.text ?? ""));
  const listed = Object.values(figures as Record<string, Figure>).filter((figure) => figure.listed !== false);
  return { summaryHtml, figures: listed.map(({ label, text }) => ({ label, text })) };
}

/** Every claim checked, in order. */
export function checkedClaims(): Array<{ claim: Claim; check: CheckedClaim }> {
  return CLAIMS.map((claim) => ({ claim, check: checkClaim(claim) }));
}
