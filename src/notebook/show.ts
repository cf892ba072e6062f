import type { Formula } from "../core/formula";
import { displayBundle } from "./display";
import { formulaBundle, type FormulaDisplayOptions } from "./formula";
import { markdownBundle } from "./markdown";
import { plotBundle, type PlotDisplayOptions, type PlotInput } from "./plot";
import { tableBundle, type TableColumn, type TableOptions, type TableRow } from "./table";

/** Shows an Observable Plot chart (options, or an element Plot or a chart function rendered); see {@link plotBundle}. */
export function showPlot(input: PlotInput, options?: PlotDisplayOptions): void {
  displayBundle(plotBundle(input, options));
}

/** Shows rows of numbers as a table with grouped digits, numbers right-aligned; see {@link tableBundle}. */
export function showTable(rows: readonly TableRow[], columns?: ReadonlyArray<string | TableColumn>, options?: TableOptions): void {
  displayBundle(tableBundle(rows, columns, options));
}

/** Shows a formula from the core as LaTeX with every term's value (default: its example values); see {@link formulaBundle}. */
export function showFormula<K extends string>(formula: Formula<K>, values?: Readonly<Record<K, bigint>>, options?: FormulaDisplayOptions): void {
  displayBundle(formulaBundle(formula, values, options));
}

/** Shows Markdown prose. */
export function showMarkdown(text: string): void {
  displayBundle(markdownBundle(text));
}
