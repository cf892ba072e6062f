/**
 * The notebook runner against fixture notebooks (test/fixtures/notebooks):
 * each way a notebook can fail must fail the run, with a message that names
 * the notebook file and the cell. Everything runs through the real Jupyter
 * protocol: Debian's nbclient starting the project's tslab kernel.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingJupyter, runNotebooks, type RunResult } from "../../scripts/notebooks/jupyter";
import { REPO_ROOT } from "../../scripts/notebooks/paths";

const FIXTURES = "test/fixtures/notebooks";
const fixture = (name: string) => `${FIXTURES}/${name}.ipynb`;
const RUN_TIMEOUT = 300_000;

/** The FAIL message the runner printed for one notebook (up to the next FAIL). */
function failureFor(result: RunResult, name: string): string {
  const messages = result.stderr.split(/^(?=FAIL )/m);
  const message = messages.find((m) => m.startsWith(`FAIL ${fixture(name)}:`));
  if (message === undefined) throw new Error(`no failure reported for ${name}; stderr was:\n${result.stderr}`);
  return message.trimEnd();
}

/** Whether the runner started a kernel or ran a cell for this notebook. */
function executed(result: RunResult, name: string): boolean {
  return result.stdout.split("\n").some((line) => line.startsWith(`${name}.ipynb  `));
}

/** Copies written by the tests, removed at the end. */
const scratch = mkdtempSync(join(tmpdir(), "hmf-notebooks-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(() => {
  const missing = missingJupyter();
  if (missing !== null) throw new Error(missing);
});

describe("a notebook that fails", () => {
  let result: RunResult;
  beforeAll(async () => {
    // One run for all of them: each still gets its own kernel, in order.
    const names = ["syntax-error", "throws", "type-error", "missing-import", "writes-stderr", "stale", "broken-json", "invalid-cell", "wrong-kernel"];
    result = await runNotebooks(names.map(fixture), { mode: "check", timeout: 120 });
  }, RUN_TIMEOUT);

  it("fails the run, with unusable input as the worst (exit status 2)", () => {
    expect(result.status).toBe(2);
  });

  it("with a syntax error: names the notebook, the cell and the position", () => {
    expect(failureFor(result, "syntax-error")).toBe(
      [
        "FAIL test/fixtures/notebooks/syntax-error.ipynb: cell 3/4 (`const broken = (`): does not compile (TypeScript, as tslab checks it)",
        "    line 3, column 1: ')' expected.",
      ].join("\n"),
    );
  });

  it("that throws: names the cell and shows the exception", () => {
    const message = failureFor(result, "throws");
    expect(message).toMatch(/^FAIL test\/fixtures\/notebooks\/throws\.ipynb: cell 3\/3 \(`console\.log\(divide\(1n, 0n\)\)`\): threw an exception\n/);
    expect(message).toContain("RangeError: divide: b is zero");
    // The kernel's own stack frames say nothing about the notebook.
    expect(message).not.toContain("node_modules/tslab");
  });

  it("with a type error (tslab reports it on stderr, not as an error output)", () => {
    expect(failureFor(result, "type-error")).toBe(
      [
        "FAIL test/fixtures/notebooks/type-error.ipynb: cell 2/2 (`const layers: bigint = \"32\"`): does not compile (TypeScript, as tslab checks it)",
        "    line 1, column 7: Type 'string' is not assignable to type 'bigint'.",
      ].join("\n"),
    );
  });

  it("with a missing import", () => {
    expect(failureFor(result, "missing-import")).toBe(
      [
        "FAIL test/fixtures/notebooks/missing-import.ipynb: cell 2/2 (`import { flops } from \"./src/core/no-such-module\"`): does not compile (TypeScript, as tslab checks it)",
        "    line 1, column 23: Cannot find module './src/core/no-such-module' or its corresponding type declarations.",
      ].join("\n"),
    );
  });

  it("that writes to stderr, although every cell succeeds", () => {
    expect(failureFor(result, "writes-stderr")).toBe(
      [
        "FAIL test/fixtures/notebooks/writes-stderr.ipynb: cell 2/2 (`console.warn(\"deprecated: use decodeFlops\")`): wrote to stderr (notebooks must run clean)",
        "    deprecated: use decodeFlops",
      ].join("\n"),
    );
  });

  it("whose committed outputs are stale: names the first cell that differs and shows the difference", () => {
    const message = failureFor(result, "stale");
    expect(message).toMatch(
      /^FAIL test\/fixtures\/notebooks\/stale\.ipynb: cell 3\/3 \(`console\.log\(groupDigits\(countParams\(presetById\("gpt2"\)\.spec\)…`\): committed outputs are stale; refresh them with `npm run notebooks -- test\/fixtures\/notebooks\/stale\.ipynb`\n/,
    );
    // GPT-2 has 124,439,808 parameters; the committed output predates digit grouping.
    expect(message).toContain('-  "text": "124439808\\n"');
    expect(message).toContain('+  "text": "124,439,808\\n"');
  });

  it("that is not JSON, not a valid notebook, or for another kernel: names the file and field, and runs nothing", () => {
    expect(failureFor(result, "broken-json")).toBe(
      "FAIL test/fixtures/notebooks/broken-json.ipynb: not valid JSON: Expecting property name enclosed in double quotes (line 3, column 52)",
    );
    expect(failureFor(result, "invalid-cell")).toBe(
      "FAIL test/fixtures/notebooks/invalid-cell.ipynb: not a valid nbformat 4 notebook: cells[1]: 'source' is a required property",
    );
    expect(failureFor(result, "wrong-kernel")).toBe(
      'FAIL test/fixtures/notebooks/wrong-kernel.ipynb: metadata.kernelspec.name is "python3"; these notebooks run with the project kernel "how-many-flops" (TypeScript (how-many-flops))',
    );
    for (const name of ["broken-json", "invalid-cell", "wrong-kernel"]) expect(executed(result, name), name).toBe(false);
    for (const name of ["syntax-error", "throws", "stale"]) expect(executed(result, name), name).toBe(true);
  });

  it("prints progress per cell while it runs", () => {
    expect(result.stdout).toMatch(/^stale\.ipynb {2}kernel ready {2}\d+\.\d s$/m);
    expect(result.stdout).toMatch(/^stale\.ipynb {2}cell 2\/3 {2}\d+\.\d s$/m);
    expect(result.stdout).toMatch(/^stale\.ipynb {2}cell 3\/3 {2}\d+\.\d s$/m);
  });
});

