import type { Citation } from "../formula";
import type { EnergyReport, PhaseEnergy } from "./energy";
import type { HardwarePreset } from "./hardware";
import type { Assumptions } from "./inputs";
import type { Bound } from "./roofline";

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
}

/** The `energy` object of the CLI's JSON, and what notebooks and islands print. */
export interface EnergyJson {
  hardware: { id: string; name: string; citation: Citation };
  gpus: number;
  decode: PhaseEnergyJson;
  prefill: PhaseEnergyJson;
  power: { wattsPerGpu: number; watts: number; source: "measured" | "tdp" };
  assumptions: Assumptions;
}

/** A JSON-safe copy of an energy report. */
export function energyJson(report: EnergyReport, hardware: HardwarePreset): EnergyJson {
  return {
    hardware: { id: hardware.id, name: hardware.name, citation: hardware.citation },
    gpus: report.decode.step.gpus,
    decode: phaseJson(report.decode),
    prefill: phaseJson(report.prefill),
    power: { wattsPerGpu: report.power.wattsPerGpu, watts: report.power.watts, source: report.power.source },
    assumptions: report.assumptions,
  };
}

function phaseJson(phase: PhaseEnergy): PhaseEnergyJson {
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
  };
}
