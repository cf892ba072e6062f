import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { notBundledMessage, PLOT_EXPORTS, plotNamespace } from "../../../src/client/runtime/plot-namespace";

describe("the browser's Plot namespace (a part of Observable Plot, named when a cell needs the rest)", () => {
  it("knows every export of the installed @observablehq/plot", () => {
    expect([...PLOT_EXPORTS].sort()).toEqual(Object.keys(Plot).sort());
  });

  it("bundles every Plot member the notebooks and the project's charts use", () => {
    const namespace = plotNamespace();
    // Listed by hand from `grep -o 'Plot\.\w*' notebooks/*.ipynb` and src/charts' imports.
    for (const name of ["plot", "line", "dot", "barY", "ruleX", "ruleY", "text"]) expect(namespace[name]).toBe((Plot as Record<string, unknown>)[name]);
  });

  it("names a member left out, and says where it runs, instead of giving undefined", () => {
    const namespace = plotNamespace();
    expect(() => namespace.hexbin).toThrow(/Plot\.hexbin is part of Observable Plot but not of the smaller Plot this page loads.*run this cell in Jupyter/);
    expect(() => {
      const { geo } = namespace;
      return geo;
    }).toThrow(/Plot\.geo /);
    expect(notBundledMessage("raster")).toContain("barY");
  });

  it("reads names that are not Plot's as a module namespace does (undefined), so awaiting or inspecting it works", async () => {
    const namespace = plotNamespace();
    expect(namespace.then).toBeUndefined();
    expect(namespace.notAPlotMember).toBeUndefined();
    expect(await Promise.resolve(namespace)).toBe(namespace);
  });
});
