/** Cross-reference labels ("fig:context-sweep", "eq:gpt4o"): the site turns them into ids and links. */
const LABEL = /^[A-Za-z][\w:.-]*$/;

/** What is wrong with a label, or null when it can be an id. The one rule for labels, here and in the site's loader. */
export function labelProblem(label: unknown): string | null {
  if (typeof label === "string" && LABEL.test(label)) return null;
  return `label ${JSON.stringify(label)} must start with a letter and use letters, digits, "-", "_", ":" or "."`;
}

/** Returns the label, or throws naming it and the helper when it cannot be an id. */
export function checkLabel(label: string, helper: string): string {
  const problem = labelProblem(label);
  if (problem !== null) throw new TypeError(`${helper}: ${problem}`);
  return label;
}
