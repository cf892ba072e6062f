/**
 * Live notebooks (src/client/runtime, src/client/editor) in real headless
 * Chromium on the real site: every code cell of every notebook run in the
 * browser gives tslab's committed outputs; notebook 07 edited as a reader
 * would gives the core's numbers; errors, runaway code, shared links and the
 * downloaded .ipynb behave as the reader expects.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cellBar, downloadNotebook, runAll, settled, startLive } from "../../scripts/site/live";
import { committedNotebooks, missingJupyter, runNotebooks } from "../../scripts/notebooks/jupyter";
import { SYSTEM_PYTHON } from "../../scripts/notebooks/paths";
import { countParams, FORMULAS, groupDigits, importHfConfig, kaplanTable1Full, presetById } from "../../src/core/index";
import { launchBrowser, watchedPage, type PageProblems } from "./browser";
import { site } from "./setup/sites";
import { reachableModules, workerParts } from "../../site/integrations/worker-parts";

const ROOT = resolve(__dirname, "../..");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const watched = await watchedPage(context);
  await watched.page.goto(`${site("real").url}${path}`);
  return watched;
}

/** Each code cell's outputs, normalized as the notebook tests normalize them (scripts/notebooks/normalize.py). */
function normalizedOutputs(...paths: string[]): string[][] {
  const run = spawnSync(SYSTEM_PYTHON, [join(import.meta.dirname, "live", "outputs_text.py"), ...paths], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  const parsed = JSON.parse(run.stdout) as Record<string, string[]>;
  return paths.map((path) => parsed[path]!);
}

/**
 * Chromium's and Node's V8 may differ in the last bit of Math.log/Math.pow, which
 * Plot's log scales use for coordinates: numbers with 15 or more significant
 * digits are compared to 12. Everything else is compared exactly.
 */
function roundLongFloats(text: string): string {
  return text.replace(/-?\d+\.\d{9,}/g, (number) => String(Number(Number(number).toPrecision(12))));
}

/**
 * Imports, by notebook, that the browser does not ship (the test suite's modules). None today: notebook 3's
 * instrumented forward pass is product code (src/reference) and runs in the browser like the rest.
 */
const TEST_SUITE_CELLS: Record<string, string[]> = {};

describe("fidelity: every code cell of every notebook, run in the browser, gives the committed tslab outputs", () => {
  for (const path of committedNotebooks()) {
    const id = basename(path, ".ipynb");
    it(id, async () => {
      const { page, problems } = await open(`notebooks/${id}/`);
      await startLive(page);
      await runAll(page);
      // A cell that needs the test suite fails with a message saying so; the reader goes on with the cells below it.
      for (const name of TEST_SUITE_CELLS[id] ?? []) {
        const failed = page.locator('.cell-code[data-live="error"]');
        await expect.poll(() => failed.count()).toBe(1);
        await expect(failed.locator(".output-error").textContent()).resolves.toContain(`comes from ${name}, part of the project's test suite, which does not run in the browser; run this notebook in Jupyter`);
        const number = Number(await failed.getAttribute("data-cell"));
        const next = page.locator(".cell-code").filter({ has: page.locator(".live-cell-bar") });
        const numbers = await next.evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute("data-cell"))));
        const after = numbers.find((candidate) => candidate > number);
        if (after !== undefined) {
          await cellBar(page, after).getByRole("button", { name: "Run this and below" }).click();
          await settled(page);
        }
      }
      const states = await page.locator(".cell-code").evaluateAll((cells) => cells.map((cell) => `${cell.getAttribute("data-cell")}:${cell.getAttribute("data-live")}`));
      const expectedFailures = (TEST_SUITE_CELLS[id] ?? []).length;
      expect(states.filter((state) => state.endsWith(":ok")).length, `cells that ran: ${states.join(", ")}`).toBe(states.length - expectedFailures);

      const dir = mkdtempSync(join(tmpdir(), "hmf-live-"));
      try {
        const downloaded = join(dir, `${id}.ipynb`);
        writeFileSync(downloaded, (await downloadNotebook(page)).text);
        const [committed, browserRun] = normalizedOutputs(path, downloaded);
        const failedCells = new Set(await page.locator('.cell-code[data-live="error"]').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute("data-cell")))));
        const codeCellNumbers = (JSON.parse(readFileSync(path, "utf8")) as { cells: Array<{ cell_type: string }> }).cells.flatMap((cell, index) => (cell.cell_type === "code" ? [index + 1] : []));
        let compared = 0;
        codeCellNumbers.forEach((number, index) => {
          if (failedCells.has(number)) return;
          expect(roundLongFloats(browserRun![index]!), `${id}, cell ${number}`).toBe(roundLongFloats(committed![index]!));
          compared++;
        });
        expect(compared).toBe(codeCellNumbers.length - expectedFailures);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });
    });
  }
});

