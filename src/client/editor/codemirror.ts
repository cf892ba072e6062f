/**
 * The cell editor: CodeMirror 6 with TypeScript highlighting, undo history,
 * bracket matching and closing, Tab to indent (Escape then Tab leaves the
 * editor, as CodeMirror documents), Shift+Enter to run. Loaded on the
 * reader's first Edit, never before.
 */
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";

export interface CellEditor {
  readonly source: string;
  setSource(source: string): void;
  focus(): void;
  destroy(): void;
}

export function createEditor(parent: HTMLElement, source: string, options: { label: string; onRun(): void; onChange(source: string): void }): CellEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: source,
      extensions: [
        lineNumbers(),
        history(),
        closeBrackets(),
        bracketMatching(),
        indentOnInput(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        javascript({ typescript: true }),
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
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
