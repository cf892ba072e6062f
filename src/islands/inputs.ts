/**
 * Readers for untrusted island input: props written in a notebook, URL
 * query values and control values. Everything is parsed, never evaluated;
 * every failure is an IslandInputError naming the field.
 */
import { groupDigits } from "../core/format";
import { toBigInt } from "../core/parse";
import { PRESETS, type Preset } from "../core/presets";
import { IslandInputError } from "./island";

/** Longest text read as a number: digits, separators and an exponent fit easily. */
export const MAX_NUMBER_CHARS = 32;
/** Longest preset id read (real ids are under 20 characters). */
export const MAX_ID_CHARS = 64;

/** Inclusive bounds of a whole-number input. */
export interface WholeNumberRange {
  min: number;
  max: number;
}

/**
 * A whole number from props (number, bigint or decimal string) or from a
 * control or URL (string). Strings may group digits ("128,000", "128_000",
 * "128 000") or use an exponent whose value is whole ("1.28e5").
 */
export function wholeNumber(raw: unknown, field: string, range: WholeNumberRange): number {
  const expected = `a whole number from ${groupDigits(range.min)} to ${groupDigits(range.max)}`;
  let value: bigint;
  if (typeof raw === "string") {
    if (raw.length > MAX_NUMBER_CHARS) {
      throw new IslandInputError(field, `${raw.length} characters is too long for a number; expected ${expected}`);
    }
    const text = raw.trim();
    if (text === "") throw new IslandInputError(field, `enter ${expected}`);
    value = parseNumberText(text, field, expected);
  } else if (typeof raw === "number" || typeof raw === "bigint") {
    try {
      value = toBigInt(raw, field);
    } catch {
      throw new IslandInputError(field, `expected ${expected}, got ${describe(raw)}`);
    }
  } else {
    throw new IslandInputError(field, `expected ${expected}, got ${describe(raw)}`);
  }
  if (value < BigInt(range.min) || value > BigInt(range.max)) {
    throw new IslandInputError(field, `expected ${expected}, got ${shortDigits(value)}`);
  }
  return Number(value);
}

function parseNumberText(text: string, field: string, expected: string): bigint {
  const grouped = /^\d{1,3}(?:([,_ ])\d{3})(?:\1\d{3})*$/.test(text);
  const plain = grouped ? text.replace(/[,_ ]/g, "") : text;
  if (!/^\d+(?:\.\d+)?(?:[eE][+]?\d+)?$/.test(plain)) {
    throw new IslandInputError(field, `expected ${expected}, got ${describeValue(text)}`);
  }
  try {
    return toBigInt(plain, field);
  } catch {
    throw new IslandInputError(field, `expected ${expected}, got ${describeValue(text)}`);
  }
}

/** A value's digits for a message, shortened so that "1e999" does not print a thousand digits. */
function shortDigits(value: bigint): string {
  const digits = value.toString();
  return digits.length > 20 ? `a ${digits.length}-digit number` : groupDigits(value);
}

function describe(raw: unknown): string {
  if (typeof raw === "bigint") return shortDigits(raw);
  return describeValue(raw);
}

/**
 * Untrusted props as a null-prototype record with only the allowed keys.
 * Arrays, class instances and keys outside `allowed` (`__proto__` included)
 * are refused, naming the key.
 */
export function readProps(raw: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new IslandInputError("props", `expected an object, got ${describeValue(raw)}`);
  }
  const proto: unknown = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) {
    throw new IslandInputError("props", "expected a plain object (JSON data)");
  }
  const props = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      throw new IslandInputError(`props.${printableKey(key)}`, `not a prop of this island (known: ${allowed.join(", ")})`);
    }
    props[key] = (raw as Record<string, unknown>)[key];
  }
  return props;
}

/**
 * A short, safe description of a bad value for messages (never the whole
 * input). The same wording as the core's validator, without importing it:
 * islands that take no model description stay smaller in the browser.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number") return Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === "object") return "an object";
  return typeof value;
}

/** Refuses query keys outside `allowed`, naming the first such key. */
export function checkQueryKeys(query: Readonly<Record<string, string>>, allowed: readonly string[]): void {
  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) {
      throw new IslandInputError(printableKey(key), `not a setting of this island (known: ${allowed.join(", ")})`);
    }
  }
}

/** A key as it may appear in a message: short, with control characters shown escaped. */
export function printableKey(key: string): string {
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  return /^[\w.-]*$/.test(shown) ? shown : JSON.stringify(shown);
}

/** The preset with this id; anything else is refused naming the field and listing the ids. */
export function presetFor(raw: unknown, field: string): Preset {
  if (typeof raw !== "string") throw new IslandInputError(field, `expected a model id, got ${describeValue(raw)}`);
  const id = raw.trim();
  const preset = id.length <= MAX_ID_CHARS ? PRESETS.find((candidate) => candidate.id === id) : undefined;
  if (!preset) {
    throw new IslandInputError(field, `unknown model ${describeValue(raw)} (known: ${PRESETS.map((p) => p.id).join(", ")})`);
  }
  return preset;
}

/** One of a fixed list of strings. */
export function oneOf<T extends string>(raw: unknown, field: string, allowed: readonly T[]): T {
  if (typeof raw === "string" && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw new IslandInputError(field, `expected one of ${allowed.join(", ")}, got ${describeValue(raw)}`);
}
