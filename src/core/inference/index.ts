/**
 * The inference arithmetic around the roofline: achieved MFU and MBU, the
 * batch where decode turns compute-bound, speculative decoding, a request's
 * prefill against its decode, communication for tensor, expert and pipeline
 * parallelism, the MoE serving gap, and training against serving.
 */
export * from "./utilization";
export * from "./batch";
export * from "./speculative";
export * from "./request";
export * from "./training";
export * from "./interconnect";
export * from "./moe";
