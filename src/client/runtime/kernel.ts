/**
 * The page's side of the runtime: one worker at a time, cells run one after
 * another. A cell that runs past the time limit, or that the reader stops,
 * ends the worker; the next run starts a fresh one (with an empty scope).
 */
import type { CellOutput, PreloadRequest, RunRequest, WorkerMessage } from "./protocol";

export type RunOutcome = "ok" | "error" | "timeout" | "stopped";

/** The longest a cell may run before its worker is ended. */
export const CELL_TIME_LIMIT_MS = 10_000;

interface Pending {
  id: number;
  onOutput(output: CellOutput): void;
  finish(outcome: RunOutcome): void;
  /** Restarts the time limit (when the cell's code starts, after its imports have loaded). */
  restartTimer(): void;
}

export class NotebookKernel {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  private nextId = 1;
  private executionCount = 0;
  /** Bumped each time the worker (and so the shared scope) is replaced. */
  generation = 0;

  constructor(private readonly timeLimitMs = CELL_TIME_LIMIT_MS) {}

  /** Whether a worker with a live scope exists. */
  get started(): boolean {
    return this.worker !== undefined;
  }

  /** Runs one cell; outputs arrive through `onOutput` as the cell produces them. */
  run(cell: number, source: string, onOutput: (output: CellOutput) => void): Promise<RunOutcome> {
    if (this.pending) return Promise.reject(new Error("a cell is already running"));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    this.executionCount++;
    return new Promise<RunOutcome>((resolve) => {
      // Loading a cell's imports may take a while on a slow network: that counts against a longer limit.
      let timer = setTimeout(() => this.end("timeout"), this.timeLimitMs * 6);
      this.pending = {
        id,
        onOutput,
        restartTimer: () => {
          clearTimeout(timer);
          timer = setTimeout(() => this.end("timeout"), this.timeLimitMs);
        },
        finish: (outcome) => {
          clearTimeout(timer);
          this.pending = undefined;
          resolve(outcome);
        },
      };
      const request: RunRequest = { type: "run", id, cell, source, executionCount: this.executionCount };
      worker.postMessage(request);
    });
  }

  /**
   * Starts the worker and loads these modules in it, ahead of the first run
   * (the reader has opened an editor): library code only, no cell runs.
   */
  warm(specifiers: readonly string[]): void {
    if (this.worker) return;
    const request: PreloadRequest = { type: "preload", specifiers: [...specifiers] };
    this.ensureWorker().postMessage(request);
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
    const pending = this.pending;
    if (!pending) return;
    this.worker?.terminate();
    this.worker = undefined;
    this.generation++;
    pending.finish(outcome);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "notebook-runtime" });
    worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      const pending = this.pending;
      if (!pending || message.type === "ready" || message.id !== pending.id) return;
      if (message.type === "started") pending.restartTimer();
      else if (message.type === "output") pending.onOutput(message.output);
      else pending.finish(message.ok ? "ok" : "error");
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      const pending = this.pending;
      if (!pending) return;
      pending.onOutput({ output_type: "error", ename: "Error", evalue: `the runtime could not start (${event.message || "worker error"})`, traceback: [] });
      this.worker?.terminate();
      this.worker = undefined;
      this.generation++;
      pending.finish("error");
    });
    this.worker = worker;
    return worker;
  }
}
