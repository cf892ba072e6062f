import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite, ROOT } from "../../../scripts/site/astro";

/** A notebook that cannot be published stops `astro build`, and the message names its file and cell. */
const work = mkdtempSync(join(tmpdir(), "hmf-failing-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("astro build with a broken notebook", () => {
  it("fails, naming the notebook and the cell with the error output", async () => {
    const notebooks = join(work, "notebooks");
    mkdirSync(notebooks);
    copyFileSync(join(ROOT, "test/fixtures/site-notebooks/site/01-first.ipynb"), join(notebooks, "01-fine.ipynb"));
    copyFileSync(join(ROOT, "test/fixtures/site-notebooks/bad/error-output.ipynb"), join(notebooks, "02-broken.ipynb"));
    const result = await buildSite({ notebooks: relative(ROOT, notebooks), outDir: join(work, "dist"), cacheDir: join(work, "cache") });
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`${relative(ROOT, notebooks)}/02-broken.ipynb, cell 3: error output (TypeError: undefinedFunction is not a function)`);
  });
});
