/**
 * The two regions every island renders, which the browser client finds by
 * class: the controls (a fieldset, disabled until the client arms it, so a
 * page without JavaScript shows no dead controls) and the output (replaced
 * whole on every update).
 */
import { html, rawHtml } from "../core/html";
import { CONTROLS_CLASS, OUTPUT_CLASS } from "./classes";

export { CONTROLS_CLASS, OUTPUT_CLASS };

/** The controls fieldset: legend, controls (markup), and a note for readers without JavaScript. */
export function controlsFrame(title: string, controls: string): string {
  return html`<fieldset class="${CONTROLS_CLASS}" disabled><legend class="hmf-island-title">${title}</legend><div class="hmf-controls">${rawHtml(controls)}</div><p class="hmf-island-static-note">The numbers below are for these inputs. On the website, with JavaScript on, the controls recompute them; in Jupyter, edit the cell and run it.</p></fieldset>`.value;
}

/** The output region around markup the island built. */
export function outputFrame(markup: string): string {
  return html`<div class="${OUTPUT_CLASS}">${rawHtml(markup)}</div>`.value;
}
