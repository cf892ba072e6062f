/**
 * Chart functions of (data, document), built with Observable Plot: the
 * islands draw them live and the notebooks reuse them.
 */
export * from "./palette";
export * from "./ticks";
export * from "./serialize";
export * from "./legend";
export * from "./context-sweep";
export * from "./three-answers";
export * from "./token-flow";
