/**
 * Formula explorer: GPT4o's formula term by term, each term's value and share,
 * beside the first-principles count for one new token of a plain transformer
 * of the same sizes (multi-head attention, a 4E two-layer MLP, a KV cache).
 */
import { decodeFlops } from "../core/flops";
import { evaluateFormula, type FormulaValue } from "../core/formula";
import { gpt4o } from "../core/formulas/gpt4o";
import { groupDigits } from "../core/format";
import type { ModelSpec } from "../core/model";
import { presetById } from "../core/presets";
import { tokenFlow } from "../core/token-flow";
import { tokenFlowFigureHtml } from "./token-flow-figure";
import { CONTEXT_CONTROL } from "./controls";
import { fieldTable, numberField } from "./fields";
import { countHtml, shareBarHtml, shareOf, shareText, timesText } from "./html";
import { controlsFrame, outputFrame } from "./frame";
import { html, rawHtml, type Html } from "../core/html";
import type { IslandDefinition } from "./island";

/** GPT4o's five inputs, named as in the post. */
export interface FormulaExplorerProps {
  /** Embedding dimension E. */
  E: number;
  /** Vocabulary size V. */
  V: number;
  /** Context length S. */
  S: number;
  /** Attention heads H. */
  H: number;
  /** Layers L. */
  L: number;
}

type Variable = keyof FormulaExplorerProps;

/** The post's inputs (its REPL line): E = 4096, V = 200,000, S = 128,000, H = 8, L = 100. */
export const FORMULA_EXPLORER_DEFAULTS: Readonly<FormulaExplorerProps> = { E: 4096, V: 200_000, S: 128_000, H: 8, L: 100 };

/** The five inputs, declared once: URL keys, the reader's words, bounds and sliders. */
const FIELDS = fieldTable(
  {
    E: numberField({ key: "e", label: "E", hint: "embedding width", range: { min: 1, max: 131_072 }, slider: { kind: "linear", min: 128, max: 16_384, step: 128 } }),
    V: numberField({ key: "v", label: "V", hint: "vocabulary size", range: { min: 1, max: 10_000_000 }, slider: { kind: "log", min: 1_000, max: 1_000_000 }, unit: "tokens" }),
    S: numberField(CONTEXT_CONTROL),
    H: numberField({ key: "h", label: "H", hint: "attention heads", range: { min: 1, max: 1_024 }, slider: { kind: "linear", min: 1, max: 128, step: 1 } }),
    L: numberField({ key: "l", label: "L", hint: "layers", range: { min: 1, max: 1_000 }, slider: { kind: "linear", min: 1, max: 200, step: 1 } }),
  },
  FORMULA_EXPLORER_DEFAULTS,
);
const VARIABLES: readonly Variable[] = ["E", "V", "S", "H", "L"];

/** GPT4o's terms as plain text (the formula object carries LaTeX). */
const GPT4O_TERM_TEXT: Readonly<Record<string, string>> = {
  logits: "E·V",
  mlp: "L·8·E²·S",
  qkv: "L·4·E·H·S",
  attention: "L·H·S²",
};

/** One row of the first-principles side. */
export interface CorrectedTerm {
  id: "logits" | "qkv" | "attention" | "outProj" | "mlp";
  label: string;
  /** The term as plain text in GPT4o's letters. */
  text: string;
  value: bigint;
}

/** The first-principles side: grouped terms and their total, or why it cannot be drawn. */
export type CorrectedSide = { kind: "counted"; terms: CorrectedTerm[]; total: bigint } | { kind: "invalid"; reason: string };

/**
 * The `post-hypothetical` preset resized: E wide, V tokens, L layers, H heads
 * of E/H, a 4E two-layer MLP. Needs H to divide E.
 */
export function explorerSpec(props: FormulaExplorerProps): ModelSpec {
  const base = presetById("post-hypothetical").spec;
  if (base.attention.kind !== "standard") throw new Error("post-hypothetical: expected standard attention");
  return {
    ...base,
    name: `Plain transformer, E = ${props.E}, H = ${props.H}, L = ${props.L}`,
    vocabSize: props.V,
    hiddenSize: props.E,
    numLayers: props.L,
    attention: { ...base.attention, numHeads: props.H, numKvHeads: props.H, headDim: props.E / props.H },
    mlp: { ...base.mlp, gated: false, intermediateSize: 4 * props.E },
  };
}

