/**
 * Number formatting for exact counts.
 *
 * FLOP and parameter counts are `bigint` because they pass 2^53; every
 * rounding here is done on exact integers (a `number` is first turned into the
 * exact fraction it stores), so "1.00 G" for 999 950 000 or "1.00×10^16" for
 * 9.995e15 never depend on a float rounding the wrong way. Rounding is half up
 * in magnitude (half away from zero) everywhere.
 *
 * Pure functions, no dependencies, ES2022, no DOM.
 */

// ---------------------------------------------------------------------------
// Internal helpers: exact rationals and significant-digit rounding
// ---------------------------------------------------------------------------

/** |value| = num / den exactly, with den > 0 and num >= 0. */
interface Magnitude {
  negative: boolean;
  num: bigint;
  den: bigint;
}

/** Significant digits as an integer `digits` (exactly `sig` decimal digits) times 10^(exp − sig + 1). */
interface Rounded {
  /** The significant digits, e.g. "173". */
  digits: string;
  /** Decimal exponent of the first digit: 1.73×10^exp. */
  exp: number;
}

const MAX_SIGNIFICANT = 100;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function checkSignificant(digits: number, name: string): void {
  if (!Number.isInteger(digits) || digits < 1 || digits > MAX_SIGNIFICANT) {
    throw new RangeError(`${name} must be an integer from 1 to ${MAX_SIGNIFICANT}; got ${String(digits)}`);
  }
}

/**
 * The exact value of a bigint or a finite number as a fraction. A finite double
 * is m/2^k exactly, and doubling a non-integer double is exact (it is < 2^53),
 * so the loop below loses nothing.
 */
function magnitude(x: bigint | number, name: string): Magnitude {
  if (typeof x === "bigint") {
    return { negative: x < 0n, num: x < 0n ? -x : x, den: 1n };
  }
  if (typeof x !== "number") {
    throw new TypeError(`${name} expects a bigint or a number; got ${typeof x}`);
  }
  if (!Number.isFinite(x)) {
    throw new RangeError(`${name} cannot format ${String(x)}`);
  }
  const negative = x < 0;
  let v = Math.abs(x);
  let den = 1n;
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return { negative, num: BigInt(v), den };
}

/** num/den ≥ 10^e, for num, den > 0. */
function atLeastPow10(num: bigint, den: bigint, e: number): boolean {
  return e >= 0 ? num >= den * pow10(e) : num * pow10(-e) >= den;
}

/** Round num/den (both > 0) to `sig` significant digits, half up, carrying into the exponent. */
function roundSignificant(num: bigint, den: bigint, sig: number): Rounded {
  let exp = num.toString().length - den.toString().length;
  // num/den lies in [10^(exp−1), 10^(exp+1)); settle which decade.
  if (!atLeastPow10(num, den, exp)) exp -= 1;
  const shift = sig - 1 - exp;
  const n = shift >= 0 ? num * pow10(shift) : num;
  const d = shift >= 0 ? den : den * pow10(-shift);
  let q = n / d;
  if (2n * (n % d) >= d) q += 1n;
  if (q === pow10(sig)) {
    q = pow10(sig - 1);
    exp += 1;
  }
  return { digits: q.toString(), exp };
}

/** Rounded value compared with an integer: is digits×10^(exp−sig+1) ≥ limit? */
function roundedAtLeast(r: Rounded, limit: bigint): boolean {
  const scale = r.exp - r.digits.length + 1;
  const d = BigInt(r.digits);
  return scale >= 0 ? d * pow10(scale) >= limit : d >= limit * pow10(-scale);
}

