/**
 * Keys that appear more than once at the top level of a JSON object text, with
 * how often. JSON.parse (like Python's json module, which transformers uses)
 * silently keeps the last value; the importer reports the repetition instead.
 *
 * `text` must already have parsed as a JSON object. One pass, no recursion:
 * nesting depth is a counter, so deeply nested values cost nothing extra.
 */
export function duplicateTopLevelKeys(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      i++;
      while (i < text.length && text.charCodeAt(i) !== QUOTE) i += text.charCodeAt(i) === BACKSLASH ? 2 : 1;
      i++;
      if (depth === 1 && nextNonSpace(text, i) === COLON) {
        const key = JSON.parse(text.slice(start, i)) as string;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
    i++;
  }
  for (const [key, count] of counts) if (count < 2) counts.delete(key);
  return counts;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // JSON whitespace: space, tab, line feed, carriage return.
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return c;
    i++;
  }
  return -1;
}
