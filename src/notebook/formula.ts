import { evaluateFormula, exampleValues, type Formula } from "../core/formula";
import { formatScientific, formatScientificLatex, groupDigits } from "../core/format";
import type { MimeBundle } from "./bundle";
import { checkLabel } from "./label";

/** Options of {@link formulaBundle}. */
export interface FormulaDisplayOptions {
  /** Significant digits of the approximate values (default 3). */
  digits?: number;
  /** Equation label, e.g. "eq:gpt4o": the site numbers the equation and links `[](#eq:gpt4o)` to it. */
  label?: string;
}

/** Values from this size on also get an approximate value in scientific notation. */
const APPROXIMATE_FROM = 1_000_000n;

/**
 * A formula from the core as a MIME bundle: text/latex (one display-math
 * block: the title, the formula, the inputs, then every term with its exact
 * value, grouped, and its order of magnitude, and their sum) and text/plain.
 *
 * `values` default to the formula's example values. Missing or non-bigint
 * inputs throw a TypeError naming the variable (from `evaluateFormula`).
 */
export function formulaBundle<K extends string>(
  formula: Formula<K>,
  values?: Readonly<Record<K, bigint>>,
  options: FormulaDisplayOptions = {},
): MimeBundle {
  const inputs = values ?? exampleValues(formula);
  const result = evaluateFormula(formula, inputs);
  const digits = options.digits ?? 3;
  const inputList = formula.variables.map((v) => ({ latex: v.latex, name: v.name, value: inputs[v.name] }));

  const latexRows = result.terms.map(
    (term) => `${term.latex} &= ${exactLatex(term.value)}${approximateLatex(term.value, digits)} &&${latexProse(term.label)}`,
  );
  // The quantity goes on rows of its own, broken between words: a display equation does not wrap, and a
  // long row would be cut at the edge of a Jupyter output or a phone screen.
  latexRows.push(`\\text{sum} &= ${exactLatex(result.total)}${approximateLatex(result.total, digits)} &&`);
  const latex = [
    "$$",
    "\\begin{array}{l}",
    `${latexProse(formula.title, "\\textbf")}\\\\[4pt]`,
    ...wrapWords(`It counts ${formula.quantity}.`, PROSE_ROW_CHARS).map((line) => `${latexProse(line)}\\\\`),
    `${formula.latex}\\\\[6pt]`,
    ...inputRows(inputList.map((v) => `${v.latex} = ${exactLatex(v.value)}`)),
    "\\begin{aligned}",
    latexRows.join("\\\\\n"),
    "\\end{aligned}",
    `\\end{array}${options.label === undefined ? "" : `\\label{${checkLabel(options.label, "formulaBundle")}}`}`,
    "$$",
  ].join("\n");

  const plain = [
    formula.title,
    formula.latex,
    `with ${inputList.map((v) => `${v.name} = ${groupDigits(v.value)}`).join(", ")}`,
    ...result.terms.map((term) => `  ${term.label}: ${groupDigits(term.value)}${approximatePlain(term.value, digits)}`),
    `  sum (${formula.quantity}): ${groupDigits(result.total)}${approximatePlain(result.total, digits)}`,
  ].join("\n");

  return { data: { "text/latex": latex, "text/plain": plain }, metadata: {} };
}

/** Longest row of prose in a formula display, in characters: fits a Jupyter output and a 390-px phone at text size. */
const PROSE_ROW_CHARS = 56;

/** Text broken into lines of at most `width` characters, between words (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Inputs per row of "with …": more would run past the edge of a narrow output. */
const INPUTS_PER_ROW = 4;

/** The "with E = …, V = …" rows, a few inputs each. */
function inputRows(inputs: readonly string[]): string[] {
  const rows: string[] = [];
  for (let i = 0; i < inputs.length; i += INPUTS_PER_ROW) {
    const row = inputs.slice(i, i + INPUTS_PER_ROW).join(",\\; ");
    const last = i + INPUTS_PER_ROW >= inputs.length;
    rows.push(`${i === 0 ? "\\text{with } " : "\\phantom{\\text{with }}"}${row}${last ? "" : ","}\\\\${last ? "[6pt]" : ""}`);
  }
  return rows;
}

/** Grouped digits with LaTeX's {,} so the commas do not get punctuation spacing. */
function exactLatex(value: bigint): string {
  return groupDigits(value, "{,}");
}

function large(value: bigint): boolean {
  return (value < 0n ? -value : value) >= APPROXIMATE_FROM;
}

function approximateLatex(value: bigint, digits: number): string {
  return large(value) ? ` &&\\approx ${formatScientificLatex(value, digits)}` : " &&";
}

function approximatePlain(value: bigint, digits: number): string {
  return large(value) ? ` ≈ ${formatScientific(value, digits)}` : "";
}

const LATEX_TEXT_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  $: "\\$",
  "&": "\\&",
  "#": "\\#",
  "%": "\\%",
  _: "\\_",
  "^": "\\textasciicircum{}",
  "~": "\\textasciitilde{}",
};

/** Symbols that prose uses but text mode cannot set (KaTeX refuses them there); they are set in math mode instead. */
const MATH_SYMBOLS: Readonly<Record<string, string>> = {
  "×": "\\times",
  "·": "\\cdot",
  "−": "-",
  "≈": "\\approx",
  "≠": "\\ne",
  "≤": "\\le",
  "≥": "\\ge",
  "±": "\\pm",
  "→": "\\to",
  "∞": "\\infty",
  "…": "\\ldots",
  "²": "^{2}",
  "³": "^{3}",
};

/**
 * Prose (a title, a label) as LaTeX: `\text{…}` with its special characters
 * escaped, and symbols such as × and · set between text runs in math mode.
 * `command` is the text command, e.g. "\\textbf" for a heading.
 */
export function latexProse(text: string, command = "\\text"): string {
  let out = "";
  let run = "";
  const flush = (): void => {
    if (run !== "") out += `${command}{${run}}`;
    run = "";
  };
  for (const c of text) {
    const symbol = MATH_SYMBOLS[c];
    if (symbol !== undefined) {
      flush();
      out += symbol.startsWith("\\") ? `${symbol} ` : symbol;
    } else {
      run += LATEX_TEXT_ESCAPES[c] ?? c;
    }
  }
  flush();
  return out.trimEnd();
}
