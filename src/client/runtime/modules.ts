/// <reference types="vite/client" />
/**
 * What notebook cells can import in the browser: the same modules they
 * import under tslab, bundled for the browser and loaded on first import.
 * Relative paths are from the repository root (tslab's kernel cwd).
 */

import { REST_OF_PART, type ModuleImport } from "./protocol";

/** A module namespace, as `import * as m` gives it. */
export type ModuleNamespace = Record<string, unknown>;

/**
 * The project's modules that notebooks import: the core and the notebook
 * helpers through their index, and any module of src/charts, src/islands and
 * src/reference (a chart palette, tick formats, the instrumented forward pass
 * notebook 3 runs), each loaded on first import. Which chunk holds what is
 * set in astro.config.mjs (worker.rolldownOptions).
 */
const INDEXES: Record<string, () => Promise<ModuleNamespace>> = {
  "./src/core/index": () => import("../../core/index"),
  "./src/notebook/index": () => import("../../notebook/index"),
};
const PROJECT_MODULES = import.meta.glob<ModuleNamespace>(["../../charts/**/*.ts", "../../islands/**/*.ts", "../../reference/**/*.ts"]);

/**
 * Modules that load in steps: first a part, then the module that defines each name a cell imports and the
 * part lacks (the part's REST_OF_PART table), or the whole module for a namespace import. The helpers' part
 * is all of them but showIsland, which loads with the islands; the core's is the modules the helpers use,
 * which a notebook loads with them anyway. The core's papers' tables, inference arithmetic and published
 * energy figures load one module at a time, when a cell asks for one of their names
 * (site/integrations/worker-parts.ts).
 */
const PARTS: Record<string, () => Promise<ModuleNamespace>> = {
  "./src/core/index": () => import("./core-part"),
  "./src/notebook/index": () => import("./notebook-part"),
};

const PACKAGES: Record<string, () => Promise<ModuleNamespace>> = {
  // The common part of Plot, not its whole namespace (see plot.ts): a member left out says so when used.
  "@observablehq/plot": async () => (await import("./plot-namespace")).plotNamespace(),
  "node:fs": async () => (await import("./files")).fileSystem(),
};

function loaderOf(key: string): (() => Promise<ModuleNamespace>) | undefined {
  if (Object.prototype.hasOwnProperty.call(PACKAGES, key)) return PACKAGES[key];
  if (Object.prototype.hasOwnProperty.call(INDEXES, key)) return INDEXES[key];
  const project = /^\.\/src\/((?:charts|islands|reference)\/[\w./-]+)$/.exec(key);
  if (!project || project[1]!.includes("..")) return undefined;
  return PROJECT_MODULES[`../../${project[1]}.ts`];
}

/**
 * Modules of the test suite. The product does not ship them; importing one
 * succeeds, and using what it exports says why it is not there.
 */
const TEST_MODULES = /^\.\/test\//;

/** The key of a specifier in MODULES: "./src/core", "src/core/index.ts" and "fs" name the same module. */
export function moduleKey(specifier: string): string {
  let key = specifier.trim().replace(/\.(ts|js|mjs)$/, "");
  if (key === "fs") return "node:fs";
  if (/^src\//.test(key)) key = `./${key}`;
  if (/^\.\/src\/(core|notebook|charts|islands|reference)$/.test(key)) key = `${key}/index`;
  return key;
}

/** What `importLoaded` returns for each module: its namespace, or its part's with the names loaded since. */
const loaded = new Map<string, { namespace: ModuleNamespace; whole: boolean }>();
/** Loads of one module run one after another, so that no load drops the names another added. */
const loading = new Map<string, Promise<void>>();

/** Loads what a cell imports so that `importLoaded` can return it synchronously; throws a reader's message for anything else. */
export function loadModule(request: ModuleImport): Promise<void> {
  const key = moduleKey(request.specifier);
  const next = (loading.get(key) ?? Promise.resolve()).then(() => loadInTurn(key, request));
  loading.set(key, next.catch(() => undefined));
  return next;
}

async function loadInTurn(key: string, { specifier, names }: ModuleImport): Promise<void> {
  const current = loaded.get(key);
  if (current?.whole) return;
  const part = Object.prototype.hasOwnProperty.call(PARTS, key) ? PARTS[key] : undefined;
  if (part && names !== "*") {
    const namespace = current?.namespace ?? (await part());
    const rest = (namespace[REST_OF_PART] ?? {}) as Record<string, () => Promise<ModuleNamespace>>;
    const missing = names.filter((name) => !(name in namespace));
    if (missing.every((name) => Object.prototype.hasOwnProperty.call(rest, name))) {
      const defined = await Promise.all(missing.map((name) => rest[name]!()));
      const extended = missing.length ? { ...namespace, ...Object.fromEntries(missing.map((name, at) => [name, defined[at]![name]])) } : namespace;
      loaded.set(key, { namespace: extended, whole: false });
      return;
    }
    // A name neither the part nor its table knows (a type imported without `type`, a typo): the whole module
    // has what there is to bind.
  }
  const loadWhole = loaderOf(key);
  if (loadWhole) {
    loaded.set(key, { namespace: await loadWhole(), whole: true });
    return;
  }
  if (TEST_MODULES.test(key)) {
    loaded.set(key, { namespace: unavailableModule(specifier), whole: true });
    return;
  }
  throw new Error(`cannot import ${JSON.stringify(specifier)} in the browser; cells here can import ./src/core/index, ./src/notebook/index, the modules of ./src/charts, ./src/islands and ./src/reference, "@observablehq/plot" and "node:fs" (read-only)`);
}

export function importLoaded(specifier: string): ModuleNamespace {
  const module = loaded.get(moduleKey(specifier));
  if (!module) throw new Error(`module ${JSON.stringify(specifier)} was not loaded`);
  return module.namespace;
}

function unavailableModule(specifier: string): ModuleNamespace {
  const fail = (name: string): never => {
    throw new Error(`${name} comes from ${specifier}, part of the project's test suite, which does not run in the browser; run this notebook in Jupyter to use it`);
  };
  return new Proxy(
    {},
    {
      get(_target, name) {
        if (typeof name !== "string" || name === "then") return undefined;
        return new Proxy(function unavailable() {}, {
          apply: () => fail(name),
          construct: () => fail(name),
          get: (_f, property) => (property === Symbol.toPrimitive ? () => fail(name) : fail(name)),
        });
      },
    },
  );
}
