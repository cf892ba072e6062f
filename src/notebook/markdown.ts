import type { MimeBundle } from "./bundle";

/** Markdown prose as a MIME bundle (text/markdown, with the same text as text/plain). */
export function markdownBundle(text: string): MimeBundle {
  if (typeof text !== "string") throw new TypeError(`markdownBundle: expected a string of Markdown; got ${typeof text}`);
  return { data: { "text/markdown": text, "text/plain": text }, metadata: {} };
}
