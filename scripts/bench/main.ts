/**
 * npm run bench: the explainer's performance budgets, measured.
 *
 * Builds the site from notebooks/ (timed) and the fixture site with all five
 * islands, serves both with astro preview on 127.0.0.1, and measures in
 * headless Chromium:
 * - per page, the JavaScript loaded before any interaction (gzipped);
 * - per island, the JavaScript its first interaction loads, and the median
 *   time from a slider input to updated numbers and chart;
 * - the first search's download;
 * - live notebooks: the first edit and run's download by part, first-run and edit → run-below times, run all per notebook;
 * - the build time.
 * It prints the figures against the budgets; it asserts nothing.
 *
 * `npm run bench -- --live` builds only notebooks/ and measures only the live
 * notebooks (a minute instead of four, while working on them).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ISLAND_NAMES } from "../../src/islands/index";
import { buildSite, startPreview, type Preview } from "../../scripts/site/astro";
import { launchChromium } from "../../scripts/site/chromium";
import { kb } from "./gzip";
import { measureIsland, type IslandCost } from "./islands";
import { measureLiveNotebook06, runAllCost } from "./live";
import { pageWeights } from "./pages";
import { searchCost } from "./search";

// The brief's budgets: JS before interaction ≤ 3.3 KB gz on every page, each island ≤ 90 KB gz, slider → chart ≤ 8 ms median.
const BUDGET = { pageKb: 3.3, islandKb: 90, updateMs: 8, buildS: 30 };
/** Live notebooks: everything the first edit and run load; notebook 07 (your model) edit + run below (median); first run with loading. */
const LIVE_BUDGET = { firstUseKb: 300, editRunMs: 150, firstRunMs: 1500 };

interface Site {
  name: string;
  outDir: string;
  preview: Preview;
  pages: string[];
  buildSeconds: number;
}

