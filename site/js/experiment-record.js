// What the learner can do with their record of experiments: download it for a teacher (a CSV
// table, or a certificate-style PNG drawn on a canvas), or start again after a confirmation.
import { element } from "./experiment-card.js";
import { attemptsToCsv } from "./progress.js";
import { download } from "./export.js";

const WIDTH = 1200;
const ROW_HEIGHT = 34;
const COLUMNS = [["Experiment", 40, 330], ["Your prediction", 380, 330], ["What happened", 720, 330], ["Date", 1060, 110]];

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

function shortened(ctx, text, width) {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** A certificate-style page: who did what, in the colours of --certificate-* (light in both themes). */
function drawCertificate(attempts) {
  const style = getComputedStyle(document.documentElement);
  const colour = (name) => style.getPropertyValue(`--certificate-${name}`).trim();
  const canvas = element("canvas", { width: WIDTH, height: 260 + ROW_HEIGHT * (attempts.length + 1) });
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = colour("paper");
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = colour("accent");
  ctx.lineWidth = 6;
  ctx.strokeRect(14, 14, canvas.width - 28, canvas.height - 28);
  ctx.fillStyle = colour("ink");
  ctx.font = "bold 34px system-ui, sans-serif";
  ctx.fillText("Math Fundamentals for Machine Learning", 40, 80);
  const right = attempts.filter((attempt) => attempt.correct === true).length;
  ctx.font = "22px system-ui, sans-serif";
  ctx.fillText(`${attempts.length} ${attempts.length === 1 ? "experiment" : "experiments"} done; `
    + `${right} ${right === 1 ? "prediction" : "predictions"} right before running.`, 40, 130);
  ctx.fillText(`Downloaded on ${new Date().toISOString().slice(0, 10)}.`, 40, 166);
  ctx.font = "bold 18px system-ui, sans-serif";
  COLUMNS.forEach(([name, x]) => ctx.fillText(name, x, 226));
  ctx.font = "17px system-ui, sans-serif";
  attempts.forEach((attempt, i) => {
    const y = 226 + ROW_HEIGHT * (i + 1);
    const cells = [attempt.title, attempt.prediction, attempt.outcome, attempt.date.slice(0, 10)];
    COLUMNS.forEach(([, x, width], column) => ctx.fillText(shortened(ctx, cells[column], width), x, y));
  });
  return canvas;
}
