import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import * as core from "../../../src/core/index";
import * as helpers from "../../../src/notebook/index";
import { reachableModules, workerParts } from "../../../site/integrations/worker-parts";
import { REST_OF_PART } from "../../../src/client/runtime/protocol";

const ROOT = resolve(__dirname, "../../..");
const parts = workerParts(ROOT);
const part = parts.core;
const scratch = mkdtempSync(join(tmpdir(), "hmf-worker-parts-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The files esbuild bundles for `entry` with tree shaking off: an independent resolver of the same graph. */
async function esbuildInputs(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, treeShaking: false, format: "esm", platform: "neutral", logLevel: "silent", packages: "external" });
  return Object.keys(result.metafile.inputs).map((file) => resolve(ROOT, file)).filter((file) => file.startsWith(join(ROOT, "src/")));
}

describe("the helpers' part (site/integrations/worker-parts.ts)", () => {
  it("follows the import graph as esbuild does", async () => {
    const entry = join(ROOT, "src/notebook/index.ts");
    expect([...reachableModules(entry, join(ROOT, "src"))].sort()).toEqual((await esbuildInputs(entry)).sort());
  });

  it("holds every helper module but showIsland's, and none of them reaches the island registry", async () => {
    const helperModules = (await esbuildInputs(join(ROOT, "src/notebook/index.ts"))).filter((file) => file.startsWith(join(ROOT, "src/notebook/")) && !file.endsWith("/index.ts"));
    expect([...parts.notebook.modules].sort()).toEqual(helperModules.filter((file) => !file.endsWith("/show-island.ts")).sort());
    for (const module of parts.notebook.modules) expect((await esbuildInputs(module)).some((file) => file.startsWith(join(ROOT, "src/islands/index.ts"))), module).toBe(false);
    expect([...parts.reached].some((file) => file === join(ROOT, "src/islands/index.ts") || file.startsWith(join(ROOT, "src/charts/")))).toBe(false);
  });

  it("exports the helpers' names but showIsland's, with the same values, and loads showIsland from its module", async () => {
    const file = join(scratch, "notebook-part.ts");
    writeFileSync(file, parts.notebook.code);
    const generated = (await import(file)) as Record<string, unknown>;
    const names = Object.keys(generated).filter((name) => name !== REST_OF_PART);
    expect(names.sort()).toEqual(Object.keys(helpers).filter((name) => name !== "showIsland").sort());
    for (const name of names) expect(generated[name], name).toBe((helpers as Record<string, unknown>)[name]);
    expect([...parts.notebook.rest]).toEqual([["showIsland", join(ROOT, "src/notebook/show-island.ts")]]);
    const table = generated[REST_OF_PART] as Record<string, () => Promise<Record<string, unknown>>>;
    expect(Object.keys(table)).toEqual(["showIsland"]);
    expect((await table.showIsland!()).showIsland).toBe(helpers.showIsland);
  });
});

describe("the part of the core the worker loads first (site/integrations/worker-parts.ts)", () => {
  it("holds the core modules the helpers reach, islands included, less the energy model's and the inference arithmetic's", async () => {
    const coreModules = (await esbuildInputs(join(ROOT, "src/notebook/index.ts"))).filter((file) => file.startsWith(join(ROOT, "src/core/")) && !file.endsWith("/index.ts"));
    const fromHelpersAlone = new Set((await Promise.all([...parts.notebook.modules].map(esbuildInputs))).flat());
    const expected = coreModules.filter((file) => fromHelpersAlone.has(file) || !/\/src\/core\/(energy|inference)\//.test(file));
    expect([...part.modules].sort()).toEqual(expected.sort());
    // The counts that most cells import are in it.
    for (const file of ["src/core/flops.ts", "src/core/params.ts", "src/core/presets.ts", "src/core/terms.ts"]) expect(part.modules.has(join(ROOT, file)), file).toBe(true);
  });

  it("leaves out the papers' tables, the inference arithmetic and the energy model", () => {
    for (const file of ["src/core/formulas/kaplan.ts", "src/core/formulas/chinchilla.ts", "src/core/inference/interconnect.ts", "src/core/energy/h200.ts", "src/core/energy/roofline.ts", "src/core/inference/speculative.ts"]) {
      expect(part.modules.has(join(ROOT, file))).toBe(false);
    }
  });

  it("exports exactly the core index's names that its modules define, with the index's values", async () => {
    const file = join(scratch, "part.ts");
    writeFileSync(file, part.code);
    const generated = (await import(file)) as Record<string, unknown>;
    const names = Object.keys(generated).filter((name) => name !== REST_OF_PART);
    // Independently: the index's names whose values one of the part's modules exports.
    const expected = new Set<string>();
    for (const module of part.modules) {
      const exports = (await import(module)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) if (name in core && (core as Record<string, unknown>)[name] === value) expected.add(name);
    }
    expect(names.sort()).toEqual([...expected].sort());
    for (const name of names) expect(generated[name], name).toBe((core as Record<string, unknown>)[name]);
    // A module's internals that the index leaves out stay out (hf/import.ts's helpers, energy/inputs.ts's).
    expect(names.length).toBeLessThan(Object.keys(core).length);
    expect(generated).toHaveProperty("importHfConfig");
    expect(generated).toHaveProperty("presetById");
  });

  it("maps every other name of the core's index to a module that exports it, with the index's value", async () => {
    const generated = (await import(join(scratch, "part.ts"))) as Record<string, unknown>;
    const inPart = Object.keys(generated).filter((name) => name !== REST_OF_PART);
    expect([...inPart, ...part.rest.keys()].sort()).toEqual(Object.keys(core).sort());
    for (const [name, file] of part.rest) {
      const exports = (await import(file)) as Record<string, unknown>;
      expect(exports[name], `${name} from ${file}`).toBe((core as Record<string, unknown>)[name]);
    }
    // The generated table loads the same modules.
    const table = generated[REST_OF_PART] as Record<string, () => Promise<Record<string, unknown>>>;
    expect(Object.keys(table).sort()).toEqual([...part.rest.keys()].sort());
    expect((await table.kaplanTable1Full!()).kaplanTable1Full).toBe(core.kaplanTable1Full);
  });
});
