import fc from "fast-check";
import { MAX_CONFIG_CHARS } from "../../src/core/hf/import";
import { MAX_LAYERS, MAX_WIDTH } from "../../src/core/validate";
import { FIXTURES, type BaseConfig, type ConfigObject } from "./bases";

/** The mutation families of the fuzz suite; the summary counts inputs by these names. */
export type MutationKind =
  | "generated"
  | "delete"
  | "negative"
  | "zero"
  | "fractional"
  | "huge"
  | "nan-like"
  | "wrong-type"
  | "unknown-model-type"
  | "inconsistent"
  | "duplicate-keys"
  | "extra-keys"
  | "prototype-keys"
  | "hostile-strings"
  | "random-json"
  | "combined"
  | "deep-nesting"
  | "oversized";

/** One fuzz input and what the checks must expect of it. */
export interface FuzzCase {
  kind: MutationKind;
  /** Fixture file or "synthetic <model_type>". */
  origin: string;
  /** The config before mutation: an error may name any of its keys. */
  base: ConfigObject;
  /** What importHfConfig receives: an object, or JSON text when the mutation only exists as text. */
  input: ConfigObject | string;
  /** What was done, for the counterexample. */
  what: string;
  /** Keys that must be listed in `unrecognized` when the import succeeds. */
  unknownKeys?: string[];
  /** A key given twice in the JSON text: an assumption must name it when the import succeeds. */
  duplicated?: string;
  /** Valid by construction: the import must succeed. */
  mustImport?: boolean;
}

/** Stands for a value that only exists as JSON text (1e999, deep nesting) until `toText` splices it in. */
const RAW = "\u0000raw\u0000";

/** JSON text of `config` with every RAW placeholder replaced by the next of `raw`. */
function toText(config: ConfigObject, raw: readonly string[]): string {
  let i = 0;
  return JSON.stringify(config).replace(/"\\u0000raw\\u0000"/g, () => raw[i++] ?? "null");
}

/** A key of the base picked by an index, preferring numeric ones when `numeric`. */
function pick(config: ConfigObject, index: number, numeric: boolean): string {
  const numbers = Object.keys(config).filter((key) => typeof config[key] === "number");
  const pool = numeric && numbers.length > 0 ? numbers : Object.keys(config);
  return pool[index % pool.length] as string;
}

function setKey(base: BaseConfig, key: string, value: unknown): ConfigObject {
  return { ...base.config, [key]: value };
}

function caseOf(kind: MutationKind, base: BaseConfig, input: ConfigObject | string, what: string, extra: Partial<FuzzCase> = {}): FuzzCase {
  return { kind, origin: base.origin, base: base.config, input, what, ...extra };
}

/** Draws one mutated input from a base config. */
export type Mutation = (base: BaseConfig) => fc.Arbitrary<FuzzCase>;

/** Text spliced into the JSON as it is: a value JavaScript cannot hold (1e999) or that only exists as text. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A field (numeric when it has any) set to a value drawn from `values`; RawJson values make JSON text. */
function fieldMutation(kind: MutationKind, values: (original: unknown) => fc.Arbitrary<unknown>, numeric = true): Mutation {
  return (base) =>
    fc.nat().chain((index) => {
      const key = pick(base.config, index, numeric);
      return values(base.config[key]).map((value) =>
        value instanceof RawJson
          ? caseOf(kind, base, toText(setKey(base, key, RAW), [value.text]), `${key} = ${value.text}`)
          : caseOf(kind, base, setKey(base, key, value), `${key} = ${describe(value)}`),
      );
    });
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

const asNumber = (original: unknown) => (typeof original === "number" ? original : 4096);

export const deleted: Mutation = (base) =>
  fc.nat().map((index) => {
    const key = pick(base.config, index, false);
    const { [key]: _, ...rest } = base.config;
    return caseOf("delete", base, rest, `delete ${key}`);
  });

export const negative = fieldMutation("negative", (original) =>
  fc.oneof(fc.constant(-1), fc.constant(-asNumber(original)), fc.integer({ min: -(2 ** 31), max: -1 }), fc.constant(-0.5), fc.constant(-(2 ** 53) - 2)),
);

export const zero = fieldMutation("zero", () => fc.constantFrom<unknown>(0, -0, new RawJson("0e10"), new RawJson("-0"), new RawJson("0.0")));

export const fractional = fieldMutation("fractional", (original) =>
  fc.oneof(
    fc.constant(asNumber(original) + 0.5),
    fc.constant(asNumber(original) * 1.000001),
    fc.constantFrom(0.5, 1e-300, 5e-324, 2.5, 1 - Number.EPSILON),
    fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x)),
  ),
);

