import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { JUPYTER_DIR, KERNEL_DISPLAY_NAME, KERNEL_LAUNCHER, KERNEL_NAME, kernelNode } from "./paths";

/** The kernel.json Jupyter reads: the pinned Node runs the launcher, which starts tslab at the repository root. */
export function kernelSpec(node: string = kernelNode()): Record<string, unknown> {
  return {
    argv: [node, KERNEL_LAUNCHER, "{connection_file}"],
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
    interrupt_mode: "signal",
  };
}

/**
 * Writes the kernelspec to `<kernelsDir>/how-many-flops/kernel.json` and
 * returns that folder. Written to a temporary file and renamed, so a test and
 * a script doing this at the same time never read half a file.
 */
export function writeKernelSpec(kernelsDir: string = join(JUPYTER_DIR, "kernels")): string {
  const dir = join(kernelsDir, KERNEL_NAME);
  mkdirSync(dir, { recursive: true });
  const temporary = join(dir, `kernel.json.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(kernelSpec(), null, 2)}\n`);
  renameSync(temporary, join(dir, "kernel.json"));
  return dir;
}

/** Jupyter's per-user data folder on Linux, as jupyter_core computes it. */
export function userJupyterDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  const base = env.XDG_DATA_HOME ? env.XDG_DATA_HOME : join(homedir(), ".local", "share");
  return join(base, "jupyter");
}
