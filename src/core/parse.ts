/**
 * Reading exact integers from config files, URLs and form fields: the inverse
 * of src/core/format.ts, kept apart from it so that the formatting
 * vocabulary and the parser each have one home.
 *
 * Pure functions, no dependencies, ES2022, no DOM.
 */

/** Options of {@link toBigInt}. */
export interface ToBigIntOptions {
  /** Smallest accepted value (inclusive), e.g. 0n or 1n. */
  min?: bigint;
  /** Largest accepted value (inclusive). */
  max?: bigint;
}

/** Longest integer (in digits) that a string may expand to; "1e1000000000" is refused rather than allocated. */
const MAX_PARSED_DIGITS = 1000;

/**
 * Read an exact integer from config or user input: a bigint, a safe-integer
 * number, or a decimal string — "124439808", "-3", or scientific notation
 * whose value is an integer ("1e11" → 100000000000n, "2.56e16" →
 * 25600000000000000n). Surrounding whitespace is ignored.
 *
 * Refuses, with an error whose message starts with `field`:
 * - fractions ("1.5", 1.5, "1e-3"), NaN and ±Infinity: RangeError;
 * - numbers beyond 2^53 − 1 (the double may already differ from the intended
 *   value): RangeError asking for a string or a bigint;
 * - values outside `opts.min` / `opts.max`: RangeError;
 * - other types and malformed strings: TypeError.
 */
export function toBigInt(value: unknown, field: string, opts: ToBigIntOptions = {}): bigint {
  let result: bigint;
  if (typeof value === "bigint") {
    result = value;
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`${field}: expected an integer; got ${String(value)}`);
    if (!Number.isInteger(value)) throw new RangeError(`${field}: expected an integer; got ${String(value)}`);
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(
        `${field}: ${String(value)} is beyond Number.MAX_SAFE_INTEGER (2^53 − 1) and may not be the value written; pass it as a string (e.g. "${String(value)}") or a bigint`,
      );
    }
    result = BigInt(value);
  } else if (typeof value === "string") {
    result = parseIntegerString(value, field);
  } else {
    throw new TypeError(
      `${field}: expected an integer (bigint, number or decimal string); got ${value === null ? "null" : typeof value}`,
    );
  }
  if (opts.min !== undefined && result < opts.min) {
    throw new RangeError(`${field}: must be ≥ ${opts.min.toString()}; got ${result.toString()}`);
  }
  if (opts.max !== undefined && result > opts.max) {
    throw new RangeError(`${field}: must be ≤ ${opts.max.toString()}; got ${result.toString()}`);
  }
  return result;
}

function parseIntegerString(raw: string, field: string): bigint {
  const text = raw.trim();
  const m = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m === null) {
    throw new TypeError(`${field}: ${JSON.stringify(raw)} is not a decimal integer`);
  }
  const negative = m[1] === "-";
  const fraction = m[3] ?? "";
  const allDigits = ((m[2] ?? "") + fraction).replace(/^0+/, "");
  if (allDigits === "") return 0n;
  // value = allDigits × 10^shift
  const shift = (m[4] === undefined ? 0 : Number(m[4])) - fraction.length;
  let magnitudeText: string;
  if (shift >= 0) {
    if (allDigits.length + shift > MAX_PARSED_DIGITS) {
      throw new RangeError(`${field}: ${JSON.stringify(raw)} has more than ${MAX_PARSED_DIGITS} digits`);
    }
    magnitudeText = allDigits + "0".repeat(shift);
  } else {
    const trailingZeros = allDigits.length - allDigits.replace(/0+$/, "").length;
    if (trailingZeros < -shift) {
      throw new RangeError(`${field}: expected an integer; got ${JSON.stringify(raw)}`);
    }
    magnitudeText = allDigits.slice(0, allDigits.length + shift);
  }
  const v = BigInt(magnitudeText);
  return negative ? -v : v;
}
