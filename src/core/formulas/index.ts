import type { Formula } from "../formula";
import {
  chinchillaForward,
  chinchillaTableA4,
  chinchillaTraining,
} from "./chinchilla";
import { denseDecode, paramsPlusAttention } from "./first-principles";
import { gpt4o } from "./gpt4o";
import { gpt4oRepl } from "./gpt4o-repl";
import { grok } from "./grok";
import { kaplanForward, kaplanParameters, kaplanTable1Full, kaplanTraining, sixND } from "./kaplan";
import { megatronWithoutRecomputation, megatronWithRecomputation } from "./megatron";
import { palm } from "./palm";

export * from "./chinchilla";
export * from "./first-principles";
export * from "./gpt4o";
export * from "./gpt4o-repl";
export * from "./grok";
export * from "./kaplan";
export * from "./megatron";
export * from "./palm";
export * from "./sources";

/**
 * Every published or quoted formula, the seed post's first and then the
 * literature in date order: what notebooks, the site and the CLI list.
 */
export const FORMULAS: readonly Formula[] = [
  gpt4o,
  gpt4oRepl,
  grok,
  denseDecode,
  paramsPlusAttention,
  kaplanParameters,
  kaplanForward,
  kaplanTable1Full,
  kaplanTraining,
  sixND,
  megatronWithRecomputation,
  megatronWithoutRecomputation,
  chinchillaForward,
  chinchillaTraining,
  chinchillaTableA4,
  palm,
];

/** The formula with this id; throws naming the id and listing the valid ones. */
export function formulaById(id: string): Formula {
  const formula = FORMULAS.find((candidate) => candidate.id === id);
  if (!formula) {
    throw new Error(`unknown formula id "${id}"; valid ids: ${FORMULAS.map((candidate) => candidate.id).join(", ")}`);
  }
  return formula;
}
