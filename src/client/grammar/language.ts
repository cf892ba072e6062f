/**
 * The cell editor's TypeScript language: the project's TypeScript-only
 * grammar with the indentation, folding and language data of
 * `typescriptLanguage` in @codemirror/lang-javascript 6.2.5 (dist/index.js,
 * MIT licence, copyright 2018-2021 Marijn Haverbeke and others), less its
 * JSX rules, which this grammar has no nodes for. No completions or
 * snippets: they would triple the download.
 */
import { LRLanguage, continuedIndent, delimitedIndent, flatIndent, foldInside, foldNodeProp, indentNodeProp } from "@codemirror/language";
import { parser } from "./parser";

export const typescriptLanguage = LRLanguage.define({
  name: "typescript",
  parser: parser.configure({
    dialect: "ts",
    props: [
      indentNodeProp.add({
        IfStatement: continuedIndent({ except: /^\s*({|else\b)/ }),
        TryStatement: continuedIndent({ except: /^\s*({|catch\b|finally\b)/ }),
        LabeledStatement: flatIndent,
        SwitchBody: (context) => {
          const after = context.textAfter;
          const closed = /^\s*\}/.test(after);
          const isCase = /^\s*(case|default)\b/.test(after);
          return context.baseIndent + (closed ? 0 : isCase ? 1 : 2) * context.unit;
        },
        Block: delimitedIndent({ closing: "}" }),
        ArrowFunction: (context) => context.baseIndent + context.unit,
        "TemplateString BlockComment": () => null,
        "Statement Property": continuedIndent({ except: /^\s*{/ }),
      }),
      foldNodeProp.add({
        "Block ClassBody SwitchBody EnumBody ObjectExpression ArrayExpression ObjectType": foldInside,
        BlockComment: (tree) => ({ from: tree.from + 2, to: tree.to - 2 }),
      }),
    ],
  }),
  languageData: {
    closeBrackets: { brackets: ["(", "[", "{", "'", '"', "`"] },
    commentTokens: { line: "//", block: { open: "/*", close: "*/" } },
    // Upstream's pattern without `<\/`, a JSX closing tag.
    indentOnInput: /^\s*(?:case |default:|\{|\})$/,
    wordChars: "$",
  },
});
