/**
 * A formula as data: one definition that notebooks, the site and the CLI all
 * render (LaTeX) and evaluate (exact bigint arithmetic).
 */

/** Where a formula or figure comes from. */
export interface Citation {
  /** Short label, e.g. "Kaplan et al. 2020, Table 1". */
  label: string;
  /** Full reference: authors, title, venue or URL. */
  reference: string;
  /** Optional locator inside the work (section, table, equation, line). */
  locator?: string;
  /** Public address, when there is one. */
  url?: string;
}

/** One input of a formula. */
export interface Variable {
  /** Key used in the values object, e.g. "E". */
  name: string;
  /** How the symbol is typeset, e.g. "E" or "n_{\\text{layer}}". */
  latex: string;
  /** What it means, in words. */
  meaning: string;
  /** A typical or example value. */
  example?: bigint;
}

/** One additive part of a formula, with its own LaTeX and evaluator. */
export interface Term<K extends string = string> {
  /** Stable identifier, e.g. "mlp". */
  id: string;
  /** Human label, e.g. "two-layer MLPs". */
  label: string;
  /** LaTeX of this term alone. */
  latex: string;
  /** What the term claims to count (as the source states it). */
  claim: string;
  /** Exact value for the given inputs. */
  evaluate(values: Readonly<Record<K, bigint>>): bigint;
}

export interface Formula<K extends string = string> {
  /** Stable identifier, e.g. "gpt4o". */
  id: string;
  title: string;
  /** The whole formula in LaTeX (left-hand side included when the source has one). */
  latex: string;
  /** What the formula's value is supposed to be (e.g. "FLOPs per generated token"). */
  quantity: string;
  variables: ReadonlyArray<Variable & { name: K }>;
  /** The terms, in source order; the formula's value is their sum. */
  terms: ReadonlyArray<Term<K>>;
  source: Citation;
  /** Remarks on conventions, known slips and what the formula leaves out. */
  notes?: readonly string[];
}

export interface TermValue {
  id: string;
  label: string;
  latex: string;
  value: bigint;
}

export interface FormulaValue {
  formula: string;
  total: bigint;
  terms: TermValue[];
}

/** Evaluates every term and their sum, rejecting missing or non-integer inputs by name. */
export function evaluateFormula<K extends string>(
  formula: Formula<K>,
  values: Readonly<Record<K, bigint>>,
): FormulaValue {
  for (const variable of formula.variables) {
    const value = (values as Record<string, unknown>)[variable.name];
    if (typeof value !== "bigint") {
      throw new TypeError(
        `formula "${formula.id}": variable ${variable.name} (${variable.meaning}) must be a bigint, got ${describe(value)}`,
      );
    }
  }
  const terms = formula.terms.map((term) => ({
    id: term.id,
    label: term.label,
    latex: term.latex,
    value: term.evaluate(values),
  }));
  const total = terms.reduce((sum, term) => sum + term.value, 0n);
  return { formula: formula.id, total, terms };
}

/** Example values of every variable, for rendering a formula without inputs. */
export function exampleValues<K extends string>(formula: Formula<K>): Record<K, bigint> {
  const values = {} as Record<K, bigint>;
  for (const variable of formula.variables) {
    if (variable.example === undefined) {
      throw new TypeError(`formula "${formula.id}": variable ${variable.name} has no example value`);
    }
    values[variable.name] = variable.example;
  }
  return values;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number") return `the number ${value}`;
  return typeof value;
}
