/**
 * Brings a live element in line with freshly rendered markup by changing only
 * what differs: text, attributes, and elements whose tag changed. An island's
 * output is mostly the same from one slider step to the next (labels, table
 * structure, axes), and replacing it whole made the browser style and lay out
 * every node again on each input; morphing keeps the nodes and their layout,
 * so an update costs what changed.
 */

/** A DOM node as the morph reads and changes it (structural, like dom.ts). */
export interface MorphNode {
  readonly nodeType: number;
  readonly nodeName: string;
  nodeValue: string | null;
  readonly firstChild: MorphNode | null;
  readonly nextSibling: MorphNode | null;
  isEqualNode(other: MorphNode): boolean;
  /** Absent on text and comment nodes. */
  getAttributeNames?(): string[];
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  appendChild(child: MorphNode): unknown;
  replaceChild(child: MorphNode, old: MorphNode): unknown;
  removeChild(child: MorphNode): unknown;
}

const ELEMENT = 1;

/**
 * Makes `live` match `fresh` (same tag assumed), moving nodes out of `fresh`
 * where `live` lacks them. `keep(element, name)` names attributes the reader
 * owns (a <details>'s `open`), which are left as they are.
 */
export function morph(live: MorphNode, fresh: MorphNode, keep: (element: MorphNode, name: string) => boolean = () => false): void {
  // Most of an update (axes, grid, labels, table structure) is unchanged: one native comparison skips it.
  if (live.isEqualNode(fresh)) return;
  if (live.nodeType !== ELEMENT) {
    if (live.nodeValue !== fresh.nodeValue) live.nodeValue = fresh.nodeValue;
    return;
  }
  syncAttributes(live, fresh, keep);
  let old = live.firstChild;
  let child = fresh.firstChild;
  while (child !== null) {
    const next = child.nextSibling;
    if (old === null) {
      live.appendChild(child);
    } else if (old.nodeType !== child.nodeType || old.nodeName !== child.nodeName) {
      const following = old.nextSibling;
      live.replaceChild(child, old);
      old = following;
    } else {
      morph(old, child, keep);
      old = old.nextSibling;
    }
    child = next;
  }
  while (old !== null) {
    const next = old.nextSibling;
    live.removeChild(old);
    old = next;
  }
}

function syncAttributes(live: MorphNode, fresh: MorphNode, keep: (element: MorphNode, name: string) => boolean): void {
  // Names as plain strings: reading `attributes[i]` makes an Attr object per attribute, which was a third of a morph.
  const wanted = fresh.getAttributeNames?.();
  if (!wanted) return;
  for (const name of wanted) {
    const value = fresh.getAttribute(name) as string;
    if (live.getAttribute(name) !== value && !keep(live, name)) live.setAttribute(name, value);
  }
  const have = live.getAttributeNames?.() ?? [];
  // Every wanted attribute is now set, so equal counts mean nothing extra is left.
  if (have.length === wanted.length) return;
  for (const name of have) if (fresh.getAttribute(name) === null && !keep(live, name)) live.removeAttribute(name);
}
