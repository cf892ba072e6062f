import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../scripts/notebooks/paths";

const SCRIPT = join(REPO_ROOT, "scripts", "system-deps.sh");

/** A PATH with the tools the script uses, but without jupyter-nbconvert. */
function pathWithoutNbconvert(): string {
  const bin = mkdtempSync(join(tmpdir(), "hmf-bin-"));
  for (const tool of ["bash", "id", "grep", "dpkg-query"]) {
    const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (found !== "") symlinkSync(found, join(bin, tool));
  }
  return bin;
}

describe("scripts/system-deps.sh --check", () => {
  it("names the missing Debian package and the command that installs it, and exits 1", () => {
    const bin = pathWithoutNbconvert();
    const result = spawnSync(join(bin, "bash"), [SCRIPT, "--check"], { encoding: "utf8", env: { PATH: bin } });
    rmSync(bin, { recursive: true });
    expect(result.stderr).toContain("system-deps: missing Debian packages: jupyter-nbconvert");
    expect(result.stderr).toMatch(/install them with: sudo apt-get install --no-install-recommends jupyter-nbconvert( |$)/m);
    expect(result.status).toBe(1);
  });
});
