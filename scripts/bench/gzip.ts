import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Gzipped size of a file the site serves, from the build output (the
 * compression a static host applies, level 6). URLs outside the site count 0.
 */
export function gzipBytes(outDir: string, url: string, origin: string): number {
  if (!url.startsWith(origin)) return 0;
  const path = decodeURIComponent(new URL(url).pathname);
  const file = join(outDir, path);
  if (!existsSync(file)) throw new Error(`bench: ${url} was loaded but ${file} is not in the build`);
  return gzipSync(readFileSync(file), { level: 6 }).length;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
