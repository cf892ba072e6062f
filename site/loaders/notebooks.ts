import type { Loader } from "astro/loaders";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { libraryDigest, staleReason } from "../../scripts/notebooks/freshness";
import { NotebookError } from "./notebook/errors";
import { renderNotebook } from "./notebook/render";

/** Options of {@link notebooksLoader}. */
export interface NotebooksLoaderOptions {
  /** Folder of .ipynb files, relative to the project root (default "notebooks"). */
  dir?: string;
  /**
   * Refuse notebooks whose freshness stamps (src/notebook/freshness.ts) do not
   * match their code and the code they import (default true; the tests' fixture
   * notebooks, written by a generator rather than executed, turn it off).
   */
  freshness?: boolean;
}

/**
 * The `notebooks` content collection: every `*.ipynb` directly in `dir`, in
 * file-name order (01-…, 02-…), one entry per notebook with its id = file
 * name without extension. Each is validated and rendered (notebook/render.ts);
 * any problem fails the build with the notebook's file and cell number.
 */
export function notebooksLoader(options: NotebooksLoaderOptions = {}): Loader {
  return {
    name: "hmf-notebooks",
    load: async ({ store, logger, config, watcher, generateDigest }) => {
      const root = fileURLToPath(config.root);
      const dir = resolve(root, options.dir ?? "notebooks");
      const sync = async (): Promise<void> => {
        const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".ipynb")).sort() : [];
        if (files.length === 0) logger.warn(`no notebooks in ${relative(root, dir) || "."}: the site has no notebook pages`);
        const entries = [];
        const library = options.freshness === false ? null : libraryDigest(root);
        for (const [order, name] of files.entries()) {
          const file = relative(root, join(dir, name));
          const text = readFileSync(join(dir, name), "utf8");
          if (library !== null) assertFresh(file, text, library);
          const notebook = await renderNotebook(file, text).catch((error: unknown) => {
            // The message names the file and cell; a stack trace into the loader would only bury it.
            if (error instanceof NotebookError) error.stack = "";
            throw error;
          });
          for (const warning of notebook.warnings) logger.warn(warning);
          const id = name.replace(/\.ipynb$/, "");
          entries.push({
            id,
            filePath: file,
            digest: generateDigest(text),
            data: { order, file, title: notebook.title, headings: notebook.headings, anchors: notebook.anchors, styleHashes: notebook.styleHashes, islands: notebook.islands },
            rendered: { html: notebook.html, metadata: { headings: notebook.headings.map(({ depth, slug, text }) => ({ depth, slug, text })) } },
          });
        }
        // Replace the collection only once every notebook rendered: a broken one leaves no half-updated site.
        store.clear();
        for (const entry of entries) store.set(entry);
        logger.info(`rendered ${entries.length} notebook${entries.length === 1 ? "" : "s"} from ${relative(root, dir) || "."}`);
      };
      await sync();
      watcher?.add(dir);
      watcher?.on("all", (_event, path) => {
        if (path.startsWith(dir) && path.endsWith(".ipynb")) sync().catch((error: unknown) => logger.error((error as Error).message));
      });
    },
  };
}

/** Fails the build when a notebook's outputs may no longer match its code (see src/notebook/freshness.ts). */
export function assertFresh(file: string, text: string, library: string): void {
  let notebook;
  try {
    notebook = JSON.parse(text);
  } catch {
    return; // renderNotebook reports malformed JSON with its own message.
  }
  if (typeof notebook !== "object" || notebook === null || !Array.isArray(notebook.cells)) return;
  const reason = staleReason(notebook, library, `npm run notebooks -- ${file}`);
  if (reason === null) return;
  const error = new NotebookError(file, reason.cell, reason.message);
  error.stack = "";
  throw error;
}
