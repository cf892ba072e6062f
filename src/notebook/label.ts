/** Cross-reference labels ("fig:context-sweep", "eq:gpt4o"): the site turns them into ids and links. */
const LABEL = /^[A-Za-z][\w:.-]*$/;

/** Returns the label, or throws naming it and the helper when it cannot be an id. */
export function checkLabel(label: string, helper: string): string {
  if (typeof label !== "string" || !LABEL.test(label)) {
    throw new TypeError(
      `${helper}: label ${JSON.stringify(label)} must start with a letter and use letters, digits, "-", "_", ":" or "."`,
    );
  }
  return label;
}
