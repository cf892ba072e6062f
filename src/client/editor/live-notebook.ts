/**
 * Live notebook pages: every code cell can be edited and run in the reader's
 * browser (src/client/runtime), with tslab's semantics. Loaded on the first
 * pointer or focus on a code cell, or at once for a link holding edits;
 * CodeMirror loads on the first Edit. Nothing runs until the reader presses
 * Run (or Shift+Enter).
 */
import { NotebookKernel, type RunOutcome } from "../runtime/kernel";
import { positionOf, type CellOutput } from "../runtime/protocol";
import { publishedId, renderOutput, type RichRenderers } from "../runtime/render";
import type { CellEditor } from "./codemirror";
import { decodeEdits, EDITS_PREFIX, encodeEdits, type Edits } from "./share";
import { ISLAND_MIME } from "../../islands/island";

interface NotebookJson {
  cells: Array<{ cell_type: string; source: string | string[]; outputs?: CellOutput[]; execution_count?: number | null; metadata?: Record<string, unknown> }>;
  [key: string]: unknown;
}

interface LiveCell {
  number: number;
  published: string;
  source: string;
  /** The cell's element on the page (absent for a removed cell, which still runs). */
  element: HTMLElement | null;
  editor?: CellEditor;
  status?: HTMLElement;
  /** Outputs of the last run in this browser, if any. */
  outputs?: CellOutput[];
  executionCount?: number;
}

export interface LiveNotebookOptions {
  renderers: RichRenderers;
}

/** A cell's run posted to the runtime: outputs go to `sink` (kept in `early` until the page shows them). */
interface QueuedRun {
  cell: LiveCell;
  sink(output: CellOutput): void;
  early: CellOutput[];
  outcome: Promise<RunOutcome>;
}

const NOTE = "Runs in your browser. Types are stripped, not checked (Jupyter checks them).";

export class LiveNotebook {
  private readonly kernel = new NotebookKernel();
  private readonly cells: LiveCell[];
  /** Cells run, in page order, in the current worker (its generation). */
  private ranThrough = -1;
  private ranGeneration = -1;
  private busy = false;
  private executions = 0;
  private pageStatus!: HTMLElement;

  private constructor(
    private readonly document: Document,
    private readonly notebook: NotebookJson,
    private readonly options: LiveNotebookOptions,
  ) {
    this.cells = notebook.cells.flatMap((cell, index) => {
      if (cell.cell_type !== "code") return [];
      const number = index + 1;
      const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
      return [{ number, published: source, source, element: document.querySelector<HTMLElement>(`.cell-code[data-cell="${number}"]`) }];
    });
  }

  /** Loads the notebook's .ipynb (next to the page) and adds the controls. */
  static async start(document: Document, options: LiveNotebookOptions): Promise<LiveNotebook | undefined> {
    const body = document.querySelector<HTMLElement>(".notebook-body");
    const link = document.querySelector<HTMLAnchorElement>(".notebook-meta a.download");
    if (!body || !link) return undefined;
    const response = await fetch(link.href);
    if (!response.ok) throw new Error(`could not load the notebook (${response.status})`);
    const live = new LiveNotebook(document, (await response.json()) as NotebookJson, options);
    live.addControls(body);
    await live.applyLink(document.location.hash);
    return live;
  }

  // -------------------------------------------------------------------------
  // Controls

  private addControls(body: HTMLElement): void {
    const bar = this.element("div", "live-page-bar");
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Live notebook");
    bar.append(
      this.button("Run all", () => this.runRange(0, this.cells.length - 1)),
      this.button("Copy link with my edits", () => void this.copyLink()),
      this.button("Download .ipynb with my edits", () => this.download()),
    );
    this.pageStatus = this.element("p", "live-page-status");
    this.pageStatus.setAttribute("role", "status");
    this.pageStatus.textContent = `Every code cell can be edited and run here. ${NOTE}`;
    const meta = body.querySelector(".notebook-meta");
    (meta ?? body.firstElementChild)?.after(bar, this.pageStatus);
    this.cells.forEach((cell, index) => this.addCellControls(cell, index));
  }