export const huge = fieldMutation("huge", () =>
  fc.oneof(
    fc.constantFrom<unknown>(2 ** 53 + 2, 2 ** 53, 9e15, 2 ** 31, 2 ** 32 + 1, MAX_WIDTH + 1, MAX_LAYERS + 1, 1e300, Number.MAX_VALUE, 2 ** 40),
    fc.constantFrom<unknown>(new RawJson("9007199254740993"), new RawJson("123456789012345678901234567890")),
    fc.integer({ min: MAX_LAYERS, max: Number.MAX_SAFE_INTEGER }),
  ),
);

export const nanLike = fieldMutation("nan-like", () =>
  fc.constantFrom<unknown>("NaN", null, "Infinity", "-Infinity", "1e999", new RawJson("1e999"), new RawJson("-1e999"), new RawJson("1E400"), "", " "),
);

export const wrongType = fieldMutation(
  "wrong-type",
  (original) =>
    fc.oneof(
      fc.constant<unknown>(String(original)),
      fc.constant<unknown>([original]),
      fc.constant<unknown>({ value: original }),
      fc.constant<unknown>({}),
      fc.constant<unknown>([]),
      fc.boolean(),
      fc.string({ maxLength: 20 }),
      fc.jsonValue({ maxDepth: 3 }),
    ),
  false,
);

const HOSTILE_TYPES = [
  "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "__defineGetter__",
  "", " ", "LLAMA", "llama ", " llama", "Llama", "llama\u0000", "ll\u0430ma" /* Cyrillic a */, "llama\u200b", "\u202ellama",
  "\u001b[31mllama\u001b[0m", "llama\r\nmodel_type: gpt2", "<script>alert(1)</script>", "🦙", "x".repeat(10_000), "gpt2".repeat(5_000),
];

export const unknownModelType: Mutation = (base) =>
  fc
    .oneof(fc.constantFrom<unknown>(...HOSTILE_TYPES, 1, null, true, ["llama"], { llama: true }), fc.string({ unit: "grapheme", maxLength: 30 }))
    .map((type) => caseOf("unknown-model-type", base, setKey(base, "model_type", type), `model_type = ${describe(type)}`));

/** Heads and experts that contradict each other, layer lists of the wrong length, ranks of zero. */
export const inconsistent: Mutation = (base) =>
  fc.tuple(fc.integer({ min: 2, max: 64 }), fc.nat(6)).map(([n, variant]) => {
    const c = base.config;
    const number = (value: unknown, fallback: number) => (typeof value === "number" ? value : fallback);
    const heads = number(c.num_attention_heads ?? c.n_head, 8);
    const layers = number(c.num_hidden_layers ?? c.n_layer, 4);
    const hidden = number(c.hidden_size ?? c.n_embd, 64);
    const make = (input: ConfigObject, what: string) => caseOf("inconsistent", base, input, what);
    switch (variant) {
      case 0: {
        // KV heads that do not divide the query heads (or exceed them).
        const kv = heads % n === 0 ? heads + n : n;
        return make({ ...c, num_key_value_heads: kv, num_kv_heads: kv, new_decoder_architecture: true }, `KV heads ${kv} vs ${heads} heads`);
      }
      case 1: {
        // Heads that do not divide the hidden size, and no head_dim.
        const { head_dim: _, ...rest } = c;
        let bad = n;
        while (hidden % bad === 0) bad++;
        return make({ ...rest, num_attention_heads: bad, n_head: bad, num_key_value_heads: 1 }, `${bad} heads for hidden ${hidden}, no head_dim`);
      }
      case 2: {
        // Top-k above the number of experts.
        const experts = n - 1;
        return make({ ...c, num_experts: experts, num_local_experts: experts, n_routed_experts: experts, num_experts_per_tok: experts + n }, `top-${experts + n} of ${experts} experts`);
      }
      case 3:
        return make({ ...c, first_k_dense_replace: layers + n }, `first_k_dense_replace ${layers + n} of ${layers} layers`);
      case 4: {
        // Capped: a mutated layer count may be far beyond any array (the importer rejects it first).
        const length = Math.min(n % 2 === 0 ? layers + n : Math.max(0, layers - n), 100_000);
        return make({ ...c, sliding_window: 16, layer_types: Array.from({ length }, () => "sliding_attention") }, `layer_types of ${length} for ${layers} layers`);
      }
      case 5:
        return make({ ...c, mlp_only_layers: [layers + n, -1, 0.5] }, "mlp_only_layers out of range");
      default:
        return make({ ...c, q_lora_rank: 0, kv_lora_rank: 0, head_dim: 0, num_key_value_heads: 0 }, "zero ranks and head_dim");
    }
  });

