/**
 * `npm run kernel`: registers the project kernel "TypeScript (how-many-flops)".
 *
 * Always writes it inside the repository (.jupyter/, which `npm run lab`,
 * `npm run notebooks` and the tests use through JUPYTER_PATH). Unless
 * `--local` is given, also installs it for the current user (Jupyter's data
 * folder, kernels/how-many-flops), so a plain `jupyter lab` started anywhere
 * lists it; only that one folder is written, other kernels are left alone.
 * Then marks the project's notebooks as trusted, so they open with their charts.
 */
import { join } from "node:path";
import { userJupyterDataDir, writeKernelSpec } from "./kernelspec";
import { trustNotebooks } from "./jupyter";
import { kernelNode } from "./paths";

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--local");
if (unknown.length > 0) {
  console.error(`npm run kernel: unknown argument ${unknown.join(" ")} (usage: npm run kernel [-- --local])`);
  process.exit(2);
}
console.log(`kernel "TypeScript (how-many-flops)" runs tslab on ${kernelNode()}`);
console.log(`  project copy: ${writeKernelSpec()}`);
if (!args.includes("--local")) {
  console.log(`  user copy:    ${writeKernelSpec(join(userJupyterDataDir(), "kernels"))}`);
}
const trustProblem = trustNotebooks();
if (trustProblem !== null) {
  console.error(`npm run kernel: ${trustProblem}`);
  process.exit(1);
}
console.log("  notebooks/*.ipynb marked as trusted: Jupyter shows their committed charts");
