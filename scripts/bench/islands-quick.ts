/**
 * npm run bench:islands — the islands' two budgets in about half a minute,
 * without building the site: the client bundled by esbuild (split, minified,
 * as Vite splits it; its chunks come out a few KB smaller than Vite's), each
 * island's static fallback rendered on a page of its own with the site's and
 * the islands' CSS, served on 127.0.0.1 and measured in headless Chromium
 * exactly as `npm run bench` measures them (scripts/bench/islands.ts). For
 * iterating; `npm run bench` is the measurement of record.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { build } from "esbuild";
import { ISLAND_NAMES, renderIslandPayload } from "../../src/islands/index";
import { notebookDocument } from "../../src/notebook/document";
import { ROOT } from "../site/astro";
import { launchChromium } from "../site/chromium";
import { kb } from "./gzip";
import { measureIsland } from "./islands";

const TYPES: Readonly<Record<string, string>> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), "hmf-islands-quick-"));
  await build({ entryPoints: { client: join(ROOT, "src/client/index.ts") }, bundle: true, splitting: true, format: "esm", minify: true, outdir: join(outDir, "js"), logLevel: "error" });
  const css = ["site/styles/site.css", "site/styles/notebook.css", "src/islands/islands.css"].map((file) => readFileSync(join(ROOT, file), "utf8")).join("\n");
  writeFileSync(join(outDir, "site.css"), css);
  for (const name of ISLAND_NAMES) {
    mkdirSync(join(outDir, name));
    const island = renderIslandPayload({ island: name, props: {} }, { document: notebookDocument() });
    writeFileSync(
      join(outDir, name, "index.html"),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/site.css">` +
        `<script type="module" src="/js/client.js"></script></head><body><main class="notebook">${island}</main></body></html>`,
    );
  }
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname));
    const file = join(outDir, path.endsWith("/") ? join(path, "index.html") : path);
    try {
      const body = readFileSync(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  const browser = await launchChromium();
  try {
    console.log("Islands (esbuild bundle, no site build): first interaction, gzipped; slider → update, median of 50 inputs:");
    for (const name of ISLAND_NAMES) {
      const cost = await measureIsland(browser, url, outDir, `${name}/`, name);
      const time = cost.updateMedianMs === null ? "no slider" : `${cost.updateMedianMs.toFixed(2)} ms update`;
      console.log(`  ${kb(cost.gzipBytes).padStart(9)}  ${time.padEnd(18)}  ${name}${cost.problem ? `: ${cost.problem}` : ""}`);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:islands: ${(error as Error).message}`);
  process.exitCode = 1;
});
