import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { parseAst } from "rolldown/parseAst";
import { REST_OF_PART } from "../../src/client/runtime/protocol";

/**
 * The notebook helpers and the formula core as the notebook runtime's worker
 * loads them (src/client/runtime/notebook-part.ts, core-part.ts, modules.ts):
 * each index in two steps, a part first and the rest of its names when a
 * cell imports one of them.
 *
 * - The helpers' part: every helper module but those that reach the island
 *   registry (src/islands/index.ts reaches every island, with its charts and
 *   the energy model); showIsland loads with the islands, when a cell imports
 *   it.
 * - The core's part: the core modules that the helpers reach, the islands
 *   included, less the energy model and the inference arithmetic (energy/,
 *   inference/), which only the islands use among the helpers. A cell that
 *   imports the helpers loads these anyway, and most of the counts that cells
 *   import are here. The rest (the papers' tables, the inference arithmetic,
 *   the energy model's published figures) loads module by module, when a cell
 *   imports one of its names.
 */
export interface IndexPart {
  /** Absolute paths of the index's modules in the part. */
  modules: ReadonlySet<string>;
  /** Each name of the index outside the part, and the module that defines it. */
  rest: ReadonlyMap<string, string>;
  /** The source that stands in for the part's module (src/client/runtime/…-part.ts) in the worker's bundle. */
  code: string;
}

export interface WorkerParts {
  notebook: IndexPart;
  core: IndexPart;
  /** Every project module that the two parts reach: the worker's chunk of the helpers holds them. */
  reached: ReadonlySet<string>;
}

/** The module whose importers among the helpers load when a cell imports them, not with the helpers' part. */
const ISLAND_REGISTRY = "src/islands/index.ts";
/** Core folders that stay out of the core's part even where the helpers reach them. */
const CORE_REST_FOLDERS = /[\\/]src[\\/]core[\\/](energy|inference)[\\/]/;

/** The files `entry` reaches through value imports and re-exports, within `root` (type-only imports are erased, so they do not count). */
export function reachableModules(entry: string, root: string): Set<string> {
  return importGraph(root).reachableFrom(entry);
}

/** The value imports of the files under `root`, each file read and parsed once however many walks pass through it. */
function importGraph(root: string): { reachableFrom(entry: string): Set<string> } {
  const edges = new Map<string, string[]>();
  const importsOf = (file: string): string[] => {
    let targets = edges.get(file);
    if (!targets) {
      targets = [];
      for (const specifier of valueImports(readFileSync(file, "utf8"), file)) {
        if (!specifier.startsWith(".")) continue;
        const target = resolveSource(join(dirname(file), specifier));
        if (!target) throw new Error(`${file}: cannot resolve ${JSON.stringify(specifier)}`);
        if (target.startsWith(resolve(root))) targets.push(target);
      }
      edges.set(file, targets);
    }
    return targets;
  };
  return {
    reachableFrom(entry) {
      const seen = new Set<string>();
      const pending = [resolve(entry)];
      while (pending.length) {
        const file = pending.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        pending.push(...importsOf(file));
      }
      return seen;
    },
  };
}

/** The two parts, from the import graph of src/ under `repositoryRoot`. */
export function workerParts(repositoryRoot: string): WorkerParts {
  const src = resolve(repositoryRoot, "src");
  const graph = importGraph(src);
  const notebookIndex = resolve(src, "notebook/index.ts");
  const registry = resolve(repositoryRoot, ISLAND_REGISTRY);
  const everything = graph.reachableFrom(notebookIndex);
  const helpers = [...everything].filter((file) => file.startsWith(resolve(src, "notebook") + sep) && file !== notebookIndex);
  const helpersInPart = helpers.filter((file) => !graph.reachableFrom(file).has(registry));
  const reached = new Set(helpersInPart.flatMap((file) => [...graph.reachableFrom(file)]));
  const isCore = (file: string): boolean => file.startsWith(resolve(src, "core") + sep) && !file.endsWith(`${sep}index.ts`);
  const coreModules = new Set([...everything].filter((file) => isCore(file) && (reached.has(file) || !CORE_REST_FOLDERS.test(file))));
  for (const file of coreModules) for (const dependency of graph.reachableFrom(file)) reached.add(dependency);
  return {
    notebook: indexPart(notebookIndex, new Set(helpersInPart)),
    core: indexPart(resolve(src, "core/index.ts"), coreModules),
    reached,
  };
}

/**
 * An index's part: a module that re-exports, of the index's names, those that `modules` define (never a
 * module's internals that the index leaves out), with a table of the index's other names and a loader for
 * each one's module.
 */
