import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/**
 * Building and serving the site from scripts and tests: the real `astro`
 * CLI on the project's Node, with the site's environment variables (see
 * astro.config.mjs) so that several builds can live side by side.
 */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ASTRO = fileURLToPath(new URL("../../node_modules/astro/bin/astro.mjs", import.meta.url));

export interface SiteOptions {
  /** Folder of notebooks to publish, relative to the project root (default "notebooks"). */
  notebooks?: string;
  /** Absolute output folder. */
  outDir: string;
  /** Absolute Astro cache folder (each build its own, so builds do not share a content store). */
  cacheDir: string;
}

export interface BuildResult {
  ok: boolean;
  /** stdout and stderr, interleaved. */
  output: string;
  seconds: number;
}

function siteEnv(options: SiteOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    HMF_NOTEBOOKS: options.notebooks ?? "notebooks",
    // Fixture notebooks are written by a generator, not executed: they carry no freshness stamps.
    HMF_NOTEBOOK_FRESHNESS: (options.notebooks ?? "notebooks") === "notebooks" ? "on" : "off",
    HMF_OUT_DIR: options.outDir,
    HMF_CACHE_DIR: options.cacheDir,
  };
}

/** `astro build`; never throws for a failed build (the result says so, with the output). */
export function buildSite(options: SiteOptions): Promise<BuildResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO, "build"], { cwd: ROOT, env: siteEnv(options), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ ok: code === 0, output, seconds: (performance.now() - started) / 1000 }));
  });
}

/** A running `astro preview`, on 127.0.0.1 only. */
export interface Preview {
  url: string;
  pid: number;
  /** Stops this server (by its own PID) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts `astro preview` for an already built `outDir` on a free port of 127.0.0.1 and waits until it answers. */
export async function startPreview(options: SiteOptions): Promise<Preview> {
  const port = await freePort();
  const child = spawn(process.execPath, [ASTRO, "preview", "--host", "127.0.0.1", "--port", String(port), "--ignore-lock"], {
    cwd: ROOT,
    env: siteEnv(options),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(url, child, () => output);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  if (child.pid === undefined) throw new Error("astro preview started without a PID");
  return { url, pid: child.pid, stop: () => stop(child) };
}

async function waitForServer(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`astro preview did not answer on ${url} within 60 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
