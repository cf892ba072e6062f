/**
 * Tick values and labels for log axes: whole powers of ten, labelled the way
 * people read them. Counts that carry no SI unit (FLOPs, FLOP/s, FLOPs per
 * byte) get powers of ten, "10¹²", never a bare "1T" or "1E"; quantities in
 * SI units get their prefixed unit, "100 mJ", never "100m"; token counts keep
 * the field's "1k", "128k", "1M".
 */
import { formatScientificUnicode, formatSI, formatUnit, groupDigits } from "../core/format";

/**
 * Powers of ten covering [min, max], thinned to at most `maxTicks` by taking
 * every second, third, … decade.
 */
export function powerOfTenTicks(min: number, max: number, maxTicks = 8): number[] {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) throw new RangeError(`powerOfTenTicks: need 0 < min ≤ max, got ${min} and ${max}`);
  const first = Math.ceil(Math.log10(min) - 1e-9);
  const last = Math.floor(Math.log10(max) + 1e-9);
  const decades = last - first + 1;
  const stride = Math.max(1, Math.ceil(decades / maxTicks));
  const ticks: number[] = [];
  for (let k = first; k <= last; k += stride) ticks.push(10 ** k);
  return ticks;
}

/** Token counts, as the field writes contexts: 1, 10, 100, 1k, 10k, 100k, 1M. */
export function tokenTickLabel(value: number): string {
  return formatSI(Math.round(value), { digits: 1 }).replace(" ", "");
}

/**
 * Counts without an SI unit: 0.1, 1, 10, 100, then 10³, 10⁹, 10¹²; a value
 * that is not a power of ten keeps its mantissa ("2.5×10¹²", "2×10¹⁰").
 */
export function powerTickLabel(value: number): string {
  if (value >= 0.1 && value < 1000) {
    const plain = formatUnit(value, "", { significant: 2, trim: true, minPrefix: "", maxPrefix: "" }).trimEnd();
    if (!plain.includes("×")) return plain;
  }
  // "10¹²" rather than "1.0×10¹²", "2×10¹⁰" rather than "2.0×10¹⁰"; "2.5×10¹²" keeps its digit.
  const text = formatScientificUnicode(value, 2).replace(/^(\d)\.0×/, "$1×");
  return text.startsWith("1×") ? text.slice(2) : text;
}

/**
 * Ticks for a quantity in SI units: `unitTickLabel("J")` labels 0.1 as
 * "100 mJ" and 1 as "1 J", the prefix always followed by its unit.
 */
export function unitTickLabel(unit: string): (value: number) => string {
  if (unit.trim() === "") throw new RangeError("unitTickLabel: name the unit (a bare prefix reads as a count)");
  return (value) => formatUnit(value, unit, { significant: 2, trim: true });
}

/** Small counts such as batch sizes, in grouped digits: 1, 10, 100, 1,000; 10⁶ and beyond as powers of ten. */
export function countTickLabel(value: number): string {
  if (value >= 1 && value < 1e6 && Number.isInteger(value)) return groupDigits(value);
  return powerTickLabel(value);
}
