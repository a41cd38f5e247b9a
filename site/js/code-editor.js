// The code editor (CodeMirror 6), built by build.py into its own classic script,
// editor.js, which the page loads only when an editor is first shown. It defines
// globalThis.MathFundamentalsEditor.createCodeEditor.
import { EditorState } from "@codemirror/state";
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from "@codemirror/commands";
import { HighlightStyle, bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { python } from "@codemirror/lang-python";
import { lintGutter, setDiagnostics } from "@codemirror/lint";

const theme = EditorView.theme({
  "&": { backgroundColor: "var(--code-bg)", color: "var(--text)", fontSize: "0.85rem", borderRadius: "8px" },
  ".cm-content": { caretColor: "var(--text)", fontFamily: "ui-monospace, Menlo, Consolas, monospace" },
  ".cm-gutters": { backgroundColor: "var(--code-bg)", color: "var(--muted)", border: "none" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "color-mix(in srgb, var(--accent) 8%, transparent)" },
  "&.cm-focused": { outline: "2px solid var(--accent)" },
});

// Colours come from the page's CSS variables, so the light and dark themes both read well.
const highlighting = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.operatorKeyword], color: "var(--code-keyword)" },
  { tag: [tags.string, tags.docString], color: "var(--code-string)" },
  { tag: tags.comment, color: "var(--code-comment)", fontStyle: "italic" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--code-number)" },
  { tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.variableName)], color: "var(--code-definition)" },
]);

/** An editor in `parent`; Ctrl/Cmd+Enter calls onApply, every edit calls onChange(text). */
function createCodeEditor(parent, { text, label, describedBy, onChange, onApply }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(), history(), drawSelection(), highlightActiveLine(), indentOnInput(), bracketMatching(),
        syntaxHighlighting(highlighting), python(), indentUnit.of("    "),
        keymap.of([{ key: "Mod-Enter", run: () => (onApply(), true) }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ "aria-label": label, ...(describedBy ? { "aria-describedby": describedBy } : {}) }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
        lintGutter(), theme, EditorView.lineWrapping,
      ],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    focus: () => view.focus(),
    /** Replaces the whole text, as one step of its own in the undo history. */
    setText(next) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next },
        annotations: isolateHistory.of("full") });
    },
    /** Adds text at the end, as one step of its own in the undo history, and scrolls to it. */
    append(more) {
      const at = view.state.doc.length;
      view.dispatch({ changes: { from: at, insert: more }, annotations: isolateHistory.of("full"),
        selection: { anchor: at + more.length }, scrollIntoView: true });
    },
    /**
     * Underlines each of the lines (1-based) with the message, and puts the cursor on the first
     * and scrolls it into the middle of the editor (the cursor's place would win over a scroll
     * alone at the next update); [] clears.
     */
    showProblem(lines, message) {
      const diagnostics = lines.filter((line) => line >= 1 && line <= view.state.doc.lines).map((line) => {
        const { from, to } = view.state.doc.line(line);
        return { from, to, severity: "error", message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
      if (diagnostics.length) {
        view.dispatch({ selection: { anchor: diagnostics[0].from },
          effects: EditorView.scrollIntoView(diagnostics[0].from, { y: "center" }) });
      }
    },
  };
}

globalThis.MathFundamentalsEditor = { createCodeEditor };
