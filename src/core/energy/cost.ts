import { type Assumptions, positive, wholeNumber } from "./inputs";

/**
 * Rental price of one GPU-hour assumed when none is given, US$. A round
 * figure in the range clouds charged for an H100 in 2024–2025 ($2–4 on
 * demand, less reserved); it is a stated assumption, not a quote: pass your own.
 */
export const DEFAULT_USD_PER_GPU_HOUR = 2;

/**
 * US$ per million tokens when G GPUs rented at `usdPerGpuHour` each produce
 * `tokens` tokens every `stepSeconds`: G × price/3600 × step / tokens × 10^6.
 */
export function usdPerMillionTokens(stepSeconds: number, tokens: number, gpus: number, usdPerGpuHour: number): number {
  positive(stepSeconds, "stepSeconds");
  wholeNumber(tokens, "tokens");
  wholeNumber(gpus, "gpus");
  positive(usdPerGpuHour, "usdPerGpuHour");
  return ((gpus * usdPerGpuHour) / 3600) * (stepSeconds / tokens) * 1e6;
}

/** The named assumption behind a cost figure. */
export function costAssumptions(usdPerGpuHour: number): Assumptions {
  return {
    usdPerGpuHour: {
      value: usdPerGpuHour,
      unit: "US$ per GPU-hour",
      note: usdPerGpuHour === DEFAULT_USD_PER_GPU_HOUR
        ? "assumed rental price (default $2, the low end of 2024–2025 on-demand H100 prices); GPU time only, no margin, no idle time"
        : "rental price of one GPU-hour; GPU time only, no margin, no idle time",
    },
  };
}
