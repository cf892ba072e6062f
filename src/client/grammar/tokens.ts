/**
 * The external tokenizers of Lezer's JavaScript grammar (src/tokens.js of
 * @lezer/javascript 1.5.7, MIT licence, copyright Marijn Haverbeke and
 * others: see typescript.grammar), typed, without the `jsx` tokenizer, which
 * the TypeScript-only grammar does not use.
 */
import { ContextTracker, ExternalTokenizer } from "@lezer/lr";
import { BlockComment, LineComment, incdec, incdecPrefix, insertSemi, newline, noSemi, noSemiType, questionDot, spaces } from "./parser.terms";

const space = [9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288];

const braceR = 125,
  semicolon = 59,
  slash = 47,
  star = 42,
  plus = 43,
  minus = 45,
  question = 63,
  dot = 46,
  bracketL = 91;

/** The context is true right after a line break, where a semicolon may be inserted. */
export const trackNewline = new ContextTracker<boolean>({
  start: false,
  shift(context, term) {
    return term == LineComment || term == BlockComment || term == spaces ? context : term == newline;
  },
  strict: false,
});

export const insertSemicolon = new ExternalTokenizer(
  (input, stack) => {
    const { next } = input;
    if (next == braceR || next == -1 || stack.context) input.acceptToken(insertSemi);
  },
  { contextual: true, fallback: true },
);

export const noSemicolon = new ExternalTokenizer(
  (input, stack) => {
    const { next } = input;
    let after;
    if (space.indexOf(next) > -1) return;
    if (next == slash && ((after = input.peek(1)) == slash || after == star)) return;
    if (next != braceR && next != semicolon && next != -1 && !stack.context) input.acceptToken(noSemi);
  },
  { contextual: true },
);

export const noSemicolonType = new ExternalTokenizer(
  (input, stack) => {
    if (input.next == bracketL && !stack.context) input.acceptToken(noSemiType);
  },
  { contextual: true },
);

export const operatorToken = new ExternalTokenizer(
  (input, stack) => {
    const { next } = input;
    if (next == plus || next == minus) {
      input.advance();
      if (next == input.next) {
        input.advance();
        const mayPostfix = !stack.context && stack.canShift(incdec);
        input.acceptToken(mayPostfix ? incdec : incdecPrefix);
      }
    } else if (next == question && input.peek(1) == dot) {
      input.advance();
      input.advance();
      // No digit after: `a?.5:b` is a conditional.
      if (input.next < 48 || input.next > 57) input.acceptToken(questionDot);
    }
  },
  { contextual: true },
);
