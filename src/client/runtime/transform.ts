/**
 * A notebook cell, its types erased (strip-types.ts), to a script the worker
 * can evaluate in one shared global scope, with tslab's semantics: what a
 * cell declares at its top level is visible to the cells below, and running
 * a cell again redefines it.
 *
 * The top level is rewritten so that its declarations outlive the script:
 * `const`/`let` become `var` (same width), `class C` becomes
 * `var C = class C …;`, and `import … from "m"` becomes
 * `var { … } = __hmfImport("m")`, keeping the statement's line count.
 *
 * Positions in errors map back to the cell as written: erasing types moves
 * nothing, lines are unchanged by the rewrite, and columns go back through
 * its edits.
 */
import { CellSyntaxError } from "./cell-syntax-error";
import type { ModuleImport } from "./protocol";

/** A cell ready to run. */
export interface CompiledCell {
  /** The script (sloppy-mode global code). */
  code: string;
  /** What the cell imports, in order (loaded before it runs). */
  imports: ModuleImport[];
  /** Maps a 1-based line and 0-based column of `code` to the cell's source. */
  original(line: number, column: number): { line: number; column: number };
}

/** The global function the rewritten imports call (defined by the worker). */
export const IMPORT_FUNCTION = "__hmfImport";

/** `script`: the cell with its types erased, every token where the reader wrote it. */
export function compileCell(script: string): CompiledCell {
  const rewritten = rewriteTopLevel(script);
  return {
    code: rewritten.code,
    imports: rewritten.imports,
    original(line, column) {
      let written = column;
      for (const edit of rewritten.edits) if (edit.line === line && edit.column <= column) written -= edit.inserted;
      return { line, column: Math.max(0, written) };
    },
  };
}

// ---------------------------------------------------------------------------
// The top level.

interface Edit {
  line: number;
  /** Column (in the rewritten line) from which the shift applies. */
  column: number;
  /** Characters inserted there (negative when removed). */
  inserted: number;
}

interface Token {
  text: string;
  start: number;
  end: number;
  depth: number;
  /** A newline lies between the previous token and this one. */
  newline: boolean;
}

