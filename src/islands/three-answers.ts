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
import { escapeHtml, type IslandDefinition } from "./island";

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
      card("first", "First principles", "one new token, with a KV cache", reference, escapeHtml("every matrix product, counted exactly"), `${spec.name}: token number ${groupDigits(props.S)} attends to ${groupDigits(props.S)} keys, itself included`),
    ];
    const noCache = a.withoutCache.total;
    const footnote =
      `Without a KV cache, recomputing all ${groupDigits(props.S)} positions for each new token (the regime 2·N·S describes), ` +
      `first principles gives ${countHtml(noCache, "FLOP")}: ${escapeHtml(timesText(noCache, reference))} the cached cost, ` +
      `and Grok’s 2·N·S is ${escapeHtml(timesText(a.grok.total, noCache))} that.`;
    return outputFrame(`<div class="hmf-answers">${cards.join("")}</div><p class="hmf-footnote">${footnote}</p>`);
  },
};

/** A factor, marked with the figure it is so that pages stating the same figure can be checked against it. */
function ratioHtml(figure: string, times: string): string {
  return `<span data-figure="${escapeHtml(figure)}">${escapeHtml(times)}</span> first principles`;
}

/** One answer; `ratioHtml` is markup. */
function card(id: string, name: string, formula: string, value: bigint, ratioHtml: string, inputs: string): string {
  return (
    `<div class="hmf-answer hmf-answer-${escapeHtml(id)}">` +
    `<p class="hmf-answer-name">${escapeHtml(name)}</p>` +
    `<p class="hmf-answer-formula">${escapeHtml(formula)}</p>` +
    `<p class="hmf-answer-value">${countHtml(value, "FLOP")}</p>` +
    `<p class="hmf-answer-ratio">${ratioHtml}</p>` +
    `<p class="hmf-answer-inputs">${escapeHtml(inputs)}</p>` +
    `</div>`
  );
}
