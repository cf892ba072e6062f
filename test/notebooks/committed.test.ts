/**
 * The committed notebooks (notebooks/*.ipynb): well formed, clean, and fresh,
 * i.e. re-executing each through Jupyter with the project kernel gives the
 * outputs that are committed (the site is built from those outputs).
 */
import { readFileSync } from "node:fs";
import { basename, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { committedNotebooks, missingJupyter, runNotebooks } from "../../scripts/notebooks/jupyter";
import { REPO_ROOT } from "../../scripts/notebooks/paths";
import { libraryDigest, staleReason } from "../../scripts/notebooks/freshness";

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  ename?: string;
  evalue?: string;
}
interface Notebook {
  nbformat: unknown;
  metadata?: { kernelspec?: { name?: unknown } };
  cells: Array<{ cell_type: string; source: string | string[]; outputs?: Output[] }>;
}

const notebooks = committedNotebooks();

it("notebooks/ has notebooks to check", () => {
  expect(notebooks.length, "no .ipynb files in notebooks/").toBeGreaterThan(0);
});

describe.each(notebooks.map((path) => ({ path, name: relative(REPO_ROOT, path) })))("$name", ({ path, name }) => {
  beforeAll(() => {
    const missing = missingJupyter();
    if (missing !== null) throw new Error(missing);
  });

  it("is an nbformat 4 notebook for the project kernel, committed with no errors and nothing on stderr", () => {
    const nb = JSON.parse(readFileSync(path, "utf8")) as Notebook;
    expect(nb.nbformat, `${name}: nbformat`).toBe(4);
    expect(nb.metadata?.kernelspec?.name, `${name}: metadata.kernelspec.name`).toBe("how-many-flops");
    nb.cells.forEach((cell, index) => {
      const where = `${name}: cell ${index + 1}/${nb.cells.length}`;
      for (const output of cell.outputs ?? []) {
        expect(output.output_type, `${where} has an error output (${output.ename}: ${output.evalue})`).not.toBe("error");
        const text = Array.isArray(output.text) ? output.text.join("") : output.text;
        expect(output.output_type === "stream" && output.name === "stderr", `${where} has stderr output: ${text}`).toBe(false);
      }
    });
  });

  it("carries freshness stamps that match its code and the code it imports (what the site build checks)", () => {
    const nb = JSON.parse(readFileSync(path, "utf8")) as Notebook;
    const reason = staleReason(nb, libraryDigest(REPO_ROOT), `npm run notebooks -- ${name}`);
    expect(reason === null ? null : `${name}${reason.cell === null ? "" : `, cell ${reason.cell}`}: ${reason.message}`).toBeNull();
  });

  it("gives the committed outputs when re-executed", async () => {
    const result = await runNotebooks([path], { mode: "check" });
    // The runner's message names the notebook and the first failing or stale cell; it is the whole report.
    if (result.status !== 0 || result.stderr !== "") throw new Error(result.stderr.trim() || `the runner exited with status ${result.status}`);
    expect(result.stdout).toContain(`${basename(path)}  ok`);
  }, 600_000);
});
