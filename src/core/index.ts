/**
 * how-many-flops: exact parameter, FLOP and memory counts for decoder-only
 * transformers, and the published formulas they are checked against.
 */
export * from "./errors";
export * from "./model";
export * from "./validate";
export * from "./layers";
export * from "./params";
export * from "./terms";
export * from "./elementwise";
export * from "./inference/index";
export * from "./flops";
export * from "./memory";
export * from "./report";
export * from "./presets";
export * from "./post";
export * from "./format";
export * from "./parse";
export * from "./token-flow";
export * from "./formula";
export * from "./formulas/index";
export { importHfConfig, SUPPORTED_MODEL_TYPES, MAX_CONFIG_CHARS, type ImportedModel } from "./hf/import";
export * from "./energy/index";
export * from "./answers";
export * from "./html";
export * from "./dense-baseline";
export * from "./long-context";
