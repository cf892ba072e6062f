/**
 * npm run notebooks [-- NOTEBOOK…]         re-execute notebooks and write their outputs back
 * npm run notebooks:check [-- NOTEBOOK…]   re-execute and fail where committed outputs are stale
 *
 * Without paths: every notebooks/*.ipynb. Runs through Jupyter (Debian's
 * nbclient) with the project kernel, printing a line per cell.
 */
import { committedNotebooks, missingJupyter, runNotebooks } from "./notebooks/jupyter";

const USAGE = "usage: npm run notebooks[:check] -- [--timeout SECONDS] [NOTEBOOK…]";

async function main(argv: string[]): Promise<number> {
  let mode: "write" | "check" = "write";
  let timeout: number | undefined;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--check") mode = "check";
    else if (arg === "--timeout") {
      timeout = Number(argv[++i]);
      if (!Number.isInteger(timeout) || timeout <= 0) return fail(`--timeout needs a whole number of seconds; got ${argv[i] ?? "nothing"}\n${USAGE}`, 2);
    } else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith("-")) return fail(`unknown option ${arg}\n${USAGE}`, 2);
    else if (!arg.endsWith(".ipynb")) return fail(`${arg}: not a notebook (expected a .ipynb file)\n${USAGE}`, 2);
    else paths.push(arg);
  }
  const missing = missingJupyter();
  if (missing !== null) return fail(missing, 1);
  const notebooks = paths.length > 0 ? paths : committedNotebooks();
  if (notebooks.length === 0) return fail("no notebooks to run: notebooks/ has no .ipynb files", 1);
  const result = await runNotebooks(notebooks, { mode, timeout, echo: true });
  return result.status;
}

function fail(message: string, status: number): number {
  console.error(message);
  return status;
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(`notebooks: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
