/**
 * A mounted island: props from the page, URL state over them, controls wired
 * to re-render the output region only (a slider being dragged is never
 * re-rendered), and the URL kept up to date without adding history entries.
 */
import { CONTROLS_CLASS, OUTPUT_CLASS } from "../islands/classes";
import { html } from "../core/html";
import { IslandInputError, type IslandDefinition } from "../islands/island";
import { islandId } from "../islands/render";
import { markupDocument } from "../core/markup";
import { deflateToBase64Url, inflateFromBase64Url } from "./compression";
import { debounce } from "./debounce";
import { messageElement } from "./message";
import { morph, type MorphNode } from "./morph";
import type { ClientEnv, ControlLike, ElementLike, EventLike, HostElement, OptionLike } from "./dom";
import { readIslandQuery, writeIslandQuery } from "./url-state";

/** Quiet time after the last input before the URL is rewritten. */
export const URL_WRITE_DELAY_MS = 300;
/** Longest data-props read: notebook props are small; a pasted spec is a few KB. */
export const MAX_PROPS_CHARS = 65_536;

const CONTROL_SELECTOR = "input[name], select[name], textarea[name]";

/** A running island, for tests and for the page's own scripts. */
export interface LiveIsland<P> {
  readonly id: string;
  /** The props now shown. */
  props(): P;
  /** Applies one control's value as if the reader had typed it; false when refused (the message says why). */
  apply(name: string, value: string): boolean;
  /** Writes a pending URL update now (compressed values a moment later). */
  flushUrl(): void;
  /** Settles when the URL's compressed values (a pasted config) have been read and shown. */
  readonly restored: Promise<void>;
}

/**
 * Mounts `definition` on an <hmf-island> whose children are the static
 * fallback. Never throws for bad input: it shows a message in the island and
 * keeps the last good view.
 */