/** The same key twice in the text, the first value different from the last. */
export const duplicateKeys: Mutation = (base) =>
  fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([index, first]) => {
    const key = pick(base.config, index, true);
    const input = `{${JSON.stringify(key)}: ${JSON.stringify(first) ?? "null"}, ${JSON.stringify(base.config).slice(1)}`;
    return caseOf("duplicate-keys", base, input, `${key} given twice, first as ${describe(first)}`, { duplicated: key });
  });

/**
 * Keys no importer knows. Hex names cannot match the importer's patterns for
 * irrelevant keys (dropout, _eps, token ids, a leading underscore…), so each
 * must be listed; the hostile names test lookups that could reach
 * Object.prototype.
 */
const HOSTILE_KEYS = ["constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "", " ", "\u001b[31m", "ключ", "🔥", "a\u0000b", "<script>"];
const HEX = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 1, maxLength: 12 }).map((hex) => `fuzz${hex}`);

export const extraKeys: Mutation = (base) =>
  fc.tuple(fc.uniqueArray(fc.oneof(HEX, fc.constantFrom(...HOSTILE_KEYS)), { minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })).map(([keys, value]) => {
    const fresh = keys.filter((key) => !Object.prototype.hasOwnProperty.call(base.config, key));
    const input = { ...base.config, ...Object.fromEntries(fresh.map((key) => [key, value])) };
    return caseOf("extra-keys", base, input, `extra keys ${describe(fresh)}`, { unknownKeys: fresh });
  });

/** "__proto__" and "constructor.prototype" payloads in the text, at the top and nested. */
export const prototypeKeys: Mutation = (base) =>
  fc.tuple(fc.nat(3), fc.nat()).map(([variant, index]) => {
    const payload = '{"polluted": true, "hidden_size": 1, "model_type": "gpt2"}';
    const text = JSON.stringify(base.config);
    const key = pick(base.config, index, false);
    const inputs = [
      `{"__proto__": ${payload}, ${text.slice(1)}`,
      `${text.slice(0, -1)}, "__proto__": ${payload}}`,
      `{"constructor": {"prototype": ${payload}}, ${text.slice(1)}`,
      toText(setKey(base, key, RAW), [`{"__proto__": ${payload}, "a": [{"__proto__": ${payload}}]}`]),
    ];
    const what = ["__proto__ first", "__proto__ last", "constructor.prototype", `__proto__ inside ${key}`][variant] as string;
    return caseOf("prototype-keys", base, inputs[variant] as string, what);
  });

const HOSTILE_TEXT = [
  "\u001b[31mred\u001b[0m", "\u001b]0;title\u0007", "line\rover", "a\nb", "\u009b31m", "\u202eevil", "\u2028", "<script>alert(1)</script>",
  "\u0000", "\u007f", "'; rm -rf / #", "${process.exit(1)}", "`id`", "\ud800", "🦙".repeat(200),
  "constructor", "__proto__", "toString", "hasOwnProperty",
];
const STRING_KEYS = ["_name_or_path", "architectures", "hidden_act", "hidden_activation", "activation_function", "topk_method", "layer_types", "torch_dtype"];

