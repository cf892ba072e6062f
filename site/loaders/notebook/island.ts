import type { Element, ElementContent } from "hast";
import { ISLAND_MIME } from "../../../src/islands/island";
import { ISLAND_NAMES, type IslandName } from "../../../src/islands/index";
import { fail, type Place } from "./errors";

export { ISLAND_MIME };

/** Counts islands of each kind on one page, so each gets a stable, readable id ("context-sweep-2"). */
export class IslandIds {
  private readonly counts = new Map<string, number>();
  next(name: IslandName): string {
    const count = (this.counts.get(name) ?? 0) + 1;
    this.counts.set(name, count);
    return `${name}-${count}`;
  }
}

/** The validated `{ island, props }` of an island MIME bundle entry. */
export function islandPayload(raw: unknown, place: Place, what: string): { island: IslandName; props: Record<string, unknown> } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail(place, `${what}: ${ISLAND_MIME} must be an object { island, props }`);
  const { island, props } = raw as Record<string, unknown>;
  if (typeof island !== "string" || !(ISLAND_NAMES as readonly string[]).includes(island)) {
    fail(place, `${what}: unknown island ${JSON.stringify(island)} (known: ${ISLAND_NAMES.join(", ")})`);
  }
  if (typeof props !== "object" || props === null || Array.isArray(props)) fail(place, `${what}: island props must be an object`);
  return { island: island as IslandName, props: props as Record<string, unknown> };
}

/**
 * <hmf-island data-island data-props data-id>fallback</hmf-island>: the static
 * fallback is the page's content with JavaScript off; the browser's custom
 * element (src/client) upgrades it to the live island.
 */
export function islandElement(island: IslandName, props: Record<string, unknown>, id: string, fallback: ElementContent[]): Element {
  return {
    type: "element",
    tagName: "hmf-island",
    properties: { className: ["hmf-island"], dataIsland: island, dataProps: JSON.stringify(props), dataId: id },
    children: fallback,
  };
}
