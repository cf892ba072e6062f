import type { Citation } from "../formula";
import { EnergyInputError, positive } from "./inputs";

/** Google's median Gemini text prompt, with the split of its energy Google gives. */
export const GOOGLE_GEMINI_PROMPT = {
  citation: {
    label: "Google, Measuring the environmental impact of AI inference",
    reference: "Google, 'Measuring the environmental impact of AI inference' (August 2025)",
    url: "https://cloud.google.com/blog/products/infrastructure/measuring-the-environmental-impact-of-ai-inference",
  } satisfies Citation,
  /** Median energy of one Gemini Apps text prompt, Wh, all overheads included. */
  wattHours: 0.24,
  /** Shares of that energy, as published (they sum to 101% by rounding). Token counts were not disclosed. */
  shares: { accelerators: 0.58, hostCpuAndDram: 0.25, idleCapacity: 0.1, dataCentreOverhead: 0.08 },
} as const;

/** How many tokens an energy budget pays for at a given energy per token. */
export function tokensForEnergy(joules: number, joulesPerToken: number): number {
  return positive(joules, "joules") / positive(joulesPerToken, "joulesPerToken");
}

/** An energy-per-token figure to read Google's 0.24 Wh against. */
export interface EnergyPerTokenCase {
  label: string;
  joulesPerToken: number;
  /**
   * What the figure counts: "accelerator" (GPU energy only, as ML.ENERGY
   * measures) is compared with the accelerators' 58% share; "facility" (host,
   * idle capacity and PUE included) with the whole 0.24 Wh.
   */
  scope: "accelerator" | "facility";
}

export interface ImpliedTokens extends EnergyPerTokenCase {
  /** Joules of the median prompt this case is compared with. */
  budgetJoules: number;
  /** Tokens the median prompt would be at this energy per token. */
  tokens: number;
}

/**
 * What 0.24 Wh per median prompt would imply in tokens, for each energy per
 * token: not a reproduction (Google gives no token counts), a reading aid.
 */
export function geminiPromptTokens(cases: readonly EnergyPerTokenCase[]): ImpliedTokens[] {
  const total = GOOGLE_GEMINI_PROMPT.wattHours * 3600;
  return cases.map((c, i) => {
    if (c.scope !== "accelerator" && c.scope !== "facility") throw new EnergyInputError(`cases[${i}].scope`, `must be "accelerator" or "facility", got ${String(c.scope)}`);
    const budgetJoules = c.scope === "accelerator" ? total * GOOGLE_GEMINI_PROMPT.shares.accelerators : total;
    return { ...c, budgetJoules, tokens: tokensForEnergy(budgetJoules, c.joulesPerToken) };
  });
}
