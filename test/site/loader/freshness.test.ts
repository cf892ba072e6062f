import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertFresh } from "../../../site/loaders/notebooks";
import { libraryDigest } from "../../../scripts/notebooks/freshness";
import { NotebookError } from "../../../site/loaders/notebook/errors";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const file = "notebooks/02-grok-2ns.ipynb";
const text = readFileSync(join(ROOT, file), "utf8");

function failure(run: () => void): NotebookError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(NotebookError);
    return error as NotebookError;
  }
  throw new Error("expected the build to refuse the notebook");
}

describe("the site build refuses stale notebooks", () => {
  it("accepts a published notebook as committed", () => {
    expect(() => assertFresh(file, text, libraryDigest(ROOT))).not.toThrow();
  });

  it("names the notebook and the cell whose code was edited after it ran", () => {
    const nb = JSON.parse(text);
    const index = nb.cells.findIndex((cell: { cell_type: string }) => cell.cell_type === "code");
    nb.cells[index].source = ["console.log('edited');"];
    const error = failure(() => assertFresh(file, JSON.stringify(nb), libraryDigest(ROOT)));
    expect(error.message).toBe(`${file}, cell ${index + 1}: its code changed since the notebook was executed, so its outputs may be stale; run \`npm run notebooks -- ${file}\``);
  });

  it("refuses a notebook executed against other library code", () => {
    expect(failure(() => assertFresh(file, text, "0000000000000000")).message).toMatch(/^notebooks\/02-grok-2ns\.ipynb: the code it imports .* changed since it was executed/);
  });
});
