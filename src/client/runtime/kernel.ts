/**
 * The page's side of the runtime: one worker at a time, cells run one after
 * another. A cell that runs past the time limit, or that the reader stops,
 * ends the worker; the next run starts a fresh one (with an empty scope).
 */
import type { CellOutput, PreloadRequest, RunRequest, WorkerMessage } from "./protocol";

type TypeStripper = typeof import("./strip-types");
let typeStripper: Promise<TypeStripper> | undefined;
/** The type eraser and its grammar (shared with the editor): loaded on the first run, or when an editor opens. */
function loadTypeStripper(): Promise<TypeStripper> {
  return (typeStripper ??= import("./strip-types"));
}

function script(stripper: TypeStripper, source: string): RunRequest["script"] {
  try {
    return { ok: true, code: stripper.stripTypes(source) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export type RunOutcome = "ok" | "error" | "timeout" | "stopped" | "skipped";

/** The longest a cell may run before its worker is ended. */
export const CELL_TIME_LIMIT_MS = 10_000;

interface Pending {
  id: number;
  onOutput(output: CellOutput): void;
  finish(outcome: RunOutcome): void;
  /** Starts (or restarts) the time limit: `factor` times the limit while the cell's imports load. */
  startTimer(factor: number): void;
}

export class NotebookKernel {
  private worker: Worker | undefined;
  /** Runs posted and not finished, in the order the worker runs them; the first is running. */
  private queue: Pending[] = [];
  private nextId = 1;
  private executionCount = 0;
  /** Bumped each time the worker (and so the shared scope) is replaced. */
  generation = 0;

  constructor(private readonly timeLimitMs = CELL_TIME_LIMIT_MS) {}

  /** Whether a worker with a live scope exists. */
  get started(): boolean {
    return this.worker !== undefined;
  }

  /**
   * Runs one cell; outputs arrive through `onOutput` as the cell produces them. Runs may be queued: the
   * worker runs them one after another, and a `chained` run is skipped ("skipped") when the one before it
   * did not succeed.
   */
  run(cell: number, source: string, onOutput: (output: CellOutput) => void, options: { chained?: boolean } = {}): Promise<RunOutcome> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    this.executionCount++;
    return new Promise<RunOutcome>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const pending: Pending = {
        id,
        onOutput,
        startTimer: (factor) => {
          clearTimeout(timer);
          timer = setTimeout(() => this.end("timeout"), this.timeLimitMs * factor);
        },
        finish: (outcome) => {
          clearTimeout(timer);
          this.queue = this.queue.filter((entry) => entry !== pending);
          resolve(outcome);
          // The next queued run is now the worker's: its time limit counts from here (longer while its imports load).
          this.queue[0]?.startTimer(6);
        },
      };
      this.queue.push(pending);
      // Loading a cell's imports may take a while on a slow network: that counts against a longer limit.
      if (this.queue[0] === pending) pending.startTimer(6);
      const executionCount = this.executionCount;
      // Every run waits on the same load, so runs are posted in the order they were asked for.
      void loadTypeStripper().then(
        (stripper) => {
          // Ended (Stop, a time limit) while the grammar loaded: the worker it was meant for is gone.
          if (!this.queue.includes(pending) || this.worker !== worker) return;
          const request: RunRequest = { type: "run", id, cell, script: script(stripper, source), executionCount, ...(options.chained ? { chained: true } : {}) };
          worker.postMessage(request);
        },
        (error: unknown) => {
          if (!this.queue.includes(pending)) return;
          pending.onOutput({ output_type: "error", ename: "Error", evalue: `the runtime could not load its TypeScript reader (${error instanceof Error ? error.message : String(error)})`, traceback: [] });
          this.end("error");
        },
      );
    });
  }

  /**
   * Starts the worker and loads what these cells import, ahead of the first
   * run (the reader has opened an editor): library code only, no cell runs.
   */
  warm(sources: readonly string[]): void {
    const stripper = loadTypeStripper();
    void stripper.catch(() => undefined);
    if (this.worker) return;
    const worker = this.ensureWorker();
    void stripper.then(
      (loaded) => {
        if (this.worker !== worker) return;
        const scripts = sources.map((source) => script(loaded, source)).flatMap((erased) => (erased.ok ? [erased.code] : []));
        const request: PreloadRequest = { type: "preload", scripts };
        worker.postMessage(request);
      },
      () => undefined,
    );
  }

  /** Ends the running cell (and the worker with its scope). */
  stop(): void {
    this.end("stopped");
  }

  /** Drops the worker and its scope; the next run starts afresh. */
  restart(): void {
    this.end("stopped");
    this.worker?.terminate();
    this.worker = undefined;
    this.generation++;
  }

  private end(outcome: RunOutcome): void {
    const [running, ...queued] = this.queue;
    if (!running) return;
    this.worker?.terminate();
    this.worker = undefined;
    this.generation++;
    this.queue = [];
    running.finish(outcome);
    // Runs queued behind it never started, and the scope they would have run in is gone.
    for (const pending of queued) pending.finish("stopped");
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "notebook-runtime" });
    worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      const pending = this.queue[0];
      if (!pending || message.type === "ready" || message.id !== pending.id) return;
      if (message.type === "started") pending.startTimer(1);
      else if (message.type === "output") pending.onOutput(message.output);
      else pending.finish(message.ok ? "ok" : message.skipped ? "skipped" : "error");
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.queue[0]?.onOutput({ output_type: "error", ename: "Error", evalue: `the runtime could not start (${event.message || "worker error"})`, traceback: [] });
      this.end("error");
    });
    this.worker = worker;
    return worker;
  }
}
