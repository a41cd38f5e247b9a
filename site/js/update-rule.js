// The update rule of the replayed step with the run's numbers filled in by Python
// ("x = 0.000 + 0.1 × 4.348 = 0.435"), typeset with MathML under the replay's readout.
import * as python from "./python-client.js";

const MATHML = "http://www.w3.org/1998/Math/MathML";
const TAGS = new Set(["mi", "mo", "mn", "mtext", "mfrac", "msqrt", "msup", "msub"]);
// Python explains a run once it is drawn, after a calm moment, so quick runs never queue behind it.
const DELAY_MS = 150;

/** MathML elements for pieces of page_api.formula: text only, never markup from a string. */
export function mathPieces(pieces) {
  return pieces.map(([tag, ...content]) => {
    if (!TAGS.has(tag)) throw new Error(`Unknown piece of an equation: ${tag}`);
    const element = document.createElementNS(MATHML, tag);
    if (typeof content[0] === "string") {
      element.textContent = content[0];
    } else {
      element.append(...content.map((group) => {
        const row = document.createElementNS(MATHML, "mrow");
        row.append(...mathPieces(group));
        return row;
      }));
    }
    return element;
  });
}

// Where a long equation may wrap: before "=", "+" and "−" outside brackets, and around words.
const BREAKS = new Set(["=", "+", "−"]);

/** An equation's pieces cut where it may wrap, so a long one wraps there and not off the page. */
function chunks(pieces) {
  const cut = [[]];
  let depth = 0;
  for (const piece of pieces) {
    const [tag, text] = piece;
    const breaks = tag === "mtext" || cut.at(-1)[0]?.[0] === "mtext" || (tag === "mo" && depth === 0 && BREAKS.has(text));
    if (breaks && cut.at(-1).length) cut.push([]);
    if (tag === "mo") depth += { "(": 1, ")": -1 }[text] ?? 0;
    cut.at(-1).push(piece);
  }
  return cut;
}

/** A chunk of an equation: words as text, the rest as MathML (hidden: the line is read as a whole). */
function chunkElement(pieces) {
  const words = pieces.length === 1 && pieces[0][0] === "mtext";
  const chunk = words ? document.createElement("span") : document.createElementNS(MATHML, "math");
  chunk.setAttribute("aria-hidden", "true");
  if (words) chunk.textContent = pieces[0][1];
  else chunk.append(...mathPieces(pieces));
  // A chunk starting with + or − continues a sum: spaced as between two terms, not as a sign.
  if (!words && BREAKS.has(pieces[0][1])) chunk.firstChild.setAttribute("form", "infix");
  return chunk;
}

/** One equation: its left side, then the rest wrapping under itself; read as its plain text. */
function equationLine({ math, text }) {
  const line = document.createElement("div");
  line.className = "update-rule-line";
  line.setAttribute("role", "math");
  line.setAttribute("aria-label", text);
  const [left, ...rest] = chunks(math);
  const right = document.createElement("div");
  right.append(...rest.map(chunkElement));
  line.append(chunkElement(left), right);
  return line;
}

/**
 * The update rule of a replay page, in a group named "Update rule" placed after `after` (the
 * replay's readout). `method` is the call that explains a run ("explain_run" or "explain_descent"),
 * `unit` what the page calls a position ("Iteration", "Step"). Returns {show(run, i), clear()}.
 */
export function createUpdateRule({ after, method, unit }) {
  const box = document.createElement("div");
  box.className = "update-rule";
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", "Update rule");
  box.hidden = true;
  const caption = Object.assign(document.createElement("p"), { className: "update-rule-caption" });
  const note = Object.assign(document.createElement("p"), { className: "small" });
  const lines = document.createElement("div");
  box.append(caption, note, lines);
  after.after(box);
  const latestExplanation = python.latest();
  let shown = null;
  let position = 0;
  let timer = null;

  function render() {
    box.hidden = !shown;
    if (!shown) return;
    const step = shown.steps?.[position];
    caption.textContent = step ? `${unit} ${position}: the update rule, with this run's numbers`
      : shown.error ?? "Working out the update rule with this run's numbers…";
    note.textContent = step?.note ?? "";
    note.hidden = !step?.note;
    lines.replaceChildren(...(step?.equations ?? []).map(equationLine));
  }

  function explain(run) {
    const explained = { run, steps: null, error: null };
    shown = explained;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        // A descent names the ground it walked on (the network's loss or a test surface).
        const ground = run.surface === undefined ? {} : { surface: run.surface };
        const answer = await latestExplanation(method, { optimizer: run.optimizer, start: run.start,
          settings: run.settings, ...ground });
        explained.steps = answer.steps;
      } catch (error) {
        if (python.isSuperseded(error)) return;
        explained.error = `The update rule could not be worked out: ${error.message}`;
      }
      if (shown === explained) render();
    }, DELAY_MS);
  }

  return {
    /** Shows the rule of step i of the run (asking Python to explain the run the first time). */
    show(run, i) {
      if (shown?.run !== run) explain(run);
      position = i;
      render();
    },
    /** The run was forgotten: nothing to explain. */
    clear() {
      clearTimeout(timer);
      latestExplanation.cancel();
      shown = null;
      render();
    },
  };
}
