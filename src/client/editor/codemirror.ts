/**
 * The cell editor: CodeMirror 6 with TypeScript highlighting, undo history,
 * bracket matching and closing, Tab to indent (Escape then Tab leaves the
 * editor, as CodeMirror documents), Shift+Enter to run. Loaded on the
 * reader's first Edit, never before. No line numbers, as in JupyterLab's
 * cells by default (CodeMirror's gutter is 2.4 KB gz of the first edit's
 * download): an error names its line and column in its message, and the
 * editor marks that line until the next edit.
 */
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, HighlightStyle, indentOnInput, LanguageSupport, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, keymap, type DecorationSet } from "@codemirror/view";
import { typescriptLanguage } from "../grammar/language";

export interface CellEditor {
  readonly source: string;
  setSource(source: string): void;
  /** Marks the line (1-based) where the last run failed, or clears the mark; an edit clears it too. */
  markError(line: number | undefined): void;
  focus(): void;
  destroy(): void;
}

/**
 * CodeMirror's styles go into the document as <style> elements (which the
 * site's CSP refuses without a nonce) unless the editor lives in a shadow
 * root, where they become constructed stylesheets: so it does. Colours and
 * fonts inherit through the shadow boundary.
 */
const THEME = EditorView.theme({
  "&": { fontSize: "0.84rem", maxHeight: "70vh", border: "1px solid var(--border, #8888)", borderRadius: "6px" },
  "&.cm-focused": { outline: "2px solid currentColor" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", lineHeight: "1.45" },
  ".cm-cursor": { borderLeftColor: "currentColor" },
  // The error outputs' colour (site/client/live.css).
  ".hmf-error-line": { boxShadow: "inset 3px 0 #c62828", backgroundColor: "#c6282818" },
});

const markErrorLine = StateEffect.define<number | undefined>();
const ERROR_LINE = Decoration.line({ class: "hmf-error-line", attributes: { title: "The last run failed here" } });
const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    let next = transaction.docChanged ? Decoration.none : marks;
    for (const effect of transaction.effects) {
      if (!effect.is(markErrorLine)) continue;
      const line = effect.value;
      next = line !== undefined && line >= 1 && line <= transaction.state.doc.lines ? Decoration.set([ERROR_LINE.range(transaction.state.doc.line(line).from)]) : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/**
 * Token colours close to the page's Shiki themes (GitHub high contrast), each
 * a light-dark() pair so the editor follows the reader's theme like the code
 * around it.
 */
const HIGHLIGHT = HighlightStyle.define([
  { tag: [tags.keyword, tags.modifier, tags.controlKeyword, tags.operatorKeyword, tags.definitionKeyword], color: "light-dark(#a0111f, #ff9492)" },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "light-dark(#032563, #addcff)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "light-dark(#023b95, #91cbff)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "light-dark(#4b535d, #bdc4cc)", fontStyle: "italic" },
  { tag: [tags.typeName, tags.className, tags.namespace], color: "light-dark(#702c00, #ffb757)" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "light-dark(#622cbc, #dbb7ff)" },
  { tag: [tags.definition(tags.variableName)], color: "light-dark(#702c00, #ffb757)" },
]);

export function createEditor(host: HTMLElement, source: string, options: { label: string; onRun(): void; onChange(source: string): void }): CellEditor {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const parent = host.ownerDocument.createElement("div");
  root.append(parent);
  const view = new EditorView({
    parent,
    root,
    state: EditorState.create({
      doc: source,
      extensions: [
        THEME,
        errorLine,
        history(),
        closeBrackets(),
        bracketMatching(),
        indentOnInput(),
        syntaxHighlighting(HIGHLIGHT),
        // The project's TypeScript-only grammar (no JSX), without completions or snippets, which would triple the download.
        new LanguageSupport(typescriptLanguage),
        keymap.of([
          { key: "Shift-Enter", run: () => (options.onRun(), true) },
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...historyKeymap,
          indentWithTab,
        ]),
        EditorView.contentAttributes.of({ "aria-label": options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    get source() {
      return view.state.doc.toString();
    },
    setSource(next: string) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
    markError: (line) => view.dispatch({ effects: markErrorLine.of(line) }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