export function mountIsland<P>(definition: IslandDefinition<P>, host: HostElement, env: ClientEnv): LiveIsland<P> {
  const messages = new Messages(host);
  const id = mountId(host, definition.name, messages);
  const base = baseProps(definition, host, messages);
  // Charts are drawn as text straight into the output's HTML: no DOM nodes built, serialised and parsed back.
  const chartDocument = markupDocument();
  const compressed = definition.compressedQueryKeys ?? [];
  const { query: urlQuery, problem: urlProblem } = readIslandQuery(env.location.search, id);
  if (urlProblem) messages.show("url", urlProblem);
  // Compressed values (a pasted config.json) take a moment to inflate: the island shows the rest of the link first.
  const inflating = compressed.some((key) => urlQuery[key] !== undefined);
  let props = urlProblem || inflating ? base : withUrlState(definition, base, urlQuery, id, messages);

  const fieldset = host.querySelector(`.${CONTROLS_CLASS}`);
  const controls = fieldset ? controlsIn(fieldset) : [];
  const applied = new Map<string, string>();
  for (const control of controls) applied.set(control.name, initialValue(control));

  const writeQuery = (query: Readonly<Record<string, string>>): void => {
    const search = writeIslandQuery(env.location.search, id, query);
    if (search === env.location.search) return;
    env.history.replaceState(env.history.state, "", `${env.location.pathname}${search}${env.location.hash}`);
  };
  let writes = 0;
  const writeUrl = debounce(
    () => {
      const query = definition.toQuery(props);
      const serial = ++writes;
      const keys = compressed.filter((key) => query[key] !== undefined);
      if (keys.length === 0) return writeQuery(query);
      void Promise.all(keys.map(async (key) => [key, await deflateToBase64Url(query[key] as string)] as const)).then(
        (pairs) => {
          // A later update has been written meanwhile: this one is out of date.
          if (serial === writes) writeQuery({ ...query, ...Object.fromEntries(pairs) });
        },
        () => messages.show("url", "The link could not be updated (this browser cannot compress the pasted text)."),
      );
    },
    URL_WRITE_DELAY_MS,
    env,
  );

  const render = (): void => {
    const output = host.querySelector(`.${OUTPUT_CLASS}`);
    if (!output) return;
    const markup = definition.renderOutput(props, chartDocument);
    const fresh = parseElement(env.document, markup);
    if (!fresh) {
      output.outerHTML = markup;
      return;
    }
    // A figure the page numbered keeps its number, id and class (cross-references link to the id).
    const figures = output.querySelectorAll("figure");
    const freshFigures = fresh.querySelectorAll("figure");
    for (let i = 0; i < figures.length; i++) {
      const figure = figures[i];
      const number = figure?.querySelector(".figure-number");
      const freshFigure = freshFigures[i];
      if (!figure || !number || !freshFigure) continue;
      for (const name of ["id", "class"]) {
        const value = figure.getAttribute(name);
        if (value !== null) freshFigure.setAttribute(name, value);
      }
      freshFigure.querySelector("figcaption")?.insertAdjacentHTML("afterbegin", html`<span class="figure-number">${number.textContent ?? ""}</span> `.value);
    }
    // A <details> the reader opened (the sweep's table) stays open: `open` is the reader's.
    morph(output as unknown as MorphNode, fresh as unknown as MorphNode, (element, name) => name === "open" && element.nodeName === "DETAILS");
  };

  /** Shows the props in every control except those the reader is editing. */
  const syncControls = (editing: ReadonlySet<ControlLike>): void => {
    const state = definition.controlState?.(props) ?? {};
    for (const control of controls) {
      const wanted = state[control.name];
      if (!wanted) continue;
      if (!editing.has(control) && control.value !== wanted.value) setValue(control, wanted.value);
      if (wanted.text !== undefined && control.getAttribute("type") === "range") control.setAttribute("aria-valuetext", wanted.text);
      applied.set(control.name, control.value);
    }
  };

  /** Applies one control; returns false (and says why) when its value cannot be used or drawn. */
  const applyControl = (control: ControlLike | undefined, name: string, value: string, editing: ReadonlySet<ControlLike>): boolean => {
    const previous = props;
    try {
      props = definition.applyControl ? definition.applyControl(name, value, props) : definition.fromQuery({ [name]: value }, props);
      render();
    } catch (error) {
      props = previous;
      messages.show("input", error instanceof IslandInputError ? inReadersWords(error, host) : `These inputs could not be drawn (${describeError(error)}).`);
      if (control) control.setAttribute("aria-invalid", "true");
      // The results still show the last valid inputs, not what the controls now say: marked stale until fixed.
      markStale(host, true);
      return false;
    }
    markStale(host, false);
    messages.clear("input");
    messages.clear("url");
    for (const other of controls) if (other.getAttribute("aria-invalid") === "true") other.removeAttribute("aria-invalid");
    syncControls(editing);
    writeUrl.schedule();
    return true;
  };

  const onInput = (event: EventLike): void => {
    const control = controls.find((candidate) => candidate === event.target);
    if (!control) return;
    // Selects fire both input and change; a value already applied is not applied again.
    if (applied.get(control.name) === control.value) return;
    applied.set(control.name, control.value);
    applyControl(control, control.name, control.value, new Set([control]));
  };

  // What the reader changed while the island's code was loading wins over the page's and the URL's values.
  const edited = controls.filter((control) => control.value !== initialValue(control));
  const editing = new Set(edited);
  let shown = false;
  for (const control of edited) {
    applied.set(control.name, control.value);
    if (applyControl(control, control.name, control.value, editing)) shown = true;
  }
  if (!shown) {
    if (JSON.stringify(props) !== JSON.stringify(base)) safeRender(render, messages);
    syncControls(editing);
  }
  for (const type of ["input", "change"]) host.addEventListener(type, onInput);
  if (fieldset) fieldset.removeAttribute("disabled");

  const restore = async (): Promise<void> => {
    if (!inflating) return;
    const query: Record<string, string> = { ...urlQuery };
    for (const key of compressed) {
      const value = query[key];
      if (value === undefined) continue;
      try {
        query[key] = await inflateFromBase64Url(value);
      } catch (error) {
        messages.show("url", `The link’s setting “${id}.${key}” cannot be used (it ${describeError(error)}); showing the page’s own values.`);
        return;
      }
    }
    props = withUrlState(definition, base, query, id, messages);
    safeRender(render, messages);
    syncControls(new Set());
  };

  return {
    id,
    restored: restore(),
    props: () => props,
    apply(name, value) {
      const control = controls.find((candidate) => candidate.name === name);
      if (control) setValue(control, value);
      applied.set(name, value);
      return applyControl(control, name, value, new Set(control ? [control] : []));
    },
    flushUrl: () => writeUrl.flush(),
  };
}

/**
 * An input error named as the control's label reads ("Context length S: …"), not by its URL key ("s: …"):
 * the words come from the rendered label (name and hint), so they are the ones the reader sees.
 */
function inReadersWords(error: IslandInputError, host: HostElement): string {
  const labels = host.querySelectorAll(".hmf-control-label");
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label?.querySelector(`[name="${error.field.replace(/[^a-zA-Z0-9_-]/g, "")}"]`) == null) continue;
    const name = (label.querySelector(".hmf-control-name")?.textContent ?? "").trim();
    const hint = (label.querySelector(".hmf-control-hint")?.textContent ?? "").trim();
    // A symbol alone ("S") says little: the hint ("context length") goes first.
    const words = name.length <= 3 && hint !== "" ? `${hint.charAt(0).toUpperCase()}${hint.slice(1)} ${name}` : name;
    if (words !== "") return `${words}: ${describeError(error, true)}`;
  }
  return describeError(error);
}

