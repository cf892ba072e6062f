/**
 * An invalid model description or config: `field` names the offending input
 * (a ModelSpec path such as "attention.numKvHeads", or a config.json key such
 * as "num_key_value_heads") so every caller can say exactly what to fix.
 */
export class ModelError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "ModelError";
    this.field = field;
  }
}

/** A config.json that cannot be imported: unknown model_type, missing or malformed field. */
export class ConfigError extends ModelError {
  constructor(field: string, message: string) {
    super(field, message);
    this.name = "ConfigError";
  }
}
