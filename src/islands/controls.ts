/**
 * Controls as HTML (built with the escaping `html` template), and the mapping between a control's value and the
 * props. A number is edited in a text box (exact: "128000" stays 128,000) and
 * a slider beside it (coarse, possibly logarithmic); the two are kept in sync
 * by the client through `controlState`.
 */
import { groupDigits } from "../core/format";
import { PRESETS, type Preset } from "../core/presets";
import { html } from "../core/html";
import { IslandInputError, type ControlState } from "./island";
import { printableKey, wholeNumber, type WholeNumberRange } from "./inputs";

/** How a slider's positions map to values. */
export type SliderScale =
  /** Positions are values, `step` apart. */
  | { kind: "linear"; min: number; max: number; step: number }
  /** Positions are hundredths of a decade; values are rounded to three significant digits. */
  | { kind: "log"; min: number; max: number };

/** A whole-number setting shown as a text box and a slider. */
export interface NumberControl {
  /** Query key and text box name, e.g. "s". The slider is named `${key}.slider`. */
  key: string;
  /** Visible label, e.g. "S". */
  label: string;
  /** What the label means, e.g. "context length". */
  hint: string;
  /** Values accepted from the text box, props and URL. */
  range: WholeNumberRange;
  slider: SliderScale;
  /** Unit for the spoken value, e.g. "tokens". */
  unit?: string;
}

/** Context length S, as the islands that take a model and an S read it. */
export const CONTEXT_CONTROL: NumberControl = {
  key: "s",
  label: "S",
  hint: "context length",
  range: { min: 1, max: 10_000_000 },
  slider: { kind: "log", min: 1, max: 10_000_000 },
  unit: "tokens",
};

/** Suffix of a slider's name: the slider of "s" is "s.slider". */
export const SLIDER_SUFFIX = ".slider";

/** The slider's name: the text box's key plus ".slider". */
export function sliderName(control: NumberControl): string {
  return control.key + SLIDER_SUFFIX;
}

/** The slider position that shows `value` (clamped to the slider's range). */
export function sliderPosition(control: NumberControl, value: number): number {
  const scale = control.slider;
  const clamped = Math.min(Math.max(value, scale.min), scale.max);
  if (scale.kind === "linear") return clamped;
  return Math.round(100 * Math.log10(clamped));
}

function positionBounds(scale: SliderScale): [number, number] {
  if (scale.kind === "linear") return [scale.min, scale.max];
  return [Math.round(100 * Math.log10(scale.min)), Math.round(100 * Math.log10(scale.max))];
}

/** The value at a slider position: integers only, within the slider's range. */
export function sliderValue(control: NumberControl, position: string): number {
  const [low, high] = positionBounds(control.slider);
  const p = wholeNumber(position, sliderName(control), { min: low, max: high });
  const scale = control.slider;
  if (scale.kind === "linear") return p;
  return Math.min(Math.max(roundToThreeDigits(10 ** (p / 100)), scale.min), scale.max);
}

/** 128,824.96 → 129,000: slider values people can read and type back. */
function roundToThreeDigits(x: number): number {
  if (x < 1000) return Math.round(x);
  const unit = 10 ** (Math.floor(Math.log10(x)) - 2);
  return Math.round(x / unit) * unit;
}

/** The value read aloud and shown beside the slider. */
export function spokenValue(control: NumberControl, value: number): string {
  return control.unit ? `${groupDigits(value)} ${control.unit}` : groupDigits(value);
}

/** Reads the text box or the slider of `control`; undefined when `name` is neither. */
export function readNumberControl(control: NumberControl, name: string, value: string): number | undefined {
  if (name === control.key) return wholeNumber(value, control.key, control.range);
  if (name === sliderName(control)) return sliderValue(control, value);
  return undefined;
}

/** What the text box and the slider of `control` show for `value`. */
export function numberControlState(control: NumberControl, value: number): Record<string, ControlState> {
  const text = spokenValue(control, value);
  return {
    [control.key]: { value: String(value), text },
    [sliderName(control)]: { value: String(sliderPosition(control, value)), text },
  };
}

/** A labelled text box and slider for one number. */
export function numberControlHtml(control: NumberControl, value: number): string {
  const [low, high] = positionBounds(control.slider);
  const step = control.slider.kind === "linear" ? control.slider.step : 1;
  const scale = control.slider.kind === "log" ? " (logarithmic slider)" : " (slider)";
  return html`<div class="hmf-control hmf-control-number"><label class="hmf-control-label"><span class="hmf-control-name">${control.label}</span> <span class="hmf-control-hint">${control.hint}</span><input class="hmf-number" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" name="${control.key}" value="${String(value)}"></label><input class="hmf-slider" type="range" name="${sliderName(control)}" min="${low}" max="${high}" step="${step}" value="${sliderPosition(control, value)}" aria-label="${`${control.label}, ${control.hint}${scale}`}" aria-valuetext="${spokenValue(control, value)}"></div>`.value;
}

/** Presets grouped the way a reader looks for them. */
export function presetGroups(): Array<{ label: string; presets: Preset[] }> {
  const groups: Array<{ label: string; test: (p: Preset) => boolean; presets: Preset[] }> = [
    { label: "The post’s hypothetical", test: (p) => p.hypothetical === true, presets: [] },
    { label: "Open dense models (config.json)", test: (p) => p.hfRepo !== undefined && !p.spec.moe, presets: [] },
    { label: "Mixture of experts", test: (p) => p.spec.moe !== undefined, presets: [] },
    { label: "From papers", test: () => true, presets: [] },
  ];
  for (const preset of PRESETS) groups.find((group) => group.test(preset))?.presets.push(preset);
  return groups.filter((group) => group.presets.length > 0).map(({ label, presets }) => ({ label, presets }));
}

/**
 * A labelled select of every preset, grouped. `extra` adds a first option
 * (e.g. the pasted config) with an empty value.
 */
export function presetSelectHtml(name: string, selected: string | undefined, extra?: string): string {
  const groups = presetGroups().map(
    (group) => html`<optgroup label="${group.label}">${group.presets.map((p) => html`<option value="${p.id}"${p.id === selected ? html` selected` : ""}>${p.spec.name}</option>`)}</optgroup>`,
  );
  const first = extra === undefined ? "" : html`<option value=""${selected === undefined ? html` selected` : ""}>${extra}</option>`;
  return html`<div class="hmf-control hmf-control-select"><label class="hmf-control-label"><span class="hmf-control-name">Model</span><select class="hmf-select" name="${name}">${first}${groups}</select></label></div>`.value;
}

/** Throws the error a control without a meaning for this island gets. */
export function unknownControl(name: string): never {
  throw new IslandInputError(printableKey(name), "not a control of this island");
}
