import type { Node } from "unist";
import type { Place } from "./errors";

/**
 * The cell a node belongs to, from its ancestors: every cell's wrapper
 * carries `data-cell` (its 1-based number), so passes over the assembled
 * notebook can still report problems by cell.
 */
export function placeOf(file: string, ancestors: readonly Node[]): Place {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i] as Node & { properties?: Record<string, unknown> };
    const cell = node.properties?.dataCell;
    if (typeof cell === "number") return { file, cell };
    if (typeof cell === "string" && /^\d+$/.test(cell)) return { file, cell: Number(cell) };
  }
  return { file, cell: null };
}
