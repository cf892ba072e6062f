import type { Citation } from "../formula";
import { presetById } from "../presets";
import { hardwareById } from "./hardware";
import { decodeStep, type StepRoofline } from "./roofline";

/** One decode step measured on one H200: B sequences, each generating its S-th token. */
export interface H200DecodePoint {
  batch: number;
  context: number;
  msPerStep: number;
  /** GPU board energy per generated token (NVML), J. */
  joulesPerToken: number;
  /** Median board power during the steps, W. */
  wattsMedian: number;
  /** The harness's own count: FLOP = 2 per multiply-add, weights once plus the KV cache read. */
  flopsPerStep: bigint;
  bytesPerStep: bigint;
}

export const H200_DECODE_SOURCE: Citation = {
  label: "H200 decode measurements (this project, 2026-12-04)",
  reference: "Llama-3.1-8B-shaped decoder (random bf16 weights, real shapes) on one NVIDIA H200 SXM at its 700 W limit; plain PyTorch, one CUDA graph per step; time from CUDA events over ≥ 3 s of replays, energy from NVML's energy counter (board only); matmul ceiling 744.9 TFLOP/s (bf16 8192³), copy ceiling 4.29 TB/s read + write",
};

/** The measured steps, as published in test/fixtures/reference/h200-decode.json. */
export const H200_DECODE_POINTS: readonly H200DecodePoint[] = [
  { batch: 1, context: 1024, msPerStep: 5.3677, joulesPerToken: 2.502, wattsMedian: 468.698, flopsPerStep: 15546187776n, bytesPerStep: 15143534592n },
  { batch: 8, context: 1024, msPerStep: 5.8742, joulesPerToken: 0.3488, wattsMedian: 478.035, flopsPerStep: 124369502208n, bytesPerStep: 16083058688n },
  { batch: 32, context: 1024, msPerStep: 6.9863, joulesPerToken: 0.118, wattsMedian: 543.831, flopsPerStep: 497478008832n, bytesPerStep: 19304284160n },
  { batch: 128, context: 1024, msPerStep: 12.4497, joulesPerToken: 0.0626, wattsMedian: 646.276, flopsPerStep: 1989912035328n, bytesPerStep: 32189186048n },
  { batch: 256, context: 1024, msPerStep: 18.3609, joulesPerToken: 0.0508, wattsMedian: 692.616, flopsPerStep: 3979824070656n, bytesPerStep: 49369055232n },
  { batch: 1, context: 8192, msPerStep: 5.7898, joulesPerToken: 2.7279, wattsMedian: 472.134, flopsPerStep: 19304284160n, bytesPerStep: 16083058688n },
  { batch: 16, context: 8192, msPerStep: 10.8644, joulesPerToken: 0.3723, wattsMedian: 553.516, flopsPerStep: 308868546560n, bytesPerStep: 32189186048n },
  { batch: 64, context: 8192, msPerStep: 26.9974, joulesPerToken: 0.2659, wattsMedian: 633.127, flopsPerStep: 1235474186240n, bytesPerStep: 83728793600n },
  { batch: 1, context: 32768, msPerStep: 7.6513, joulesPerToken: 3.528, wattsMedian: 454.621, flopsPerStep: 32189186048n, bytesPerStep: 19304284160n },
];

/** A measured H200 step next to the roofline's. */
export interface ModelledH200Point {
  point: H200DecodePoint;
  step: StepRoofline;
  modelledMs: number;
  /** Modelled energy per token at the step's measured power: watts × modelled step / B. */
  modelledJoulesPerToken: number;
  /** modelled / measured (the same for time and for energy, at the measured power). */
  ratio: number;
}

/** The roofline of Llama 3.1 8B on an H200 at the point's batch and context, default efficiencies, priced at the measured power. */
export function modelH200Point(point: H200DecodePoint): ModelledH200Point {
  const step = decodeStep(presetById("llama-3.1-8b").spec, hardwareById("h200"), { context: point.context, batch: point.batch });
  const modelledJoulesPerToken = (point.wattsMedian * step.stepSeconds) / point.batch;
  return { point, step, modelledMs: step.stepSeconds * 1000, modelledJoulesPerToken, ratio: modelledJoulesPerToken / point.joulesPerToken };
}
