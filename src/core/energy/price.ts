import { peakFlopsFor, type ComputePrecision, type HardwarePreset } from "./hardware";
import { type Assumptions, fraction, positive } from "./inputs";
import { DEFAULT_UTILIZATION } from "./roofline";

/** Options of {@link priceImpliedFlops}. */
export interface PriceImpliedOptions {
  /** What the API charges, US$ per million tokens (the post quotes $2.50 input, $10 output for GPT-4o). */
  usdPerMillionTokens: number;
  /** What one GPU-hour costs the provider, US$. */
  usdPerGpuHour: number;
  hardware: HardwarePreset;
  /** Tensor-core precision whose peak is used (default bf16). */
  precision?: ComputePrecision;
  /** Share of peak FLOP/s the provider reaches, in (0, 1] (default {@link DEFAULT_UTILIZATION}). */
  utilization?: number;
}

export interface PriceImpliedFlops {
  /** GPU-seconds one token's price buys: (price / 10^6) / (GPU-hour price / 3600). */
  gpuSecondsPerToken: number;
  /** FLOPs those GPU-seconds deliver: gpuSecondsPerToken × peak × utilization. */
  flopsPerToken: number;
  assumptions: Assumptions;
}

/**
 * The FLOP budget per token a price allows, if all of the price paid for GPU
 * time and nothing else (no margin, no idle capacity, no energy bill on top):
 * an upper bound on what a provider can spend per token and break even.
 */
export function priceImpliedFlops(options: PriceImpliedOptions): PriceImpliedFlops {
  const usdPerToken = positive(options.usdPerMillionTokens, "usdPerMillionTokens") / 1e6;
  const usdPerGpuSecond = positive(options.usdPerGpuHour, "usdPerGpuHour") / 3600;
  const utilization = fraction(options.utilization ?? DEFAULT_UTILIZATION, "utilization");
  const peak = peakFlopsFor(options.hardware, options.precision ?? "bf16");
  const gpuSecondsPerToken = usdPerToken / usdPerGpuSecond;
  return {
    gpuSecondsPerToken,
    flopsPerToken: gpuSecondsPerToken * peak.flops * utilization,
    assumptions: {
      usdPerMillionTokens: { value: options.usdPerMillionTokens, unit: "US$", note: "price charged per million tokens" },
      usdPerGpuHour: { value: options.usdPerGpuHour, unit: "US$", note: "what one GPU-hour costs the provider; the whole price is assumed to buy GPU time" },
      peakFlops: { value: peak.flops, unit: "FLOP/s", note: `${options.hardware.name}, dense ${peak.precision} tensor-core peak` },
      utilization: { value: utilization, note: "share of peak FLOP/s the provider reaches (MFU)" },
    },
  };
}
