/**
 * The Markdown outputs notebooks print most (src/notebook's showMarkdown of a
 * model's one-line summary: words, numbers and **bold**) as HTML without the
 * build's Markdown pipeline, whose ~46 KB gz would otherwise load for them on
 * a reader's first run. Only text this reading is certain of is taken: one
 * line of letters, digits, spaces and plain punctuation, with **bold** runs
 * that CommonMark reads as strong emphasis; anything else (any other
 * Markdown character, a URL GFM would link, an edge of emphasis) returns
 * undefined and the page loads the pipeline. A test compares this with the
 * pipeline on generated text (test/site/client/plain-markdown.test.ts).
 */

/** Characters that are never Markdown syntax in a single line away from its start (and need no escaping in HTML). */
const PLAIN = /^[A-Za-z0-9 ,.;:()'·×%=?!\u00C0-\u017F-]*$/;
/** Punctuation next to a ** that still lets it open or close strong emphasis (CommonMark's flanking rules). */
const WORD = /[A-Za-z0-9\u00C0-\u017F]/;

/** The HTML the build gives `text`, when it is plain text with **bold** runs; undefined otherwise. */
export function plainMarkdownHtml(text: string): string | undefined {
  const line = text.endsWith("\n") ? text.slice(0, -1) : text;
  if (line === "" || line.includes("\n") || !/^(\*\*|[A-Za-z\u00C0-\u017F(]|[0-9]+(?![0-9.)]))/.test(line) || /[ ]$/.test(line) || /www\./i.test(line)) return undefined;
  const parts = line.split("**");
  // An even count of ** (odd part count), each bold run between two of them.
  if (parts.length % 2 === 0) return undefined;
  let html = "";
  for (const [i, part] of parts.entries()) {
    if (!PLAIN.test(part)) return undefined;
    if (i % 2 === 0) {
      html += part;
      continue;
    }
    // Inside: starts and ends with a letter or digit (so the ** are left- and right-flanking).
    if (!WORD.test(part.charAt(0)) || !WORD.test(part.charAt(part.length - 1))) return undefined;
    // Outside: the ** touch a space, the line's edge or punctuation, never a letter or digit (a**b** is not bold here).
    const before = parts[i - 1]!.slice(-1);
    const after = parts[i + 1]!.charAt(0);
    if (WORD.test(before) || WORD.test(after)) return undefined;
    html += `<strong>${part}</strong>`;
  }
  return `<p>${html}</p>`;
}
