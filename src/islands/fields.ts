/**
 * An island's fields, declared once: for each prop, its URL key, the
 * reader's label, how untrusted input is read (and its bounds), and its
 * control. Parsing props, URL state, the controls' HTML, reading a control
 * and what each control shows all follow from the table, the way Observable
 * Plot derives a mark's scales and encodings from its declared channels.
 */
import { DTYPES, type Dtype } from "../core/memory";
import { html, type Html } from "../core/html";
import {
  numberControlHtml,
  numberControlState,
  presetSelectHtml,
  readNumberControl,
  unknownControl,
  type NumberControl,
} from "./controls";
import { checkQueryKeys, oneOf, presetFor, readProps, wholeNumber } from "./inputs";
import type { ControlState } from "./island";

/** One field: a prop, its URL key and control name, how it is read and how it is edited. */
export interface Field<T> {
  /** URL key and control name, e.g. "s". */
  readonly key: string;
  /** Reads untrusted input (props: any JSON value; URL and controls: text); throws IslandInputError naming `field`. */
  parse(raw: unknown, field: string): T;
  /** The value as URL text, which `parse` reads back. */
  text(value: T): string;
  /** Its control, labelled in the reader's words. */
  controlHtml(value: T): string;
  /** What its control (or controls: a text box and a slider) shows for `value`. */
  controlState(value: T): Record<string, ControlState>;
  /** Reads one of its controls; undefined when `name` is none of them. */
  readControl(name: string, value: string): T | undefined;
}

/** A whole number edited in a text box and a slider (see controls.ts), within the control's range. */
export function numberField(control: NumberControl): Field<number> {
  return {
    key: control.key,
    parse: (raw, field) => wholeNumber(raw, field, control.range),
    text: String,
    controlHtml: (value) => numberControlHtml(control, value),
    controlState: (value) => numberControlState(control, value),
    readControl: (name, value) => readNumberControl(control, name, value),
  };
}

/** A preset model, chosen in the grouped select of every preset. */
export function presetField(key = "model"): Field<string> {
  return {
    key,
    parse: (raw, field) => presetFor(raw, field).id,
    text: (value) => value,
    controlHtml: (value) => presetSelectHtml(key, value),
    controlState: (value) => ({ [key]: { value } }),
    readControl: (name, value) => (name === key ? presetFor(value, key).id : undefined),
  };
}

/** One of a fixed list of values, chosen in a select whose options read `text(value)`. */
export function choiceField<T extends string>(key: string, label: string, hint: string, values: readonly T[], optionText: (value: T) => string = (value) => value): Field<T> {
  return {
    key,
    parse: (raw, field) => oneOf(raw, field, values),
    text: (value) => value,
    controlHtml: (selected) => selectHtml(key, label, hint, values.map((value): [string, string] => [value, optionText(value)]), selected).value,
    controlState: (value) => ({ [key]: { value } }),
    readControl: (name, value) => (name === key ? oneOf(value, key, values) : undefined),
  };
}

/** Storage format of weights and KV cache. */
export const DTYPE_FIELD: Field<Dtype> = choiceField("dtype", "Storage", "weights and KV cache", DTYPES);

/** A labelled select of `options` ([value, text] pairs). */
export function selectHtml(name: string, label: string, hint: string, options: ReadonlyArray<readonly [string, string]>, selected: string): Html {
  return html`<div class="hmf-control hmf-control-select"><label class="hmf-control-label"><span class="hmf-control-name">${label}</span> <span class="hmf-control-hint">${hint}</span><select class="hmf-select" name="${name}">${options.map(
    ([value, text]) => html`<option value="${value}"${value === selected ? html` selected` : ""}>${text}</option>`,
  )}</select></label></div>`;
}

/** The value type of each field of a table. */
export type FieldValues<F> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

/** Some of an island's fields, used beside props the island reads itself (a model that other fields depend on, say). */
export interface FieldGroup<P> {
  /** The group's props from an untrusted record: a field left out takes its value in `base`. `fieldName` names a field in messages. */
  parse(record: Readonly<Record<string, unknown>>, base: P, fieldName: (name: string) => string): P;
  /** The group's props from URL values over `base` (other keys are the island's to check). */
  parseQuery(query: Readonly<Record<string, string>>, base: P): P;
  /** The group's props after one control, or undefined when `name` is none of its controls. */
  readControl(name: string, value: string): Partial<P> | undefined;
  controlState(props: P): Record<string, ControlState>;
  controlsHtml(props: P): string;
  toQuery(props: P): Record<string, string>;
}

/** A group of fields, for islands whose other props depend on each other. */
export function fieldGroup<F extends Record<string, Field<any>>>(fields: F): FieldGroup<FieldValues<F>> {
  type P = FieldValues<F>;
  const entries = Object.entries(fields) as Array<[keyof F & string, Field<any>]>;
  const pick = (props: P): P => {
    const out = {} as P;
    for (const [name] of entries) out[name] = props[name];
    return out;
  };
  return {
    parse(record, base, fieldName) {
      const props = pick(base);
      for (const [name, field] of entries) if (record[name] !== undefined) props[name] = field.parse(record[name], fieldName(name));
      return props;
    },
    parseQuery(query, base) {
      const props = pick(base);
      for (const [name, field] of entries) {
        const text = query[field.key];
        if (text !== undefined) props[name] = field.parse(text, field.key);
      }
      return props;
    },
    readControl(name, value) {
      for (const [prop, field] of entries) {
        const read: unknown = field.readControl(name, value);
        if (read !== undefined) return { [prop]: read } as Partial<P>;
      }
      return undefined;
    },
    controlState(props) {
      const state: Record<string, ControlState> = {};
      for (const [name, field] of entries) Object.assign(state, field.controlState(props[name]));
      return state;
    },
    controlsHtml: (props) => entries.map(([name, field]) => field.controlHtml(props[name])).join(""),
    toQuery(props) {
      const query: Record<string, string> = {};
      for (const [name, field] of entries) query[field.key] = field.text(props[name]);
      return query;
    },
  };
}

/** What an island gets from its table: the definition's state methods, and its controls. */
export interface FieldTable<P> {
  /** The fields' props (keys of `raw` outside the table are refused, naming them); absent props take the defaults. */
  parseProps(raw: unknown): P;
  /** Every field's URL value. */
  toQuery(props: P): Record<string, string>;
  /** URL values over `base`; keys outside the table are refused. */
  fromQuery(query: Readonly<Record<string, string>>, base: P): P;
  /** The props after one control's new value; a name that is no field's control is refused. */
  applyControl(name: string, value: string, props: P): P;
  /** What every control shows. */
  controlState(props: P): Record<string, ControlState>;
  /** Every field's control, in the table's order. */
  controlsHtml(props: P): string;
}

/** The state methods of an island whose props are exactly `fields` (in order), with `defaults` for absent props. */
export function fieldTable<F extends Record<string, Field<any>>>(fields: F, defaults: Readonly<FieldValues<F>>): FieldTable<FieldValues<F>> {
  const group = fieldGroup(fields);
  const names = Object.keys(fields);
  const keys = Object.values(fields).map((field) => field.key);
  return {
    parseProps: (raw) => group.parse(readProps(raw, names), defaults, (name) => `props.${name}`),
    toQuery: group.toQuery,
    fromQuery(query, base) {
      checkQueryKeys(query, keys);
      return group.parseQuery(query, base);
    },
    applyControl: (name, value, props) => ({ ...props, ...(group.readControl(name, value) ?? unknownControl(name)) }),
    controlState: group.controlState,
    controlsHtml: group.controlsHtml,
  };
}
