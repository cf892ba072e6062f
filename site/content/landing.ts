/**
 * The landing page's figures, all from the core: the answer at a glance
 * (2N + 4·L·S·d_attn with its symbols' values for the post's model) and the
 * energy of a token and of a chat request, computed exactly as the energy
 * island of notebook 8 computes them for its default inputs, so the landing
 * and the island state the same figure from the same inputs.
 */
import { threeAnswersChart, type AnswerBar } from "../../src/charts/three-answers";
import { chartHtml } from "../../src/charts/serialize";
import { tokenFlowChart } from "../../src/charts/token-flow";
import { tokenFlow } from "../../src/core/token-flow";
import { formatDuration, formatEnergy, formatScientificLatex, formatWattHours, groupDigits } from "../../src/core/format";
import { multipliedWeights, paramsPlusAttention } from "../../src/core/formulas/first-principles";
import { presetById } from "../../src/core/presets";
import { ENERGY_DEFAULTS, energyFigures } from "../../src/islands/energy";
import { notebookDocument } from "../../src/notebook/document";
import { POST_CONTEXT } from "../../src/core/post";
import { LONG_CONTEXT_PRESET_IDS, LONG_CONTEXT_TABLE_TOKENS, longContextComparison, longContextTableRow } from "../../src/core/long-context";
import { tableBundle } from "../../src/notebook/table";
import type { Answer } from "./answers";

/** One symbol of the headline formula: its LaTeX, what it means, and its value for the post's model. */
export interface GlanceSymbol {
  latex: string;
  meaning: string;
  value: string;
}

/** The headline: the first-principles count for the post's model, and the formula it is approximately. */
export interface AtAGlance {
  /** "2.52 \\times 10^{11}". */
  flopsLatex: string;
  /** The formula's right-hand side, "2N + 4\\,L\\,S\\,d_{\\text{attn}}". */
  formulaLatex: string;
  symbols: GlanceSymbol[];
}

/** The answer at a glance, for the post's hypothetical model at the post's context. */
export function atAGlance(right: Answer): AtAGlance {
  const post = presetById("post-hypothetical").spec;
  const attentionWidth = post.attention.kind === "standard" ? post.attention.numHeads * post.attention.headDim : post.hiddenSize;
  const values: Record<string, string> = {
    N: `${groupDigits(multipliedWeights(post))} for the post’s model`,
    L: groupDigits(post.numLayers),
    S: groupDigits(POST_CONTEXT),
    d_attn: groupDigits(attentionWidth),
  };
  return {
    flopsLatex: formatScientificLatex(right.flops, 2),
    formulaLatex: paramsPlusAttention.latex.replace(/^.*\\approx\s*/, ""),
    symbols: paramsPlusAttention.variables.map((v) => ({ latex: v.latex, meaning: v.meaning, value: values[v.name] ?? "" })),
  };
}

const CONCEPT_OF: Readonly<Record<Answer["id"], AnswerBar["concept"]>> = { gpt4o: "gpt4o", grok: "grok", "first-principles": "kvCache" };

/** The three answers as a server-rendered SVG bar chart on a log scale. */
export function threeAnswersSvg(answers: readonly Answer[]): string {
  const bars = answers.map((a) => ({ id: a.id, label: a.who, concept: CONCEPT_OF[a.id], flops: a.flops }));
  return chartHtml(threeAnswersChart(bars, notebookDocument()));
}

/** The energy figure of "Why so power hungry": per generated token and per chat request, with its assumptions. */
export interface PowerFigure {
  joulesPerToken: string;
  wattHoursPerToken: string;
  stepTime: string;
  bound: string;
  requestWattHours: string;
  requestJoules: string;
  outputTokens: string;
  promptTokens: string;
  assumptions: string;
}

export function powerFigure(): PowerFigure {
  const props = ENERGY_DEFAULTS;
  const { spec, hardware, report, query } = energyFigures(props);
  const decode = report.decode;
  return {
    joulesPerToken: formatEnergy(decode.joulesPerToken),
    wattHoursPerToken: formatWattHours(decode.joulesPerToken / 3600),
    stepTime: formatDuration(decode.stepSeconds),
    bound: decode.bound === "memory" ? "memory bandwidth" : "arithmetic",
    requestWattHours: formatWattHours(query.wattHours),
    requestJoules: formatEnergy(query.joules),
    outputTokens: groupDigits(query.outputTokens),
    promptTokens: groupDigits(query.promptTokens),
    assumptions:
      `${spec.name} on ${props.gpus} × ${hardware.name} at its ${groupDigits(report.power.wattsPerGpu)} W TDP, ` +
      `${groupDigits(props.batch)} sequences decoded together at a ${groupDigits(props.S)}-token context, weights and KV cache in ${props.dtype}`,
  };
}

/** The signature figure for the post's model at the post's context: one token through the model, block by block. */
export function tokenFlowSvg(): string {
  return chartHtml(tokenFlowChart(tokenFlow(presetById("post-hypothetical").spec, POST_CONTEXT), notebookDocument()));
}

/**
 * Real models at 128k, the table of notebook 5 (same models, same rows, the
 * same core functions): FLOPs and cache per token beside a dense GQA model of
 * the same active size. The landing shows three of its columns.
 */
export function realModelsTableHtml(): string {
  const rows = LONG_CONTEXT_PRESET_IDS.map((id) => {
    const { "dense GQA baseline": _shape, ...row } = longContextTableRow(longContextComparison(presetById(id).spec, LONG_CONTEXT_TABLE_TOKENS));
    return row;
  });
  const html = tableBundle(rows).data["text/html"];
  if (typeof html !== "string") throw new Error("tableBundle gave no HTML");
  return html;
}
