// The explainer site: the notebooks rendered as annotated pages (site/).
//
// Environment (all optional; the tests and the bench use them to build
// fixture sites side by side without touching dist/):
//   HMF_NOTEBOOKS  folder of .ipynb files to publish (default notebooks/)
//   HMF_OUT_DIR    build output (default dist/)
//   HMF_CACHE_DIR  Astro's cache, which holds the content store (default node_modules/.astro)
import { fileURLToPath } from "node:url";
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import { mathGlue } from "./site/integrations/math-glue.ts";
import { pagefind } from "./site/integrations/pagefind.ts";
import { CSP_DIRECTIVES, CSP_SCRIPT_RESOURCES, CSP_STYLE_RESOURCES } from "./site/csp.ts";

/** In the browser runtime's worker, `tslab/dist/jupyter` (src/notebook/display.ts) is the runtime's display channel. */
function tslabDisplayInWorker() {
  return {
    name: "hmf-tslab-display-in-worker",
    enforce: "pre",
    resolveId(id) {
      if (id === "tslab/dist/jupyter") return fileURLToPath(new URL("./src/client/runtime/tslab-display.ts", import.meta.url));
      return null;
    },
  };
}

/**
 * linkedom in the runtime's worker, without what the notebooks never reach there: the CSS parser behind
 * `<style>.sheet` (cssomnom, which Plot's charts never read) becomes a message, htmlparser2 becomes
 * the reader of the one empty page linkedom parses there (src/client/runtime/worker-html-parser.ts),
 * and css-select becomes a matcher of the simple selectors Plot and the charts use
 * (src/client/runtime/worker-selectors.ts). 141 KB gz becomes about 19 KB gz.
 */
function lighterLinkedomInWorker() {
  const CSS_PARSE = "\0hmf-cssomnom-parse";
  return {
    name: "hmf-lighter-linkedom-in-worker",
    enforce: "pre",
    resolveId(id, importer) {
      if (id === "htmlparser2") return fileURLToPath(new URL("./src/client/runtime/worker-html-parser.ts", import.meta.url));
      if (/(^|\/)matches\.js$/.test(id) && importer && /[\\/]linkedom[\\/]/.test(importer)) {
        return fileURLToPath(new URL("./src/client/runtime/worker-selectors.ts", import.meta.url));
      }
      if (id === "cssomnom/parse") return CSS_PARSE;
      return null;
    },
    load(id) {
      if (id !== CSS_PARSE) return null;
      return 'export function parse() { throw new Error("a <style> element\'s .sheet (a parsed CSS style sheet) is not available in the browser\'s notebook runtime; run this notebook in Jupyter to use it"); }';
    },
  };
}

export default defineConfig({
  srcDir: "./site",
  publicDir: "./public",
  outDir: process.env.HMF_OUT_DIR ?? "./dist",
  cacheDir: process.env.HMF_CACHE_DIR ?? "./node_modules/.astro",
  trailingSlash: "ignore",
  build: { format: "directory" },
  // The site is static and self-contained: no prefetching, no dev toolbar.
  prefetch: false,
  devToolbar: { enabled: false },
  server: { host: "127.0.0.1" },
  markdown: {
    // Sätteri (Astro's default) ignores remark/rehype plugins; the notebooks
    // loader runs its own unified pipeline with the same two plugins.
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
    syntaxHighlight: false,
  },
  security: {
    csp: {
      algorithm: "SHA-256",
      directives: CSP_DIRECTIVES,
      scriptDirective: { resources: CSP_SCRIPT_RESOURCES },
      styleDirective: { resources: CSP_STYLE_RESOURCES },
    },
  },
  // The formulas are glued to their punctuation before the search index reads the pages.
  integrations: [mathGlue(), pagefind()],
  vite: {
    // Keep KaTeX's small fonts as files: a data: URL font would need font-src data: in the CSP.
    build: {
      assetsInlineLimit: 0,
      // Lezer's TypeScript grammar is shared by the cell editor and the page's type eraser (src/client/runtime/strip-types.ts):
      // one chunk, named for the bench's report of what the first edit and run download.
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: "lezer", test: /node_modules[\\/]@lezer[\\/]/ }] } } },
    },
    // The notebook runtime's worker (src/client/runtime): an ES module worker, code-split,
    // with tslab's display channel replaced by the runtime's own, and a lighter linkedom.
    worker: {
      format: "es",
      plugins: () => [tslabDisplayInWorker(), lighterLinkedomInWorker()],
      // Three chunks for what cells import, not one per module: Plot with d3, the core, and the rest of
      // the library with linkedom. The notebooks import through the indexes, which load every module
      // anyway, and fewer, larger chunks compress better (about 16 KB gz less than one chunk per module);
      // a cell that imports one chart or island module alone now loads the whole third chunk.
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              { name: "plot", priority: 2, test: /node_modules[\\/](@observablehq[\\/]plot|d3-[\w-]+|internmap|interval-tree-1d|isoformat|binary-search-bounds|delaunator|robust-predicates)[\\/]/ },
              { name: "core", priority: 1, test: /[\\/]src[\\/]core[\\/]/ },
              { name: "notebook", priority: 0, test: /[\\/]src[\\/](notebook|islands|charts)[\\/]|node_modules[\\/]linkedom[\\/]/ },
            ],
          },
        },
      },
    },
  },
});
