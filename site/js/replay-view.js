// The text side of the replay: the optimizer's source with the lines of the
// current iteration marked, its variables, and the table of every iteration.
import { fixed } from "./format.js";

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

/** Marks the lines that ran in this iteration, and the last of them as the current one. */
export function markLines(pre, step) {
  const ran = new Set(step?.lines ?? []);
  const last = step?.lines.at(-1);
  for (const line of pre.children) {
    const number = Number(line.dataset.line);
    line.classList.toggle("ran", ran.has(number));
    line.classList.toggle("current", number === last);
  }
}

/** The numbers in the optimizer's variables at the end of an iteration. */
export function renderVariables(list, step) {
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