/** GPT4o's formula at these inputs. */
export function gpt4oSide(props: FormulaExplorerProps): FormulaValue {
  return evaluateFormula(gpt4o, { E: BigInt(props.E), V: BigInt(props.V), S: BigInt(props.S), H: BigInt(props.H), L: BigInt(props.L) });
}

/** One new token at context S with a KV cache, grouped as GPT4o's terms are. */
export function correctedSide(props: FormulaExplorerProps): CorrectedSide {
  if (props.E % props.H !== 0) {
    return { kind: "invalid", reason: `H = ${groupDigits(props.H)} does not divide E = ${groupDigits(props.E)}: attention splits E into H heads of E/H, so first principles needs whole heads.` };
  }
  const { terms: t, total } = decodeFlops(explorerSpec(props), props.S);
  const terms: CorrectedTerm[] = [
    { id: "logits", label: "logits (LM head)", text: "2·E·V", value: t.logits },
    { id: "qkv", label: "Q, K, V projections", text: "6·L·E²", value: t.qProj + t.kProj + t.vProj },
    { id: "attention", label: "attention scores and × values", text: "4·L·S·E", value: t.attnScores + t.attnValues },
    { id: "outProj", label: "attention output projection", text: "2·L·E²", value: t.outProj },
    { id: "mlp", label: "two-layer MLP, 4E wide", text: "16·L·E²", value: t.mlp },
  ];
  return { kind: "counted", terms, total };
}

const TITLE = "Formula explorer: GPT4o’s formula, term by term";

/** Query keys: e, v, s, h, l. Props: { E?, V?, S?, H?, L? } (numbers, bigints or decimal strings; defaults: the post's). */
export const formulaExplorer: IslandDefinition<FormulaExplorerProps> = {
  name: "formula-explorer",
  title: TITLE,

  ...FIELDS,
  renderControls: (props) => controlsFrame(TITLE, FIELDS.controlsHtml(props)),

  renderOutput(props, document) {
    const gpt = gpt4oSide(props);
    const corrected = correctedSide(props);
    const inputs = VARIABLES.map((v) => `${v} = ${groupDigits(props[v])}`).join(", ");
    const gptRows = gpt.terms.map((term) => termRow(GPT4O_TERM_TEXT[term.id] ?? "", term.label, term.value, gpt.total));
    const left = termTable("hmf-fx-gpt4o", `GPT4o’s formula at ${inputs}`, gptRows, gpt.total);
    if (corrected.kind === "invalid") {
      return outputFrame(html`<div class="hmf-fx">${left}<p class="hmf-note hmf-note-warning">${corrected.reason}</p></div>`.value);
    }
    const rightRows = corrected.terms.map((term) => termRow(term.text, term.label, term.value, corrected.total));
    const right = termTable("hmf-fx-first", `First principles: one new token with a KV cache, same sizes (heads of E/H, a 4E MLP)`, rightRows, corrected.total);
    // The same sizes as a model, one token through it: moving S shows attention's share grow.
    const flow = rawHtml(tokenFlowFigureHtml(tokenFlow(explorerSpec(props), props.S), document));
    return outputFrame(
      html`<div class="hmf-fx"><div class="hmf-fx-sides">${left}${right}</div><p class="hmf-fx-ratio">GPT4o’s total is <strong data-figure="gpt4o-times">${timesText(gpt.total, corrected.total)}</strong> the first-principles count for one generated token.</p>${flow}</div>`.value,
    );
  },
};

function termRow(formula: string, label: string, value: bigint, total: bigint): Html {
  return html`<tr><th scope="row"><span class="hmf-term-formula">${formula}</span> <span class="hmf-term-label">${label}</span></th><td class="hmf-num">${rawHtml(countHtml(value, "FLOP"))}</td><td class="hmf-share">${rawHtml(shareBarHtml(shareOf(value, total)))}<span class="hmf-share-text">${shareText(value, total)}</span></td></tr>`;
}

function termTable(className: string, caption: string, rows: Html[], total: bigint): Html {
  return html`<table class="hmf-table hmf-terms ${className}"><caption>${caption}</caption><thead><tr><th scope="col">Term</th><th scope="col">FLOPs per token</th><th scope="col">Share</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><th scope="row">Total</th><td class="hmf-num">${rawHtml(countHtml(total, "FLOP"))}</td><td class="hmf-share"></td></tr></tfoot></table>`;
}
