import { describe, expect, it } from "vitest";
import { tableBundle } from "../../src/notebook/table";
import { prettyMarkup, textOf } from "./markup";

// Published totals (see src/core/presets.ts citations): GPT-2 124,439,808; Llama 2 7B 6,738,415,616.
const rows = [
  { model: "GPT-2 (124M)", params: 124439808n, layers: 12, "MFU": 0.4622 },
  { model: "Llama 2 7B", params: 6738415616n, layers: 32, "MFU": null },
];

describe("tableBundle", () => {
  it("groups digits, right-aligns numbers and escapes text, in HTML and as an aligned Markdown table", async () => {
    const bundle = tableBundle(rows, undefined, { caption: "Parameters" });
    expect(Object.keys(bundle.data).sort()).toEqual(["text/html", "text/plain"]);
    expect(textOf(bundle, "text/plain")).toBe(
      [
        "Parameters",
        "",
        "| model        |        params | layers |   MFU |",
        "| :----------- | ------------: | -----: | ----: |",
        "| GPT-2 (124M) |   124,439,808 |     12 | 0.462 |",
        "| Llama 2 7B   | 6,738,415,616 |     32 |       |",
      ].join("\n"),
    );
    const html = textOf(bundle, "text/html");
    // Digits may wrap between groups on a phone (<wbr> after each comma), never inside one.
    expect(html).toContain('<td style="text-align: right; font-variant-numeric: tabular-nums">6,<wbr>738,<wbr>415,<wbr>616</td>');
    expect(html).toContain('<td style="text-align: left">Llama 2 7B</td>');
    expect(html).toContain('<th scope="col" style="text-align: right; font-variant-numeric: tabular-nums">params</th>');
    await expect(prettyMarkup(html)).toMatchFileSnapshot("./__snapshots__/table-params.html");
  });

  it("shows every digit of counts beyond 2^53 and 3 significant digits of other numbers", () => {
    // 2^64 = 18,446,744,073,709,551,616 (hand arithmetic).
    const plain = textOf(tableBundle([{ n: 18446744073709551616n, seconds: 12345.678, tiny: 0.000123456 }]), "text/plain");
    expect(plain).toContain("18,446,744,073,709,551,616");
    expect(plain).toContain("12,300");
    expect(plain).toContain("0.000123");
  });

  it("takes columns with labels, alignment and formats, in the order given (numbers stay right-aligned when formatted)", () => {
    const plain = textOf(
      tableBundle(rows, [{ key: "params", label: "N", format: (v) => `${String(v)}n` }, { key: "model", align: "right" }]),
      "text/plain",
    );
    expect(plain.split("\n")).toEqual([
      "|           N |        model |",
      "| ----------: | -----------: |",
      "|  124439808n | GPT-2 (124M) |",
      "| 6738415616n |   Llama 2 7B |",
    ]);
  });

  it("escapes HTML and Markdown in cells and headers", () => {
    const bundle = tableBundle([{ "<th>": "<img src=x onerror=alert(1)>", pipe: "a|b\nc" }]);
    const html = textOf(bundle, "text/html");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain(">&lt;th&gt;</th>");
    expect(textOf(bundle, "text/plain")).toContain("| a\\|b c |");
  });

  it("names the row and column of a cell it cannot show", () => {
    expect(() => tableBundle([{ a: 1n }, { a: { x: 1 } as never }])).toThrow("tableBundle: rows[1].a is an object; cells must be bigint, number, string, boolean or empty");
    expect(() => tableBundle([{ a: 2 ** 60 }])).toThrow("tableBundle: rows[0].a = 1152921504606847000 is beyond 2^53 − 1, so its digits are not exact; pass a bigint");
    expect(() => tableBundle([{ a: Number.NaN }])).toThrow("tableBundle: rows[0].a is NaN, not a finite number");
    expect(() => tableBundle(rows, ["model", "parameters"])).toThrow('tableBundle: column "parameters" appears in no row (row keys: model, params, layers, MFU)');
    expect(() => tableBundle(rows, [{ key: "model", format: () => 3 as never }])).toThrow('tableBundle: the format of column "model" returned number for rows[0].model, not a string');
    expect(() => tableBundle("rows" as never)).toThrow("tableBundle: rows must be an array of objects; got string");
    expect(() => tableBundle([null as never])).toThrow("tableBundle: rows[0] must be an object of cells; got null");
    expect(() => tableBundle([])).toThrow("tableBundle: nothing to show");
  });

  it("keeps a number with the unit after it in HTML (no-break space), and only there", () => {
    const bundle = tableBundle([
      { GPU: "NVIDIA H200 SXM", "bf16 dense": "989.5 TFLOP/s", HBM: "141 GB", "step time": "93.9 ms (memory-bound)", others: "18 layers with a 128-token window" },
      { GPU: "Llama 3.1 70B", "bf16 dense": "0.24 Wh", HBM: "2 × 80 GB", "step time": "GPT-3 175B", others: "10,000 tokens" },
      { GPU: "Llama 4 Scout 17B-16E", "bf16 dense": "0.0702 J/token", HBM: "1.00 GiB", "step time": "Falcon-H1 Tiny 90M", others: "NVIDIA H100 SXM" },
    ]);
    const html = textOf(bundle, "text/html");
    for (const cell of ["989.5&nbsp;TFLOP/s", "141&nbsp;GB", "93.9&nbsp;ms (memory-bound)", "18&nbsp;layers with a 128-token window", "2 × 80&nbsp;GB", "10,<wbr>000&nbsp;tokens", "0.24&nbsp;Wh", "0.0702&nbsp;J/token", "1.00&nbsp;GiB"]) {
      expect(html).toContain(`>${cell}</td>`);
    }
    // A number followed by another number, or by a capitalised word (a name), is not followed by a unit.
    for (const name of ["Llama 3.1 70B", "GPT-3 175B", "Llama 4 Scout 17B-16E", "Falcon-H1 Tiny 90M", "NVIDIA H100 SXM"]) expect(html).toContain(`>${name}</td>`);
    expect(textOf(bundle, "text/plain")).toContain("989.5 TFLOP/s");
  });
});
