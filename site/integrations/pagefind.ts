import type { AstroIntegration } from "astro";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { close, createIndex } from "pagefind";
import { searchHtml } from "./search-text";

/**
 * Static search: after the build, Pagefind indexes the pages' text (the
 * <main> of each page, marked data-pagefind-body) and writes its index and
 * its small runtime to /pagefind/. Nothing of it loads until the reader
 * focuses the search box. Each page is indexed as search-text.ts rewrites it
 * (formulas as one line of text, "10^12" rather than MathML's "1012"); the
 * files served are not changed.
 */
export function pagefind(): AstroIntegration {
  return {
    name: "hmf-pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          // Search shows prose: searchHtml reads each formula once, from its MathML; were a KaTeX formula
          // left in, its visual copy and TeX source would still be left out, so "S" is never indexed as "SSS".
          const { index, errors } = await createIndex({ forceLanguage: "en", excludeSelectors: [".katex-html", "annotation"] });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
          let pages = 0;
          for (const file of htmlFiles(outDir)) {
            const added = await index.addHTMLFile({ sourcePath: relative(outDir, file), content: searchHtml(readFileSync(file, "utf8")) });
            if (added.errors.length) throw new Error(`Pagefind could not index ${file}: ${added.errors.join("; ")}`);
            // Pages without data-pagefind-body (redirects, 404) are seen but not indexed.
            if (added.file) pages++;
          }
          const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, "")}/pagefind` });
          if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
          logger.info(`indexed ${pages} pages for search`);
        } finally {
          await close();
        }
      },
    },
  };
}

/** Every .html file under `dir` (the built site), in a stable order. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