/** Control characters, ANSI sequences and markup in every string a config may carry. */
export const hostileStrings: Mutation = (base) =>
  fc.tuple(fc.constantFrom(...STRING_KEYS), fc.constantFrom(...HOSTILE_TEXT), fc.oneof(fc.constant(""), fc.string({ maxLength: 8 }))).map(([key, hostile, noise]) => {
    const text = `${noise}${hostile}${noise}`;
    const layers = base.config.num_hidden_layers ?? base.config.n_layer;
    const value = key === "architectures" ? [text] : key === "layer_types" ? Array.from({ length: typeof layers === "number" ? layers : 1 }, () => text) : text;
    return caseOf("hostile-strings", base, setKey(base, key, value), `${key} = ${describe(value)}`);
  });

/** Arbitrary JSON objects under a supported model_type, with or without the rest of the base. */
export const randomJson: Mutation = (base) =>
  fc.tuple(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 12 }), fc.boolean()).map(([extra, keepBase]) => {
    const input = keepBase ? { ...extra, ...base.config } : { ...extra, model_type: base.config.model_type };
    return caseOf("random-json", base, input, `${keepBase ? "base plus" : "only model_type and"} ${describe(extra)}`);
  });

const CHAINABLE: readonly Mutation[] = [deleted, negative, zero, fractional, huge, nanLike, wrongType, inconsistent, extraKeys, hostileStrings];

/**
 * Two to four mutations applied in turn to one base (those that give JSON
 * text are skipped). An error may name any key some step had.
 */
export const combined: Mutation = (base) =>
  fc.array(fc.constantFrom(...CHAINABLE), { minLength: 2, maxLength: 4 }).chain((mutations) => {
    let state = fc.constant({ config: base.config, seen: base.config, what: [] as string[] });
    for (const mutation of mutations) {
      state = state.chain((s) =>
        mutation({ origin: base.origin, config: s.config }).map((c) =>
          typeof c.input === "string" ? s : { config: c.input, seen: { ...s.seen, ...c.input }, what: [...s.what, c.what] },
        ),
      );
    }
    return state.map((s) => ({ kind: "combined" as const, origin: base.origin, base: s.seen, input: s.config, what: s.what.join("; ") }));
  });

/** Depth 10,000 (and 100,000) of arrays or objects, in a field, under an extra key, or around the whole config. */
export const deepNesting: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.constantFrom(...FIXTURES), fc.constantFrom(10_000, 100_000), fc.constantFrom("array", "object"), fc.nat(2), fc.nat())
  .map(([base, depth, shape, place, index]) => {
    const deep = shape === "array" ? `${"[".repeat(depth)}1${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
    const key = pick(base.config, index, true);
    const inputs = [
      toText(setKey(base, key, RAW), [deep]),
      toText({ ...base.config, fuzz_deep: RAW }, [deep]),
      shape === "array" ? `${"[".repeat(depth)}${JSON.stringify(base.config)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}${JSON.stringify(base.config)}${"}".repeat(depth)}`,
    ];
    const where = [`in ${key}`, "under fuzz_deep", "around the config"][place] as string;
    return caseOf("deep-nesting", base, inputs[place] as string, `${shape}s nested ${depth} deep ${where}`, place === 1 ? { unknownKeys: ["fuzz_deep"] } : {});
  });

/** JSON text just over the size limit: whitespace padding, one long string, or many keys. */
export const oversized: fc.Arbitrary<FuzzCase> = fc.tuple(fc.constantFrom(...FIXTURES), fc.nat(2), fc.integer({ min: 1, max: 1000 })).map(([base, variant, over]) => {
  const text = JSON.stringify(base.config);
  const room = MAX_CONFIG_CHARS - text.length + over;
  const inputs = [
    `${" ".repeat(room)}${text}`,
    `${text.slice(0, -1)}, "fuzz_long": "${"x".repeat(room)}"}`,
    `${text.slice(0, -1)}${Array.from({ length: Math.ceil(room / 12) }, (_, i) => `,"k${i.toString(36).padStart(6, "0")}":1`).join("")}}`,
  ];
  return caseOf("oversized", base, inputs[variant] as string, `${["whitespace", "a long string", "many keys"][variant]}, ${over}+ characters over`);
});
