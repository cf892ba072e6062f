/**
 * Physics inputs (rates, efficiencies, watts, prices) are floats and come
 * from users, URLs and notebook cells; every one is checked here so that no
 * NaN or Infinity can reach a printed number.
 */

/** An energy-model input that cannot be used; `field` names it (e.g. "decodeUtilization"). */
export class EnergyInputError extends RangeError {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "EnergyInputError";
    this.field = field;
  }
}

/**
 * One named assumption behind a figure: its value, unit and why it was
 * chosen, so that every number printed can be traced to what it rests on.
 */
export interface Assumption {
  value: number | string | boolean;
  /** Unit of `value`, when it has one ("W", "B/s", "tokens"). */
  unit?: string;
  /** What the assumption means and where its value comes from. */
  note: string;
}

/** Named assumptions, keyed by the option that sets them. */
export type Assumptions = Record<string, Assumption>;

/** A finite number > 0. */
export function positive(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new EnergyInputError(field, `must be a positive number, got ${describe(value)}`);
  }
  return value;
}

/** A finite number ≥ 0. */
export function nonNegative(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new EnergyInputError(field, `must be a number ≥ 0, got ${describe(value)}`);
  }
  return value;
}

/** A share of a peak: a number in (0, 1]. */
export function fraction(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw new EnergyInputError(field, `must be a number in (0, 1], got ${describe(value)}`);
  }
  return value;
}

/** A multiplier that can only add (PUE, host overhead): a finite number ≥ 1. */
export function atLeastOne(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 1) {
    throw new EnergyInputError(field, `must be a number ≥ 1, got ${describe(value)}`);
  }
  return value;
}

/** A whole count ≥ `min` (batch, GPUs, tokens). */
export function wholeNumber(value: unknown, field: string, min = 1): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new EnergyInputError(field, `must be a whole number ≥ ${min}, got ${describe(value)}`);
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  return value === null ? "null" : typeof value;
}