async function main(): Promise<void> {
  const liveOnly = process.argv.includes("--live");
  const work = mkdtempSync(join(tmpdir(), "hmf-bench-"));
  const sites: Site[] = [];
  const browser = await launchChromium();
  try {
    const builds = [["notebooks/", "notebooks"], ["fixture", "test/fixtures/site-notebooks/site"]] as const;
    for (const [name, notebooks] of liveOnly ? builds.slice(0, 1) : builds) {
      const options = { notebooks, outDir: join(work, name, "dist"), cacheDir: join(work, name, "cache") };
      process.stdout.write(`building the ${name} site… `);
      const build = await buildSite(options);
      if (!build.ok) throw new Error(`astro build failed:\n${build.output}`);
      console.log(`${build.seconds.toFixed(1)} s`);
      sites.push({ name, outDir: options.outDir, preview: await startPreview(options), pages: htmlPages(options.outDir), buildSeconds: build.seconds });
    }
    const real = sites[0] as Site;
    if (liveOnly) return await reportLive(browser, real);

    console.log(`\nBuild time (astro build of notebooks/, fresh cache, search index included): ${real.buildSeconds.toFixed(1)} s  (budget ≤ ${BUDGET.buildS} s)`);

    console.log(`\nJavaScript before any interaction, gzipped (budget ≤ ${BUDGET.pageKb} KB per page):`);
    for (const site of sites) {
      for (const weight of await pageWeights(browser, site.preview.url, site.outDir, site.pages)) {
        console.log(`  ${flag(weight.gzipBytes <= BUDGET.pageKb * 1024)} ${kb(weight.gzipBytes).padStart(9)}  ${site.name} ${weight.path}  (${weight.scripts.length} file${weight.scripts.length === 1 ? "" : "s"})`);
      }
    }

    console.log(`\nIslands: code loaded on first interaction, gzipped (budget ≤ ${BUDGET.islandKb} KB), and slider → updated numbers and chart, median of 50 inputs (budget ≤ ${BUDGET.updateMs} ms):`);
    for (const island of ISLAND_NAMES) {
      const where = await findIsland(sites, island);
      if (!where) {
        console.log(`  ✗ ${island}: on no page of either site (no notebook output uses it yet)`);
        continue;
      }
      const cost = await measureIsland(browser, where.site.preview.url, where.site.outDir, where.path, island);
      console.log(`  ${islandLine(cost, where.site.name)}`);
    }

    await reportLive(browser, real);

    const search = await searchCost(browser, real.preview.url);
    console.log(`\nSearch (Pagefind), loaded on first use of the search box: ${search.files} files, ${kb(search.bytes)} as served; 0 KB before.`);
  } finally {
    await browser.close();
    for (const site of sites) await site.preview.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function reportLive(browser: Awaited<ReturnType<typeof launchChromium>>, real: Site): Promise<void> {
  const live = await measureLiveNotebook06(browser, real.preview.url, real.outDir);
  console.log(`\nLive notebooks (notebook 07, your model): loaded by the first edit and first run, gzipped: ${flag(live.totalGzipBytes <= LIVE_BUDGET.firstUseKb * 1024)} ${kb(live.totalGzipBytes)} (budget ≤ ${LIVE_BUDGET.firstUseKb} KB; 0 KB before interaction)`);
  for (const part of live.parts) console.log(`    ${kb(part.gzipBytes).padStart(9)}  ${part.part.startsWith("the notebook") ? "" : `${((100 * part.gzipBytes) / live.totalGzipBytes).toFixed(0).padStart(3)}%  `}${part.part}`);
  console.log(`  ${flag(live.firstRunMs <= LIVE_BUDGET.firstRunMs)} first run, loading included (pointer → Edit → edit → Run this and below → outputs): ${live.firstRunMs.toFixed(0)} ms (budget ≤ ${LIVE_BUDGET.firstRunMs} ms)`);
  console.log(`  ${flag(live.editRunBelowMedianMs <= LIVE_BUDGET.editRunMs)} edit the inputs cell, run it and all below: ${live.editRunBelowMedianMs.toFixed(0)} ms median of ${live.samples} (budget ≤ ${LIVE_BUDGET.editRunMs} ms)`);
  console.log(`  Run all on a fresh page, loading included; and what that notebook's first edit and full run download (budget ≤ ${LIVE_BUDGET.firstUseKb} KB gz):`);
  for (const path of real.pages.filter((page) => /^notebooks\/.+\//.test(page))) {
    const run = await runAllCost(browser, real.preview.url, real.outDir, path);
    const size = `${flag(run.gzipBytes / 1024 <= LIVE_BUDGET.firstUseKb)} ${kb(run.gzipBytes).padStart(9)}`;
    console.log(`    ${run.ms.toFixed(0).padStart(6)} ms  ${size}  /${path}${run.failed ? `  (${run.failed} cell${run.failed === 1 ? "" : "s"} failed: see the page)` : ""}`);
  }
}

function htmlPages(outDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== "_astro" && entry.name !== "pagefind") walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name === "index.html") pages.push(prefix);
    }
  };
  walk(outDir, "");
  return pages.sort();
}

async function findIsland(sites: readonly Site[], island: string): Promise<{ site: Site; path: string } | undefined> {
  const { readFileSync } = await import("node:fs");
  for (const site of sites) {
    for (const path of site.pages) {
      if (readFileSync(join(site.outDir, path, "index.html"), "utf8").includes(`data-island="${island}"`)) return { site, path };
    }
  }
  return undefined;
}

function islandLine(cost: IslandCost, site: string): string {
  if (cost.problem) return `✗ ${cost.island} (${site} /${cost.path}): ${cost.problem}`;
  const weight = `${flag(cost.gzipBytes <= BUDGET.islandKb * 1024)} ${kb(cost.gzipBytes).padStart(9)}`;
  const time =
    cost.updateMedianMs === null
      ? "no slider"
      : `${flag(cost.updateMedianMs <= BUDGET.updateMs)} ${cost.updateMedianMs.toFixed(2)} ms update, ${cost.frameMedianMs?.toFixed(2)} ms to next frame (${cost.samples} inputs)`;
  return `${weight}  ${time}  ${cost.island} (${site} /${cost.path})`;
}

function flag(ok: boolean): string {
  return ok ? "✓" : "✗";
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
});