/** Marks the results as not matching the controls (class hmf-stale, which greys them out) or clears the mark. */
function markStale(host: HostElement, stale: boolean): void {
  const output = host.querySelector(".hmf-island-output");
  if (!output) return;
  const classes = (output.getAttribute("class") ?? "").split(" ").filter((name) => name !== "" && name !== "hmf-stale");
  if (stale) classes.push("hmf-stale");
  output.setAttribute("class", classes.join(" "));
  if (stale) output.setAttribute("aria-description", "These results are for the last valid inputs, not for the ones above.");
  else output.removeAttribute("aria-description");
}

function safeRender(render: () => void, messages: Messages): void {
  try {
    render();
  } catch (error) {
    messages.show("input", `These inputs could not be drawn (${describeError(error)}).`);
  }
}

function mountId(host: HostElement, name: string, messages: Messages): string {
  try {
    return islandId(host.getAttribute("data-id") ?? undefined, name);
  } catch (error) {
    messages.show("page", `This island’s data-id is unusable (${describeError(error)}); its URL keys start with “${name}.”.`);
    return name;
  }
}

function baseProps<P>(definition: IslandDefinition<P>, host: HostElement, messages: Messages): P {
  const text = host.getAttribute("data-props") ?? "{}";
  try {
    if (text.length > MAX_PROPS_CHARS) throw new IslandInputError("data-props", `${text.length} characters is over the ${MAX_PROPS_CHARS} limit`);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new IslandInputError("data-props", "is not JSON");
    }
    return definition.parseProps(raw);
  } catch (error) {
    messages.show("page", `This island’s props are unusable (${describeError(error)}); showing its defaults.`);
    return definition.parseProps({});
  }
}

function withUrlState<P>(definition: IslandDefinition<P>, base: P, query: Readonly<Record<string, string>>, id: string, messages: Messages): P {
  if (Object.keys(query).length === 0) return base;
  try {
    return definition.fromQuery(query, base);
  } catch (error) {
    const field = error instanceof IslandInputError ? `${id}.${error.field}` : id;
    messages.show("url", `The link’s setting “${field}” cannot be used (${describeError(error, true)}); showing the page’s own values.`);
    return base;
  }
}

/** The one element `html` describes, parsed out of the page (in a <template>), or null where the document cannot. */
function parseElement(document: unknown, html: string): ElementLike | null {
  const doc = document as { createElement?(tag: string): { innerHTML: string; content?: { firstElementChild: ElementLike | null } } } | null;
  const template = doc?.createElement?.("template");
  if (!template) return null;
  template.innerHTML = html;
  return template.content?.firstElementChild ?? null;
}

/** The message of an error without a repeated field prefix when asked. */
function describeError(error: unknown, withoutField = false): string {
  if (error instanceof IslandInputError) {
    return withoutField && error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
  }
  return error instanceof Error ? error.message : "unknown error";
}

function controlsIn(fieldset: ElementLike): ControlLike[] {
  const found = fieldset.querySelectorAll(CONTROL_SELECTOR);
  const controls: ControlLike[] = [];
  for (let i = 0; i < found.length; i++) controls.push(found[i] as ControlLike);
  return controls;
}

/** Sets a control's value; a select's by choosing its option (what `select.value = …` does, spelled out for DOMs without that setter). */
function setValue(control: ControlLike, value: string): void {
  if (control.tagName !== "SELECT") {
    control.value = value;
    return;
  }
  const options = Array.from(control.querySelectorAll("option") as ArrayLike<ElementLike & OptionLike>);
  // Deselect first, then select: some DOMs (linkedom) deselect the current option whenever one is set.
  for (const option of options) if (option.value !== value) option.selected = false;
  for (const option of options) if (option.value === value) option.selected = true;
}

/** The value a control had in the server-rendered HTML. */
function initialValue(control: ControlLike): string {
  if (control.tagName === "SELECT") {
    const selected = control.querySelector("option[selected]") ?? control.querySelector("option");
    return selected ? selected.getAttribute("value") ?? selected.textContent ?? "" : "";
  }
  if (control.tagName === "TEXTAREA") return control.textContent ?? "";
  return control.getAttribute("value") ?? "";
}

type MessageSource = "page" | "url" | "input";

/** The island's message line: a status live region, written as text (never as HTML). */
class Messages {
  private readonly texts = new Map<MessageSource, string>();
  private readonly host: HostElement;

  constructor(host: HostElement) {
    this.host = host;
    // The live region exists before anything is said in it, so that screen readers announce changes.
    this.element();
  }

  show(source: MessageSource, text: string): void {
    this.texts.set(source, text);
    this.update();
  }

  clear(source: MessageSource): void {
    if (this.texts.delete(source)) this.update();
  }

  private update(): void {
    const element = this.element();
    if (element) element.textContent = [...this.texts.values()].join(" ");
  }

  private element(): ElementLike | null {
    return messageElement(this.host);
  }
}
