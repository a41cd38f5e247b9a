// Runs kept for comparison: at most three, each with its colour, a label and a
// Remove button. The plot replays them in lockstep with the current run.

const MAX_KEPT = 3;

/** "hill_climbing from -12 (scale 2, seed 5): reached the global max". */
export function describeRun(kept) {
  const settings = Object.entries(kept.settings).map(([name, value]) => `${name} ${value}`).join(", ");
  return `${kept.optimizer} from ${kept.start}${settings ? ` (${settings})` : ""}: ${kept.outcome.label.toLowerCase()}`;
}

/** Returns {runs, add(run), full()}; onChange() is called whenever the list changes. */
export function createCompareList({ container, colors, onChange }) {
  const runs = [];
  const list = container.querySelector("ul");

  function show() {
    container.hidden = runs.length === 0;
    const palette = colors();
    list.replaceChildren(...runs.map((kept, i) => {
      const item = document.createElement("li");
      const swatch = Object.assign(document.createElement("span"), { className: "swatch" });
      swatch.style.background = palette[i % palette.length];
      const label = Object.assign(document.createElement("span"), { className: "label", textContent: describeRun(kept) });
      const remove = Object.assign(document.createElement("button"), { type: "button", textContent: "Remove" });
      remove.setAttribute("aria-label", `Remove ${describeRun(kept)}`);
      remove.addEventListener("click", () => {
        runs.splice(i, 1);
        show();
        onChange();
      });
      item.append(swatch, label, remove);
      return item;
    }));
  }

  return {
    runs,
    add(run) {
      if (runs.length >= MAX_KEPT) return;
      runs.push(run);
      show();
      onChange();
    },
    full: () => runs.length >= MAX_KEPT,
  };
}
