/**
 * The CSS selectors of the runtime worker's DOM (worker-dom.ts): querySelector,
 * querySelectorAll, matches and closest. In the worker, selectors come from
 * Plot (`querySelector("g")`, `selectAll(".tick line")`), the project's charts
 * (`querySelectorAll("style")`) and the reader's cells: this matches the
 * selectors such code writes (tag names, `*`, `.class`, `#id`, `[attribute]`,
 * `[attribute=value]`, the descendant and `>` combinators, lists with commas)
 * and refuses the rest with a message in the reader's words, instead of
 * shipping a full selector engine (a test compares it with css-select).
 *
 * The worker's only document is the HTML page notebookDocument() creates, so
 * names compare as css-select compares them in HTML: tag and attribute names
 * ignore case, attribute values do not.
 */

/** The part of a node that matching reads: its type and parent (a document or fragment ends the walk up). */
interface SelectorNode {
  readonly nodeType: number;
  readonly parentNode: SelectorNode | null;
}

/** The part of an element that matching reads. */
interface SelectorElement extends SelectorNode {
  readonly localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}

type Test = (element: SelectorElement) => boolean;

const ELEMENT_NODE = 1;

/** The message a cell gets for a selector beyond the ones above. */
export function selectorRefused(selectors: string): string {
  return `the CSS selector ${JSON.stringify(selectors)} goes beyond what the browser's notebook runtime matches (tag names, *, .class, #id, [attribute], [attribute=value], the descendant and > combinators, lists with commas); run this notebook in Jupyter for every CSS selector`;
}

/** One compound selector (`g.tick[aria-label=x]`) and how it joins the one before it. */
interface Step {
  test: Test;
  /** How this step relates to the next one to its right: " " (ancestor) or ">" (parent). */
  combinator: " " | ">";
}

const COMPOUND = /^(\*|[A-Za-z][\w-]*)?((?:\.[\w-]+|#[\w-]+|\[\s*[\w-]+\s*(?:=\s*(?:"[^"]*"|'[^']*'|[\w-]+)\s*)?\])*)$/;
const PART = /\.([\w-]+)|#([\w-]+)|\[\s*([\w-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*)?\]/g;

function compound(text: string, selectors: string): Test {
  const match = COMPOUND.exec(text);
  if (!match || text === "") throw new SyntaxError(selectorRefused(selectors));
  const tests: Test[] = [];
  const tag = match[1];
  if (tag && tag !== "*") tests.push((element) => element.localName.toLowerCase() === tag.toLowerCase());
  for (const part of (match[2] ?? "").matchAll(PART)) {
    const [, className, id, attribute, double, single, bare] = part;
    if (className !== undefined) tests.push((element) => (element.getAttribute("class") ?? "").split(/[ \t\n\f\r]+/).includes(className));
    else if (id !== undefined) tests.push((element) => element.getAttribute("id") === id);
    else {
      const name = attribute!.toLowerCase();
      const value = double ?? single ?? bare;
      tests.push(value === undefined ? (element) => element.hasAttribute(name) : (element) => element.getAttribute(name) === value);
    }
  }
  return (element) => tests.every((test) => test(element));
}

/**
 * A selector list, split outside brackets and quotes: each complex selector
 * as its compounds and the combinators between them (" " or ">").
 */
function split(selectors: string): string[][] {
  const lists: string[][] = [[]];
  let word = "";
  let quote = "";
  let inBracket = false;
  const end = (): void => {
    if (word) lists[lists.length - 1]!.push(word);
    word = "";
  };
  for (const char of selectors) {
    if (quote) {
      if (char === quote) quote = "";
    } else if (inBracket) {
      if (char === '"' || char === "'") quote = char;
      else if (char === "]") inBracket = false;
    } else if (char === "[") inBracket = true;
    else if (/\s/.test(char)) {
      end();
      continue;
    } else if (char === ">" || char === ",") {
      end();
      if (char === ">") lists[lists.length - 1]!.push(">");
      else lists.push([]);
      continue;
    }
    word += char;
  }
  end();
  return lists;
}

/** `a b > c` as steps, left to right. */
function complex(parts: string[], selectors: string): Step[] {
  const steps: Step[] = [];
  let combinator: " " | ">" = " ";
  for (const part of parts) {
    if (part === ">") {
      if (steps.length === 0 || combinator === ">") throw new SyntaxError(selectorRefused(selectors));
      combinator = ">";
      continue;
    }
    steps.push({ test: compound(part, selectors), combinator });
    combinator = " ";
  }
  if (steps.length === 0 || combinator === ">") throw new SyntaxError(selectorRefused(selectors));
  return steps;
}

function parent(element: SelectorElement): SelectorElement | null {
  const node = element.parentNode;
  return node && node.nodeType === ELEMENT_NODE ? (node as SelectorElement) : null;
}

/** Whether `element` matches steps[0..=index], its right end at `element`. */
function matchesFrom(element: SelectorElement, steps: Step[], index: number): boolean {
  if (!steps[index]!.test(element)) return false;
  if (index === 0) return true;
  const combinator = steps[index]!.combinator;
  if (combinator === ">") {
    const up = parent(element);
    return up !== null && matchesFrom(up, steps, index - 1);
  }
  for (let up = parent(element); up; up = parent(up)) if (matchesFrom(up, steps, index - 1)) return true;
  return false;
}

/** A test for `selectors` (querySelector, querySelectorAll and closest call it). */
export function prepareMatch(selectors: string): Test {
  const lists = split(selectors).map((parts) => complex(parts, selectors));
  return (element) => lists.some((steps) => matchesFrom(element, steps, steps.length - 1));
}

/** `element.matches(selectors)`. */
export function matches(element: SelectorElement, selectors: string): boolean {
  return prepareMatch(selectors)(element);
}
