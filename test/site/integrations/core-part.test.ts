import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import * as core from "../../../src/core/index";
import { corePart, reachableModules } from "../../../site/integrations/core-part";

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
    // Independently: the index's names whose values one of the part's modules exports.
    const expected = new Set<string>();
    for (const module of part.modules) {
      const exports = (await import(module)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) if (name in core && (core as Record<string, unknown>)[name] === value) expected.add(name);
    }
    expect(Object.keys(generated).sort()).toEqual([...expected].sort());
    for (const name of Object.keys(generated)) expect(generated[name], name).toBe((core as Record<string, unknown>)[name]);
    // A module's internals that the index leaves out stay out (hf/import.ts's helpers, energy/inputs.ts's).
    expect(Object.keys(generated).length).toBeLessThan(Object.keys(core).length);
    expect(generated).toHaveProperty("importHfConfig");
    expect(generated).toHaveProperty("presetById");
  });
});
