// The text side of the replay: the optimizer's source with the lines of the
// current iteration marked, its variables, and the table of every iteration.
import { fixed } from "./format.js";
import { descriptionOf } from "./described.js";

/** Writes the source as one element per line, so lines can be marked later. */
export function renderSource(pre, source, firstLine) {
  pre.replaceChildren(...source.replace(/\n$/, "").split("\n").map((text, i) => {
    const line = document.createElement("span");
    line.className = "code-line";
    line.dataset.line = String(firstLine + i);
    line.textContent = `${text}\n`;
    return line;
  }));
}

/**
 * Marks the lines that ran in this iteration, and the last of them as the current one: in
 * colour, in words for screen readers at the start of each marked line, and in a summary
 * under the code ("Lines 12–15 ran in iteration 30; line 15 last.").
 */
export function markLines(pre, step, iteration = null) {
  const ran = new Set(step?.lines ?? []);
  const last = step?.lines.at(-1);
  for (const line of pre.children) {
    const number = Number(line.dataset.line);
    line.classList.toggle("ran", ran.has(number));
    line.classList.toggle("current", number === last);
    line.querySelector(".line-mark")?.remove();
    if (ran.has(number)) {
      line.prepend(Object.assign(document.createElement("span"), { className: "line-mark visually-hidden",
        textContent: number === last ? "ran, last: " : "ran: " }));
    }
  }
  linesSummary(pre).textContent = step ? `${lineList([...ran].sort((a, b) => a - b))} ran in iteration ${iteration}`
    + `${last === undefined ? "" : `; line ${last} last`}.` : "";
}

/** The summary under a code view, visible and its accessible description. */
function linesSummary(pre) {
  return descriptionOf(pre, { suffix: "summary", className: "small lines-summary" });
}

/** "Lines 12–15 and 18", "Line 4", "No line". */
export function lineList(numbers) {
  if (!numbers.length) return "No line";
  const ranges = [];
  for (const n of numbers) {
    if (ranges.length && ranges.at(-1)[1] === n - 1) ranges.at(-1)[1] = n;
    else ranges.push([n, n]);
  }
  const parts = ranges.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`));
  const listed = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
  return `${numbers.length > 1 ? "Lines" : "Line"} ${listed}`;
}

/** The numbers in the optimizer's variables at the end of an iteration; null: no run yet. */
export function renderVariables(list, step) {
  if (step === null) {
    list.replaceChildren(Object.assign(document.createElement("dt"), { textContent: "–" }),
      Object.assign(document.createElement("dd"), { textContent: "run the optimizer first" }));
    return;
  }
  const entries = Object.entries(step?.locals ?? {});
  list.replaceChildren(...entries.flatMap(([name, value]) => [
    Object.assign(document.createElement("dt"), { textContent: name }),
    Object.assign(document.createElement("dd"), {
      textContent: Number.isInteger(value) ? String(value) : fixed(value, 4) }),
  ]));
}

/** One row per iteration: iteration, x, f(x), slope, step, best so far; onPick(i) on a click. */
export function renderTable(body, run, onPick) {
  // One HTML string is much faster than 700 createElement calls; every value is a
  // number formatted by fixed(), so nothing from outside reaches the markup.
  body.innerHTML = run.xs.map((x, i) => {
    const step = i === 0 ? "–" : fixed(x - run.xs[i - 1]);
    return `<tr><th scope="row">${i}</th><td>${fixed(x)}</td><td>${fixed(run.ys[i])}</td>`
      + `<td>${fixed(run.slopes[i])}</td><td>${step}</td><td>${fixed(run.best_ys[i])}</td></tr>`;
  }).join("");
  body.onclick = (event) => {
    const row = event.target.closest("tr");
    if (row) onPick(row.sectionRowIndex);
  };
}

/** Highlights the current iteration's row and scrolls it into the table's view. */
export function markRow(body, index) {
  body.querySelector("[aria-current]")?.removeAttribute("aria-current");
  const row = body.children[index];
  if (!row) return;
  row.setAttribute("aria-current", "true");
  const container = body.closest(".table-scroll");
  if (!container) return;
  // Reading positions right after the table changed would force a layout now; in the
  // next frame the browser lays the page out anyway.
  cancelAnimationFrame(pendingScroll);
  pendingScroll = requestAnimationFrame(() => {
    container.scrollTop = Math.max(0, row.offsetTop - container.clientHeight / 2);
  });
}

let pendingScroll = 0;
