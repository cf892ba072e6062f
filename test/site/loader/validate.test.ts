import { describe, expect, it } from "vitest";
import { NotebookError } from "../../../site/loaders/notebook/errors";
import { MAX_NOTEBOOK_BYTES, parseNotebook } from "../../../site/loaders/notebook/validate";
import { fixture, notebookText } from "./helpers";

describe("parseNotebook", () => {
  it("reads the good fixture: every cell, its type, its joined source, its tags and outputs", () => {
    const { file, text } = fixture("site/01-first.ipynb");
    const notebook = parseNotebook(file, text);
    expect(notebook.nbformatMinor).toBe(5);
    expect(notebook.cells).toHaveLength(18);
    expect(notebook.cells.map((cell) => cell.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    const first = notebook.cells[0];
    expect(first?.type).toBe("markdown");
    // Sources are stored as lists of lines; they come back joined.
    expect(first?.source.startsWith("# Fixture one: the question\n\nInline math")).toBe(true);
    expect(notebook.cells[4]?.tags).toEqual(["hide-input"]);
    expect(notebook.cells[3]?.outputs).toEqual([{ type: "stream", name: "stdout", text: "hello from stdout\n" }]);
  });

  it("refuses malformed JSON, naming the file", () => {
    const { file, text } = fixture("bad/malformed-json.ipynb");
    expect(() => parseNotebook(file, text)).toThrow(NotebookError);
    expect(() => parseNotebook(file, text)).toThrow(/^test\/fixtures\/site-notebooks\/bad\/malformed-json\.ipynb: is not valid JSON \(/);
  });

  it("refuses an nbformat 3 notebook", () => {
    const { file, text } = fixture("bad/nbformat-3.ipynb");
    expect(() => parseNotebook(file, text)).toThrow("bad/nbformat-3.ipynb: nbformat is number 3; only nbformat 4 notebooks are supported");
  });

  it("names the cell of a structural problem", () => {
    const { file, text } = fixture("bad/missing-outputs.ipynb");
    expect(() => parseNotebook(file, text)).toThrow("bad/missing-outputs.ipynb, cell 3: a code cell needs an outputs array, got nothing");
    const cells = [{ cell_type: "markdown", metadata: { tags: "margin" }, source: "x" }];
    expect(() => parseNotebook("n.ipynb", notebookText(cells))).toThrow('n.ipynb, cell 1: metadata.tags must be an array of strings, got "margin"');
    expect(() => parseNotebook("n.ipynb", notebookText([{ cell_type: "heading", metadata: {}, source: "x" }]))).toThrow('n.ipynb, cell 1: cell_type must be "markdown", "code" or "raw", got "heading"');
    const badOutput = [{ cell_type: "code", metadata: {}, execution_count: 1, source: "1", outputs: [{ output_type: "pyout" }] }];
    expect(() => parseNotebook("n.ipynb", notebookText(badOutput))).toThrow('n.ipynb, cell 1: output 1: output_type must be stream, display_data, execute_result or error, got "pyout"');
  });

  it("refuses a top level that is not a notebook object", () => {
    expect(() => parseNotebook("n.ipynb", "[]")).toThrow("n.ipynb: is not a notebook: the top level must be a JSON object");
    expect(() => parseNotebook("n.ipynb", JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {} }))).toThrow("n.ipynb: cells must be an array, got nothing");
  });

  it("refuses a notebook over the size limit before parsing it", () => {
    const huge = " ".repeat(MAX_NOTEBOOK_BYTES + 1);
    expect(() => parseNotebook("huge.ipynb", huge)).toThrow(`huge.ipynb: is ${MAX_NOTEBOOK_BYTES + 1} bytes`);
  });
});