describe("a notebook that runs clean", () => {
  it("passes the check: its committed outputs are what a fresh run gives", async () => {
    const result = await runNotebooks([fixture("good")], { mode: "check" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^good\.ipynb {2}ok {2}\d+\.\d s {2}\(outputs fresh\)$/m);
    expect(result.status).toBe(0);
  }, RUN_TIMEOUT);

  it("is written back byte for byte the same when its outputs are cleared and it runs again", async () => {
    const committed = readFileSync(join(REPO_ROOT, fixture("good")), "utf8");
    const cleared = JSON.parse(committed) as { cells: Array<{ cell_type: string; outputs?: unknown[]; execution_count?: number | null }> };
    for (const cell of cleared.cells) {
      if (cell.cell_type === "code") {
        cell.outputs = [];
        cell.execution_count = null;
      }
    }
    const copy = join(scratch, "good.ipynb");
    writeFileSync(copy, JSON.stringify(cleared));
    const result = await runNotebooks([copy], { mode: "write" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("(written)");
    expect(readFileSync(copy, "utf8")).toBe(committed);
  }, RUN_TIMEOUT);

  it("shows each display helper's output with its MIME types", () => {
    const nb = JSON.parse(readFileSync(join(REPO_ROOT, fixture("good")), "utf8")) as {
      cells: Array<{ cell_type: string; outputs?: Array<{ output_type: string; data?: Record<string, unknown>; metadata?: unknown }> }>;
    };
    const displays = nb.cells.flatMap((cell) => cell.outputs ?? []).filter((output) => output.output_type === "display_data");
    expect(displays.map((output) => Object.keys(output.data ?? {}).sort())).toEqual([
      ["text/html", "text/plain"],
      ["text/latex", "text/plain"],
      ["text/html", "text/plain"],
      ["text/markdown", "text/plain"],
      ["application/vnd.how-many-flops.island+json", "text/html", "text/plain"],
    ]);
    // The island payload arrives as JSON, not as a string.
    expect(displays[4]?.data?.["application/vnd.how-many-flops.island+json"]).toEqual({ island: "three-answers", props: { model: "gpt2", S: 1024 } });
    expect(displays[2]?.metadata).toEqual({ alt: "The 128k bar is 32 times the 4k bar.", label: "fig:growth" });
  });
});

describe("a failing notebook run with --write", () => {
  it("leaves the file as it was", async () => {
    const copy = join(scratch, "throws.ipynb");
    copyFileSync(join(REPO_ROOT, fixture("throws")), copy);
    const before = readFileSync(copy, "utf8");
    const result = await runNotebooks([copy], { mode: "write" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^FAIL .*throws\.ipynb: cell 3\/3 /);
    expect(readFileSync(copy, "utf8")).toBe(before);
  }, RUN_TIMEOUT);
});
