/**
 * FNV-1a, 32 bits, as 8 hex digits: a short name derived from content, so
 * generated ids are the same on every run (committed notebook outputs must not
 * change when nothing changed) yet differ between different charts on a page.
 * Not for security.
 */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
