// Editing a lesson module in the page: the learner changes functions.py,
// optimization.py or training.py, applies it (button or Ctrl/Cmd+Enter), and Python reloads it.
// The last version that worked stays active while a new one fails, survives a
// stuck worker being replaced, and is kept in the browser per page and release.
import * as python from "./python-client.js";
import { createEditorState } from "./editor-state.js";

const EDITOR_SCRIPT = "editor.js";
let editorLibrary = null;

/** Loads the CodeMirror bundle once, by a classic script tag (which works on file:// too). */
function loadEditorLibrary() {
  editorLibrary ??= new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement("script"), { src: EDITOR_SCRIPT });
    script.onload = () => resolve(globalThis.MathFundamentalsEditor);
    script.onerror = () => reject(new Error(`The file ${EDITOR_SCRIPT} is missing.`));
    document.head.append(script);
  });
  return editorLibrary;
}

/** Sets up the editor panel of one module; onApplied(catalog) runs after each successful apply. */
export function createModuleEditor({ module, original, release, onApplied }) {
  const byId = (suffix) => document.getElementById(`${module}-${suffix}`);
  const message = byId("editor-message");
  const key = (kind) => `math-fundamentals:${release}:${module}:${kind}`;
  let editor = null;
  let working = readStored("working") ?? original;
  const editorState = createEditorState(module, message);
  // The learner's code with numpy's names replaced, while that is on offer.
  let rewrite = null;
  // Until CodeMirror has loaded, the module is shown as plain text.
  byId("editor").querySelector("pre").textContent = readStored("draft") ?? working;

  function readStored(kind) {
    try {
      return localStorage.getItem(key(kind));
    } catch {
      return null; // storage can be disabled; editing still works for this visit
    }
  }

  function store(kind, text) {
    try {
      if (text === original) localStorage.removeItem(key(kind));
      else localStorage.setItem(key(kind), text);
    } catch {
      // storage full or disabled: nothing to do but keep going
    }
  }

  /** The last failed apply {text, message}, kept across a reload with the draft it was about. */
  function storedFailure() {
    try {
      return JSON.parse(readStored("failure") ?? "null");
    } catch {
      return null;
    }
  }

  /** The code the panel shows: the editor's, or the plain text until the editor is set up. */
  function shownText() {
    return editor ? editor.text() : readStored("draft") ?? working;
  }

  function showState() {
    editorState.show({ shown: shownText(), working, original, failure: storedFailure() });
  }

  function forgetStored(kind) {
    try {
      localStorage.removeItem(key(kind));
    } catch {
      // storage disabled: there is nothing to forget
    }
  }

  function say(text, kind) {
    message.textContent = text;
    message.dataset.kind = kind;
  }

  async function apply(text, { quiet = false } = {}) {
    if (!python.isReady()) {
      const waiting = "Python is still starting; try again in a moment.";
      say(waiting, "info");
      return waiting;
    }
    if (!quiet) say("Applying…", "info");
    try {
      const catalog = await python.call("apply_edit", { module, source: text });
      working = text;
      store("working", text);
      forgetStored("failure");
      editor?.showProblem([]);
      offerRewrite(null);
      if (!quiet) say("Applied: the page now uses your code.", "ok");
      onApplied(catalog);
      return null;
    } catch (error) {
      const details = error.details ?? {};
      const where = details.line ? `Line ${details.line}: ` : "";
      const failure = `${where}${details.type ?? error.name}: ${error.message}.`;
      store("failure", JSON.stringify({ text, message: failure }));
      editor?.showProblem(details.lines ?? (details.line ? [details.line] : []), error.message);
      offerRewrite(details.rewrite ?? null);
      if (details.type === "Timeout") {
        say(`${error.message} ${details.hint} The last version that worked is active again.`, "error");
      } else {
        say(`${where}${details.type ?? error.name}: ${error.message}. ${details.hint ?? ""} `
          + "The last version that worked stays active.", "error");
      }
      return failure;
    } finally {
      showState();
    }
  }

  /** Offers the source with numpy's names replaced (from Python's advice), or withdraws the offer. */
  function offerRewrite(source) {
    rewrite = source;
    byId("rewrite").hidden = source === null;
  }

  async function show() {
    if (editor) return;
    const library = await loadEditorLibrary();
    if (editor) return;
    const host = byId("editor");
    // The plain text can be focused (to scroll it by keyboard): then the editor takes the focus over.
    const focused = host.contains(document.activeElement);
    host.replaceChildren();
    editor = library.createCodeEditor(host, {
      text: readStored("draft") ?? working,
      label: `Python code of ${module}.py`,
      describedBy: editorState.id,
      onChange(text) {
        store("draft", text);
        showState();
      },
      onApply: () => apply(editor.text()),
    });
    if (focused) editor.focus();
    showState();
  }

  /** Applies what the editor shows, setting the editor up first if the learner never scrolled to it. */
  async function applyShown() {
    await show();
    return apply(editor.text());
  }

  byId("apply").addEventListener("click", applyShown);
  byId("rewrite").addEventListener("click", () => {
    if (!editor || rewrite === null) return;
    editor.setText(rewrite); // one change in the editor's history: Ctrl+Z undoes it
    store("draft", rewrite);
    showState();
    offerRewrite(null);
    editor.showProblem([]);
    say("Rewritten with math and random instead of numpy. Press Apply changes to use it; "
      + "Ctrl+Z (⌘+Z) in the editor undoes the rewrite.", "info");
  });
  byId("reset").addEventListener("click", async () => {
    await show();
    editor.setText(original);
    store("draft", original);
    await apply(original);
    say("Back to the original code.", "ok");
  });
  byId("download").addEventListener("click", () => {
    const text = shownText();
    const link = Object.assign(document.createElement("a"), {
      href: URL.createObjectURL(new Blob([text], { type: "text/x-python" })), download: `${module}.py` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  });
  // A new worker (first start, or after a runaway call) starts from the shipped
  // code: bring the learner's last working version back into it.
  showState();
  python.onStatus((status) => {
    if (status.state === "ready" && working !== original) apply(working, { quiet: true });
  });

  return { show,
    /** The element the editor is drawn in (the module as plain text until then). */
    host: byId("editor"),
    /** The code the editor shows. */
    text: shownText,
    /** Adds code at the end of the editor, as one step Ctrl+Z undoes. */
    async append(code) {
      await show();
      editor.append(code);
    },
    /** Applies what the editor shows, as Apply does: null when it worked, else the error in words. */
    applyShown,
  };
}
