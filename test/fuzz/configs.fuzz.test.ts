import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors";
import { importHfConfig, SUPPORTED_MODEL_TYPES } from "../../src/core/hf/import";
import { MAX_LAYERS, MAX_WIDTH } from "../../src/core/validate";
import {
  combined, deepNesting, deleted, duplicateKeys, extraKeys, fractional, huge, hostileStrings, inconsistent, nanLike, negative,
  oversized, prototypeKeys, randomJson, unknownModelType, wrongType, zero, type FuzzCase, type Mutation, type MutationKind,
} from "./arbitraries";
import { anyBase, syntheticBase } from "./bases";
import { checkCase } from "./check";
import { SENSITIVE } from "./sensitive";
import { FuzzSummary } from "./summary";

/**
 * Config fuzzing: generated and mutated Hugging Face configs through the
 * importer and every count. Seeded, so CI replays the same inputs; set
 * FUZZ_SEED to explore others. A failure prints the seed, path and the
 * shrunk counterexample (its `what` says what was mutated).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_601);

const onBase = (mutation: Mutation) => anyBase.chain(mutation);

/** Every kind with its arbitrary and how many inputs it gets (≥ 10,000 in all). */
const PLAN: ReadonlyArray<readonly [MutationKind, fc.Arbitrary<FuzzCase>, number]> = [
  ["generated", syntheticBase.map((base): FuzzCase => ({ kind: "generated", origin: base.origin, base: base.config, input: base.config, what: `${base.origin} as generated`, mustImport: true })), 1_500],
  ["delete", onBase(deleted), 800],
  ["negative", onBase(negative), 600],
  ["zero", onBase(zero), 500],
  ["fractional", onBase(fractional), 600],
  ["huge", onBase(huge), 800],
  ["nan-like", onBase(nanLike), 700],
  ["wrong-type", onBase(wrongType), 900],
  ["unknown-model-type", onBase(unknownModelType), 500],
  ["inconsistent", onBase(inconsistent), 900],
  ["duplicate-keys", onBase(duplicateKeys), 400],
  ["extra-keys", onBase(extraKeys), 500],
  ["prototype-keys", onBase(prototypeKeys), 300],
  ["hostile-strings", onBase(hostileStrings), 500],
  ["random-json", onBase(randomJson), 400],
  ["combined", onBase(combined), 1_000],
  ["deep-nesting", deepNesting, 40],
  ["oversized", oversized, 30],
];

/** Contexts for the counts: moderate, so prefill and training stay cheap to check. */
const CONTEXT = fc.integer({ min: 1, max: 1 << 17 });

const summary = new FuzzSummary();

describe(`config fuzzing (fast-check, seed ${SEED})`, () => {
  for (const [kind, arbitrary, runs] of PLAN) {
    it(`${kind}: ${runs.toLocaleString("en-US")} inputs import or are rejected with the field named`, () => {
      fc.assert(
        fc.property(arbitrary, CONTEXT, (input, context) => {
          summary.record(kind, checkCase(input, context), `${input.origin}: ${input.what}`);
        }),
        { seed: SEED, numRuns: runs },
      );
      expect(summary.inputs(kind)).toBeGreaterThanOrEqual(runs);
    });
  }
});

describe("count-relevant keys are never silently dropped", () => {
  it("every supported model_type has a config in which all its count-relevant keys are live", () => {
    expect(Object.keys(SENSITIVE).sort()).toEqual([...SUPPORTED_MODEL_TYPES].sort());
  });

  for (const [type, { config, alternatives }] of Object.entries(SENSITIVE)) {
    it(`${type}: each of ${Object.keys(alternatives).length} keys, changed or deleted, changes the model, is reported, or is rejected`, () => {
      const base = importHfConfig(config);
      expect(base.unrecognized, `${type}: the base config has keys the importer does not know`).toEqual([]);
      for (const [key, values] of Object.entries(alternatives)) {
        for (const value of values) {
          const outcome = changed({ ...config, [key]: value }, base.spec);
          summary.record("count-relevant", outcome, `${type}: ${key} = ${JSON.stringify(value)}`);
          expect(outcome.dropped, `${type}: ${key} = ${JSON.stringify(value)} was ignored`).toBe(false);
        }
        if (key in config) {
          const { [key]: _, ...rest } = config;
          const outcome = changed(rest, base.spec, key);
          summary.record("count-relevant", outcome, `${type}: delete ${key}`);
          expect(outcome.dropped, `${type}: deleting ${key} went unnoticed`).toBe(false);
        }
      }
    });
  }
});

/**
 * Imports `config` and says whether the change from the base went unnoticed:
 * not rejected, the same model, and (for a deletion) no assumption naming the
 * deleted key.
 */
function changed(config: Record<string, unknown>, baseSpec: unknown, deletedKey?: string) {
  const started = performance.now();
  try {
    const { spec, assumptions } = importHfConfig(config);
    const same = JSON.stringify(spec) === JSON.stringify(baseSpec);
    const reported = deletedKey !== undefined && assumptions.some((text) => text.startsWith(deletedKey));
    return { imported: true, dropped: same && !reported, ms: performance.now() - started };
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const { field, message } = error as ConfigError;
    return { imported: false, field, message, dropped: false, ms: performance.now() - started };
  }
}

describe("the suite's own figures", () => {
  it(`fuzzes at least 10,000 configs and writes test-output/fuzz/summary.json`, () => {
    const planned = PLAN.reduce((total, [, , runs]) => total + runs, 0);
    expect(planned).toBeGreaterThanOrEqual(10_000);
    expect(summary.inputs()).toBeGreaterThanOrEqual(planned);
  });
});

afterAll(() => {
  summary.write("summary.json", { seed: SEED, limits: { MAX_LAYERS, MAX_WIDTH }, note: "inputs by mutation kind; messages grouped by shape with one example each" });
});
