/**
 * The seed post (notebooks/seed/how-many-flops.txt, the text as captured from
 * the blog) split into blocks the post page can quote: its header, paragraphs,
 * bullet lists, the REPL session, and the short lines that act as headings.
 * Nothing is rewritten: every block keeps its raw text, so claims can be
 * found in it verbatim.
 */
export type PostBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: Array<{ text: string; depth: number }> }
  | { kind: "code"; text: string };

export interface Post {
  /** "How many FLOPs" */
  title: string;
  /** "splatlabs" */
  author: string;
  /** "· 1315 words · 7 minutes to read", categories and tags, as captured. */
  meta: string[];
  blocks: PostBlock[];
}

const BULLET = /^(\s*)•\s+/;

/** Splits the captured post. The first block is its header: author, title, then meta lines up to the first prose paragraph. */
export function parsePost(text: string): Post {
  const chunks = text.replace(/\r\n/g, "\n").split(/\n\s*\n/).map((chunk) => chunk.replace(/\s+$/, "")).filter((chunk) => chunk.trim() !== "");
  const [author = "", title = "", ...rest] = chunks;
  const meta: string[] = [];
  while (rest.length > 0 && isMetaLine(rest[0] ?? "")) meta.push(...(rest.shift() ?? "").split("\n").map((line) => line.trim()));
  // The capture ends with the blog's "Categories" widget, which is page chrome, not the post.
  if (rest[rest.length - 1]?.trim() === "Categories") rest.pop();
  const blocks: PostBlock[] = [];
  for (const chunk of rest) {
    const previous = blocks[blocks.length - 1];
    if (chunk.startsWith(">>>")) blocks.push({ kind: "code", text: chunk });
    else if (previous?.kind === "code" && /^\d+$/.test(chunk.trim())) previous.text += `\n\n${chunk.trim()}`;
    else if (BULLET.test(chunk)) {
      const items = chunk.split("\n").map((line) => ({ depth: Math.floor((BULLET.exec(line)?.[1]?.length ?? 2) / 2), text: line.replace(BULLET, "").trim() }));
      if (previous?.kind === "list") previous.items.push(...items);
      else blocks.push({ kind: "list", items });
    } else if (isHeading(chunk)) blocks.push({ kind: "heading", text: chunk.trim() });
    else blocks.push({ kind: "paragraph", text: chunk.trim() });
  }
  return { title: title.trim(), author: author.trim(), meta, blocks };
}

function isMetaLine(chunk: string): boolean {
  return /^(·|Categories:|Tags:)/.test(chunk.trim());
}

/** A short line with no full stop: "Grok’s take", "Final Estimate", "What It Means:", "Why are LLMs so Power Hungry?". */
function isHeading(chunk: string): boolean {
  const line = chunk.trim();
  return !line.includes("\n") && line.length <= 48 && !/[.!,$)]$/.test(line) && !/^\$/.test(line) && !/^\d/.test(line);
}

export type Segment = { kind: "text"; text: string } | { kind: "math"; tex: string; raw: string };

/**
 * Text and $…$ math of one block. The post also writes prices ("$2.50 per
 * million input tokens, $10 …"), so a $…$ pair is math only when it looks
 * like TeX (a backslash, ^, _, = or a math symbol); otherwise the $ is text.
 */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let buffer = "";
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf("$", at);
    if (open < 0) break;
    const close = text.indexOf("$", open + 1);
    const body = close < 0 ? "" : text.slice(open + 1, close);
    if (close < 0 || !/[\\^_=≈⋅×]/.test(body)) {
      buffer += text.slice(at, open + 1);
      at = open + 1;
      continue;
    }
    buffer += text.slice(at, open);
    if (buffer) out.push({ kind: "text", text: buffer });
    buffer = "";
    out.push({ kind: "math", tex: body.trim(), raw: text.slice(open, close + 1) });
    at = close + 1;
  }
  buffer += text.slice(at);
  if (buffer) out.push({ kind: "text", text: buffer });
  return out;
}
