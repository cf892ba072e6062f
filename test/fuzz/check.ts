import { expect } from "vitest";
import { ConfigError } from "../../src/core/errors";
import { decodeFlops, decodeNoCacheFlops, prefillFlops, trainFlops, type FlopCount } from "../../src/core/flops";
import { importHfConfig, MAX_CONFIG_CHARS, type ImportedModel } from "../../src/core/hf/import";
import { kvCacheBytes, kvCacheBytesPerToken } from "../../src/core/memory";
import { countParams } from "../../src/core/params";
import { modelReport } from "../../src/core/report";
import { validateModel } from "../../src/core/validate";
import type { FuzzCase } from "./arbitraries";
import { KEY_ALIASES, type ConfigObject } from "./bases";

/** What one input came to. */
export interface Outcome {
  imported: boolean;
  /** The ConfigError's field, when rejected. */
  field?: string;
  message?: string;
  /** Wall time of import and every count, for the summary (never asserted). */
  ms: number;
}

/**
 * Characters no message may carry raw: C0 and C1 controls, DEL, line and
 * paragraph separators, bidirectional overrides and isolates.
 */
export const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];

function prototypeSnapshot(): string {
  return PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join(",")).join("|");
}

const CLEAN_PROTOTYPES = prototypeSnapshot();

/**
 * Imports one fuzz input and checks everything the suite promises: a result
 * or a ConfigError naming a key, never another exception; on success, every
 * count a bigint ≥ 0, active ≤ total, no NaN or negative anywhere in the
 * report; unknown keys listed, duplicates reported, prototypes untouched.
 */
export function checkCase(c: FuzzCase, context: number): Outcome {
  const started = performance.now();
  let imported: ImportedModel;
  try {
    imported = importHfConfig(c.input);
  } catch (error) {
    const ms = performance.now() - started;
    expect(error, `${c.what}: not a ConfigError`).toBeInstanceOf(ConfigError);
    const { field, message } = error as ConfigError;
    expect(typeof field === "string" && field.length > 0, `${c.what}: empty field`).toBe(true);
    expect(allowedFields(c).has(field.replace(/\[\d+\]$/, "")) || nestedFieldAllowed(c, field.replace(/\[\d+\]$/, "")), `${c.what}: field "${field}" names no key of the config (${message})`).toBe(true);
    expect(message.startsWith(`${field}: `), `${c.what}: message does not lead with the field: ${message}`).toBe(true);
    expect(UNSAFE.test(message), `${c.what}: raw control character in ${JSON.stringify(message)}`).toBe(false);
    expect(message.length, `${c.what}: message of ${message.length} characters`).toBeLessThanOrEqual(1_000);
    expect(c.mustImport ?? false, `${c.what}: a valid config was rejected: ${message}`).toBe(false);
    expect(prototypeSnapshot()).toBe(CLEAN_PROTOTYPES);
    return { imported: false, field, message, ms };
  }
  expect(prototypeSnapshot()).toBe(CLEAN_PROTOTYPES);
  checkImported(c, imported, context);
  return { imported: true, ms: performance.now() - started };
}

/**
 * Keys an error may name: the input's and the base's (and their aliases) and
 * "model_type"; "config" only when the text as a whole is unusable (too long,
 * not JSON, not an object), never for a problem one key could be blamed for.
 */
function allowedFields(c: FuzzCase): Set<string> {
  const keys = new Set(["model_type", ...Object.keys(c.base)]);
  if (!isJsonObjectText(c.input)) keys.add("config");
  if (typeof c.input !== "string") for (const key of Object.keys(c.input)) keys.add(key);
  for (const group of KEY_ALIASES) if (group.some((key) => keys.has(key))) for (const key of group) keys.add(key);
  // Multimodal wrappers (llama4, gemma3): errors inside the text model name text_config.<key>.
  for (const key of [...keys]) keys.add(`text_config.${key}`);
  for (const source of [c.base, typeof c.input === "string" ? {} : c.input]) {
    const text = (source as Record<string, unknown>).text_config;
    if (typeof text === "object" && text !== null && !Array.isArray(text)) {
      for (const key of Object.keys(text)) keys.add(`text_config.${key}`);
      for (const group of KEY_ALIASES) if (group.some((key) => key in text)) for (const key of group) keys.add(`text_config.${key}`);
    }
  }
  return keys;
}