/** Replaces a cell's code through the editor, as a reader would (select all, type). */
async function editCell(page: Page, cell: number, source: string): Promise<void> {
  await cellBar(page, cell).getByRole("button", { name: "Edit" }).click();
  const content = page.locator(`.cell-code[data-cell="${cell}"] .cm-content`);
  await content.waitFor();
  await content.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(source);
}

async function cellNumber(page: Page, text: string): Promise<number> {
  return Number(await page.locator(".cell-code", { hasText: text }).first().getAttribute("data-cell"));
}

async function outputText(page: Page, cell: number): Promise<string> {
  return (await page.locator(`.cell-code[data-cell="${cell}"] .live-outputs`).textContent()) ?? "";
}

describe("notebook 07 (your model) as a reader uses it", () => {
  const inputsSource = (presetId: string, config: string, context = 32768) =>
    `const presetId: string = ${JSON.stringify(presetId)};\nconst pastedConfig = \`${config}\`;\nconst context = ${context};\n`;

  it("another preset: the parameter table and the chart show that model's numbers (as the core computes them in Node)", async () => {
    const { page, problems } = await open("notebooks/07-your-model/");
    await startLive(page);
    const inputs = await cellNumber(page, "const presetId");
    await editCell(page, inputs, inputsSource("llama-3.1-70b", ""));
    await expect.poll(() => page.locator(`.cell-code[data-cell="${inputs}"]`).getAttribute("class")).toContain("live-edited");
    await cellBar(page, inputs).getByRole("button", { name: "Run this and below" }).click();
    await settled(page);
    const spec = presetById("llama-3.1-70b").spec;
    const params = await cellNumber(page, "countParams(spec)");
    expect(await outputText(page, params)).toContain(`total${groupDigits(countParams(spec).total)}`);
    const chart = await cellNumber(page, "showPlot(");
    expect(await page.locator(`.cell-code[data-cell="${chart}"] .live-outputs svg[role="img"]`).getAttribute("aria-label")).toBe(`${spec.name}: FLOPs per generated token against context`);
    // The cells above the edited one ran first (the page had not run yet), and the cell says so.
    expect(await page.locator(`.cell-code[data-cell="${inputs}"]`).getAttribute("data-live")).toBe("ok");
    expect(await page.locator(`.cell-code[data-cell="${inputs}"] .live-cell-status`).textContent()).toBe("Ran the 1 code cell above first (this page had not run here yet), then this one.");
    expect(problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });
  });

  it("a pasted config.json: the numbers are the core's for that config", async () => {
    const config = `{ "model_type": "llama", "hidden_size": 1024, "intermediate_size": 2816, "num_hidden_layers": 12, "num_attention_heads": 16, "num_key_value_heads": 4, "vocab_size": 32000, "tie_word_embeddings": false }`;
    const { page } = await open("notebooks/07-your-model/");
    await startLive(page);
    const inputs = await cellNumber(page, "const presetId");
    await editCell(page, inputs, inputsSource("", config));
    await page.keyboard.press("Shift+Enter");
    await settled(page);
    await cellBar(page, inputs).getByRole("button", { name: "Run this and below" }).click();
    await settled(page);
    const expected = countParams(importHfConfig(config).spec).total;
    expect(await outputText(page, await cellNumber(page, "countParams(spec)"))).toContain(`total${groupDigits(expected)}`);
  });
});

