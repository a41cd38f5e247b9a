// One task of the editor (modify, fix or make): what to do, what the check needs (a prediction,
// the broken code inserted, an optimizer picked), a Check button, and the verdict. Text only.
import { element, radioGroup } from "./experiment-card.js";

/**
 * Builds the card of `task` (from Python's tasks()); onCheck({prediction, optimizer}) checks it,
 * onInsert() puts its code into the editor. Returns {element, setReady, setOptimizers, say, showResult}.
 */
export function createTaskCard(task, { onCheck, onInsert }) {
  const id = `task-${task.id}`;
  let prediction = null;
  let ready = false;
  let running = false;
  const title = element("h3", { id: `${id}-title`, textContent: `${task.kind}: ${task.title}` });
  const done = element("span", { className: "experiment-done", textContent: "Done ✓", hidden: true });
  const article = element("article", { className: "experiment task", id }, [
    element("div", { className: "experiment-head" }, [title, done]), element("p", { textContent: task.question })]);
  article.setAttribute("aria-labelledby", title.id);
  const note = element("p", { className: "small", id: `${id}-note` });
  note.setAttribute("aria-live", "polite");
  const checkButton = element("button", { type: "button", className: "primary-inline", textContent: "Apply and check" });
  checkButton.setAttribute("aria-describedby", note.id);
  const actions = element("div", { className: "experiment-actions" });
  let picker = null;

  if (task.choices) {
    article.append(radioGroup(`${id}-prediction`, "Your prediction", task.choices, (value) => {
      prediction = value;
      update();
    }));
  }
  if (task.code) {
    const insertButton = element("button", { type: "button", textContent: `Insert ${task.optimizer} into the editor` });
    insertButton.addEventListener("click", onInsert);
    actions.append(insertButton);
  }
  if (!task.optimizer) {
    picker = element("select", { id: `${id}-optimizer` });
    article.append(element("p", { className: "task-picker" },
      [element("label", { htmlFor: picker.id, textContent: "Optimizer to check" }), " ", picker]));
  }
  actions.append(checkButton);
  const feedback = element("div", { className: "experiment-feedback", role: "status" });
  feedback.setAttribute("aria-label", "Result of the task");
  article.append(actions, note, feedback);

  function update() {
    checkButton.disabled = !ready || (task.choices && prediction === null);
    if (!ready) note.textContent = "Waiting for Python…";
    else if (task.choices && prediction === null) note.textContent = "Choose a prediction first: the check waits for it.";
    else if (note.textContent.startsWith("Waiting") || note.textContent.startsWith("Choose")) note.textContent = "";
  }

  // Check stays enabled (and focused) while it works: a disabled button would drop the keyboard focus.
  checkButton.addEventListener("click", async () => {
    if (running) return;
    running = true;
    feedback.replaceChildren(element("p", { textContent: "Applying your code and checking…" }));
    try {
      await onCheck({ prediction, optimizer: picker?.value ?? null });
    } finally {
      running = false;
    }
  });
  update();

  return {
    element: article,
    /** Python can take a check now (or not, while it starts again). */
    setReady: (now) => { ready = now; update(); },
    /** The Make task's choices: the optimizers there are now, keeping the one picked if it is still there. */
    setOptimizers(names) {
      if (!picker) return;
      const picked = picker.value;
      picker.replaceChildren(...names.map((name) => element("option", { value: name, textContent: name })));
      if (names.includes(picked)) picker.value = picked;
    },
    say(text) {
      note.textContent = text;
    },
    /** Shows a check's answer {passed, done, verdict: [sentences]} (kept from an earlier visit: with its date). */
    showResult(answer, { date = null } = {}) {
      done.hidden = !answer.done && done.hidden;
      const lead = answer.passed ? "Passed." : "Not yet.";
      feedback.dataset.kind = answer.passed ? "right" : "wrong";
      const verdict = element("p", { className: "experiment-verdict" },
        [element("strong", { textContent: lead }), date ? ` (checked ${date.slice(0, 10)})` : ""]);
      feedback.replaceChildren(verdict, ...answer.verdict.map((sentence) => element("p", { textContent: sentence })));
    },
  };
}