function indexPart(indexFile: string, modules: ReadonlySet<string>): IndexPart {
  const lines: string[] = [];
  const rest = new Map<string, string>();
  const visit = (index: string): void => {
    for (const reexport of reexports(readFileSync(index, "utf8"), index)) {
      const target = resolveSource(join(dirname(index), reexport.source));
      if (!target) throw new Error(`${index}: cannot resolve ${JSON.stringify(reexport.source)}`);
      if (reexport.names === "*" && target.endsWith("/index.ts")) visit(target);
      else if (modules.has(target)) lines.push(reexport.names === "*" ? `export * from ${JSON.stringify(target)};` : `export { ${reexport.names.join(", ")} } from ${JSON.stringify(target)};`);
      else for (const name of reexport.names === "*" ? valueExports(target) : reexport.names.map((entry) => entry.split(" as ").pop()!)) rest.set(name, target);
    }
    // What an index declares itself (formulas/index.ts: FORMULAS, formulaById) is the index module's.
    for (const name of declaredExports(readFileSync(index, "utf8"), index)) rest.set(name, index);
  };
  visit(indexFile);
  const files = [...new Set(rest.values())];
  const loaders = files.map((file, at) => `const m${at} = () => import(${JSON.stringify(file)});`);
  const table = [...rest].map(([name, file]) => `${name}: m${files.indexOf(file)}`).join(", ");
  return { modules, rest, code: `${lines.join("\n")}\n${loaders.join("\n")}\nexport const ${REST_OF_PART} = { ${table} };\n` };
}

/** The names a module exports as values: its own declarations and what it re-exports. */
function valueExports(file: string): string[] {
  const code = readFileSync(file, "utf8");
  const names = declaredExports(code, file);
  for (const reexport of reexports(code, file)) {
    if (reexport.names !== "*") names.push(...reexport.names.map((entry) => entry.split(" as ").pop()!));
    else {
      const target = resolveSource(join(dirname(file), reexport.source));
      if (!target) throw new Error(`${file}: cannot resolve ${JSON.stringify(reexport.source)}`);
      names.push(...valueExports(target));
    }
  }
  return names;
}

/** `export const a`, `export function b`, `export class C`, `export enum E`, `export { d, e as f }` (no `from`). */
function declaredExports(code: string, file: string): string[] {
  const names: string[] = [];
  for (const statement of parseAst(code, { lang: "ts", sourceType: "module" }, file).body) {
    if (statement.type !== "ExportNamedDeclaration" || statement.source || statement.exportKind === "type") continue;
    const declaration = statement.declaration;
    if (!declaration) {
      names.push(...statement.specifiers.filter((s) => s.exportKind !== "type").map((s) => nameOf(s.exported)));
    } else if (declaration.type === "VariableDeclaration") {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== "Identifier") throw new Error(`${file}: export a destructured declaration as named constants, so the notebook runtime can find its names`);
        names.push(declarator.id.name);
      }
    } else if ((declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration" || declaration.type === "TSEnumDeclaration") && declaration.id) {
      if (!("declare" in declaration && declaration.declare)) names.push(declaration.id.name);
    }
  }
  return names;
}

/** An index's value re-exports: `export * from "m"`, or `export { a, b } from "m"` (type-only names left out). */
function reexports(code: string, file: string): Array<{ source: string; names: string[] | "*" }> {
  const found: Array<{ source: string; names: string[] | "*" }> = [];
  for (const statement of parseAst(code, { lang: "ts", sourceType: "module" }, file).body) {
    if (statement.type === "ExportAllDeclaration" && statement.exportKind !== "type" && !statement.exported) {
      found.push({ source: statement.source.value, names: "*" });
    } else if (statement.type === "ExportNamedDeclaration" && statement.source && statement.exportKind !== "type") {
      const names = statement.specifiers.filter((s) => s.exportKind !== "type").map((s) => nameOf(s.local) === nameOf(s.exported) ? nameOf(s.local) : `${nameOf(s.local)} as ${nameOf(s.exported)}`);
      if (names.length) found.push({ source: statement.source.value, names });
    }
  }
  return found;
}

function nameOf(node: { type: string; name?: string; value?: unknown }): string {
  return node.type === "Identifier" ? node.name! : String(node.value);
}

function valueImports(code: string, file: string): string[] {
  const program = parseAst(code, { lang: "ts", sourceType: "module" }, file);
  const specifiers: string[] = [];
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration") {
      if (statement.importKind === "type") continue;
      const specifiers_ = statement.specifiers;
      // `import { type A } from "m"` is erased whole, as TypeScript erases it.
      if (specifiers_.length && specifiers_.every((s) => s.type === "ImportSpecifier" && s.importKind === "type")) continue;
      specifiers.push(statement.source.value);
    } else if ((statement.type === "ExportNamedDeclaration" || statement.type === "ExportAllDeclaration") && statement.source) {
      if (statement.exportKind === "type") continue;
      if (statement.type === "ExportNamedDeclaration" && statement.specifiers.length && statement.specifiers.every((s) => s.exportKind === "type")) continue;
      specifiers.push(statement.source.value);
    }
  }
  return specifiers;
}

function resolveSource(path: string): string | undefined {
  for (const candidate of [`${path}.ts`, join(path, "index.ts"), path]) if (existsSync(candidate) && candidate.endsWith(".ts")) return resolve(candidate);
  return undefined;
}

/**
 * The worker build's plugin: src/client/runtime/notebook-part.ts and core-part.ts, which are the whole helpers
 * and the whole core everywhere else (tests, type checking), become the parts.
 */
export function partStandIns(repositoryRoot: string, parts: WorkerParts): { name: string; enforce: "pre"; load(id: string): string | null } {
  const code = new Map([
    [resolve(repositoryRoot, "src/client/runtime/notebook-part.ts"), parts.notebook.code],
    [resolve(repositoryRoot, "src/client/runtime/core-part.ts"), parts.core.code],
  ]);
  return { name: "hmf-worker-parts", enforce: "pre", load: (id) => code.get(id.split("?")[0]!) ?? null };
}
