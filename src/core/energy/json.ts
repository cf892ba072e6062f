import type { Citation } from "../formula";
import type { EnergyReport, PhaseEnergy } from "./energy";
import type { HardwarePreset } from "./hardware";
import type { Assumptions } from "./inputs";
import type { Bound } from "./roofline";
import { stepUtilization } from "../inference/utilization";

/** One phase as JSON: floats for time, energy and money, exact decimal strings for counts. */
export interface PhaseEnergyJson {
  stepSeconds: number;
  bound: Bound;
  joulesPerToken: number;
  usdPerMillionTokens: number;
  /** What a token is: "output token" (decode) or "prompt token" (prefill). */
  perToken: PhaseEnergy["perToken"];
  tokensPerStep: number;
  tokensPerSecond: number;
  computeSeconds: number;
  memorySeconds: number;
  communicationSeconds: number;
  /** FLOPs of the step, all GPUs together. */
  flops: string;
  /** Bytes moved to or from HBM, all GPUs together. */
  bytes: string;
  fitsInMemory: boolean;
  /** Achieved model FLOPs utilization: FLOPs / (step time × GPUs × peak). */
  mfu: number;
  /** Achieved model bandwidth utilization: bytes / (step time × GPUs × HBM bandwidth). */
  mbu: number;
}

/** The `energy` object of the CLI's JSON, and what notebooks and islands print. */
export interface EnergyJson {
  hardware: { id: string; name: string; citation: Citation };
  gpus: number;
  decode: PhaseEnergyJson;
  prefill: PhaseEnergyJson;
  power: { wattsPerGpu: number; watts: number; source: "measured" | "tdp" };
  assumptions: Assumptions;
  /** The smallest batch at which decode's weight matmuls turn compute-bound, and the whole step's bound there (null: none up to 2^20). */
  computeBoundBatch?: { batch: number; stepBound: Bound } | null;
  /** Speculative decoding with a draft model, when asked for. */
  speculative?: SpeculativeJson;
}

/** Speculative decoding of B sequences at context S, against plain decode. */
export interface SpeculativeJson {
  /** Draft model preset id. */
  draft: string;
  acceptance: number;
  draftTokens: number;
  /** Expected tokens per sequence per iteration: (1 − α^(γ+1)) / (1 − α). */
  tokensPerIteration: number;
  iterationSeconds: number;
  /** γ draft steps + one verify pass, all sequences: exact decimal string. */
  iterationFlops: string;
  flopsPerToken: number;
  tokensPerSecond: number;
  joulesPerToken: number;
  /** Plain decode time per token / speculative time per token. */
  speedup: number;
  baseline: { flopsPerToken: number; tokensPerSecond: number; joulesPerToken: number };
}

/** A JSON-safe copy of an energy report. */
export function energyJson(report: EnergyReport, hardware: HardwarePreset): EnergyJson {
  return {
    hardware: { id: hardware.id, name: hardware.name, citation: hardware.citation },
    gpus: report.decode.step.gpus,
    decode: phaseJson(report.decode, hardware),
    prefill: phaseJson(report.prefill, hardware),
    power: { wattsPerGpu: report.power.wattsPerGpu, watts: report.power.watts, source: report.power.source },
    assumptions: report.assumptions,
  };
}

function phaseJson(phase: PhaseEnergy, hardware: HardwarePreset): PhaseEnergyJson {
  const utilization = stepUtilization(phase.step, hardware);
  return {
    stepSeconds: phase.stepSeconds,
    bound: phase.bound,
    joulesPerToken: phase.joulesPerToken,
    usdPerMillionTokens: phase.usdPerMillionTokens,
    perToken: phase.perToken,
    tokensPerStep: phase.tokensPerStep,
    tokensPerSecond: phase.tokensPerSecond,
    computeSeconds: phase.step.computeSeconds,
    memorySeconds: phase.step.memorySeconds,
    communicationSeconds: phase.step.communicationSeconds,
    flops: phase.step.flops.toString(),
    bytes: phase.step.bytes.toString(),
    fitsInMemory: phase.step.fitsInMemory,
    mfu: utilization.mfu,
    mbu: utilization.mbu,
  };
}
