import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import * as core from "../../../src/core/index";
import { corePart, reachableModules } from "../../../site/integrations/core-part";
import { REST_OF_PART } from "../../../src/client/runtime/protocol";

const ROOT = resolve(__dirname, "../../..");
const part = corePart(ROOT);
const scratch = mkdtempSync(join(tmpdir(), "hmf-core-part-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The files esbuild bundles for `entry` with tree shaking off: an independent resolver of the same graph. */
async function esbuildInputs(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, treeShaking: false, format: "esm", platform: "neutral", logLevel: "silent", packages: "external" });
  return Object.keys(result.metafile.inputs).map((file) => resolve(ROOT, file)).filter((file) => file.startsWith(join(ROOT, "src/")));
}

describe("the part of the core the worker loads first (site/integrations/core-part.ts)", () => {
  it("holds the core modules that the notebook helpers reach, as esbuild finds them", async () => {
    const helpers = join(ROOT, "src/notebook/index.ts");
    expect([...reachableModules(helpers, join(ROOT, "src"))].sort()).toEqual((await esbuildInputs(helpers)).sort());
    const coreModules = (await esbuildInputs(helpers)).filter((file) => file.startsWith(join(ROOT, "src/core/")) && !file.endsWith("/index.ts"));
    expect([...part.modules].sort()).toEqual(coreModules.sort());
  });

  it("leaves out the modules only the core's index brings in (the papers' tables, the rest of the inference arithmetic)", () => {
    for (const file of ["src/core/formulas/kaplan.ts", "src/core/formulas/chinchilla.ts", "src/core/inference/interconnect.ts", "src/core/energy/h200.ts"]) {
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
