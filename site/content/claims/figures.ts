/**
 * A figure a claim's check computes: its exact value and how the page writes
 * it. Tests read `value`; the page shows `text`, and the prose refers to it
 * by id (`{id}` in prose.md).
 */
import { formatFloat, formatPercent, formatScientificUnicode, formatTimes, groupDigits } from "../../../src/core/index";

export interface Figure {
  /** What it is, as the figure list under the verdict labels it. */
  label: string;
  /** The value: exact counts as bigint, ratios and shares as numbers. */
  value: bigint | number;
  /** As the page writes it. */
  text: string;
  /** False for figures the prose uses but the list under the verdict leaves out. Default true. */
  listed?: boolean;
}

/** A check's figures by id, in the order they are listed. */
export type Figures = Record<string, Figure>;

/** An exact count: digits grouped, then scientific. */
export function count(label: string, value: bigint, listed = true): Figure {
  return { label, value, text: `${groupDigits(value)} (${formatScientificUnicode(value)})`, listed };
}

/** A count in scientific notation only. */
export function scientific(label: string, value: bigint | number, listed = true): Figure {
  return { label, value, text: formatScientificUnicode(value), listed };
}

/** A whole number, digits grouped. */
export function whole(label: string, value: bigint | number, listed = true): Figure {
  return { label, value, text: groupDigits(value), listed };
}

/** part / whole as a percentage. */
export function share(label: string, part: bigint, of: bigint, listed = true): Figure {
  const value = Number(part) / Number(of);
  return { label, value, text: formatPercent(value), listed };
}

/** big / small as a factor, written as everywhere else ("6,887×"). */
export function times(label: string, big: bigint, small: bigint, listed = true): Figure {
  return { label, value: Number(big) / Number(small), text: formatTimes(big, small), listed };
}

/** a / b to three significant digits. */
export function ratio(label: string, a: bigint | number, b: bigint | number, listed = true): Figure {
  const value = Number(a) / Number(b);
  return { label, value, text: `${formatFloat(value, 3)}×`, listed };
}

/** A number with its own text. */
export function plain(label: string, value: bigint | number, text: string, listed = true): Figure {
  return { label, value, text, listed };
}
