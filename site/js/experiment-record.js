// What the learner can do with their record of experiments: download it for a teacher (a CSV
// table, or a certificate-style PNG drawn on a canvas), or start again after a confirmation.
import { element } from "./experiment-card.js";
import { attemptsToCsv, RESULTS, resultOf } from "./progress.js";
import { download } from "./export.js";

const WIDTH = 1200;
const LINE_HEIGHT = 22;
const ROW_GAP = 14;
const COLUMNS = [["Experiment", 40, 270], ["Your prediction", 330, 280], ["What happened", 630, 320], ["Result", 970, 80],
  ["Date", 1070, 100]];

/** The toolbar: two downloads and a reset that asks first; onReset() follows a reset. */
export function createRecordTools({ progress, onReset }) {
  const csvButton = element("button", { type: "button", textContent: "Download my experiments (CSV)" });
  const pngButton = element("button", { type: "button", textContent: "Download certificate (PNG)" });
  const resetButton = element("button", { type: "button", textContent: "Start the experiments again…" });
  const question = element("p", { id: "experiments-reset-question" });
  const yes = element("button", { type: "button", textContent: "Yes, forget them" });
  const no = element("button", { type: "button", textContent: "Keep them" });
  const confirmBox = element("div", { className: "experiment-confirm", hidden: true }, [question, yes, no]);
  confirmBox.setAttribute("role", "group");
  confirmBox.setAttribute("aria-labelledby", question.id);
  const tools = element("div", { className: "experiment-record" }, [
    element("div", { className: "experiment-actions" }, [csvButton, pngButton, resetButton]), confirmBox]);

  function showButtons() {
    const none = progress.attempts().length === 0;
    for (const button of [csvButton, pngButton, resetButton]) button.disabled = none;
  }

  csvButton.addEventListener("click", () => {
    download(new Blob([attemptsToCsv(progress.attempts())], { type: "text/csv" }), "my-experiments.csv");
  });
  pngButton.addEventListener("click", () => {
    drawCertificate(latestAttempts(progress.attempts())).toBlob((blob) => download(blob, "my-experiments.png"), "image/png");
  });
  resetButton.addEventListener("click", () => {
    const count = progress.attempts().length;
    question.textContent = `Forget all ${count} ${count === 1 ? "attempt" : "attempts"} at the experiments? `
      + "This cannot be undone.";
    confirmBox.hidden = false;
    no.focus();
  });
  no.addEventListener("click", () => {
    confirmBox.hidden = true;
    resetButton.focus();
  });
  yes.addEventListener("click", () => {
    progress.reset();
    onReset();
  });
  progress.onChange(showButtons);
  showButtons();
  return tools;
}

/** The latest attempt at each card, in the order they were first tried. */
function latestAttempts(attempts) {
  const latest = new Map();
  for (const attempt of attempts) {
    latest.delete(attempt.card);
    latest.set(attempt.card, attempt);
  }
  return [...latest.values()];
}

/** The words of `text` in lines no wider than `width` at the context's font. */
function wrapped(ctx, text, width) {
  const lines = [];
  for (const word of String(text).split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && ctx.measureText(`${last} ${word}`).width <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A certificate-style page: who did what, in the colours of --certificate-* (light in both themes). */
function drawCertificate(attempts) {
  const style = getComputedStyle(document.documentElement);
  const colour = (name) => style.getPropertyValue(`--certificate-${name}`).trim();
  const canvas = element("canvas", { width: WIDTH, height: 1 });
  const ctx = canvas.getContext("2d");
  const cellFont = "17px system-ui, sans-serif";
  ctx.font = cellFont;
  const rows = attempts.map((attempt) => COLUMNS.map(([, , width], column) => wrapped(ctx,
    [attempt.title, attempt.prediction, attempt.outcome, RESULTS[resultOf(attempt)], attempt.date.slice(0, 10)][column], width)));
  const heights = rows.map((cells) => Math.max(...cells.map((lines) => lines.length)) * LINE_HEIGHT + ROW_GAP);
  canvas.height = 280 + heights.reduce((sum, height) => sum + height, 0);
  ctx.fillStyle = colour("paper");
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = colour("accent");
  ctx.lineWidth = 6;
  ctx.strokeRect(14, 14, canvas.width - 28, canvas.height - 28);
  ctx.fillStyle = colour("ink");
  ctx.font = "bold 34px system-ui, sans-serif";
  ctx.fillText("Math Fundamentals for Machine Learning", 40, 80);
  const predicted = attempts.filter((attempt) => !attempt.selfMade);
  const right = predicted.filter((attempt) => attempt.correct === true).length;
  ctx.font = "22px system-ui, sans-serif";
  ctx.fillText(`${attempts.length} ${attempts.length === 1 ? "experiment" : "experiments"} done; `
    + `${right} of ${predicted.length} predictions made before running were right.`, 40, 130);
  ctx.fillText(`Downloaded on ${new Date().toISOString().slice(0, 10)}.`, 40, 166);
  ctx.font = "bold 18px system-ui, sans-serif";
  COLUMNS.forEach(([name, x]) => ctx.fillText(name, x, 226));
  ctx.font = cellFont;
  let y = 226 + ROW_GAP + LINE_HEIGHT;
  rows.forEach((cells, i) => {
    cells.forEach((lines, column) => lines.forEach((line, k) => ctx.fillText(line, COLUMNS[column][1], y + k * LINE_HEIGHT)));
    y += heights[i];
  });
  return canvas;
}