describe("what a run downloads", () => {
  // The worker's chunks (astro.config.mjs): the islands' chunk takes showIsland and the modules of the rest of the core that
  // the islands import; the inference arithmetic's other modules are one chunk; every other module of the rest is its own chunk, named
  // by the bundler after it (kaplan-….js, formulas-….js for formulas/index.ts).
  const parts = workerParts(ROOT);
  const islandModules = reachableModules(join(ROOT, "src/notebook/show-island.ts"), join(ROOT, "src"));
  const chunkOf = (file: string): string =>
    islandModules.has(file) ? "islands" : /[\\/]core[\\/]inference[\\/]/.test(file) ? "inference" : basename(file) === "index.ts" ? basename(dirname(file)) : basename(file, ".ts");
  const restModules = [...new Set([...parts.core.rest.values(), ...parts.notebook.rest.values()].map(chunkOf))];
  const restChunk = new RegExp(`/_astro/(${restModules.join("|")})-[\\w-]+\\.js$`);
  /** Opens a notebook page and runs all its cells, recording the chunks of the rest that it loads from then on. */
  const runAllWatched = async (path: string): Promise<{ page: Page; problems: PageProblems; restLoaded: () => string[] }> => {
    const { page, problems } = await open(path);
    const scripts: string[] = [];
    // The worker's requests too: they are the context's.
    page.context().on("requestfinished", (request) => void scripts.push(new URL(request.url()).pathname));
    const restLoaded = () => [...new Set(scripts.filter((path) => restChunk.test(path)).map((path) => restChunk.exec(path)![1]!))].sort();
    await startLive(page);
    await runAll(page);
    expect(await page.locator('.cell-code[data-live="error"]').count()).toBe(0);
    return { page, problems, restLoaded };
  };

  it("notebook 07 loads the helpers' and the core's parts and the islands, then a module of the rest only when a cell imports one of its names", async () => {
    const { page, problems, restLoaded } = await runAllWatched("notebooks/07-your-model/");
    expect(restLoaded()).toEqual(["islands"]);
    const chart = await cellNumber(page, "showPlot(");
    await editCell(page, chart, 'import { kaplanTable1Full } from "./src/core/index";\nconsole.log(kaplanTable1Full.id);\n');
    await page.keyboard.press("Shift+Enter");
    await settled(page);
    expect((await outputText(page, chart)).trim()).toBe(kaplanTable1Full.id);
    expect(restLoaded()).toEqual(["islands", "kaplan"]);
    // The whole namespace: the rest's modules and the index. Its values are the very ones the cells bound from
    // the part and from kaplan's module (each module loaded once).
    await editCell(page, chart, 'import * as core from "./src/core/index";\nconsole.log(core.FORMULAS.length, core.presetById === presetById, core.PRESETS === PRESETS, core.kaplanTable1Full === kaplanTable1Full);\n');
    await page.keyboard.press("Shift+Enter");
    await settled(page);
    expect((await outputText(page, chart)).trim()).toBe(`${FORMULAS.length} true true true`);
    expect(restLoaded()).toEqual([...restModules].sort());
    expect(problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });
  });

  it("notebook 03, which shows no island, runs without the islands; a cell that imports showIsland loads them and shows one", async () => {
    const { page, problems, restLoaded } = await runAllWatched("notebooks/03-first-principles/");
    expect(restLoaded()).not.toContain("islands");
    const cell = await cellNumber(page, "showFormula(");
    await editCell(page, cell, 'import { showIsland } from "./src/notebook/index";\nshowIsland("context-sweep", { model: "llama-3.1-70b" });\n');
    await page.keyboard.press("Shift+Enter");
    await settled(page);
    expect(restLoaded()).toContain("islands");
    const island = page.locator(`.cell-code[data-cell="${cell}"] .live-outputs hmf-island[data-island="context-sweep"]`);
    await island.waitFor();
    expect(await island.getAttribute("data-props")).toBe(JSON.stringify({ model: "llama-3.1-70b" }));
    expect(problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });
  });
});

