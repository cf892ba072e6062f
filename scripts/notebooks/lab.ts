/**
 * `npm run lab`: opens the notebooks in JupyterLab (or, failing that, Jupyter
 * Notebook) with the project kernel, served on 127.0.0.1 only.
 */
import { spawn, spawnSync } from "node:child_process";
import { trustNotebooks } from "./jupyter";
import { writeKernelSpec } from "./kernelspec";
import { NOTEBOOKS_DIR, REPO_ROOT, jupyterEnv } from "./paths";

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", 'command -v "$1" >/dev/null', "sh", command]).status === 0;
}

const front = ["jupyter-lab", "jupyter-notebook"].find(onPath);
if (front === undefined) {
  console.error(
    [
      "Neither jupyter-lab nor jupyter-notebook is installed.",
      "Debian packages Jupyter Notebook but not JupyterLab:",
      "  sudo apt-get install --no-install-recommends jupyter-notebook",
      "then run `npm run lab` again. (JupyterLab itself comes from pip or conda, e.g. `pipx install jupyterlab`;",
      "`npm run lab` uses it when `jupyter-lab` is on PATH.)",
    ].join("\n"),
  );
  process.exit(1);
}
writeKernelSpec();
// The project's own notebooks open with their charts: untrusted, Jupyter sanitises their SVG away.
const trustProblem = trustNotebooks();
if (trustProblem !== null) console.error(`npm run lab: ${trustProblem} (charts show after Run All, or File → Trust Notebook)`);
console.log(`${front}: notebooks in ${NOTEBOOKS_DIR}, kernel "TypeScript (how-many-flops)"`);
const child = spawn(front, ["--ip=127.0.0.1", `--notebook-dir=${NOTEBOOKS_DIR}`, ...process.argv.slice(2)], {
  cwd: REPO_ROOT,
  env: jupyterEnv(),
  stdio: "inherit",
});
child.on("exit", (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)));