/** A text_config key the reader looked for: allowed when the input nests a text model (it may have lost the key to a mutation). */
function nestedFieldAllowed(c: FuzzCase, field: string): boolean {
  if (!field.startsWith("text_config.") || typeof c.input === "string") return false;
  const text = c.input.text_config;
  return typeof text === "object" && text !== null && !Array.isArray(text) && /^text_config\.[a-z_]+$/.test(field);
}

function isJsonObjectText(input: unknown): boolean {
  if (typeof input !== "string") return typeof input === "object" && input !== null && !Array.isArray(input);
  if (input.length > MAX_CONFIG_CHARS) return false;
  try {
    return isJsonObjectText(JSON.parse(input));
  } catch {
    return false;
  }
}

function checkImported(c: FuzzCase, imported: ImportedModel, context: number): void {
  const { spec, assumptions, unrecognized } = imported;
  expect(validateModel(spec), `${c.what}: the imported spec does not validate`).toEqual(spec);
  for (const text of assumptions) expect(UNSAFE.test(text), `${c.what}: raw control character in ${JSON.stringify(text)}`).toBe(false);
  for (const key of c.unknownKeys ?? []) expect(unrecognized, `${c.what}: unknown key ${JSON.stringify(key)} dropped`).toContain(key);
  if (c.duplicated !== undefined) {
    expect(assumptions.some((text) => text.includes(c.duplicated as string)), `${c.what}: the repeated key is not reported`).toBe(true);
  }

  const params = countParams(spec);
  for (const [name, value] of Object.entries({ ...params.breakdown, total: params.total, active: params.active, embedding: params.embedding, nonEmbedding: params.nonEmbedding })) {
    expect(typeof value === "bigint" && value >= 0n, `${c.what}: params.${name} = ${String(value)}`).toBe(true);
  }
  const parts = Object.values(params.breakdown).reduce((a, b) => a + b, 0n);
  expect(parts, `${c.what}: the breakdown does not add up to the total`).toBe(params.total);
  expect(params.active <= params.total, `${c.what}: active ${params.active} > total ${params.total}`).toBe(true);

  const decode = decodeFlops(spec, context);
  const prefill = prefillFlops(spec, context);
  const train = trainFlops(spec, context);
  for (const [regime, count] of Object.entries({ decode, prefill, train, noCache: decodeNoCacheFlops(spec, context) })) checkFlops(c, regime, count);
  // Training runs the forward (with logits at every position) and a backward of twice its cost.
  expect(train.total >= 3n * prefill.total, `${c.what}: training below 3 × prefill`).toBe(true);

  const cache = kvCacheBytes(spec, context);
  expect(cache >= 0n && cache <= kvCacheBytesPerToken(spec) * BigInt(context), `${c.what}: KV cache ${cache}`).toBe(true);

  const report = modelReport(spec, { context, elementwise: context % 2 === 0 });
  walkReport(c, "report", JSON.parse(JSON.stringify(report)) as unknown);
}

function checkFlops(c: FuzzCase, regime: string, count: FlopCount): void {
  let sum = 0n;
  for (const [term, value] of Object.entries(count.terms)) {
    expect(typeof value === "bigint" && value >= 0n, `${c.what}: ${regime}.${term} = ${String(value)}`).toBe(true);
    sum += value;
  }
  expect(count.total, `${c.what}: ${regime} total is not the sum of its terms`).toBe(sum);
}

/** Counts in the report are decimal strings (perToken may have one decimal); every number is finite. */
const COUNT_PATH = /^report\.(params|flops|memory)\./;

function walkReport(c: FuzzCase, path: string, value: unknown): void {
  if (typeof value === "number") {
    expect(Number.isFinite(value), `${c.what}: ${path} = ${value}`).toBe(true);
  } else if (typeof value === "string") {
    if (COUNT_PATH.test(path)) expect(value, `${c.what}: ${path}`).toMatch(/^\d+(\.\d)?$/);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => walkReport(c, `${path}[${i}]`, item));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value as ConfigObject)) walkReport(c, `${path}.${key}`, item);
  }
}