  private addCellControls(cell: LiveCell, index: number): void {
    const input = cell.element?.querySelector<HTMLElement>(".cell-input");
    if (!cell.element || !input) return;
    const bar = this.element("div", "live-cell-bar");
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", `Cell ${cell.number}`);
    bar.append(
      this.button("Edit", () => void this.openEditor(cell), "live-edit"),
      this.button("Run", () => void this.runCell(index), "live-run"),
      this.button("Run above", () => void this.runRange(0, index - 1), "live-run-above"),
      this.button("Run this and below", () => void this.runRange(index, this.cells.length - 1), "live-run-below"),
      this.button("Stop", () => this.kernel.stop(), "live-stop"),
      this.button("Reset", () => this.reset(cell), "live-reset"),
    );
    cell.status = this.element("p", "live-cell-status");
    cell.status.setAttribute("role", "status");
    input.before(bar);
    input.after(cell.status);
    const pre = input.querySelector("pre");
    pre?.addEventListener("click", () => void this.openEditor(cell));
    pre?.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && event.shiftKey) {
        event.preventDefault();
        void this.runCell(index);
      }
    });
  }

  private async openEditor(cell: LiveCell): Promise<void> {
    if (cell.editor) return cell.editor.focus();
    const input = cell.element?.querySelector<HTMLElement>(".cell-input");
    if (!input) return;
    const details = input.closest("details");
    if (details) details.open = true;
    // The reader is about to run something: load the runtime while the editor loads.
    this.kernel.warm(this.cells.map((cell) => cell.source).filter((source) => /^\s*import\b/m.test(source)));
    const { createEditor } = await import("./codemirror");
    if (cell.editor) return;
    const host = this.element("div", "live-editor");
    const pre = input.querySelector("pre");
    pre?.setAttribute("hidden", "");
    input.append(host);
    const index = this.cells.indexOf(cell);
    cell.editor = createEditor(host, cell.source, {
      label: `Code of cell ${cell.number}`,
      onRun: () => void this.runCell(index),
      onChange: (source) => this.setSource(cell, source),
    });
    const note = this.element("p", "live-note");
    note.textContent = NOTE;
    host.after(note);
    cell.editor.focus();
  }

  private setSource(cell: LiveCell, source: string): void {
    cell.source = source;
    cell.element?.classList.toggle("live-edited", source !== cell.published);
  }

  private reset(cell: LiveCell): void {
    if (cell.editor) cell.editor.setSource(cell.published);
    this.setSource(cell, cell.published);
    const pre = cell.element?.querySelector(".cell-input pre:not(.cm-content)");
    if (!cell.editor) {
      const code = cell.element?.querySelector<HTMLElement>(".live-source");
      code?.remove();
      pre?.removeAttribute("hidden");
    }
    cell.element?.querySelector(".live-outputs")?.remove();
    cell.element?.querySelector(".cell-outputs[hidden]")?.removeAttribute("hidden");
    // The published figures and equations take their ids back (cross-references land on them again).
    for (const moved of cell.element?.querySelectorAll("[data-published-id]") ?? []) {
      moved.setAttribute("id", moved.getAttribute("data-published-id")!);
      moved.removeAttribute("data-published-id");
    }
    cell.outputs = undefined;
    if (cell.status) cell.status.textContent = "Reset to the published code and outputs.";
  }

  // -------------------------------------------------------------------------
  // Running

  /** Runs one cell; when the cells above have not run in this runtime yet, runs them first. */
  runCell(index: number): Promise<RunOutcome | undefined> {
    return this.runRange(index, index);
  }

  /**
   * Runs cells `from`…`to` in order, stopping at the first that fails. Cells
   * above `from` that have not run in this runtime (a fresh page, or after a
   * stop) run first, and the status line says so.
   */
  async runRange(from: number, to: number): Promise<RunOutcome | undefined> {
    if (this.busy || to < 0 || from > to) return undefined;
    const fresh = this.ranGeneration !== this.kernel.generation || !this.kernel.started;
    const start = fresh ? 0 : Math.min(from, this.ranThrough + 1);
    const above = from - start;
    const target = this.cells[from];
    if (above > 0 && target?.status) target.status.textContent = `This page has not run here yet: running the ${above} code cell${above === 1 ? "" : "s"} above first…`;
    this.busy = true;
    let outcome: RunOutcome = "ok";
    try {
      // All the cells go to the worker at once: it runs each as soon as the one before it has succeeded, while
      // the page shows the outputs it has already sent (a round trip per cell waited on the page's rendering).
      const queued = this.cells.slice(start, to + 1).map((cell, k) => this.queueRun(cell, k > 0));
      for (const [k, run] of queued.entries()) {
        const index = start + k;
        outcome = await this.runOne(run);
        // A cell that failed has still run (as in Jupyter); a stop or timeout replaced the runtime.
        if (outcome === "ok" || outcome === "error") {
          this.ranThrough = fresh ? index : Math.max(this.ranThrough, index);
          this.ranGeneration = this.kernel.generation;
        }
        if (outcome !== "ok") break;
      }
    } finally {
      this.busy = false;
    }
    if (above > 0 && outcome === "ok" && target?.status) target.status.textContent = `Ran the ${above} code cell${above === 1 ? "" : "s"} above first (this page had not run here yet), then this one.`;
    if (outcome === "ok") this.pageStatus.textContent = `Ran up to cell ${this.cells[to]?.number}. ${NOTE}`;
    return outcome;
  }

  /** Posts a cell's run to the runtime; its outputs wait for `runOne` (the cells above show theirs first). */
  private queueRun(cell: LiveCell, chained: boolean): QueuedRun {
    const early: CellOutput[] = [];
    const run: QueuedRun = { cell, sink: (output) => early.push(output), early, outcome: Promise.resolve("ok") };
    run.outcome = this.kernel.run(cell.number, cell.source, (output) => run.sink(output), { chained });
    return run;
  }

  private async runOne(run: QueuedRun): Promise<RunOutcome> {
    const { cell } = run;
    const outputs: CellOutput[] = [];
    const container = this.outputContainer(cell);
    container?.replaceChildren();
    cell.element?.setAttribute("data-live", "running");
    if (cell.status) cell.status.textContent = `Running cell ${cell.number}…`;
    const rendering: Array<Promise<void>> = [];
    const show = (output: CellOutput): void => {
      const last = outputs[outputs.length - 1];
      if (output.output_type === "stream" && last?.output_type === "stream" && last.name === output.name) {
        last.text += output.text;
        const element = container?.lastElementChild?.querySelector("pre");
        if (element) element.textContent = last.text;
        return;
      }
      outputs.push(output.output_type === "stream" ? { ...output } : output);
      if (container) {
        const slot = this.element("div", "live-slot");
        container.append(slot);
        const place = outputs.length - 1;
        const published = this.publishedOutput(cell, place);
        const element = this.samePublished(cell, place, output) && published ? Promise.resolve(copyOfPublished(published)) : renderOutput(output, this.document, this.options.renderers, published);
        rendering.push(
          element.then((shown) => {
            slot.replaceWith(shown);
            if (published) moveIds(published, shown);
          }),
        );
      }
    };
    for (const output of run.early.splice(0)) show(output);
    run.sink = show;
    const outcome = await run.outcome;
    if (outcome === "timeout" || outcome === "stopped") {
      const reason = outcome === "timeout" ? "ran longer than 10 seconds and was stopped" : "was stopped";
      show({ output_type: "error", ename: "Stopped", evalue: `cell ${cell.number} ${reason}; the runtime restarted, so the next run starts from the top`, traceback: [] });
    }
    await Promise.all(rendering);
    cell.outputs = outputs;
    cell.executionCount = ++this.executions;
    cell.element?.setAttribute("data-live", outcome);
    const error = outputs.find((output): output is Extract<CellOutput, { output_type: "error" }> => output.output_type === "error");
    cell.editor?.markError(error && positionOf(error.evalue)?.line);
    if (cell.status) cell.status.textContent = outcome === "ok" ? `Cell ${cell.number} ran in your browser.` : outcome === "error" ? `Cell ${cell.number} failed; see the error below.` : `Cell ${cell.number} ${outcome === "timeout" ? "timed out" : "was stopped"}.`;
    return outcome;
  }

  /** The page's element for output `place` of the cell (what the build rendered), if the page shows it. */
  private publishedOutput(cell: LiveCell, place: number): HTMLElement | null {
    const outputs = cell.element?.querySelectorAll<HTMLElement>(".cell-outputs:not(.live-outputs) > .output");
    return outputs?.[place] ?? null;
  }

  /**
   * Whether a run's output is the published one (same type, MIME bundle and metadata): the page then
   * shows the build's own rendering of it, so KaTeX and the Markdown renderer load only for outputs that
   * changed. Islands are always rendered afresh (each live island gets its own id).
   */
  private samePublished(cell: LiveCell, place: number, output: CellOutput): boolean {
    if (output.output_type !== "display_data" && output.output_type !== "execute_result") return false;
    if (ISLAND_MIME in output.data) return false;
    const original = this.notebook.cells[cell.number - 1]?.outputs?.[place];
    if (original?.output_type !== "display_data" && original?.output_type !== "execute_result") return false;
    const text = (value: unknown): unknown => (Array.isArray(value) ? value.join("") : value);
    const bundle = (data: Record<string, unknown>): string => JSON.stringify(Object.entries(data).map(([type, value]) => [type, text(value)]).sort());
    return bundle(original.data) === bundle(output.data) && JSON.stringify(original.metadata ?? {}) === JSON.stringify(output.metadata ?? {});
  }

  private outputContainer(cell: LiveCell): HTMLElement | undefined {
    if (!cell.element) return undefined;
    let live = cell.element.querySelector<HTMLElement>(".live-outputs");
    if (!live) {
      const published = cell.element.querySelector<HTMLElement>(".cell-outputs");
      live = this.element("div", "cell-outputs live-outputs");
      live.setAttribute("aria-live", "polite");
      if (published) {
        published.setAttribute("hidden", "");
        published.after(live);
      } else cell.element.append(live);
    }
    return live;
  }

  // -------------------------------------------------------------------------
  // Links and downloads

  private edits(): Edits {
    return new Map(this.cells.filter((cell) => cell.source !== cell.published).map((cell) => [cell.number, cell.source]));
  }

  private async copyLink(): Promise<void> {
    const edits = this.edits();
    const url = new URL(this.document.location.href);
    url.hash = edits.size ? await encodeEdits(edits) : "";
    this.document.defaultView?.history.replaceState(null, "", url.href);
    try {
      await navigator.clipboard.writeText(url.href);
      this.pageStatus.textContent = edits.size ? `Link copied, with your edits to ${this.describe([...edits.keys()])}.` : "Link copied (no edits to include).";
    } catch {
      this.pageStatus.textContent = "The address bar now holds the link with your edits; copy it from there.";
    }
  }

  private async applyLink(hash: string): Promise<void> {
    if (!hash.startsWith(EDITS_PREFIX)) return;
    const decoded = await decodeEdits(hash, new Set(this.cells.map((cell) => cell.number)));
    if (!(decoded instanceof Map)) {
      this.pageStatus.textContent = `This link's edits were not applied: ${decoded.problem}. The page shows the published notebook.`;
      return;
    }
    for (const [number, source] of decoded) {
      const cell = this.cells.find((candidate) => candidate.number === number)!;
      this.setSource(cell, source);
      const input = cell.element?.querySelector<HTMLElement>(".cell-input");
      if (input) {
        const pre = input.querySelector("pre");
        pre?.setAttribute("hidden", "");
        const code = this.element("pre", "live-source");
        code.textContent = source;
        code.tabIndex = 0;
        code.addEventListener("click", () => {
          code.remove();
          void this.openEditor(cell);
        });
        input.append(code);
      }
      cell.element?.querySelector(".cell-outputs")?.setAttribute("hidden", "");
      if (cell.status) cell.status.textContent = "Edited in the link you opened; not run. Press Run to run it.";
    }
    if (decoded.size) this.pageStatus.textContent = `This link holds edits to ${this.describe([...decoded.keys()])}, marked “edited”. Nothing has run: press Run on a cell to run it.`;
  }

  private download(): void {
    const notebook: NotebookJson = JSON.parse(JSON.stringify(this.notebook)) as NotebookJson;
    for (const cell of this.cells) {
      const target = notebook.cells[cell.number - 1]!;
      target.source = cell.source.split(/(?<=\n)/);
      if (cell.outputs) {
        target.outputs = cell.outputs.map((output) => (output.output_type === "stream" ? { ...output, text: output.text } : output));
        target.execution_count = cell.executionCount ?? null;
      } else if (cell.source !== cell.published) {
        target.outputs = [];
        target.execution_count = null;
      }
    }
    const blob = new Blob([`${JSON.stringify(notebook, null, 1)}\n`], { type: "application/x-ipynb+json" });
    const anchor = this.document.createElement("a");
    anchor.href = URL.createObjectURL(blob);
    const name = this.document.querySelector<HTMLAnchorElement>(".notebook-meta a.download")?.getAttribute("download") ?? "notebook.ipynb";
    anchor.download = name.replace(/\.ipynb$/, "-edited.ipynb");
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(anchor.href), 10_000);
  }

  // -------------------------------------------------------------------------

  private describe(numbers: number[]): string {
    return numbers.length === 1 ? `cell ${numbers[0]}` : `cells ${numbers.join(", ")}`;
  }

  private element(tag: string, className: string): HTMLElement {
    const element = this.document.createElement(tag);
    element.className = className;
    return element;
  }

  private button(label: string, action: () => unknown, className = ""): HTMLButtonElement {
    const button = this.element("button", `live-button ${className}`.trim()) as HTMLButtonElement;
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", () => void action());
    return button;
  }
}

/**
 * A live output that took a published figure's or equation's id: the hidden published element gives it up
 * (kept in data-published-id until Reset), so the page has each id once and links land on what is shown.
 */
function moveIds(published: Element, shown: Element): void {
  for (const element of published.querySelectorAll("[id]")) {
    const id = element.getAttribute("id")!;
    if (shown.querySelector(`[id="${CSS.escape(id)}"]`) === null) continue;
    element.setAttribute("data-published-id", id);
    element.removeAttribute("id");
  }
}

/** A copy of a published output, with the ids it has (or gave to an earlier run's copy). */
function copyOfPublished(published: HTMLElement): HTMLElement {
  const copy = published.cloneNode(true) as HTMLElement;
  for (const element of [copy, ...copy.querySelectorAll("[data-published-id]")]) {
    const id = element.getAttribute("data-published-id");
    if (id === null) continue;
    element.setAttribute("id", id);
    element.removeAttribute("data-published-id");
  }
  return copy;
}
