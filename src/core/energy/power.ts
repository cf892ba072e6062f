import type { HardwarePreset } from "./hardware";
import { type Assumptions, atLeastOne, EnergyInputError, fraction, positive, wholeNumber } from "./inputs";

/**
 * How much power the GPUs (and what surrounds them) draw while a step runs.
 * ML.ENERGY measures GPU energy only, so host overhead and PUE default to 1;
 * facility-level figures (Epoch AI, Google) set them.
 */
export interface PowerOptions {
  /** Measured average power of one GPU, W; when given, TDP and load factor are not used. */
  measuredWatts?: number;
  /** Share of TDP drawn on average when no measurement is given, in (0, 1] (default 1: TDP). */
  loadFactor?: number;
  /** Multiplier for host CPU, DRAM, network and fans, ≥ 1 (default 1: GPU only). */
  hostOverhead?: number;
  /** Power usage effectiveness of the data centre, ≥ 1 (default 1: GPU only). */
  pue?: number;
}

export interface PowerDraw {
  /** Average power of one GPU, W. */
  wattsPerGpu: number;
  gpus: number;
  /** wattsPerGpu × gpus × hostOverhead × pue: the power a step is charged, W. */
  watts: number;
  /** Where wattsPerGpu comes from. */
  source: "measured" | "tdp";
  assumptions: Assumptions;
}

/** The power charged while G GPUs of this kind run. */
export function powerDraw(hardware: HardwarePreset, gpus: number, options: PowerOptions = {}): PowerDraw {
  const g = wholeNumber(gpus, "gpus");
  const hostOverhead = atLeastOne(options.hostOverhead ?? 1, "hostOverhead");
  const pue = atLeastOne(options.pue ?? 1, "pue");
  const measured = options.measuredWatts === undefined ? undefined : positive(options.measuredWatts, "measuredWatts");
  if (measured !== undefined && options.loadFactor !== undefined) {
    throw new EnergyInputError("loadFactor", "applies to TDP and cannot be combined with measuredWatts (a measured average already reflects the load)");
  }
  const loadFactor = fraction(options.loadFactor ?? 1, "loadFactor");
  const wattsPerGpu = measured ?? hardware.tdpWatts * loadFactor;
  const assumptions: Assumptions = {
    gpuPower: measured !== undefined
      ? { value: measured, unit: "W", note: "measured average power of one GPU" }
      : { value: wattsPerGpu, unit: "W", note: `TDP ${hardware.tdpWatts} W × load factor ${loadFactor}${loadFactor === 1 ? " (no measurement: the GPU is charged its full TDP, an upper bound)" : ""}` },
    hostOverhead: { value: hostOverhead, note: hostOverhead === 1 ? "GPU energy only: host CPU, DRAM and network not counted" : "multiplier for host CPU, DRAM, network and fans" },
    pue: { value: pue, note: pue === 1 ? "no data-centre overhead (cooling, power conversion) counted" : "power usage effectiveness of the data centre" },
  };
  return { wattsPerGpu, gpus: g, watts: wattsPerGpu * g * hostOverhead * pue, source: measured !== undefined ? "measured" : "tdp", assumptions };
}

/** Joules to watt-hours. */
export function wattHours(joules: number): number {
  return joules / 3600;
}