describe("numbering and the published rendering", () => {
  it("a chart run with another model keeps the page's figure number and id, after a run and a re-run, and gives them back on Reset", async () => {
    const { page, problems } = await open("notebooks/07-your-model/");
    const chart = await cellNumber(page, "showPlot(");
    // Read from the static page, before anything runs: the build numbered the chart.
    const published = page.locator(`.cell-code[data-cell="${chart}"] .cell-outputs figure.numbered-figure`);
    const id = (await published.getAttribute("id"))!;
    const number = (await published.locator(".figure-number").textContent())!;
    expect(number).toMatch(/^Figure \d+\.$/);
    await startLive(page);
    const inputs = await cellNumber(page, "const presetId");
    await editCell(page, inputs, 'const presetId: string = "gpt2";\nconst pastedConfig = "";\nconst context = 1024;\n');
    const live = page.locator(`.cell-code[data-cell="${chart}"] .live-outputs figure`);
    const check = async (): Promise<void> => {
      expect(await live.locator("svg[role=img]").getAttribute("aria-label")).toBe(`${presetById("gpt2").spec.name}: FLOPs per generated token against context`);
      expect(await live.getAttribute("id")).toBe(id);
      expect(await live.locator("figcaption .figure-number").textContent()).toBe(number);
      // One element with the id, the one shown, so cross-references land on it.
      expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
      expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    };
    await cellBar(page, inputs).getByRole("button", { name: "Run this and below" }).click();
    await settled(page);
    await check();
    await cellBar(page, chart).getByRole("button", { name: "Run", exact: true }).click();
    await settled(page);
    await check();
    await cellBar(page, chart).getByRole("button", { name: "Reset" }).click();
    expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
    expect(await published.getAttribute("id")).toBe(id);
    expect(await published.isVisible()).toBe(true);
    expect(problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });
  });

  it("a labelled formula in an output keeps the page's equation number and id after a run and a re-run, and gives them back on Reset", async () => {
    // Fixture three: a formula in the text is (1), the output's \\label{eq:live} is (2), and the text refers to it.
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    await page.goto(`${site("fixture").url}notebooks/03-live-equation/`);
    const cell = await cellNumber(page, "displayBundle(");
    const published = page.locator(`.cell-code[data-cell="${cell}"] .cell-outputs:not(.live-outputs) .equation`);
    expect(await published.getAttribute("id")).toBe("eq:live");
    expect((await published.locator(".katex-html .tag").textContent())?.trim()).toBe("(2)");
    expect(await page.locator('a.xref[href="#eq:live"]').textContent()).toBe("(2)");
    await startLive(page);
    await editCell(page, cell, 'import { displayBundle } from "./src/notebook/index";\nconst energy = 4;\ndisplayBundle({ data: { "text/latex": `$$E = ${energy} \\\\label{eq:live}$$`, "text/plain": `E = ${energy}` }, metadata: {} });\n');
    const live = page.locator(`.cell-code[data-cell="${cell}"] .live-outputs .equation`);
    const check = async (): Promise<void> => {
      // The reader's formula, typeset (not the published one shown again), with the page's number and id.
      expect(await live.locator(".katex-mathml annotation").textContent()).toContain("E = 4");
      expect((await live.locator(".katex-html .tag").textContent())?.trim()).toBe("(2)");
      expect(await live.getAttribute("id")).toBe("eq:live");
      // One element with the id, the one shown, so the text's reference lands on it.
      expect(await page.locator('[id="eq:live"]').count()).toBe(1);
      expect(await page.locator('[id="eq:live"]').isVisible()).toBe(true);
    };
    await cellBar(page, cell).getByRole("button", { name: "Run", exact: true }).click();
    await settled(page);
    await check();
    await cellBar(page, cell).getByRole("button", { name: "Run", exact: true }).click();
    await settled(page);
    await check();
    await cellBar(page, cell).getByRole("button", { name: "Reset" }).click();
    expect(await page.locator('[id="eq:live"]').count()).toBe(1);
    expect(await published.getAttribute("id")).toBe("eq:live");
    expect(await published.isVisible()).toBe(true);
    expect(problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });
    await context.close();
  });

  it("an unchanged chart shown from the page keeps its id on every re-run", async () => {
    const { page, problems } = await open("notebooks/07-your-model/");
    const chart = await cellNumber(page, "showPlot(");
    const id = (await page.locator(`.cell-code[data-cell="${chart}"] .cell-outputs figure.numbered-figure`).getAttribute("id"))!;
    await startLive(page);
    for (let run = 0; run < 2; run++) {
      await cellBar(page, chart).getByRole("button", { name: "Run", exact: true }).click();
      await settled(page);
      expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
      expect(await page.locator(`.cell-code[data-cell="${chart}"] .live-outputs figure`).getAttribute("id")).toBe(id);
      expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    }
    expect(problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });
  });

  it("outputs equal to the published ones show the build's own rendering, and KaTeX is not loaded for them", async () => {
    const { page, problems } = await open("notebooks/01-the-question/");
    const formulaCells = await page.locator(".cell-code:has(.output-text-latex)").evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute("data-cell"))));
    expect(formulaCells.length).toBeGreaterThan(0);
    const before = await Promise.all(formulaCells.map((cell) => page.locator(`.cell-code[data-cell="${cell}"] .cell-outputs`).innerHTML()));
    await startLive(page);
    await runAll(page);
    for (const [i, cell] of formulaCells.entries()) {
      const live = page.locator(`.cell-code[data-cell="${cell}"] .live-outputs`);
      expect(await live.isVisible()).toBe(true);
      // The same markup as the build's (ids move to the shown copy, so compare without them).
      const withoutIds = (html: string): string => html.replace(/ (id|data-published-id)="[^"]*"/g, "");
      expect(withoutIds(await live.innerHTML())).toBe(withoutIds(before[i]!));
    }
    const scripts = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
    expect(scripts.filter((name) => /\/katex[.-][^/]*\.js$/.test(name))).toEqual([]);
    expect(problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });
  });

  it("a Plot member the browser does not bundle is named, with where to run it", async () => {
    const { page } = await open("notebooks/07-your-model/");
    await startLive(page);
    const chart = await cellNumber(page, "showPlot(");
    await editCell(page, chart, "Plot.hexbin;\n");
    await page.keyboard.press("Shift+Enter");
    await settled(page);
    expect(await outputText(page, chart)).toContain("Plot.hexbin is part of Observable Plot but not of the smaller Plot this page loads in your browser");
    expect(await outputText(page, chart)).toContain("run this cell in Jupyter, which has all of Plot");
  });

  it("a chart with a map projection says that maps are drawn in Jupyter, and the charts on x and y still draw", async () => {
    const { page } = await open("notebooks/07-your-model/");
    await startLive(page);
    const chart = await cellNumber(page, "showPlot(");
    await editCell(page, chart, 'showPlot({ projection: "mercator", marks: [Plot.dot([[0, 51.5]])] }, { title: "London" });\n');
    await page.keyboard.press("Shift+Enter");
    await settled(page);
    expect(await outputText(page, chart)).toContain("map projections (Plot's projection option");
    expect(await outputText(page, chart)).toContain("run this cell in Jupyter to draw maps");
    await editCell(page, chart, 'showPlot({ marks: [Plot.dot([[0, 51.5]])] }, { title: "One dot" });\n');
    await page.keyboard.press("Shift+Enter");
    await settled(page);
    expect(await page.locator(`.cell-code[data-cell="${chart}"] .live-outputs svg circle`).count()).toBe(1);
  });
});