/** Positional decimal text of digits×10^(exp−len+1): ("173", 0) → "1.73", ("1", -7) → "0.0000001". */
function positional(digits: string, exp: number): string {
  const len = digits.length;
  if (exp >= len - 1) return digits + "0".repeat(exp - len + 1);
  if (exp >= 0) return `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return `0.${"0".repeat(-exp - 1)}${digits}`;
}

/** "1.73" from ("173", …): the mantissa of scientific notation. */
function mantissa(digits: string): string {
  return digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
}

function insertSeparators(intDigits: string, sep: string): string {
  let out = "";
  const len = intDigits.length;
  for (let i = 0; i < len; i++) {
    if (i > 0 && (len - i) % 3 === 0) out += sep;
    out += intDigits[i];
  }
  return out;
}

/**
 * Positional text of a finite number that is a safe integer or not an integer
 * (so |x| < 2^53 and String(x) is positional except for tiny values such as
 * "1.5e-7", which become "0.00000015"). −0 gives "0".
 */
function plainNumberText(x: number): string {
  const sign = x < 0 ? "-" : "";
  const s = String(Math.abs(x));
  const m = /^(\d)(?:\.(\d+))?e-(\d+)$/.exec(s);
  if (m === null) return sign + s;
  return `${sign}0.${"0".repeat(Number(m[3]) - 1)}${m[1] ?? ""}${m[2] ?? ""}`;
}

// ---------------------------------------------------------------------------
// Digit grouping
// ---------------------------------------------------------------------------

/**
 * Digits grouped in threes: `groupDigits(1731304652800000n)` →
 * "1,731,304,652,800,000". Exact counts are read by people, and 16 ungrouped
 * digits are not.
 *
 * - bigint: every digit, sign kept ("-1,000").
 * - number: a safe integer, or a finite non-integer (only the integer part is
 *   grouped: 1234.5 → "1,234.5"). Integers beyond 2^53 − 1 throw a RangeError,
 *   because the digits a double would print are not the value that was meant;
 *   pass a bigint or a string instead.
 * - string: a plain decimal, `[+-]?digits(.digits)?`, grouped as written (so a
 *   string from `formatFloat` or `exactRatio` can be grouped too).
 *
 * @param sep separator between groups (default ","; "" gives the bare digits).
 */
export function groupDigits(n: bigint | number | string, sep = ","): string {
  let text: string;
  if (typeof n === "bigint") {
    text = n.toString();
  } else if (typeof n === "number") {
    if (!Number.isFinite(n)) throw new RangeError(`groupDigits cannot format ${String(n)}`);
    if (Number.isInteger(n) && !Number.isSafeInteger(n)) {
      throw new RangeError(
        `groupDigits: ${String(n)} is beyond Number.MAX_SAFE_INTEGER (2^53 − 1), so its digits are not exact; pass a bigint or a string`,
      );
    }
    text = plainNumberText(n);
  } else if (typeof n === "string") {
    text = n;
  } else {
    throw new TypeError(`groupDigits expects a bigint, number or string; got ${typeof n}`);
  }
  const m = /^([+-]?)(\d+)(\.\d+)?$/.exec(text);
  if (m === null) throw new RangeError(`groupDigits expects a plain decimal number; got ${JSON.stringify(text)}`);
  return (m[1] ?? "") + insertSeparators(m[2] ?? "", sep) + (m[3] ?? "");
}

// ---------------------------------------------------------------------------
// Floats for physics values
// ---------------------------------------------------------------------------

/** Plain text of a rounded float: positional when 10^-7 < |x| < 10^21 (as JavaScript does), otherwise "1.23×10^-9". */
function floatText(negative: boolean, r: Rounded): string {
  const sign = negative ? "-" : "";
  if (r.exp >= -6 && r.exp < 21) return sign + positional(r.digits, r.exp);
  return `${sign}${mantissa(r.digits)}×10^${r.exp}`;
}

/**
 * A float (seconds, joules, dollars) to `significant` significant digits:
 * `formatFloat(0.0123456, 3)` → "0.0123", `formatFloat(12345.6, 3)` → "12300".
 * Positional unless the rounded value is below 10^-6 or at least 10^21, where
 * it switches to "1.23×10^-9" (the same thresholds as `Number#toString`).
 * Zero prints "0". Non-finite input throws a RangeError instead of quietly
 * printing "NaN" or "Infinity" into a table.
 */
export function formatFloat(x: number, significant = 3): string {
  checkSignificant(significant, "formatFloat: significant");
  if (typeof x !== "number") throw new TypeError(`formatFloat expects a number; got ${typeof x}`);
  if (!Number.isFinite(x)) throw new RangeError(`formatFloat: value is ${String(x)}, not a finite number`);
  const m = magnitude(x, "formatFloat");
  if (m.num === 0n) return "0";
  return floatText(m.negative, roundSignificant(m.num, m.den, significant));
}

/** Options of {@link formatPercent}. */
export interface FormatPercentOptions {
  /** Drop trailing zeros after the point: "50%" rather than "50.0%" (for inputs such as a 0.5 utilization). */
  trim?: boolean;
}

/**
 * A ratio as a percentage with `significant` significant digits:
 * `formatPercent(0.4622)` → "46.2%", `formatPercent(1)` → "100%",
 * `formatPercent(0.000123)` → "0.0123%". Significant digits (not fixed
 * decimals) so that a small share such as attention's 0.02% does not print as
 * "0.0%". Computed on the exact value of `ratio`, so 0.07 → "7.00%"; with
 * `trim`, "7%". Non-finite input throws a RangeError.
 */
export function formatPercent(ratio: number, significant = 3, opts: FormatPercentOptions = {}): string {
  checkSignificant(significant, "formatPercent: significant");
  if (typeof ratio !== "number") throw new TypeError(`formatPercent expects a number; got ${typeof ratio}`);
  if (!Number.isFinite(ratio)) throw new RangeError(`formatPercent: ratio is ${String(ratio)}, not a finite number`);
  const m = magnitude(ratio, "formatPercent");
  if (m.num === 0n) return "0%";
  const text = floatText(m.negative, roundSignificant(m.num * 100n, m.den, significant));
  return `${opts.trim === true ? trimZeros(text) : text}%`;
}

/** Same as {@link formatPercent}: a ratio (0.462) shown as a percentage ("46.2%"). */
export const formatRatio: (ratio: number, significant?: number, opts?: FormatPercentOptions) => string = formatPercent;

/** "80.0" → "80", "989.50 T" → "989.5 T", "1.50×10^-9" → "1.5×10^-9": the first number's decimals without trailing zeros. */
function trimZeros(text: string): string {
  return text.replace(/\.(\d*?)0+(?!\d)/, (_match, kept: string) => (kept === "" ? "" : `.${kept}`));
}

/** Positional from 10^-6 to below 10^21, grouped from 1,000 on; "1.23×10²¹" (superscript, for readers) beyond. */
function groupedText(negative: boolean, r: Rounded): string {
  const sign = negative ? "-" : "";
  if (r.exp >= 3 && r.exp < 21) return sign + groupDigits(positional(r.digits, r.exp));
  if (r.exp >= -6 && r.exp < 3) return sign + positional(r.digits, r.exp);
  return `${sign}${mantissa(r.digits)}×10${superscript(r.exp)}`;
}

/**
 * A measured or modelled quantity (tokens per second, FLOPs per byte) to
 * `significant` significant digits, with its digits grouped from 1,000 on:
 * 174.45 → "174", 35 274 → "35,300", 0.04213 → "0.0421", 0 → "0". Rounded
 * exactly (half up) like {@link formatFloat}, which it equals below 1,000.
 * Three digits, not all of them, because these figures come from
 * assumptions (utilization, bandwidth efficiency) known to a few percent.
 * Beyond 10^21 and below 10^-6, scientific with a superscript exponent
 * ("2.50×10²²"), never a caret: this is text for readers.
 */
export function formatSignificant(x: number | bigint, significant = 3): string {
  checkSignificant(significant, "formatSignificant: significant");
  const m = magnitude(x, "formatSignificant");
  if (m.num === 0n) return "0";
  return groupedText(m.negative, roundSignificant(m.num, m.den, significant));
}

/**
 * Money in US dollars to `significant` significant digits, grouped:
 * "$3.18", "$0.0157", "$1,230", "$0"; a negative amount is "-$3.18". Whole
 * dollars drop their zero cents, as prices are written: "$2", not "$2.00";
 * "$2.50" keeps them.
 */
export function formatMoney(usd: number, significant = 3): string {
  checkSignificant(significant, "formatMoney: significant");
  if (typeof usd !== "number") throw new TypeError(`formatMoney expects a number; got ${typeof usd}`);
  const m = magnitude(usd, "formatMoney");
  if (m.num === 0n) return "$0";
  const text = groupedText(false, roundSignificant(m.num, m.den, significant)).replace(/\.0+$/, "");
  return `${m.negative ? "-" : ""}$${text}`;
}

// ---------------------------------------------------------------------------
// Quantities with units: seconds, joules, bytes per second
// ---------------------------------------------------------------------------

/** SI prefixes from femto (10^-15) to quetta (10^30), in order; index 5 is no prefix. */
export const METRIC_PREFIXES: readonly string[] = ["f", "p", "n", "µ", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y", "R", "Q"];
const UNPREFIXED = 5;

/** Options of {@link formatUnit}. */
export interface FormatUnitOptions {
  /** Significant digits (default 3). */
  significant?: number;
  /** Smallest prefix used, one of {@link METRIC_PREFIXES} (default "f"); smaller values print as decimals of it. */
  minPrefix?: string;
  /** Largest prefix used (default "Q"); larger values print grouped in it: "1,230 s". */
  maxPrefix?: string;
  /** Drop trailing zeros after the point: "100 mJ" and "0.5 J" rather than "100. mJ" or "500 mJ" with zeros. */
  trim?: boolean;
}

function prefixIndex(prefix: string, name: string): number {
  const i = METRIC_PREFIXES.indexOf(prefix);
  if (i < 0) throw new RangeError(`formatUnit: ${name} must be one of ${METRIC_PREFIXES.map((p) => JSON.stringify(p)).join(", ")}; got ${JSON.stringify(prefix)}`);
  return i;
}

/**
 * A quantity in the SI prefix that keeps its mantissa in [1, 1000):
 * `formatUnit(0.019845, "J")` → "19.8 mJ", `formatUnit(3.35e12, "B/s")` →
 * "3.35 TB/s", `formatUnit(0, "s")` → "0 s". The value is rounded to
 * `significant` digits first and the prefix chosen after, so 0.99996 s is
 * "1.00 s", never "1000 ms"; the shift to the prefix is exact (no float
 * multiplication by 1e3). Outside [minPrefix, maxPrefix] the nearest end
 * prefix is kept: grouped above ("1,230 s"), decimals below.
 */
export function formatUnit(x: number | bigint, unit: string, opts: FormatUnitOptions = {}): string {
  const significant = opts.significant ?? 3;
  checkSignificant(significant, "formatUnit: significant");
  const lo = prefixIndex(opts.minPrefix ?? "f", "minPrefix");
  const hi = prefixIndex(opts.maxPrefix ?? "Q", "maxPrefix");
  const m = magnitude(x, "formatUnit");
  if (m.num === 0n) return `0 ${unit}`;
  const r = roundSignificant(m.num, m.den, significant);
  const k = Math.min(hi, Math.max(lo, Math.floor(r.exp / 3) + UNPREFIXED));
  const exp = r.exp - 3 * (k - UNPREFIXED);
  let text = positional(r.digits, exp);
  if (opts.trim === true) text = trimZeros(text);
  if (exp >= 3) text = groupDigits(text);
  return `${m.negative ? "-" : ""}${text} ${METRIC_PREFIXES[k] ?? ""}${unit}`;
}

/**
 * A duration in the unit that keeps it readable, to `significant` digits:
 * "4.20 ns", "812 µs", "5.73 ms", "1.20 s", "1,230 s"; zero is "0 s".
 * Nothing above seconds: a step time of kiloseconds reads better as seconds.
 */
export function formatDuration(seconds: number, significant = 3): string {
  return formatUnit(seconds, "s", { significant, minPrefix: "n", maxPrefix: "" });
}

/** Energy in joules with the prefix that keeps it readable: "812 µJ", "19.8 mJ", "4.01 J", "1.36 kJ", "2.50 MJ"; zero is "0 J". */
export function formatEnergy(joules: number, significant = 3): string {
  return formatUnit(joules, "J", { significant, minPrefix: "n" });
}

/** Energy in watt-hours, as electricity is billed and Epoch AI quotes a query: "0.340 Wh", "1,200 Wh". */
export function formatWattHours(wattHours: number, significant = 3): string {
  if (typeof wattHours !== "number") throw new TypeError(`formatWattHours expects a number; got ${typeof wattHours}`);
  return `${formatSignificant(wattHours, significant)} Wh`;
}

// ---------------------------------------------------------------------------
// SI prefixes
// ---------------------------------------------------------------------------

/** Decimal SI prefixes, 10^3 … 10^30. */
export const SI_PREFIXES: readonly string[] = ["", "k", "M", "G", "T", "P", "E", "Z", "Y", "R", "Q"];

/** IEC binary prefixes, 2^10 … 2^80. */
export const BINARY_PREFIXES: readonly string[] = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"];

/** Options of {@link formatSI}. */
export interface FormatSIOptions {
  /** Significant digits of the mantissa (default 3). */
  digits?: number;
  /** Unit written after the prefix, e.g. "FLOP" → "25.6 PFLOP", "B" → "1.50 GiB". */
  unit?: string;
  /** Use powers of 1024 and Ki, Mi, Gi, … (for bytes) instead of powers of 1000. */
  binary?: boolean;
  /** Drop trailing zeros of the mantissa: datasheet figures as written, "80 GB" and "989.5 TFLOP/s", not "80.00 GB". */
  trim?: boolean;
}

/**
 * Round num/den (both > 0) to `digits` significant digits, or to all of its
 * integer digits when it has more (1023.4 → "1023", not "1020").
 */
function roundKeepingInteger(num: bigint, den: bigint, digits: number): Rounded {
  const whole = num / den;
  const integerDigits = whole === 0n ? 0 : whole.toString().length;
  return roundSignificant(num, den, Math.max(digits, integerDigits));
}

/**
 * A count with an SI prefix: `formatSI(1731304652800000n)` → "1.73 P",
 * `formatSI(25_600_000_000_000_000n, { unit: "FLOP" })` → "25.6 PFLOP".
 *
 * The mantissa is rounded exactly from the bigint (half up) and rolls over to
 * the next prefix: 999 950 000 → "1.00 G". `digits` is the number of
 * significant digits, except that integer digits of the mantissa are never
 * rounded away (binary "1023 KiB", not "1020 KiB"; "12345 Q"). Prefixes go
 * k … Q (10^30); larger values keep Q with a longer mantissa. With `binary`,
 * powers of 1024 and Ki … Yi. Values below 1000 (1024 for binary) print plainly:
 * integers as they are ("512", "512 FLOP"), non-integer floats with `digits`
 * significant digits as {@link formatFloat} does ("2.50 s"). A float that
 * rounds up to 1000 moves to "1.00 k".
 */
export function formatSI(n: bigint | number, opts: FormatSIOptions = {}): string {
  const digits = opts.digits ?? 3;
  checkSignificant(digits, "formatSI: digits");
  const unit = opts.unit ?? "";
  const prefixes = opts.binary === true ? BINARY_PREFIXES : SI_PREFIXES;
  const base = opts.binary === true ? 1024n : 1000n;
  const m = magnitude(n, "formatSI");
  const sign = m.negative && m.num !== 0n ? "-" : "";
  const plainUnit = unit === "" ? "" : ` ${unit}`;
  const maxK = prefixes.length - 1;
  const trim = (text: string): string => (opts.trim === true ? trimZeros(text) : text);

  let k = 0;
  let scale = 1n;
  while (k < maxK && m.num >= m.den * scale * base) {
    k += 1;
    scale *= base;
  }
  if (k === 0) {
    if (m.den === 1n) return `${sign}${m.num.toString()}${plainUnit}`;
    const r = roundKeepingInteger(m.num, m.den, digits);
    if (!roundedAtLeast(r, base)) return `${trim(floatText(m.negative, r))}${plainUnit}`;
    k = 1;
    scale = base;
  }
  let r = roundKeepingInteger(m.num, m.den * scale, digits);
  if (k < maxK && roundedAtLeast(r, base)) {
    k += 1;
    scale *= base;
    r = roundKeepingInteger(m.num, m.den * scale, digits);
  }
  return `${sign}${trim(positional(r.digits, r.exp))} ${prefixes[k] ?? ""}${unit}`;
}

/**
 * A datasheet figure as the datasheet writes it: up to four significant
 * digits with an SI prefix and no trailing zeros, "989.5 TFLOP/s",
 * "3.35 TB/s", "80 GB", "141 GB".
 */
export function formatDatasheet(value: number | bigint, unit: string): string {
  return formatSI(value, { digits: 4, unit, trim: true });
}

// ---------------------------------------------------------------------------
// Scientific notation
// ---------------------------------------------------------------------------

interface Scientific {
  sign: string;
  mantissa: string;
  exp: number;
}

function scientific(n: bigint | number, digits: number, name: string): Scientific | null {
  checkSignificant(digits, `${name}: digits`);
  const m = magnitude(n, name);
  if (m.num === 0n) return null;
  const r = roundSignificant(m.num, m.den, digits);
  return { sign: m.negative ? "-" : "", mantissa: mantissa(r.digits), exp: r.exp };
}

/**
 * Scientific notation in plain text: `formatScientific(25_600_000_000_000_000n)`
 * → "2.56×10^16". The mantissa has `digits` significant digits, rounded half
 * up on the exact decimal digits with carry (9 995 000 000 000 000n →
 * "1.00×10^16"), so it is always in [1, 10). Zero prints "0"; negative
 * exponents come from numbers below 1 ("1.50×10^-7").
 */
export function formatScientific(n: bigint | number, digits = 3): string {
  const s = scientific(n, digits, "formatScientific");
  return s === null ? "0" : `${s.sign}${s.mantissa}×10^${s.exp}`;
}

/**
 * The same as {@link formatScientific}, as LaTeX for KaTeX:
 * "1.73 \\times 10^{15}" (one backslash in the string). Zero prints "0".
 */
export function formatScientificLatex(n: bigint | number, digits = 3): string {
  const s = scientific(n, digits, "formatScientificLatex");
  return s === null ? "0" : `${s.sign}${s.mantissa} \\times 10^{${s.exp}}`;
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/**
 * The same as {@link formatScientific}, with Unicode superscripts for text
 * that cannot render LaTeX: "1.73×10¹⁵", "1.50×10⁻⁷". Zero prints "0".
 */
export function formatScientificUnicode(n: bigint | number, digits = 3): string {
  const s = scientific(n, digits, "formatScientificUnicode");
  if (s === null) return "0";
  return `${s.sign}${s.mantissa}×10${superscript(s.exp)}`;
}

/** An exponent in Unicode superscripts: 16 → "¹⁶", -7 → "⁻⁷". */
function superscript(exp: number): string {
  let sup = "";
  for (const ch of String(exp)) sup += ch === "-" ? "⁻" : SUPERSCRIPT_DIGITS[Number(ch)] ?? "";
  return sup;
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

const ONES = [
  "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** Short-scale names of 10^(3i), i = 1 … 22 (thousand … unvigintillion = 10^66). */
const SCALES = [
  "", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion", "sextillion",
  "septillion", "octillion", "nonillion", "decillion", "undecillion", "duodecillion", "tredecillion",
  "quattuordecillion", "quindecillion", "sexdecillion", "septendecillion", "octodecillion",
  "novemdecillion", "vigintillion", "unvigintillion",
];

/** numberToWords handles |n| < 10^WORDS_LIMIT_EXPONENT (up to 999 unvigintillion …). */
const WORDS_LIMIT_EXPONENT = 3 * SCALES.length;

function wordsBelowThousand(n: number): string {
  const parts: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) parts.push(`${ONES[hundreds] ?? ""} hundred`);
  if (rest > 0 && rest < 20) parts.push(ONES[rest] ?? "");
  else if (rest >= 20) {
    const unit = rest % 10;
    parts.push((TENS[Math.floor(rest / 10)] ?? "") + (unit > 0 ? `-${ONES[unit] ?? ""}` : ""));
  }
  return parts.join(" ");
}

/**
 * An integer in English words, short scale, written as a blog post would:
 * 1731304652800000n → "one quadrillion seven hundred thirty-one trillion three
 * hundred four billion six hundred fifty-two million eight hundred thousand".
 * No "and", hyphenated tens ("thirty-one"), "zero" for 0, "minus …" for
 * negatives. Names run to unvigintillion (10^66), so any |n| < 10^69 works;
 * larger values throw a RangeError naming that limit.
 */
export function numberToWords(n: bigint): string {
  if (typeof n !== "bigint") throw new TypeError(`numberToWords expects a bigint; got ${typeof n}`);
  if (n === 0n) return "zero";
  const negative = n < 0n;
  let a = negative ? -n : n;
  if (a >= pow10(WORDS_LIMIT_EXPONENT)) {
    throw new RangeError(
      `numberToWords supports |n| < 10^${WORDS_LIMIT_EXPONENT} (names end at unvigintillion, 10^66); got a ${a.toString().length}-digit number`,
    );
  }
  const groups: string[] = [];
  for (let i = 0; a > 0n; i++) {
    const chunk = Number(a % 1000n);
    a /= 1000n;
    if (chunk === 0) continue;
    const scale = SCALES[i] ?? "";
    groups.unshift(scale === "" ? wordsBelowThousand(chunk) : `${wordsBelowThousand(chunk)} ${scale}`);
  }
  return (negative ? "minus " : "") + groups.join(" ");
}

// ---------------------------------------------------------------------------
// Exact ratios
// ---------------------------------------------------------------------------

/**
 * numerator / denominator as a decimal string with exactly `decimals` digits
 * after the point, rounded half up (half away from zero for negative
 * numerators), with no float in between: `exactRatio(10n, 4n, 2)` → "2.50".
 * For per-token averages such as total FLOPs / sequence length, where both are
 * exact and the quotient should be too. A result that rounds to zero has no
 * sign ("0.00", not "-0.00"). A denominator ≤ 0 throws a RangeError.
 */
export function exactRatio(numerator: bigint, denominator: bigint, decimals: number): string {
  if (typeof numerator !== "bigint" || typeof denominator !== "bigint") {
    throw new TypeError("exactRatio expects bigint numerator and denominator");
  }
  if (denominator <= 0n) throw new RangeError(`exactRatio: denominator must be positive; got ${denominator.toString()}`);
  if (!Number.isSafeInteger(decimals) || decimals < 0) {
    throw new RangeError(`exactRatio: decimals must be a non-negative integer; got ${String(decimals)}`);
  }
  const negative = numerator < 0n;
  const scaled = (negative ? -numerator : numerator) * pow10(decimals);
  let q = scaled / denominator;
  if (2n * (scaled % denominator) >= denominator) q += 1n;
  const s = q.toString().padStart(decimals + 1, "0");
  const cut = s.length - decimals;
  const body = decimals === 0 ? s : `${s.slice(0, cut)}.${s.slice(cut)}`;
  return (negative && q !== 0n ? "-" : "") + body;
}

/**
 * a / b as a factor: "6,887×", "3.45×" or "0.327×", rounded half up from the
 * exact bigints, with three significant digits below 100. The one way every
 * page, island and notebook writes "times too many".
 */
export function formatTimes(a: bigint, b: bigint): string {
  if (b <= 0n) throw new RangeError("formatTimes: the denominator must be positive");
  if (a <= 0n) return "0×";
  // The fewest decimals that keep three significant digits: 0 from 100, 1 from 10, 2 from 1, …
  let decimals = 0;
  while (a * 10n ** BigInt(decimals) < 100n * b && decimals < 30) decimals++;
  return `${groupDigits(exactRatio(a, b, decimals))}×`;
}
