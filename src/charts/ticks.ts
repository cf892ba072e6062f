/**
 * Tick values and labels for log axes: whole powers of ten, labelled the way
 * people read them ("1k", "1M" for contexts, "10¹⁵" for FLOPs).
 */
import { formatScientificUnicode, formatSI } from "../core/format";

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

/** 1, 10, 100, 1k, 10k, 100k, 1M: an SI prefix without a space. */
export function siTickLabel(value: number): string {
  return formatSI(Math.round(value), { digits: 1 }).replace(" ", "");
}

/** 10⁹, 10¹², 10¹⁵: a power of ten in superscripts (other values keep their mantissa). */
export function powerTickLabel(value: number): string {
  const text = formatScientificUnicode(BigInt(Math.round(value)), 2);
  return text.startsWith("1.0×") ? text.slice(4) : text;
}
