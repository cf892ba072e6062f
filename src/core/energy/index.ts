/**
 * Hardware, time, energy and cost per token: roofline step times for decode
 * and prefill, power and PUE, dollars per token, the FLOP budget a price
 * allows, and the published figures the model is checked against.
 */
export { EnergyInputError, type Assumption, type Assumptions } from "./inputs";
export * from "./hardware";
export * from "./traffic";
export * from "./roofline";
export * from "./power";
export * from "./cost";
export * from "./energy";
export * from "./price";
export * from "./measured";
export * from "./epoch";
export * from "./google";
export * from "./json";
export * from "./h200";
