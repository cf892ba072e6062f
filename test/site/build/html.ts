import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";
import type { QueryRoot } from "../dom";

/** Every HTML file of a built site, with its path from the site root and its parsed document. */
export interface BuiltPage {
  path: string;
  html: string;
  document: QueryRoot;
}

export function builtPages(outDir: string): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "pagefind") walk(path);
      } else if (name.endsWith(".html")) {
        const html = readFileSync(path, "utf8");
        pages.push({ path: relative(outDir, path), html, document: parseHTML(html).document as unknown as QueryRoot });
      }
    }
  };
  walk(outDir);
  return pages;
}

/** The page's Content-Security-Policy (from its <meta>), directive name → sources. */
export function cspOf(document: QueryRoot): Map<string, string[]> {
  const content = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute("content") ?? "";
  const policy = new Map<string, string[]>();
  for (const directive of content.split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}
