import { ConfigError } from "../errors";
import { describeValue, MAX_LAYERS, MAX_WIDTH } from "../validate";

/**
 * Reads fields of a Hugging Face config.json, remembering which keys were
 * used and which defaults were applied, so the import can report every
 * assumption and every key it did not understand.
 */
export class ConfigReader {
  readonly config: Record<string, unknown>;
  readonly assumptions: string[] = [];
  private readonly used = new Set<string>();

  constructor(config: Record<string, unknown>) {
    this.config = config;
  }

  /** The config's own value under `key`: never one inherited from Object.prototype. */
  get(key: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.config, key) ? this.config[key] : undefined;
  }

  has(key: string): boolean {
    const value = this.get(key);
    return value !== undefined && value !== null;
  }

  /** A required positive integer (at most MAX_WIDTH), under the first key of `keys` that is present. */
  int(keys: string | readonly string[]): number {
    return this.integerAt(this.required(keys), 1);
  }

  /**
   * The required layer count, at most MAX_LAYERS: checked before any adaptor
   * builds a per-layer list from it.
   */
  layers(keys: string | readonly string[]): number {
    return this.integerAt(this.required(keys), 1, MAX_LAYERS);
  }

  /** An optional positive integer with the default transformers uses; the default is recorded. */
  intOr(keys: string | readonly string[], fallback: number, why: string): number {
    const key = this.firstPresent(keys);
    if (key === undefined) {
      this.assume(`${typeof keys === "string" ? keys : keys[0]} not given: using ${fallback} (${why})`);
      return fallback;
    }
    return this.integerAt(key, 1);
  }

  /** An integer that may be 0 (layer counts, step sizes). */
  countOr(key: string, fallback: number, why: string): number {
    if (!this.has(key)) {
      this.assume(`${key} not given: using ${fallback} (${why})`);
      return fallback;
    }
    return this.integerAt(key, 0);
  }

  /** An integer or null (null meaning "not used"), e.g. DeepSeek's q_lora_rank. */
  intOrNull(key: string): number | null {
    this.used.add(key);
    if (this.get(key) === null || this.get(key) === undefined) return null;
    return this.integerAt(key, 1);
  }

  boolOr(key: string, fallback: boolean, why: string): boolean {
    if (!this.has(key)) {
      this.assume(`${key} not given: using ${fallback} (${why})`);
      return fallback;
    }
    this.used.add(key);
    const value = this.get(key);
    if (typeof value !== "boolean") throw new ConfigError(key, `expected true or false, got ${describeValue(value)}`);
    return value;
  }

  stringOr(keys: string | readonly string[], fallback: string, why: string): string {
    const key = this.firstPresent(keys);
    if (key === undefined) {
      this.assume(`${typeof keys === "string" ? keys : keys[0]} not given: using "${fallback}" (${why})`);
      return fallback;
    }
    const value = this.get(key);
    if (typeof value !== "string") throw new ConfigError(key, `expected a string, got ${describeValue(value)}`);
    return value;
  }

  /** A positive number or null/absent. */
  numberOrNull(key: string): number | null {
    this.used.add(key);
    const value = this.get(key);
    if (value === null || value === undefined) return null;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new ConfigError(key, `expected a positive number or null, got ${describeValue(value)}`);
    }
    return value;
  }

  /** A list of non-negative layer indices (or an empty list when absent). */
  indexList(key: string): number[] {
    this.used.add(key);
    const value = this.get(key);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new ConfigError(key, `expected a list of layer indices, got ${describeValue(value)}`);
    return value.map((item, i) => {
      if (typeof item !== "number" || !Number.isSafeInteger(item) || item < 0) {
        throw new ConfigError(`${key}[${i}]`, `expected a layer index, got ${describeValue(item)}`);
      }
      return item;
    });
  }

  /** A list of strings (e.g. layer_types). */
  stringList(key: string): string[] | null {
    this.used.add(key);
    const value = this.get(key);
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) throw new ConfigError(key, `expected a list, got ${describeValue(value)}`);
    return value.map((item, i) => {
      if (typeof item !== "string") throw new ConfigError(`${key}[${i}]`, `expected a string, got ${describeValue(item)}`);
      return item;
    });
  }

  /** Marks keys as understood without reading them (they do not change any count). */
  ignore(...keys: string[]): void {
    for (const key of keys) this.used.add(key);
  }

  assume(text: string): void {
    this.assumptions.push(text);
  }

  /** Keys present in the config that no reader used and that are not known to be irrelevant. */
  unrecognized(irrelevant: ReadonlySet<string>): string[] {
    return Object.keys(this.config).filter((key) => !this.used.has(key) && !irrelevant.has(key) && !isIrrelevantByPattern(key));
  }

  private required(keys: string | readonly string[]): string {
    const key = this.firstPresent(keys);
    if (key === undefined) {
      const names = typeof keys === "string" ? [keys] : keys;
      throw new ConfigError(names[0] ?? "config", `missing (needed to count the model${names.length > 1 ? `; also looked for ${names.slice(1).join(", ")}` : ""})`);
    }
    return key;
  }

  private firstPresent(keys: string | readonly string[]): string | undefined {
    const list = typeof keys === "string" ? [keys] : keys;
    for (const key of list) {
      this.used.add(key);
      if (this.has(key)) return key;
    }
    return undefined;
  }

  /** Every integer a config gives is a size, a count or a layer index: none may exceed MAX_WIDTH (or `max`). */
  private integerAt(key: string, min: number, max = MAX_WIDTH): number {
    this.used.add(key);
    const value = this.get(key);
    if (typeof value !== "number") throw new ConfigError(key, `expected an integer, got ${describeValue(value)}`);
    if (!Number.isFinite(value)) throw new ConfigError(key, `expected an integer, got ${value}`);
    if (!Number.isInteger(value)) throw new ConfigError(key, `expected an integer, got the fraction ${value}`);
    if (value < min) throw new ConfigError(key, min === 1 ? `must be at least 1, got ${value}` : `must not be negative, got ${value}`);
    if (!Number.isSafeInteger(value)) throw new ConfigError(key, `${value} is too large to be an exact size (above 2^53)`);
    if (value > max) {
      throw new ConfigError(key, `${value} is above ${max.toLocaleString("en-US")}, the largest ${max === MAX_LAYERS ? "layer count" : "size"} the counts accept`);
    }
    return value;
  }
}

/** Dropout rates, token ids, initialisation, tokenizer and runtime flags never change a count. */
function isIrrelevantByPattern(key: string): boolean {
  return /(_token_id|_token_ids|dropout|pdrop|_eps|epsilon|^use_cache$|^output_|_init|initializer|^rope_|^rotary_emb_base$|^torch_dtype$|^dtype$|^transformers_version$|^_|^architectures$|^auto_map$|^model_type$|^task_specific_params$|^summary_|^quantization_config$|^tokenizer|^id2label$|^label2id$|^pretraining_tp$|^aux_loss|_aux_loss_coef$|^router_jitter|^z_loss)/.test(key);
}
