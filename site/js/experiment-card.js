// One experiment card: a question, a prediction to commit to (Run waits for it), hints one at a
// time (the last is the answer, from Python), and the feedback on the run. Text only, no HTML.
import { resultOf } from "./progress.js";

/** A new element with its properties (text as textContent, never HTML) and children. */
export const element = (tag, properties = {}, children = []) => {
  const made = Object.assign(document.createElement(tag), properties);
  made.append(...children);
  return made;
};

/** A fieldset of radio buttons: choices are [value, label] pairs; onPick(value) follows a choice. */
export function radioGroup(idBase, legend, choices, onPick) {
  const group = element("fieldset", { className: "experiment-choices" }, [element("legend", { textContent: legend })]);
  choices.forEach(([value, label], i) => {
    const input = element("input", { type: "radio", name: idBase, id: `${idBase}-${i}`, value: String(value) });
    input.addEventListener("change", () => onPick(value));
    group.append(element("div", { className: "experiment-choice" },
      [input, element("label", { htmlFor: input.id, textContent: label })]));
  });
  return group;
}

/**
 * Builds the card for `card` (from Python's experiments()); onRun({prediction, variant}) runs it,
 * answer(variant) resolves to the answer. Returns {element, setReady(ready), showFeedback(attempt)}.
 */
export function createExperimentCard(card, { onRun, answer }) {
  const id = `experiment-${card.id}`;
  let prediction = null;
  let variant = card.variants ? card.variants.values[0] : null;
  let ready = false;
  let hintsShown = 0;
  let running = false;

  const title = element("h4", { id: `${id}-title`, textContent: card.title });
  const done = element("span", { className: "experiment-done", textContent: "Done ✓", hidden: true });
  const article = element("article", { className: "experiment", id }, [
    element("div", { className: "experiment-head" }, [title, done]),
    element("p", { textContent: card.question }),
  ]);
  article.setAttribute("aria-labelledby", title.id);
  if (card.variants) {
    const values = card.variants.values.map((value) => [value, String(value)]);
    const group = radioGroup(`${id}-variant`, card.variants.legend, values, (value) => { variant = value; });
    group.querySelector("input").checked = true;
    article.append(group);
  }
  article.append(radioGroup(`${id}-prediction`, "Your prediction", card.choices, (value) => {
    prediction = value;
    update();
  }));
  const runButton = element("button", { type: "button", className: "primary-inline", textContent: "Run experiment" });
  const hintButton = element("button", { type: "button" });
  const why = element("p", { className: "small", id: `${id}-why` });
  runButton.setAttribute("aria-describedby", why.id);
  const hints = element("ol", { className: "experiment-hints" });
  hints.setAttribute("aria-label", "Hints");
  const feedback = element("div", { className: "experiment-feedback", role: "status" });
  feedback.setAttribute("aria-label", "Result of the experiment");
  article.append(element("div", { className: "experiment-actions" }, [runButton, hintButton]), why, hints, feedback);
  const hintCount = card.hints.length + 1;

  function update() {
    runButton.disabled = !ready || prediction === null;
    why.textContent = prediction === null ? "Choose a prediction first: the Run button waits for it."
      : ready ? "" : "Waiting for Python to start again…";
    hintButton.textContent = hintsShown < hintCount ? `Hint ${hintsShown + 1} of ${hintCount}` : "No more hints";
    hintButton.disabled = hintsShown >= hintCount || (hintsShown === hintCount - 1 && !ready);
  }

  async function showHint() {
    const last = hintsShown === hintCount - 1;
    const item = element("li", { tabIndex: -1, textContent: last ? "Working it out…" : card.hints[hintsShown] });
    hints.append(item);
    hintsShown += 1;
    update();
    if (last) {
      try {
        item.textContent = await answer(variant);
      } catch (error) {
        item.textContent = `The answer could not be worked out: ${error.message}`;
      }
      item.focus();
    }
  }

  // Run stays enabled (and focused) while it works: a disabled button would drop the keyboard focus.
  runButton.addEventListener("click", async () => {
    if (running) return;
    running = true;
    feedback.replaceChildren(element("p", { textContent: "Running…" }));
    try {
      await onRun({ prediction, variant });
    } finally {
      running = false;
    }
  });
  hintButton.addEventListener("click", showHint);
  update();

  return {
    element: article,
    setReady(now) {
      ready = now;
      update();
    },
    /** Shows an attempt (just made, or kept from an earlier visit) and marks the card done. */
    showFeedback(attempt, { kept = false } = {}) {
      done.hidden = false;
      const lead = attempt.selfMade ? "You did this one with a run of your own."
        : attempt.correct ? "Your prediction was right." : "Not what happened this time.";
      const told = attempt.selfMade ? `What happened: ${attempt.outcome}.`
        : `You predicted: ${attempt.prediction}. What happened: ${attempt.outcome}.`;
      const when = kept ? ` (${attempt.date.slice(0, 10)})` : "";
      feedback.dataset.kind = resultOf(attempt);
      feedback.replaceChildren(element("p", { className: "experiment-verdict" }, [element("strong", { textContent: lead }),
        ` ${told}${when}`]), ...attempt.explanation.map((sentence) => element("p", { textContent: sentence })));
    },
    showError(text) {
      feedback.dataset.kind = "wrong";
      feedback.replaceChildren(element("p", { textContent: text }));
    },
  };
}
