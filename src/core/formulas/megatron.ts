import type { Formula, Variable } from "../formula";
import { cite, NARAYANAN_2021 } from "./sources";

/** Inputs of the Megatron-LM count, named as in the paper. */
export type MegatronVariable = "B" | "s" | "l" | "h" | "V";

// Examples: the 175B row of the paper's Table 1 (GPT-3's shape, batch 1536,
// vocabulary padded to 51,200).
const VARIABLES: ReadonlyArray<Variable & { name: MegatronVariable }> = [
  { name: "B", latex: "B", meaning: "batch size in sequences", example: 1536n },
  { name: "s", latex: "s", meaning: "sequence length", example: 2048n },
  { name: "l", latex: "l", meaning: "transformer layers", example: 96n },
  { name: "h", latex: "h", meaning: "hidden size", example: 12_288n },
  { name: "V", latex: "V", meaning: "vocabulary size", example: 51_200n },
];

const SOURCE = cite(NARAYANAN_2021, "Section 5.1 and Appendix “Floating-point operations”");

const SHARED_NOTES = [
  "Forward pass per layer: 24·B·s·h² (Q/K/V 6Bsh², output projection 2Bsh², MLP 4h wide 16Bsh²) + 4·B·s²·h (attention scores 2Bs²h, attention over values 2Bs²h); the logit layer adds 2·B·s·h·V.",
  "Per training iteration of B sequences of s tokens; divide by B·s for a per-token figure. Attention is counted over the full s × s matrix (no causal halving); norms, softmax and activations are not counted.",
];

/** How many forward-equivalents each layer runs: 4 with full activation recomputation (forward twice, backward once at twice the forward), 3 without. */
type ForwardEquivalents = 3n | 4n;

/**
 * The layer and logit terms for `k` forward-equivalents per layer: 24k·Bslh²
 * for the weight matmuls, 4k·Bs²lh for attention; the logit layer is never
 * recomputed, so it stays 6BshV (2 forward + 4 backward).
 */
function megatronTerms(k: ForwardEquivalents, passes: string): Formula<MegatronVariable>["terms"] {
  return [
    {
      id: "layer-matmuls",
      label: "weight matmuls of the layers",
      latex: `${24n * k}\\,B\\,s\\,l\\,h^{2}`,
      claim: `${k} × 24Bsh² per layer: ${passes}`,
      evaluate: ({ B, s, l, h }) => 24n * k * B * s * l * h * h,
    },
    {
      id: "attention",
      label: "attention scores and attention over values",
      latex: `${4n * k}\\,B\\,s^{2}\\,l\\,h`,
      claim: `${k} × 4Bs²h per layer: attention matrix computation and attention over values`,
      evaluate: ({ B, s, l, h }) => 4n * k * B * s * s * l * h,
    },
    {
      id: "logits",
      label: "logit layer",
      latex: "6\\,B\\,s\\,h\\,V",
      claim: "2BshV in the forward pass and 4BshV in the backward pass",
      evaluate: ({ B, s, h, V }) => 6n * B * s * h * V,
    },
  ];
}

/**
 * Narayanan et al.'s FLOPs per iteration with full activation recomputation:
 * each layer runs forward twice and backward once (4 forward-equivalents); the
 * logit layer is not recomputed (3). The paper's factored form is the LaTeX;
 * the terms are its exact integer expansion.
 */
export const megatronWithRecomputation: Formula<MegatronVariable> = {
  id: "megatron-recompute",
  title: "Megatron-LM: FLOPs per iteration, full activation recomputation",
  latex: "F = 96\\,B\\,s\\,l\\,h^{2}\\left(1 + \\frac{s}{6h} + \\frac{V}{16\\,l\\,h}\\right)",
  quantity: "training FLOPs per iteration (batch of B sequences), recomputed forward pass included",
  variables: VARIABLES,
  terms: megatronTerms(4n, "forward, recomputed forward, and a backward pass of twice the forward"),
  source: SOURCE,
  notes: [
    ...SHARED_NOTES,
    "Expanded: 96Bslh² · s/(6h) = 16Bs²lh and 96Bslh² · V/(16lh) = 6BshV, so the total is an integer for all integer inputs.",
  ],
};

/**
 * The same count without recomputation: 3 forward-equivalents per layer,
 * 72·B·s·l·h²·(1 + s/(6h) + V/(12·l·h)).
 */
export const megatronWithoutRecomputation: Formula<MegatronVariable> = {
  id: "megatron",
  title: "Megatron-LM: FLOPs per iteration, no recomputation",
  latex: "F = 72\\,B\\,s\\,l\\,h^{2}\\left(1 + \\frac{s}{6h} + \\frac{V}{12\\,l\\,h}\\right)",
  quantity: "training FLOPs per iteration (batch of B sequences), model FLOPs only",
  variables: VARIABLES,
  terms: megatronTerms(3n, "forward, and a backward pass of twice the forward"),
  source: SOURCE,
  notes: [
    ...SHARED_NOTES,
    "Expanded: 72Bslh² · s/(6h) = 12Bs²lh and 72Bslh² · V/(12lh) = 6BshV.",
    "The count used for model FLOPs utilization, where recomputed work does not count (Korthikanti et al. 2022, arXiv:2205.05198, use this form).",
  ],
};
