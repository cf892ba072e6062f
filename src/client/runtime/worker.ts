/**
 * The notebook runtime: a dedicated worker that runs cells in one shared
 * global scope, as tslab does (see transform.ts). It has no access to the
 * page's DOM, storage or cookies; the page ends it on a timeout or Stop and
 * starts a fresh one.
 */
import { withPosition, type CellOutput, type CellPosition, type ModuleImport, type PreloadRequest, type RunRequest, type WorkerMessage } from "./protocol";
import { formatLog, inspect } from "./inspect";
import { importLoaded, loadModule } from "./modules";
import { setDisplayWriter } from "./tslab-display";
import { CellSyntaxError } from "./cell-syntax-error";
import { compileCell, IMPORT_FUNCTION, type CompiledCell } from "./transform";

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: "message", listener: (event: { data: RunRequest | PreloadRequest }) => void): void;
}

const scope = globalThis as unknown as WorkerScope & Record<string, unknown>;
const post = scope.postMessage.bind(scope);
// Indirect eval: global code, so top-level `var` and `function` outlive the script.
const evaluate = globalThis.eval as (code: string) => unknown;

// Reader's code runs here; it has nothing to send anywhere. Take away the
// network (the page's CSP does not reach into a worker).
for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "WebSocketStream", "EventSource", "importScripts", "Worker", "SharedWorker", "BroadcastChannel", "WebTransport"]) {
  for (let target: object | null = globalThis; target; target = Object.getPrototypeOf(target)) {
    if (Object.prototype.hasOwnProperty.call(target, name)) delete (target as Record<string, unknown>)[name];
  }
}

let running: { id: number } | undefined;
let queue: Promise<void> = Promise.resolve();
// Whether the last run ended without an error: a chained run (the next cell of
// "run this and below") after a failure is skipped, as Jupyter stops at an error.
let lastOk = true;

function emit(output: CellOutput): void {
  if (running) post({ type: "output", id: running.id, output });
}

const stream = (name: "stdout" | "stderr") => (...args: unknown[]): void => emit({ output_type: "stream", name, text: `${formatLog(args)}\n` });
const console = globalThis.console as unknown as Record<string, unknown>;
console.log = stream("stdout");
console.info = stream("stdout");
console.debug = stream("stdout");
console.warn = stream("stderr");
console.error = stream("stderr");
setDisplayWriter((content) => emit({ output_type: "display_data", data: content.data, metadata: content.metadata }));
scope[IMPORT_FUNCTION] = importLoaded;

scope.addEventListener("message", (event) => {
  const request = event.data;
  if (request?.type === "preload") {
    // Failures surface when a cell runs; here they only cost the head start.
    for (const script of request.scripts) for (const module of importsOf(script)) void loadModule(module).catch(() => undefined);
    return;
  }
  if (request?.type !== "run") return;
  // One run at a time, in the order posted: a run that loads a module must not let the next one start.
  queue = queue.then(() => run(request));
});

async function run(request: RunRequest): Promise<void> {
  if (request.chained && !lastOk) {
    post({ type: "done", id: request.id, ok: false, skipped: true });
    return;
  }
  running = { id: request.id };
  let compiled: CompiledCell | undefined;
  let ok = true;
  try {
    // The page found it while erasing the types; its message already names the line and column.
    if (!request.script.ok) throw new CellSyntaxError(request.script.message, undefined, undefined);
    compiled = compileCell(request.script.code);
    for (const module of compiled.imports) await loadModule(module);
    post({ type: "started", id: request.id });
    const result = evaluate(`${compiled.code}\n//# sourceURL=${scriptName(request.cell)}`);
    if (result !== undefined) {
      emit({ output_type: "execute_result", data: { "text/plain": inspect(result) }, metadata: {}, execution_count: request.executionCount });
    }
  } catch (error) {
    ok = false;
    emit(errorOutput(error, request.cell, compiled));
  }
  post({ type: "done", id: request.id, ok });
  lastOk = ok;
  running = undefined;
}

function importsOf(script: string): ModuleImport[] {
  try {
    return compileCell(script).imports;
  } catch {
    return [];
  }
}

function scriptName(cell: number): string {
  return `cell-${cell}.ts`;
}

/** An error as the notebook's error output, its position in the cell as written. */
function errorOutput(error: unknown, cell: number, compiled: CompiledCell | undefined): CellOutput {
  if (error instanceof CellSyntaxError) return { output_type: "error", ename: "SyntaxError", evalue: error.message, traceback: [`SyntaxError: ${error.message}`] };
  if (!(error instanceof Error)) {
    const evalue = inspect(error);
    return { output_type: "error", ename: "Uncaught", evalue, traceback: [`Uncaught ${evalue}`] };
  }
  const at = position(error, cell, compiled);
  const evalue = at ? withPosition(error.message, at) : error.message;
  return { output_type: "error", ename: error.name, evalue, traceback: [`${error.name}: ${evalue}`] };
}

function position(error: Error, cell: number, compiled: CompiledCell | undefined): CellPosition | undefined {
  if (!compiled) return undefined;
  const name = scriptName(cell).replace(/[.]/g, "\\.");
  const match = new RegExp(`${name}:(\\d+):(\\d+)`).exec(error.stack ?? "");
  if (!match) return undefined;
  const mapped = compiled.original(Number(match[1]), Number(match[2]) - 1);
  return { line: mapped.line, column: mapped.column + 1 };
}

post({ type: "ready" });