describe("errors and runaway code", () => {
  it("a syntax error names the line and column in the cell as written", async () => {
    const { page } = await open("notebooks/07-your-model/");
    await startLive(page);
    const inputs = await cellNumber(page, "const presetId");
    await editCell(page, inputs, "const a: number = 1;\nconst b = (a +;\n");
    await page.keyboard.press("Shift+Enter");
    await settled(page);
    expect(await outputText(page, inputs)).toMatch(/^SyntaxError: .*\(line 2, column 15\)$/);
    expect(await page.locator(`.cell-code[data-cell="${inputs}"] .cm-line.hmf-error-line`).textContent()).toBe("const b = (a +;");
  });

  it("a throw shows its message with the line and column in the cell as written (types and all)", async () => {
    const { page } = await open("notebooks/07-your-model/");
    await startLive(page);
    const inputs = await cellNumber(page, "const presetId");
    const line3 = "  const n: Record<string, number> = undefinedThing.x;";
    // 2 spaces, "const n: Record<string, number> = " (34 characters): undefinedThing starts at column 37.
    expect(line3.indexOf("undefinedThing") + 1).toBe(37);
    await editCell(page, inputs, `const ok = 1;\nfunction f(): number {\n${line3}\n  return 1;\n}\nf();\n`);
    await page.keyboard.press("Shift+Enter");
    await settled(page);
    expect(await outputText(page, inputs)).toBe("ReferenceError: undefinedThing is not defined (line 3, column 37)");
    // The editor marks that line (it shows no line numbers), until the reader edits the cell.
    const marked = page.locator(`.cell-code[data-cell="${inputs}"] .cm-line.hmf-error-line`);
    expect(await marked.count()).toBe(1);
    expect(await marked.textContent()).toBe(line3);
    await page.keyboard.type(" ");
    expect(await marked.count()).toBe(0);
  });

  it("an infinite loop is stopped, the page stays responsive, and the next run starts afresh", async () => {
    const { page } = await open("notebooks/07-your-model/");
    await startLive(page);
    const inputs = await cellNumber(page, "const presetId");
    await editCell(page, inputs, "while (true) {}\n");
    await cellBar(page, inputs).getByRole("button", { name: "Run", exact: true }).click();
    await page.locator(`.cell-code[data-cell="${inputs}"][data-live="running"]`).waitFor();
    // The page answers while the worker spins.
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    await cellBar(page, inputs).getByRole("button", { name: "Stop" }).click();
    await settled(page);
    expect(await outputText(page, inputs)).toContain("was stopped; the runtime restarted");
    // Reset to the published code and run: the runtime starts again from the top.
    await cellBar(page, inputs).getByRole("button", { name: "Reset" }).click();
    await cellBar(page, inputs).getByRole("button", { name: "Run", exact: true }).click();
    await settled(page);
    expect(await page.locator(`.cell-code[data-cell="${inputs}"]`).getAttribute("data-live")).toBe("ok");
    expect(await outputText(page, inputs)).toContain("presets: gpt2");
  });

  it("run this and below stops at the first cell that fails: the cells below it do not run (in the runtime either)", async () => {
    const { page, problems } = await open("notebooks/07-your-model/");
    await startLive(page);
    const inputs = await cellNumber(page, "const presetId");
    const codeCells = await page.locator(".cell-code").evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute("data-cell"))));
    const below = codeCells.filter((number) => number > inputs);
    expect(below.length).toBeGreaterThan(2);
    // The cell below counts its runs in the runtime's shared scope, where the page cannot hide a run.
    await editCell(page, below[0]!, "(globalThis as any).ranBelow = ((globalThis as any).ranBelow ?? 0) + 1;\n");
    await editCell(page, inputs, 'const presetId: string = "gpt2";\nthrow new Error("stop here");\n');
    await cellBar(page, inputs).getByRole("button", { name: "Run this and below" }).click();
    await settled(page);
    expect(await page.locator(`.cell-code[data-cell="${inputs}"]`).getAttribute("data-live")).toBe("error");
    expect(await outputText(page, inputs)).toBe("Error: stop here (line 2, column 7)");
    for (const number of below) expect(await page.locator(`.cell-code[data-cell="${number}"]`).getAttribute("data-live"), `cell ${number}`).toBeNull();
    await editCell(page, inputs, "console.log(`runs below: ${(globalThis as any).ranBelow ?? 0}`);\n");
    await cellBar(page, inputs).getByRole("button", { name: "Run", exact: true }).click();
    await settled(page);
    expect(await outputText(page, inputs)).toBe("runs below: 0\n");
    // Run again from there: now the cell below runs, once.
    await cellBar(page, inputs).getByRole("button", { name: "Run this and below" }).click();
    await settled(page);
    expect(await page.locator(`.cell-code[data-cell="${below[0]}"]`).getAttribute("data-live")).toBe("ok");
    await cellBar(page, inputs).getByRole("button", { name: "Run", exact: true }).click();
    await settled(page);
    expect(await outputText(page, inputs)).toBe("runs below: 1\n");
    expect(problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });
  });

  it("stop during run this and below: the running cell is stopped and the cells queued after it never run", async () => {
    const { page } = await open("notebooks/07-your-model/");
    await startLive(page);
    const inputs = await cellNumber(page, "const presetId");
    const codeCells = await page.locator(".cell-code").evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute("data-cell"))));
    const below = codeCells.filter((number) => number > inputs);
    await editCell(page, below[0]!, "while (true) {}\n");
    await cellBar(page, inputs).getByRole("button", { name: "Run this and below" }).click();
    await page.locator(`.cell-code[data-cell="${below[0]}"][data-live="running"]`).waitFor();
    await cellBar(page, below[0]!).getByRole("button", { name: "Stop" }).click();
    await settled(page);
    expect(await page.locator(`.cell-code[data-cell="${inputs}"]`).getAttribute("data-live")).toBe("ok");
    expect(await outputText(page, below[0]!)).toContain("was stopped; the runtime restarted");
    for (const number of below.slice(1)) expect(await page.locator(`.cell-code[data-cell="${number}"]`).getAttribute("data-live"), `cell ${number}`).toBeNull();
    // The page is free again: a reset cell runs (from the top, in a new runtime).
    await cellBar(page, below[0]!).getByRole("button", { name: "Reset" }).click();
    await cellBar(page, below[0]!).getByRole("button", { name: "Run", exact: true }).click();
    await settled(page);
    expect(await page.locator(`.cell-code[data-cell="${below[0]}"]`).getAttribute("data-live")).toBe("ok");
  });

  it("a loop nobody stops ends at the time limit", async () => {
    const { page } = await open("notebooks/07-your-model/");
    await startLive(page);
    const inputs = await cellNumber(page, "const presetId");
    await editCell(page, inputs, "for (;;) {}\n");
    await page.keyboard.press("Shift+Enter");
    await settled(page, 30_000);
    expect(await outputText(page, inputs)).toContain("ran longer than 10 seconds and was stopped");
  });
});

