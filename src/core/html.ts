/**
 * HTML as strings, escaped by default: the one place text becomes markup.
 *
 *     html`<p class="${cls}">${name}</p>`       // cls and name are escaped
 *     html`<div>${rawHtml(trustedMarkup)}</div>` // trusted markup, said out loud
 *     html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`
 *
 * Interpolated strings and numbers are escaped for both text and attribute
 * values; `Html` values (from `html` or `rawHtml`) go in as they are; arrays
 * are joined; null, undefined and false leave nothing. Pure and DOM-free, so
 * the islands, the notebook helpers and the site build share it.
 */

/** Markup that is already safe to insert. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into `html`. */
export type HtmlValue = Html | string | number | bigint | boolean | null | undefined | readonly HtmlValue[];

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and (quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/** Trusted markup, inserted as it is: only for strings this program made (a KaTeX rendering, a serialised chart). */
export function rawHtml(markup: string | Html): Html {
  return markup instanceof Html ? markup : new Html(markup);
}

function interpolate(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(interpolate).join("");
  return escapeHtml(String(value));
}

/** A tagged template: the literal parts are markup, every interpolation is escaped unless it is `Html`. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += interpolate(values[i]) + (strings[i + 1] ?? "");
  return new Html(out);
}
