/**
 * tsx scripts/bench/profile-island.ts <island> [samples] — where an island's
 * slider → update time goes: the client bundled unminified, the island's page
 * served as bench:islands serves it, 100 slider inputs under Chromium's CPU
 * profiler (CDP), self time summed by function. For finding what to make
 * cheaper; `npm run bench:islands` is the measurement.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { build } from "esbuild";
import { renderIslandPayload } from "../../src/islands/index";
import { notebookDocument } from "../../src/notebook/document";
import { ROOT } from "../site/astro";
import { launchChromium } from "../site/chromium";

const TYPES: Readonly<Record<string, string>> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }

async function main(): Promise<void> {
  const island = process.argv[2] ?? "context-sweep";
  const samples = Number(process.argv[3] ?? 100);
  const outDir = mkdtempSync(join(tmpdir(), "hmf-profile-"));
  await build({ entryPoints: { client: join(ROOT, "src/client/index.ts") }, bundle: true, splitting: true, format: "esm", minify: false, outdir: join(outDir, "js"), logLevel: "error" });
  const css = ["site/styles/site.css", "site/styles/notebook.css", "src/islands/islands.css"].map((file) => readFileSync(join(ROOT, file), "utf8")).join("\n");
  writeFileSync(join(outDir, "site.css"), css);
  mkdirSync(join(outDir, island));
  const markup = renderIslandPayload({ island, props: {} }, { document: notebookDocument() });
  writeFileSync(join(outDir, island, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/site.css"><script type="module" src="/js/client.js"></script></head><body><main class="notebook">${markup}</main></body></html>`);
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
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/${island}/`;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "networkidle" });
    const host = page.locator(`hmf-island[data-island="${island}"]`).first();
    await host.locator("input, select, textarea").first().focus();
    await page.waitForSelector(`hmf-island[data-island="${island}"][data-state="live"]`);
    await page.waitForLoadState("networkidle");
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    const times = await page.evaluate(async ({ island, samples }) => {
      const g = globalThis as any;
      const host = g.document.querySelector(`hmf-island[data-island="${island}"]`);
      const slider = host.querySelector('input[type="range"]');
      const min = Number(slider.min || 0), max = Number(slider.max || 100), step = Number(slider.step) || 1;
      const out: number[] = [];
      for (let i = 0; i < samples; i++) {
        const t = (i % 10) / 9;
        const value = Math.round((min + (i % 20 < 10 ? t : 1 - t) * (max - min)) / step) * step;
        slider.value = String(value === Number(slider.value) ? Math.min(max, value + step) : value);
        const start = g.performance.now();
        slider.dispatchEvent(new g.Event("input", { bubbles: true }));
        void host.getBoundingClientRect().height;
        out.push(g.performance.now() - start);
        await new Promise((r) => g.requestAnimationFrame(r));
      }
      return out.sort((a, b) => a - b);
    }, { island, samples });
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    console.log(`${island}: median ${times[Math.floor(times.length / 2)]?.toFixed(2)} ms over ${samples} inputs`);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    const totals = new Map<string, number>();
    let all = 0;
    for (const [id, ms] of self) {
      const n = byId.get(id)!;
      if (n.callFrame.functionName === "(idle)" || n.callFrame.functionName === "(program)") continue;
      const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber + 1}`;
      totals.set(key, (totals.get(key) ?? 0) + ms);
      all += ms;
    }
    // Inclusive time per function too.
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const incl = new Map<string, number>();
    for (const [id, ms] of self) {
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const n = byId.get(cur)!;
        const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber + 1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        incl.set(key, (incl.get(key) ?? 0) + ms);
      }
    }
    console.log(`busy ${(all / samples).toFixed(2)} ms per input (self time, ms per input):`);
    for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(ms / samples).toFixed(3).padStart(7)}  ${key}`);
    console.log("inclusive (ms per input):");
    for (const [key, ms] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${(ms / samples).toFixed(3).padStart(7)}  ${key}`);
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`profile-island: ${(error as Error).message}`);
  process.exitCode = 1;
});