describe("keeping the work", () => {
  it("a shared link shows the edited cells, marked, and runs nothing until Run", async () => {
    const { page } = await open("notebooks/07-your-model/");
    await startLive(page);
    const inputs = await cellNumber(page, "const presetId");
    const edited = 'const presetId: string = "gpt2";\nconst pastedConfig = "";\nconst context = 1024;\nconsole.log("ran the shared cell");\n';
    await editCell(page, inputs, edited);
    await page.getByRole("button", { name: "Copy link with my edits" }).click();
    await expect.poll(() => page.url()).toContain("#edits=");
    const link = page.url();

    const context = await browser.newContext();
    const watched = await watchedPage(context);
    const workers: string[] = [];
    watched.page.on("worker", (worker) => workers.push(worker.url()));
    await watched.page.goto(link);
    const cell = watched.page.locator(`.cell-code[data-cell="${inputs}"]`);
    await expect.poll(() => cell.getAttribute("class")).toContain("live-edited");
    expect(await cell.locator("pre.live-source").textContent()).toBe(edited);
    expect(await watched.page.locator(".live-page-status").textContent()).toContain("Nothing has run");
    expect(workers).toEqual([]);
    expect(await watched.page.locator("[data-live]").count()).toBe(0);
    await cellBar(watched.page, inputs).getByRole("button", { name: "Run", exact: true }).click();
    await settled(watched.page);
    expect(await outputText(watched.page, inputs)).toContain("ran the shared cell");
    expect(watched.problems).toEqual({ console: [], exceptions: [], csp: [], requests: [] });
  });

  it("the downloaded .ipynb with an edit runs in Jupyter with the project kernel and gives the browser's outputs", async () => {
    const missing = missingJupyter();
    if (missing !== null) throw new Error(missing);
    const { page } = await open("notebooks/07-your-model/");
    await startLive(page);
    const inputs = await cellNumber(page, "const presetId");
    await editCell(page, inputs, 'const presetId: string = "mixtral-8x7b";\nconst pastedConfig = "";\nconst context = 4096;\n');
    await runAll(page);
    const { name, text } = await downloadNotebook(page);
    expect(name).toBe("07-your-model-edited.ipynb");
    const dir = mkdtempSync(join(tmpdir(), "hmf-live-ipynb-"));
    try {
      const path = join(dir, name);
      writeFileSync(path, text);
      // --check executes in Jupyter and fails unless the fresh outputs equal the file's (the browser's).
      const result = await runNotebooks([path], { mode: "check", timeout: 120 });
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe("before interaction", () => {
  it("a notebook page loads no live-notebook code and adds no markup until the reader reaches for a cell", async () => {
    const { page } = await open("notebooks/07-your-model/");
    await page.waitForLoadState("networkidle");
    const scripts = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.endsWith(".js")));
    expect(scripts.filter((name) => /live|codemirror|worker|lezer|strip-types/i.test(name))).toEqual([]);
    expect(await page.locator(".live-page-bar, .live-cell-bar").count()).toBe(0);
  });

  it("without JavaScript, a notebook page is the published page: code and outputs, no live controls", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site("real").url}notebooks/07-your-model/`);
      await page.locator(".cell-code").first().hover();
      expect(await page.locator(".live-page-bar, .live-cell-bar, .live-outputs, [data-live]").count()).toBe(0);
      const built = readFileSync(join(site("real").outDir, "notebooks", "07-your-model", "index.html"), "utf8");
      expect(built).not.toMatch(/live-(page|cell)-bar|data-live=/);
      expect(await page.locator(".cell-code .cell-input pre").count()).toBeGreaterThan(0);
      expect(await page.locator(".cell-code .cell-outputs").count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
