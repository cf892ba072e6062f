import { escapeHtml } from "../../src/core/index";
import { quotedTex } from "../lib/tex";
import { segments, type PostBlock } from "./post";
import type { Claim } from "./claims/index";

/**
 * One block of the quoted post as HTML: text escaped, the post's math
 * typeset (or shown as written when it is not valid TeX), and each claim's
 * quote marked and linked to its verdict. A claim whose quote spans math is
 * marked on the whole block.
 */
export function blockHtml(block: PostBlock, claims: readonly Claim[]): string {
  switch (block.kind) {
    case "heading":
      return `<p class="post-heading">${inline(block.text, claims)}</p>`;
    case "paragraph":
      return `<p${claimedClass(block.text, claims)}>${inline(block.text, claims)}${spanningLinks(block.text, claims)}</p>`;
    case "code":
      return `<div class="post-repl"${claimedClass(block.text, claims, true)}><pre><code>${escapeHtml(block.text)}</code></pre>${spanningLinks(block.text, claims, true)}</div>`;
    case "list":
      return `<ul class="post-list">${block.items.map((item) => `<li class="depth-${item.depth}"${claimedClass(item.text, claims)}>${inline(item.text, claims)}${spanningLinks(item.text, claims)}</li>`).join("")}</ul>`;
  }
}

/** A claim's quote on its own (the claim index): math typeset, nothing marked. */
export function quoteHtml(quote: string): string {
  return inline(quote, []);
}

/** The claims whose quote is in this block. */
export function claimsIn(block: PostBlock, claims: readonly Claim[]): Claim[] {
  const texts = block.kind === "list" ? block.items.map((item) => item.text) : [block.text];
  return claims.filter((claim) => texts.some((text) => text.includes(claim.quote)));
}

function inline(text: string, claims: readonly Claim[]): string {
  return segments(text)
    .map((segment) => {
      if (segment.kind === "math") {
        const typeset = quotedTex(segment.tex);
        return typeset.typeset ? typeset.html : `<code class="post-tex" title="as the post wrote it; not valid TeX">${escapeHtml(segment.raw)}</code>`;
      }
      return markClaims(segment.text, claims);
    })
    .join("");
}

/** Escapes the text and wraps each claim quote it contains in <mark>, followed by a link to the verdict. */
function markClaims(text: string, claims: readonly Claim[]): string {
  const found = claims
    .map((claim) => ({ claim, at: text.indexOf(claim.quote) }))
    .filter((hit) => hit.at >= 0)
    .sort((a, b) => a.at - b.at);
  let html = "";
  let at = 0;
  for (const { claim, at: start } of found) {
    if (start < at) continue; // overlapping quotes: the first one is marked
    html += escapeHtml(text.slice(at, start));
    html += `<mark class="claim verdict-${claim.verdict}">${escapeHtml(claim.quote)}</mark>${verdictLink(claim)}`;
    at = start + claim.quote.length;
  }
  return html + escapeHtml(text.slice(at));
}

/** Claims whose quote is in `text` but not inside one text run (it spans math, or the block is code): marked on the whole block. */
function spanningClaims(text: string, claims: readonly Claim[], whole = false): Claim[] {
  return claims.filter((claim) => text.includes(claim.quote) && (whole || !segments(text).some((s) => s.kind === "text" && s.text.includes(claim.quote))));
}

function spanningLinks(text: string, claims: readonly Claim[], whole = false): string {
  return spanningClaims(text, claims, whole).map(verdictLink).join("");
}

function claimedClass(text: string, claims: readonly Claim[], whole = false): string {
  const spanning = spanningClaims(text, claims, whole);
  if (spanning.length === 0) return "";
  return ` class="claimed verdict-${spanning[0]?.verdict}" data-claims="${spanning.map((claim) => claim.id).join(" ")}"`;
}

function verdictLink(claim: Claim): string {
  return ` <a class="verdict-link verdict-${claim.verdict}" href="#claim-${claim.id}">${claim.verdict}<span class="visually-hidden">: see the check</span></a>`;
}
