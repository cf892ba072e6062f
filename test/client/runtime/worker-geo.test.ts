import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as standIn from "../../../src/client/runtime/worker-geo";

/** Every name Plot's sources import from "d3", read from the installed package's import statements. */
function plotImportsFromD3(): Set<string> {
  const names = new Set<string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js")) {
        for (const match of readFileSync(path, "utf8").matchAll(/import\s*\{([^}]*)\}\s*from\s*"d3"/g)) {
          for (const spec of match[1]!.split(",")) {
            const name = spec.trim().split(/\s+as\s+/)[0]!;
            if (name) names.add(name);
          }
        }
      }
    }
  };
  walk("node_modules/@observablehq/plot/src");
  return names;
}

describe("the worker's stand-in for d3-geo (map projections are refused in the browser)", () => {
  it("exports exactly the d3-geo names Plot imports, so the worker's Plot links", async () => {
    // The installed d3-geo (a dependency of d3, without type declarations here).
    const packageName = "d3-geo";
    const d3Geo = (await import(packageName)) as Record<string, unknown>;
    const fromD3Geo = [...plotImportsFromD3()].filter((name) => name in d3Geo).sort();
    // Sanity of the scan: Plot draws every projected path with d3.geoPath.
    expect(fromD3Geo).toContain("geoPath");
    const exported = Object.keys(standIn).filter((name) => name !== "PROJECTION_REFUSED").sort();
    expect(exported).toEqual(fromD3Geo);
  });

  it("refuses each call with a message that says where maps can be drawn", () => {
    for (const [name, value] of Object.entries(standIn)) {
      if (name === "PROJECTION_REFUSED" || name === "geoTransform") continue;
      expect(() => (value as () => unknown)()).toThrow(standIn.PROJECTION_REFUSED);
    }
    // Plot calls geoTransform as it loads (projection.js, reflectY): that call works, projecting refuses.
    const transform = standIn.geoTransform({ point() {} });
    expect(() => transform.stream({})).toThrow(standIn.PROJECTION_REFUSED);
    expect(standIn.PROJECTION_REFUSED).toContain("run this cell in Jupyter");
  });
});
