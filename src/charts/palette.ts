/**
 * One colour per concept, for every chart on the site, in the islands and in
 * the notebooks: a reader who has learnt that blue is "with a KV cache" on
 * one page finds it blue on every other.
 *
 * Each colour has a relative luminance between 0.13 and 0.29, which gives at
 * least 3:1 contrast (WCAG's bar for graphics) against white and against
 * near-black backgrounds, so one value serves light and dark pages. Concepts
 * that meet in one chart differ in hue; dash patterns and marker shapes tell
 * lines apart without colour.
 *
 * Pure data, ES2022, no DOM: the notebooks import it under tslab.
 */

/** The things charts colour. */
export const CONCEPTS = [
  "kvCache",
  "noCache",
  "gpt4o",
  "grok",
  "attention",
  "projections",
  "mlp",
  "logits",
  "memoryBound",
  "computeBound",
] as const;
/** One of {@link CONCEPTS}. */
export type Concept = (typeof CONCEPTS)[number];

/** The colour of each concept (CSS colour, usable as an SVG presentation attribute). */
export const CONCEPT_COLORS: Readonly<Record<Concept, string>> = {
  /** First principles with a KV cache: the right answer. */
  kvCache: "#2563eb",
  /** First principles recomputing every position: what both chatbots' formulas track. */
  noCache: "#16a34a",
  gpt4o: "#d97706",
  grok: "#c026d3",
  /** Attention over the context: QKᵀ and attention × values. */
  attention: "#dc2626",
  /** Q, K, V and output projections. */
  projections: "#64748b",
  /** The MLP, or the experts of a mixture of experts. */
  mlp: "#0d9488",
  /** The LM head: hidden state × vocabulary. */
  logits: "#7c3aed",
  /** Limited by memory bandwidth (the sloped part of a roofline). */
  memoryBound: "#0891b2",
  /** Limited by arithmetic (the flat part of a roofline). */
  computeBound: "#ea580c",
};

/** How one series is drawn. */
export interface SeriesStyle {
  /** CSS colour, usable as an SVG presentation attribute. */
  color: string;
  /** For a line that changes meaning part-way (a roof that turns flat): the colour of its second part. */
  colorAfter?: string;
  /** SVG stroke-dasharray, or undefined for a solid line. */
  dash?: string;
  /** Stroke width in pixels. */
  width: number;
}

/** A Plot colour scale: series names in their concepts' colours, with a legend. */
export interface ConceptColorScale {
  type: "ordinal";
  domain: string[];
  range: string[];
  legend: boolean;
}

/**
 * Observable Plot `color` options that draw each named series in its
 * concept's colour, for charts whose series are named in the data
 * (`stroke: "answer"`): `color: conceptScale({ "exact, KV cache": "kvCache",
 * "Grok 2·N·S": "grok" })`. A series missing from the map would get Plot's
 * own colours, so Plot is told the whole domain and nothing else.
 */
export function conceptScale(series: Readonly<Record<string, Concept>>, legend = true): ConceptColorScale {
  const domain = Object.keys(series);
  if (domain.length === 0) throw new RangeError("conceptScale: name at least one series");
  const range = domain.map((name) => {
    const concept = series[name] as Concept;
    if (!(CONCEPTS as readonly string[]).includes(concept)) {
      throw new RangeError(`conceptScale: series ${JSON.stringify(name)} has no concept ${JSON.stringify(concept)} (known: ${CONCEPTS.join(", ")})`);
    }
    return CONCEPT_COLORS[concept];
  });
  return { type: "ordinal", domain, range, legend };
}
