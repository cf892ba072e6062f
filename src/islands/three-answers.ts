/**
 * Three answers: for one model and context, GPT4o's formula, Grok's 2·N·S and
 * the first-principles cost of one generated token with a KV cache, side by
 * side, with first principles without a cache as the footnote Grok describes.
 */
import { groupDigits } from "../core/format";
import { presetById } from "../core/presets";
import { answersFor } from "../core/answers";
import { CONTEXT_CONTROL } from "./controls";
import { fieldTable, numberField, presetField } from "./fields";
import { countHtml, timesText } from "./html";
import { controlsFrame, outputFrame } from "./frame";
import { html, rawHtml, type Html } from "../core/html";
import type { IslandDefinition } from "./island";

/** A preset and a context length. */
export interface ThreeAnswersProps {
  /** Preset id (src/core/presets.ts), e.g. "llama-2-7b". */
  model: string;
  /** Context length S: the new token is the S-th. */
  S: number;
}

/** Llama 2 7B at S = 4096. */
export const THREE_ANSWERS_DEFAULTS: Readonly<ThreeAnswersProps> = { model: "llama-2-7b", S: 4096 };

const FIELDS = fieldTable({ model: presetField(), S: numberField(CONTEXT_CONTROL) }, THREE_ANSWERS_DEFAULTS);

const TITLE = "Three answers: FLOPs per generated token";

/** Query keys: model, s. Props: { model?, S? } (defaults above). */
export const threeAnswers: IslandDefinition<ThreeAnswersProps> = {
  name: "three-answers",
  title: TITLE,

  ...FIELDS,
  renderControls: (props) => controlsFrame(TITLE, FIELDS.controlsHtml(props)),

  renderOutput(props) {
    const spec = presetById(props.model).spec;
    const a = answersFor(spec, props.S);
    const reference = a.withCache.total;
    const i = a.gpt4oInputs;
    const gptInputs = `E = ${groupDigits(i.E)}, V = ${groupDigits(i.V)}, S = ${groupDigits(i.S)}, H = ${groupDigits(i.H)}, L = ${groupDigits(i.L)}`;
    const grokInputs = `N = ${groupDigits(a.grokN)} (non-embedding parameters${spec.moe ? ", every expert included" : ""}), S = ${groupDigits(props.S)}`;
    const cards = [
      card("gpt4o", "GPT4o", "E·V + L·(8E²S + 4EHS + HS²)", a.gpt4o.total, ratioHtml("gpt4o-times", timesText(a.gpt4o.total, reference)), gptInputs),
      card("grok", "Grok", "2·N·S", a.grok.total, ratioHtml("grok-times-own-n", timesText(a.grok.total, reference)), grokInputs),
      card("first", "First principles", "one new token, with a KV cache", reference, html`every matrix product, counted exactly`, `${spec.name}: token number ${groupDigits(props.S)} attends to ${groupDigits(props.S)} keys, itself included`),
    ];
    const noCache = a.withoutCache.total;
    const footnote = html`Without a KV cache, recomputing all ${groupDigits(props.S)} positions for each new token (the regime 2·N·S describes), first principles gives ${rawHtml(countHtml(noCache, "FLOP"))}: ${timesText(noCache, reference)} the cached cost, and Grok’s 2·N·S is ${timesText(a.grok.total, noCache)} that.`;
    return outputFrame(html`<div class="hmf-answers">${cards}</div><p class="hmf-footnote">${footnote}</p>`.value);
  },
};

/** A factor, marked with the figure it is so that pages stating the same figure can be checked against it. */
function ratioHtml(figure: string, times: string): Html {
  return html`<span data-figure="${figure}">${times}</span> first principles`;
}

/** One answer. */
function card(id: string, name: string, formula: string, value: bigint, ratio: Html, inputs: string): Html {
  return html`<div class="hmf-answer hmf-answer-${id}"><p class="hmf-answer-name">${name}</p><p class="hmf-answer-formula">${formula}</p><p class="hmf-answer-value">${rawHtml(countHtml(value, "FLOP"))}</p><p class="hmf-answer-ratio">${ratio}</p><p class="hmf-answer-inputs">${inputs}</p></div>`;
}
