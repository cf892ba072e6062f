import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";

/**
 * Static search: after the build, Pagefind indexes the pages' text (the
 * <main> of each page, marked data-pagefind-body) and writes its index and
 * its small runtime to /pagefind/. Nothing of it loads until the reader
 * focuses the search box.
 */
export function pagefind(): AstroIntegration {
  return {
    name: "hmf-pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const { createIndex, close } = await import("pagefind");
        const outDir = fileURLToPath(dir);
        try {
          // Search shows prose: KaTeX's visual copy of each formula and its TeX source are left out
          // (the MathML reading stays), so "S" is indexed once, not as "SSS".
          const { index, errors } = await createIndex({ forceLanguage: "en", excludeSelectors: [".katex-html", "annotation"] });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join("; ")}`);
          const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, "")}/pagefind` });
          if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
          logger.info(`indexed ${added.page_count} pages for search`);
        } finally {
          await close();
        }
      },
    },
  };
}
