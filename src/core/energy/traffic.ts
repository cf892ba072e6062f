import { moeLayerCount } from "../layers";
import { bytesOf, type Dtype } from "../memory";
import type { ModelSpec } from "../model";
import { countParams, mlpParams } from "../params";
import { EnergyInputError, wholeNumber } from "./inputs";

/**
 * Expected number of distinct routed experts one MoE layer uses for `tokens`
 * tokens, if each token picks its top-k uniformly and independently:
 * E·(1 − (1 − k/E)^T), rounded up to a whole expert and kept within [k, E].
 * Real routers are not uniform (popular experts make the count smaller), so
 * this is the most weight traffic a batch can cause, not a measurement.
 */
export function distinctExpertsPerLayer(numExperts: number, expertsPerToken: number, tokens: number): number {
  const e = wholeNumber(numExperts, "numExperts");
  const k = wholeNumber(expertsPerToken, "expertsPerToken");
  wholeNumber(tokens, "tokens");
  if (k > e) throw new EnergyInputError("expertsPerToken", `must be at most numExperts (${e}), got ${k}`);
  const expected = e * (1 - Math.pow(1 - k / e, tokens));
  // The tolerance keeps float noise (8.000000001 for an exact 8) from adding an expert.
  const whole = Math.ceil(expected - 1e-9);
  return Math.min(e, Math.max(k, whole));
}

/** Weights one step reads from HBM, and how that number was reached. */
export interface WeightTraffic {
  /** Bytes of weights read once per step. */
  bytes: bigint;
  /** The parameters those bytes hold. */
  params: bigint;
  /** Distinct routed experts read per MoE layer (absent for dense models). */
  expertsPerLayer?: number;
}

/**
 * Bytes of weights a forward step over `tokens` tokens reads: every weight a
 * token of the step uses, once. Lookup tables (the token embedding of a model
 * with an untied LM head, a learned position table) are not streamed: only the
 * rows looked up are read, at most one per token. In MoE layers the union of
 * the experts the tokens are routed to is read (see distinctExpertsPerLayer).
 */
export function weightTraffic(spec: ModelSpec, dtype: Dtype, tokens: number): WeightTraffic {
  const counts = countParams(spec);
  const d = BigInt(spec.hiddenSize);
  const n = BigInt(tokens);
  let params = counts.active - counts.activeBreakdown.experts;
  if (!spec.tiedEmbeddings) params += rowsRead(counts.embedding, BigInt(spec.vocabSize), n, d);
  if (spec.positions.kind === "learned") params += rowsRead(counts.breakdown.positions, BigInt(spec.positions.maxPositions), n, d);
  let expertsPerLayer: number | undefined;
  const moe = spec.moe;
  if (moe) {
    expertsPerLayer = distinctExpertsPerLayer(moe.numExperts, moe.expertsPerToken, tokens);
    const expert = mlpParams(spec.mlp, d, BigInt(moe.expertIntermediateSize));
    params += BigInt(moeLayerCount(spec)) * BigInt(expertsPerLayer) * expert;
  }
  const traffic: WeightTraffic = { bytes: bytesOf(params, dtype), params };
  if (expertsPerLayer !== undefined) traffic.expertsPerLayer = expertsPerLayer;
  return traffic;
}

/** Replaces a whole lookup table by the rows a step reads from it. */
function rowsRead(table: bigint, rows: bigint, tokens: bigint, d: bigint): bigint {
  const read = (tokens < rows ? tokens : rows) * d;
  return read - table;
}
