/**
 * npm run screenshots [-- --full] [--element SELECTOR] [PAGE…]
 *
 * Screenshots of every built page (dist/, from `npm run build`) at a laptop's
 * 1280 px and a phone's 390 px, light and dark, in headless Chromium, into
 * test-output/screenshots/ (git-ignored) to be looked at. By default the top
 * of each page (three screens); --full takes the whole page. PAGE filters by
 * --element SELECTOR takes the first element matching SELECTOR instead, at
 * its own size (a chart at phone width, to check its text). PAGE filters by
 * a substring of the path ("notebooks/07"; "landing" for the home page).
 *
 * Serves dist/ itself on 127.0.0.1 (a free port) and stops its own server.
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, relative, resolve, sep } from "node:path";
import { launchChromium } from "../scripts/site/chromium";

const ROOT = resolve(import.meta.dirname, "..");
const DIST = join(ROOT, "dist");
const OUT = join(ROOT, "test-output", "screenshots");
const WIDTHS = [1280, 390] as const;
const SCHEMES = ["light", "dark"] as const;
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".ipynb": "application/x-ipynb+json",
};

/** Every page of the build, as a path under the site root ("", "post/", "notebooks/01-the-question/"). */
function pages(dir = DIST): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "_astro" && entry.name !== "pagefind") found.push(...pages(path));
    else if (entry.name === "index.html") found.push(relative(DIST, dir).split(sep).join("/") + (dir === DIST ? "" : "/"));
  }
  return found.sort();
}

function serve(): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    let path = join(DIST, decodeURIComponent(url.pathname));
    if (!path.startsWith(DIST)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    createReadStream(path).pipe(response);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

async function main(argv: string[]): Promise<number> {
  if (!existsSync(join(DIST, "index.html"))) {
    process.stderr.write("screenshots: no dist/index.html; run `npm run build` first\n");
    return 2;
  }
  const full = argv.includes("--full");
  const at = argv.indexOf("--element");
  const selector = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && (selector === undefined || selector.startsWith("--"))) {
    process.stderr.write("screenshots: --element needs a CSS selector\n");
    return 2;
  }
  const filters = argv.filter((arg, i) => arg !== "--full" && i !== at && i !== at + 1);
  const targets = pages().filter((page) => filters.length === 0 || filters.some((f) => (page === "" ? "landing" : page).includes(f)));
  mkdirSync(OUT, { recursive: true });
  const server = await serve();
  const { port } = server.address() as AddressInfo;
  const browser = await launchChromium();
  try {
    for (const page of targets) {
      for (const width of WIDTHS) {
        for (const scheme of SCHEMES) {
          const height = width === 390 ? 844 : 800;
          const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1, ...(width === 390 ? { isMobile: true, hasTouch: true } : {}) });
          const tab = await context.newPage();
          await tab.goto(`http://127.0.0.1:${port}/${page}`, { waitUntil: "networkidle" });
          await tab.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready);
          const base = page === "" ? "landing" : page.replace(/\/$/, "").replace(/\//g, "-");
          if (selector !== undefined) {
            const element = tab.locator(selector).first();
            if ((await element.count()) === 0) {
              await context.close();
              continue;
            }
            const name = `${base}-${selector.replace(/[^a-z0-9-]+/gi, "_")}-${width}-${scheme}.png`;
            await element.screenshot({ path: join(OUT, name) });
            await context.close();
            process.stdout.write(`${relative(ROOT, join(OUT, name))}\n`);
            continue;
          }
          const name = `${base}-${width}-${scheme}.png`;
          const pageHeight: number = await tab.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight);
          await tab.screenshot({ path: join(OUT, name), fullPage: true, ...(full ? {} : { clip: { x: 0, y: 0, width, height: Math.min(pageHeight, height * 3) } }) });
          await context.close();
          process.stdout.write(`${relative(ROOT, join(OUT, name))}\n`);
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
