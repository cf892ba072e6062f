import type { Cell } from "./validate";

/**
 * Cell tags, as Jupyter Book / MyST-NB read them:
 * - `remove-cell`, `remove-input`, `remove-output`: leave that part out of the page;
 * - `hide-cell`, `hide-input`, `hide-output`: fold it (a <details> the reader can open);
 * - `margin`: put the cell in the margin, next to the text it annotates.
 * "remove" wins over "hide". Other tags (e.g. papermill's `parameters`) do not
 * change the page and are reported back so the loader can mention them.
 */
export const DISPLAY_TAGS = ["remove-cell", "remove-input", "remove-output", "hide-cell", "hide-input", "hide-output", "margin"] as const;

export type DisplayTag = (typeof DISPLAY_TAGS)[number];

/** What of a cell the page shows, and how. */
export interface CellDisplay {
  /** False for `remove-cell`: nothing of the cell is on the page. */
  show: boolean;
  input: "show" | "fold" | "remove";
  outputs: "show" | "fold" | "remove";
  /** `hide-cell`: the whole cell folded. */
  foldCell: boolean;
  /** `margin`: rendered as a margin note. */
  margin: boolean;
  /** Tags that are none of DISPLAY_TAGS. */
  otherTags: string[];
}

export function cellDisplay(cell: Pick<Cell, "tags">): CellDisplay {
  const tags = new Set(cell.tags);
  const part = (name: "input" | "output"): "show" | "fold" | "remove" =>
    tags.has(`remove-${name}`) ? "remove" : tags.has(`hide-${name}`) ? "fold" : "show";
  return {
    show: !tags.has("remove-cell"),
    input: part("input"),
    outputs: part("output"),
    foldCell: tags.has("hide-cell"),
    margin: tags.has("margin"),
    otherTags: cell.tags.filter((tag) => !(DISPLAY_TAGS as readonly string[]).includes(tag)),
  };
}
