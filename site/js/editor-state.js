// The editor's state line: whether what the editor shows is what the page runs
// ("applied", "not applied yet", "failed: …"), shown under the editor, announced
// politely, and given to the editor's text box as its description.

/** Makes the state line of one module's editor panel, before its message; returns {show(facts)}. */
export function createEditorState(module, message) {
  const line = Object.assign(document.createElement("p"), { id: `${module}-editor-state`, className: "editor-state" });
  line.setAttribute("aria-live", "polite");
  message.before(line);
  return {
    id: line.id,
    /** facts: {shown, working, original, failure: {text, message} | null}. */
    show(facts) {
      const { kind, text } = editorState(facts);
      line.dataset.kind = kind;
      line.textContent = text;
    },
  };
}

/** {kind, text} of the editor: is the code it shows the code the page runs? */
export function editorState({ shown, working, original, failure }) {
  const running = working === original ? "the original code" : "your last version that worked";
  if (failure && failure.text === shown) {
    return { kind: "failed", text: `Editor state: failed. ${failure.message} What the editor shows is not in use: `
      + `the page runs ${running}.` };
  }
  if (shown !== working) {
    return { kind: "pending", text: `Editor state: not applied yet. The page runs ${running}, not what the editor `
      + "shows; press Apply changes to use it." };
  }
  return { kind: "applied", text: `Editor state: applied. The page runs the code the editor shows${
    working === original ? " (the original code)" : ""}.` };
}
