import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { libraryDigest, sourceDigest, staleReason, stampsOf, type StampedNotebook } from "../../scripts/notebooks/freshness";
import { REPO_ROOT } from "../../scripts/notebooks/paths";

const python = (code: string, ...args: string[]) =>
  spawnSync("/usr/bin/python3", ["-c", code, ...args], { encoding: "utf8", cwd: join(REPO_ROOT, "scripts", "notebooks") });

describe("freshness stamps", () => {
  it("the runner will not write a published notebook without the wrapper's stamps", () => {
    const result = spawnSync("/usr/bin/python3", [join(REPO_ROOT, "scripts/notebooks/run.py"), "--write", join(REPO_ROOT, "notebooks/06-the-answer.ipynb")], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/notebooks\/06-the-answer\.ipynb: published notebooks are stamped .* run them with `npm run notebooks`/);
  });

  it("the runner computes no digest: it writes the stamps it is given, and refuses stamps made for other cells", () => {
    const script = [
      "import json, sys, nbformat",
      "from stamp import write_stamps",
      "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell('# T'), nbformat.v4.new_code_cell('1')])",
      "ok = write_stamps(nb, {'library': 'lib', 'cells': [None, 'given']})",
      "short = write_stamps(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')]), {'library': 'lib', 'cells': []})",
      "print(json.dumps([ok, short, nb.metadata['how_many_flops'], nb.cells[1].metadata['how_many_flops'], 'how_many_flops' in nb.cells[0].metadata]))",
    ].join("\n");
    const result = python(script);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual([true, false, { library: "lib" }, { source: "given" }, false]);
  });

  it("stamps a code cell with its digest and a markdown cell with none, by index", () => {
    const digest = (text: string) => python("import hashlib,sys; print(hashlib.sha256(sys.argv[1].encode()).hexdigest()[:16])", text).stdout.trim();
    const nb: StampedNotebook = { cells: [{ cell_type: "markdown", source: "# T" }, { cell_type: "code", source: ["const a = 1;\n", "a;"] }] };
    expect(stampsOf(nb, "lib")).toEqual({ library: "lib", cells: [null, digest("const a = 1;\na;")] });
  });

  it("a cell's digest is the first 16 hex digits of its source's SHA-256 (Python's hashlib as the reference)", () => {
    const source = 'const S = 128_000;\nconsole.log("λ ×");';
    const reference = python("import hashlib,sys; print(hashlib.sha256(sys.argv[1].encode()).hexdigest()[:16])", source).stdout.trim();
    expect(sourceDigest(source)).toBe(reference);
  });

  it("the library digest changes when a library file changes", () => {
    const root = mkdtempSync(join(tmpdir(), "hmf-fresh-"));
    cpSync(join(REPO_ROOT, "src/core"), join(root, "src/core"), { recursive: true });
    const before = libraryDigest(root);
    writeFileSync(join(root, "src/core/flops.ts"), "// edited\n", { flag: "a" });
    expect(libraryDigest(root)).not.toBe(before);
  });

  const stamped = (library: string): StampedNotebook => ({
    metadata: { how_many_flops: { library } },
    cells: [
      { cell_type: "markdown", source: "# Title" },
      { cell_type: "code", source: ["const a = 1;\n", "a;"], metadata: { how_many_flops: { source: sourceDigest("const a = 1;\na;") } } },
    ],
  });

  it("a stamped notebook whose code and library are unchanged is fresh", () => {
    expect(staleReason(stamped("abc"), "abc", "npm run notebooks")).toBeNull();
  });

  it("names the cell whose code changed after execution", () => {
    const nb = stamped("abc");
    const cells = [nb.cells[0]!, { ...nb.cells[1]!, source: "const a = 2;\na;" }];
    expect(staleReason({ ...nb, cells }, "abc", "npm run notebooks")).toEqual({ cell: 2, message: expect.stringMatching(/code changed/) });
  });

  it("says when the imported code changed, and when there is no stamp at all", () => {
    expect(staleReason(stamped("abc"), "def", "npm run notebooks")?.message).toMatch(/code it imports .* changed/);
    expect(staleReason({ cells: [] }, "abc", "npm run notebooks")?.message).toMatch(/no freshness stamp/);
  });
});
