import type { HardwarePreset } from "../energy/hardware";
import { EnergyInputError, wholeNumber } from "../energy/inputs";
import { powerDraw, type PowerDraw, type PowerOptions } from "../energy/power";
import { decodeStep, verifyStep, type StepOptions, type StepRoofline } from "../energy/roofline";
import type { ModelSpec } from "../model";
import { countParams } from "../params";

/**
 * Why `draft` cannot draft for `target`, or null when it can: the target
 * verifies the draft's tokens, so both need the same vocabulary, and a draft
 * is only worth running if it is smaller (fewer active parameters).
 */
export function draftProblem(target: ModelSpec, draft: ModelSpec): string | null {
  if (draft.vocabSize !== target.vocabSize) {
    return `its vocabulary of ${draft.vocabSize.toLocaleString("en-US")} tokens differs from the model's ${target.vocabSize.toLocaleString("en-US")}: a draft must share the model's tokenizer`;
  }
  if (countParams(draft).active >= countParams(target).active) return "it is not smaller than the model: a draft must have fewer active parameters";
  return null;
}

/**
 * Expected tokens one speculative iteration yields per sequence when the
 * draft proposes γ tokens and each is accepted with probability α,
 * independently: (1 − α^(γ+1)) / (1 − α) (Leviathan, Kalman and Matias 2023,
 * "Fast Inference from Transformers via Speculative Decoding", eq. 1); γ + 1
 * when α = 1. The target's verification always contributes one token.
 */
export function expectedAcceptedTokens(acceptance: number, draftTokens: number): number {
  if (typeof acceptance !== "number" || !Number.isFinite(acceptance) || acceptance < 0 || acceptance > 1) {
    throw new EnergyInputError("acceptance", `must be a number from 0 to 1, got ${String(acceptance)}`);
  }
  const gamma = wholeNumber(draftTokens, "draftTokens");
  if (acceptance === 1) return gamma + 1;
  return (1 - acceptance ** (gamma + 1)) / (1 - acceptance);
}

/** Options of {@link speculativeDecoding}: the step, the power, and the speculation. */
export interface SpeculativeOptions extends StepOptions, PowerOptions {
  /** Probability α that the target accepts one draft token, in [0, 1]. */
  acceptance: number;
  /** Draft tokens proposed per iteration, γ ≥ 1. */
  draftTokens: number;
}

export interface SpeculativeReport {
  acceptance: number;
  draftTokens: number;
  /** Expected tokens per sequence per iteration (Leviathan et al. eq. 1). */
  tokensPerIteration: number;
  /** One draft decode step (γ run per iteration, priced at context S). */
  draft: StepRoofline;
  /** The target scoring γ + 1 tokens per sequence. */
  verify: StepRoofline;
  /** γ · draft FLOPs + verify FLOPs, all sequences: exact. */
  iterationFlops: bigint;
  iterationSeconds: number;
  /** Iteration FLOPs / (B × expected tokens). */
  flopsPerToken: number;
  tokensPerSecond: number;
  joulesPerToken: number;
  /** Plain decode with the target alone, for comparison. */
  baseline: { flopsPerToken: number; tokensPerSecond: number; joulesPerToken: number; step: StepRoofline };
  /** Plain decode time per token / speculative time per token. */
  speedup: number;
  power: PowerDraw;
}

/**
 * Speculative decoding on one set of GPUs: per iteration the draft model
 * decodes γ tokens one step at a time, then the target scores all γ + 1
 * positions in one pass that reads its weights once. More FLOPs per accepted
 * token (rejected drafts and the draft model are wasted work), fewer
 * memory-bound passes of the target: it pays where decode is memory-bound.
 */
export function speculativeDecoding(target: ModelSpec, draftModel: ModelSpec, hardware: HardwarePreset, options: SpeculativeOptions): SpeculativeReport {
  const gamma = wholeNumber(options.draftTokens, "draftTokens");
  const tokensPerIteration = expectedAcceptedTokens(options.acceptance, gamma);
  const stepOptions: StepOptions = { ...options };
  const draft = decodeStep(draftModel, hardware, stepOptions);
  const verify = verifyStep(target, hardware, { ...stepOptions, tokens: gamma + 1 });
  const baseline = decodeStep(target, hardware, stepOptions);
  const power = powerDraw(hardware, baseline.gpus, options);
  const batch = baseline.batch;
  const iterationFlops = BigInt(gamma) * draft.flops + verify.flops;
  const iterationSeconds = gamma * draft.stepSeconds + verify.stepSeconds;
  const tokens = batch * tokensPerIteration;
  const plainSecondsPerToken = baseline.stepSeconds / batch;
  return {
    acceptance: options.acceptance,
    draftTokens: gamma,
    tokensPerIteration,
    draft,
    verify,
    iterationFlops,
    iterationSeconds,
    flopsPerToken: Number(iterationFlops) / tokens,
    tokensPerSecond: tokens / iterationSeconds,
    joulesPerToken: (power.watts * iterationSeconds) / tokens,
    baseline: {
      flopsPerToken: Number(baseline.flops) / batch,
      tokensPerSecond: batch / baseline.stepSeconds,
      joulesPerToken: power.watts * plainSecondsPerToken,
      step: baseline,
    },
    speedup: plainSecondsPerToken / (iterationSeconds / tokens),
    power,
  };
}
