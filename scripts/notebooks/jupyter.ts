import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { libraryDigest, staleReason, stampsOf, type NotebookStamps, type StampedNotebook } from "./freshness";
import { writeKernelSpec } from "./kernelspec";
import { NOTEBOOKS_DIR, REPO_ROOT, RUNNER, SYSTEM_PYTHON, TRUSTER, jupyterEnv } from "./paths";

/** The Debian packages that provide what the runner imports. */
export const JUPYTER_PACKAGES = ["jupyter-nbconvert", "python3-nbclient", "python3-ipykernel"] as const;

/** Null when Debian's Python can run notebooks, else what to install. */
export function missingJupyter(): string | null {
  if (!existsSync(SYSTEM_PYTHON)) {
    return `${SYSTEM_PYTHON} is missing; install the Debian packages ${JUPYTER_PACKAGES.join(" ")} (as root: scripts/system-deps.sh)`;
  }
  const probe = spawnSync(SYSTEM_PYTHON, ["-c", "import nbclient, nbformat, jupyter_client"], { encoding: "utf8" });
  if (probe.status === 0) return null;
  return `${SYSTEM_PYTHON} cannot import nbclient, nbformat and jupyter_client; install the Debian packages ${JUPYTER_PACKAGES.join(" ")} (as root: scripts/system-deps.sh)`;
}

/**
 * Signs the project's notebooks as trusted in the user's Jupyter data folder,
 * so JupyterLab and Notebook show their committed charts (untrusted, they
 * sanitise the HTML and SVG outputs away). Returns what went wrong, or null.
 */
export function trustNotebooks(paths: readonly string[] = committedNotebooks()): string | null {
  const result = spawnSync(SYSTEM_PYTHON, [TRUSTER, ...paths], { env: jupyterEnv(), encoding: "utf8" });
  return result.status === 0 ? null : `could not mark the notebooks as trusted: ${(result.stderr || result.error?.message || "").trim()}`;
}

/** The committed notebooks, notebooks/*.ipynb, in name order. */
export function committedNotebooks(): string[] {
  if (!existsSync(NOTEBOOKS_DIR)) return [];
  return readdirSync(NOTEBOOKS_DIR)
    .filter((name) => name.endsWith(".ipynb"))
    .sort()
    .map((name) => join(NOTEBOOKS_DIR, name));
}

/** How a run went: the runner's exit status and what it printed. */
export interface RunResult {
  /** 0: clean (and fresh); 1: a cell failed or outputs are stale; 2: unusable input. */
  status: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link runNotebooks}. */
export interface RunOptions {
  /** "write" re-executes and writes outputs back; "check" compares fresh outputs with the committed ones. */
  mode: "write" | "check";
  /** Seconds one cell may run. */
  timeout?: number;
  /** Print as it goes (progress to stdout, failures to stderr) instead of only collecting the output. */
  echo?: boolean;
}

/**
 * Executes notebooks through Jupyter with the project kernel (scripts/notebooks/run.py),
 * one after another: each starts its own kernel, and two cores fit one run well.
 * Registers the project kernelspec first.
 */
export async function runNotebooks(paths: readonly string[], options: RunOptions): Promise<RunResult> {
  writeKernelSpec();
  const library = libraryDigest(REPO_ROOT);
  const published = paths.filter(isPublished);
  const scratch = mkdtempSync(join(tmpdir(), "hmf-stamps-"));
  try {
    // Only a run that writes notebooks needs stamps; a check compares them afterwards, below.
    const stampsArgs: string[] = [];
    if (options.mode === "write") {
      const stampsFile = join(scratch, "stamps.json");
      writeFileSync(stampsFile, JSON.stringify(stampsByPath(published, library)));
      stampsArgs.push("--stamps", stampsFile);
    }
    const args = [RUNNER, `--${options.mode}`, ...stampsArgs, ...(options.timeout === undefined ? [] : ["--timeout", String(options.timeout)]), ...paths];
    const result = await runRunner(args, options.echo === true);
    // Outputs the runner found fresh are fresh only if their stamps match too (what the site build checks).
    if (options.mode === "check" && result.status === 0) {
      for (const path of published) {
        const reason = staleReason(JSON.parse(readFileSync(path, "utf8")) as StampedNotebook, library, `npm run notebooks -- ${displayPath(path)}`);
        if (reason === null) continue;
        const line = `FAIL ${displayPath(path)}: ${reason.cell === null ? "" : `cell ${reason.cell}: `}${reason.message}\n`;
        result.stderr += line;
        result.status = 1;
        if (options.echo) process.stderr.write(line);
      }
    }
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Only the project's own notebooks (notebooks/*.ipynb) are stamped; test fixtures are not. */
function isPublished(path: string): boolean {
  try {
    return dirname(realpathSync(resolve(REPO_ROOT, path))) === realpathSync(NOTEBOOKS_DIR);
  } catch {
    return false;
  }
}

/** Stamps for the runner to write, by the notebook's real path; a notebook that does not parse gets none (the runner reports it). */
function stampsByPath(paths: readonly string[], library: string): Record<string, NotebookStamps> {
  const stamps: Record<string, NotebookStamps> = {};
  for (const path of paths) {
    const real = realpathSync(resolve(REPO_ROOT, path));
    try {
      stamps[real] = stampsOf(JSON.parse(readFileSync(real, "utf8")) as StampedNotebook, library);
    } catch {
      // Unreadable or not a notebook: run.py names the problem in the reader's words.
    }
  }
  return stamps;
}

function displayPath(path: string): string {
  const absolute = resolve(REPO_ROOT, path);
  return absolute.startsWith(REPO_ROOT + "/") ? relative(REPO_ROOT, absolute) : path;
}

function runRunner(args: string[], echo: boolean): Promise<RunResult> {
  const child = spawn(SYSTEM_PYTHON, args, {
    cwd: REPO_ROOT,
    env: { ...jupyterEnv(), PYTHONUNBUFFERED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (echo) process.stdout.write(chunk);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    if (echo) process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ status: code ?? (signal === null ? 1 : 128), stdout, stderr }));
  });
}
