import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../scripts/notebooks/paths";

const SCRIPT = join(REPO_ROOT, "scripts", "system-deps.sh");

/** The commands the tests, `npm run notebooks` and `npm run lab` call, and the Debian package of each. */
const COMMANDS: Array<[command: string, debianPackage: string]> = [
  ["jupyter", "jupyter-core"],
  ["jupyter-kernelspec", "jupyter-client"],
  ["jupyter-nbconvert", "jupyter-nbconvert"],
  ["jupyter-notebook", "jupyter-notebook"],
];

function which(tool: string): string {
  return spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
}

/** A folder for PATH with the tools the script uses and the Jupyter commands, less `without`. */
function pathWithout(without: string): string {
  const bin = mkdtempSync(join(tmpdir(), "hmf-bin-"));
  for (const tool of ["bash", "id", "grep", "dpkg-query", ...COMMANDS.map(([command]) => command)]) {
    const found = which(tool);
    if (tool !== without && found !== "") symlinkSync(found, join(bin, tool));
  }
  return bin;
}

function check(bin: string, ...flags: string[]) {
  const result = spawnSync(join(bin, "bash"), [SCRIPT, "--check", ...flags], { encoding: "utf8", env: { PATH: bin } });
  rmSync(bin, { recursive: true });
  return result;
}

describe("scripts/system-deps.sh --check", () => {
  // The test machine has every command (pretest installs them); each case takes one away.
  it.each(COMMANDS)("without %s on PATH, names the Debian package %s and the command that installs it, and exits 1", (command, debianPackage) => {
    // --lab only where the command is the lab's: the tests' machine need not have Jupyter Notebook.
    const result = command === "jupyter-notebook" ? check(pathWithout(command), "--lab") : check(pathWithout(command));
    expect(result.stderr).toContain(`system-deps: missing Debian packages: ${debianPackage}\n`);
    expect(result.stderr).toContain(`install them with: sudo apt-get install --no-install-recommends ${debianPackage}\n`);
    expect(result.status).toBe(1);
  });

  it("asks for Jupyter Notebook only with --lab: the tests do not need it", () => {
    const result = check(pathWithout("jupyter-notebook"));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("refuses an unknown option, naming it", () => {
    const result = spawnSync("bash", [SCRIPT, "--chek"], { encoding: "utf8" });
    expect(result.stderr).toContain("unknown option --chek");
    expect(result.status).toBe(2);
  });
});
