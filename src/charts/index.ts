/**
 * Chart functions of (data, document): the islands draw them live and the
 * notebooks reuse them. The islands' charts are drawn directly in SVG on a
 * shared log frame (log-frame.ts); nothing here needs Plot.
 */
export * from "./palette";
export * from "./ticks";
export * from "./serialize";
export * from "./legend";
export * from "./context-sweep";
export * from "./three-answers";
export * from "./token-flow";