const WORD = /[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*/y;
const NUMBER = /(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)n?/y;
const PUNCTUATION = /=>|\.\.\.|\?\?=?|\?\.|[=!]==?|[<>]=?|&&=?|\|\|=?|\*\*=?|[-+*/%&|^]=?|<<=?|>>>?=?|\+\+|--|[{}()[\];,.:?~!@#]/y;
/** After these, a `/` starts a regular expression rather than dividing. */
const BEFORE_REGEX = new Set(["(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "&&", "||", "??", "=>", "+", "-", "*", "%", "<", ">", "==", "===", "!=", "!==", "<=", ">=", "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await", "~", "^", "+=", "-=", "*=", "/=", "%="]);

/** Tokens of a JavaScript text with their bracket depth; strings, templates, comments and regexes are single tokens. */
export function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  const stack: string[] = [];
  let i = 0;
  let newline = false;
  const push = (start: number, end: number): void => {
    tokens.push({ text: code.slice(start, end), start, end, depth: stack.length, newline });
    newline = false;
  };
  while (i < code.length) {
    const char = code[i] as string;
    if (char === "\n") {
      newline = true;
      i++;
      continue;
    }
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (code.startsWith("//", i)) {
      const end = code.indexOf("\n", i);
      i = end < 0 ? code.length : end;
      continue;
    }
    if (code.startsWith("/*", i)) {
      const end = code.indexOf("*/", i + 2);
      const stop = end < 0 ? code.length : end + 2;
      if (code.slice(i, stop).includes("\n")) newline = true;
      i = stop;
      continue;
    }
    if (char === '"' || char === "'") {
      const start = i++;
      while (i < code.length && code[i] !== char && code[i] !== "\n") i += code[i] === "\\" ? 2 : 1;
      push(start, ++i);
      continue;
    }
    if (char === "`" || (char === "}" && stack[stack.length - 1] === "${")) {
      // A template literal, or its continuation after a ${…} substitution.
      const start = i;
      if (char === "}") stack.pop();
      i++;
      while (i < code.length && code[i] !== "`") {
        if (code[i] === "\\") i += 2;
        else if (code[i] === "$" && code[i + 1] === "{") break;
        else i++;
      }
      if (code[i] === "$") {
        push(start, i + 2);
        stack.push("${");
        i += 2;
      } else push(start, ++i);
      continue;
    }
    if (char === "/") {
      const previous = tokens[tokens.length - 1];
      if (!previous || BEFORE_REGEX.has(previous.text)) {
        const start = i++;
        let inClass = false;
        while (i < code.length && code[i] !== "\n") {
          const c = code[i];
          if (c === "\\") i++;
          else if (c === "[") inClass = true;
          else if (c === "]") inClass = false;
          else if (c === "/" && !inClass) break;
          i++;
        }
        i++;
        while (i < code.length && /[a-z]/i.test(code[i] as string)) i++;
        push(start, i);
        continue;
      }
    }
    for (const pattern of [WORD, NUMBER, PUNCTUATION]) {
      pattern.lastIndex = i;
      const match = pattern.exec(code);
      if (match) {
        if (char === "{" || char === "(" || char === "[") {
          push(i, i + 1);
          stack.push(char);
        } else if (char === "}" || char === ")" || char === "]") {
          stack.pop();
          push(i, i + 1);
        } else push(i, i + match[0].length);
        i += match[0].length;
        break;
      }
      if (pattern === PUNCTUATION) {
        push(i, i + 1);
        i++;
      }
    }
  }
  return tokens;
}

/** Tokens after which a `class` or `function` keyword on a new line starts a declaration (ASI). */
const ENDS_EXPRESSION = /^([\w$\u0080-\uffff]+|[)\]}"'`]|\d.*)$/;
const EXPRESSION_KEYWORDS = new Set(["return", "typeof", "new", "delete", "void", "throw", "yield", "await", "in", "of", "instanceof", "case", "export", "default", "extends"]);

function startsStatement(tokens: Token[], index: number): boolean {
  const previous = tokens[index - 1];
  if (!previous || previous.text === ";" || previous.text === "}") return true;
  return tokens[index]!.newline && ENDS_EXPRESSION.test(previous.text) && !EXPRESSION_KEYWORDS.has(previous.text);
}

interface Rewritten {
  code: string;
  imports: ModuleImport[];
  edits: Edit[];
}

function rewriteTopLevel(code: string): Rewritten {
  const tokens = tokenize(code);
  const imports: ModuleImport[] = [];
  // Replacements on the original text, applied from the end.
  const replacements: Array<{ start: number; end: number; text: string }> = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.depth !== 0) continue;
    if (token.text === "const" || token.text === "let") {
      replacements.push({ start: token.start, end: token.end, text: token.text === "const" ? "var  " : "var" });
    } else if (!startsStatement(tokens, index)) {
      continue;
    } else if (token.text === "import" && tokens[index + 1]?.text !== "(" && tokens[index + 1]?.text !== ".") {
      const statement = importStatement(tokens, index);
      if (!statement) continue;
      imports.push(statement.request);
      const lines = code.slice(token.start, statement.end).split("\n").length - 1;
      replacements.push({ start: token.start, end: statement.end, text: statement.text + "\n".repeat(lines) });
      index = statement.lastToken;
    } else if (token.text === "class" && /^[\w$]/.test(tokens[index + 1]?.text ?? "")) {
      const name = tokens[index + 1]!.text;
      const close = tokens.findIndex((other, at) => at > index && other.depth === 0 && other.text === "}");
      if (close < 0) continue;
      replacements.push({ start: token.start, end: token.start, text: `var ${name} = ` });
      replacements.push({ start: tokens[close]!.end, end: tokens[close]!.end, text: ";" });
      index = close;
    } else if (token.text === "export") {
      throw CellSyntaxError.at(code, token.start, "`export` is not used in notebook cells: what a cell declares is already visible below it");
    }
  }
  replacements.sort((a, b) => b.start - a.start);
  let output = code;
  for (const replacement of replacements) output = output.slice(0, replacement.start) + replacement.text + output.slice(replacement.end);
  // Column shifts, in the rewritten text (replacements are on one line each, except imports whose tail is newlines).
  const edits: Edit[] = [];
  let shift = 0;
  const ascending = [...replacements].reverse();
  for (const replacement of ascending) {
    const startInOutput = replacement.start + shift;
    const firstLineText = replacement.text.split("\n")[0] as string;
    const removedFirstLine = code.slice(replacement.start, replacement.end).split("\n")[0] as string;
    const delta = firstLineText.length - removedFirstLine.length;
    if (delta !== 0) edits.push({ line: lineOf(output, startInOutput), column: columnOf(output, startInOutput) + removedFirstLine.length, inserted: delta });
    shift += replacement.text.length - (replacement.end - replacement.start);
  }
  return { code: output, imports, edits };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

/** `import … from "m";` from its first token: the `var` statement that replaces it, what it imports, and its end. */
function importStatement(tokens: Token[], index: number): { text: string; request: ModuleImport; end: number; lastToken: number } | undefined {
  let at = index + 1;
  const bindings: string[] = [];
  let defaultName: string | undefined;
  let namespace: string | undefined;
  const named: string[] = [];
  const importedNames: string[] = [];
  const text = (i: number): string => tokens[i]?.text ?? "";
  if (/^["']/.test(text(at))) {
    const specifier = JSON.parse(text(at).replace(/^'|'$/g, '"')) as string;
    const end = text(at + 1) === ";" ? at + 1 : at;
    return { text: `${IMPORT_FUNCTION}(${JSON.stringify(specifier)});`, request: { specifier, names: "*" }, end: tokens[end]!.end, lastToken: end };
  }
  if (/^[\w$]/.test(text(at)) && text(at) !== "from") {
    defaultName = text(at);
    at++;
    if (text(at) === ",") at++;
  }
  if (text(at) === "*") {
    namespace = text(at + 2);
    at += 3;
  } else if (text(at) === "{") {
    at++;
    while (at < tokens.length && text(at) !== "}") {
      if (text(at) === ",") {
        at++;
        continue;
      }
      const imported = text(at);
      importedNames.push(imported);
      if (text(at + 1) === "as") {
        named.push(`${imported}: ${text(at + 2)}`);
        at += 3;
      } else {
        named.push(imported);
        at++;
      }
    }
    at++;
  }
  if (text(at) !== "from" || !/^["']/.test(text(at + 1))) return undefined;
  const specifier = JSON.parse(text(at + 1).replace(/^'|'$/g, '"')) as string;
  const end = text(at + 2) === ";" ? at + 2 : at + 1;
  const module = `${IMPORT_FUNCTION}(${JSON.stringify(specifier)})`;
  if (namespace) bindings.push(`${namespace} = ${module}`);
  if (defaultName) bindings.push(`${defaultName} = ${module}.default`);
  if (named.length) bindings.push(`{ ${named.join(", ")} } = ${module}`);
  const names = namespace || defaultName || !importedNames.length ? "*" : importedNames;
  return { text: bindings.length ? `var ${bindings.join(", ")};` : `${module};`, request: { specifier, names }, end: tokens[end]!.end, lastToken: end };
}
