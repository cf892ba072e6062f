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
import { partStandIns, workerParts } from "./site/integrations/worker-parts.ts";
import { mathGlue } from "./site/integrations/math-glue.ts";
import { pagefind } from "./site/integrations/pagefind.ts";
import { CSP_DIRECTIVES, CSP_SCRIPT_RESOURCES, CSP_STYLE_RESOURCES } from "./site/csp.ts";

/**
 * Modules the runtime's worker replaces with its own (src/client/runtime), in the worker's bundle only:
 * - `tslab/dist/jupyter` (src/notebook/display.ts): the runtime's display channel;
 * - linkedom: the worker's DOM, which builds and serialises elements as linkedom does (a test compares
 *   them on Plot's charts and the project's) and parses no HTML; the worker never parses or lays out,
 *   and this is about 13 KB gz less;
 * - d3-geo: Plot reaches it for map projections alone, which the worker refuses with a message;
 *   charts on x and y never call it. About 9 KB gz less.
 */
const WORKER_STAND_INS = {
  "tslab/dist/jupyter": "./src/client/runtime/tslab-display.ts",
  linkedom: "./src/client/runtime/worker-dom.ts",
  "d3-geo": "./src/client/runtime/worker-geo.ts",
};

function workerStandIns() {
  return {
    name: "hmf-worker-stand-ins",
    enforce: "pre",
    resolveId(id) {
      const file = Object.prototype.hasOwnProperty.call(WORKER_STAND_INS, id) ? WORKER_STAND_INS[id] : undefined;
      return file ? fileURLToPath(new URL(file, import.meta.url)) : null;
    },
  };
}

/** What the worker loads first of the helpers and the core (with what they reach: one chunk), and the rest of each. */
const PARTS = workerParts(fileURLToPath(new URL(".", import.meta.url)));
const REST_OF_CORE = new Set(PARTS.core.rest.values());

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
      // Lezer and the project's TypeScript grammar (src/client/grammar) are shared by the cell editor and the page's type eraser
      // (src/client/runtime/strip-types.ts): one chunk, named for the bench's report of what the first edit and run download.
      // The grammar's language.ts is the editor's alone (it imports CodeMirror), so it stays out.
      rolldownOptions: { output: { comments: false, codeSplitting: { groups: [{ name: "lezer", test: /node_modules[\\/]@lezer[\\/]|src[\\/]client[\\/]grammar[\\/](?!language\.)/ }] } } },
    },
    // The notebook runtime's worker (src/client/runtime): an ES module worker, code-split,
    // with the stand-ins above.
    worker: {
      format: "es",
      plugins: () => [workerStandIns(), partStandIns(fileURLToPath(new URL(".", import.meta.url)), PARTS)],
      // A few chunks for most of what cells import, not one per module: fewer, larger chunks compress better
      // (about 16 KB gz less than one chunk per module), and a cell that imports one module of a group loads
      // the group. Every notebook loads Plot and the helpers' chunk; the islands only notebooks that show one;
      // the rest of the core a module at a time (the worker parts' tables, site/integrations/worker-parts.ts).
      rolldownOptions: {
        output: {
          // Minified code needs no /* @__PURE__ */ marks: nothing bundles it again.
          comments: false,
          codeSplitting: {
            groups: [
              { name: "plot", priority: 2, test: /node_modules[\\/](@observablehq[\\/]plot|d3-[\w-]+|internmap|interval-tree-1d|isoformat|binary-search-bounds|delaunator|robust-predicates)[\\/]|[\\/]src[\\/]client[\\/]runtime[\\/](worker-geo|plot-namespace|plot)\.ts$/ },
              // The helpers' and the core's parts with what they reach, the worker's DOM, and the chart palette and
              // tick formats that every notebook imports.
              {
                name: "notebook",
                test: (id) => PARTS.reached.has(id) || /[\\/]src[\\/](client[\\/]runtime[\\/](worker-dom|worker-selectors|notebook-part|core-part)|charts[\\/](palette|ticks))\.ts$/.test(id),
              },
              // The instrumented forward pass with its specs, weights and operations: notebook 3 imports them together (after the
              // helpers' group, which keeps what both use).
              { name: "reference", test: /[\\/]src[\\/]reference[\\/]/ },
              // showIsland with the islands and their charts: notebooks that show none (3, 4, 5) never load them. A group
              // takes the modules its modules import (the energy model's and the inference arithmetic's that the islands
              // use), so the rest of the core comes after it.
              { name: "islands", test: /[\\/]src[\\/](islands[\\/]|charts[\\/]|notebook[\\/]show-island\.ts$)/ },
              // The rest of the core: the inference arithmetic that the islands leave as one chunk (notebook 9 imports
              // its modules together); every other module alone (notebook 8 imports three of the energy model's).
              { name: "inference", test: (id) => REST_OF_CORE.has(id) && /[\\/]src[\\/]core[\\/]inference[\\/]/.test(id) },
            ],
          },
        },
      },
    },
  },
});
