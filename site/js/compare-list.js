// Runs kept for comparison: at most three, each with its colour, a label and a
// Remove button; the plot replays them in lockstep with the current run. The
// state's `compare` (and so the URL) is the one list of them: this module only
// keeps what Python computed for each, and asks again for those a link brings.
import * as python from "./python-client.js";
import { MAX_COMPARED, runKey, state, update } from "./state.js";
import { runName } from "./run-words.js";

/** "hill_climbing from -12 (scale 2, seed 5): reached the global max". */
function describeRun(kept) {
  return `${runName(kept)}: ${kept.outcome.label.toLowerCase()}`;
}

/** Returns {runs(), keep(run), restore(), show(), full()}; onChange() follows every change of the list. */
export function createCompareList({ container, colors, onChange, notify }) {
  const list = container.querySelector("ul");
  const computed = new Map();
  let restoring = null;

  /** The kept runs whose paths are here, in the order of the state, each with its place there. */
  function shown() {
    return state.compare.map((kept, index) => ({ index, run: computed.get(runKey(kept)) }))
      .filter(({ run }) => run);
  }

  function remove(index) {
    update({ compare: state.compare.filter((_, i) => i !== index) });
    show();
  }

  function show() {
    const runs = shown();
    container.hidden = runs.length === 0;
    const palette = colors();
    list.replaceChildren(...runs.map(({ index, run }, i) => {
      const item = document.createElement("li");
      const swatch = Object.assign(document.createElement("span"), { className: "swatch" });
      swatch.style.background = palette[i % palette.length];
      const label = Object.assign(document.createElement("span"), { className: "label", textContent: describeRun(run) });
      const button = Object.assign(document.createElement("button"), { type: "button", textContent: "Remove" });
      button.setAttribute("aria-label", `Remove ${describeRun(run)}`);
      button.addEventListener("click", () => remove(index));
      item.append(swatch, label, button);
      return item;
    }));
    onChange();
  }

  /** Computes the kept runs of a link that are not here yet; one that fails is left out with a notice. */
  async function computeMissing() {
    for (const kept of state.compare) {
      if (computed.has(runKey(kept))) continue;
      try {
        computed.set(runKey(kept), { ...(await python.call("run", kept)), ...kept });
      } catch (error) {
        notify(`A compared run in the link was left out: ${error.message}`, { append: true });
        update({ compare: state.compare.filter((other) => runKey(other) !== runKey(kept)) });
      }
    }
    restoring = null;
    show();
  }

  return {
    runs: () => shown().map(({ run }) => run),
    keep(run) {
      if (state.compare.length >= MAX_COMPARED) return;
      const kept = { optimizer: run.optimizer, start: run.start, settings: run.settings };
      computed.set(runKey(kept), run);
      update({ compare: [...state.compare, kept] });
      show();
    },
    restore() {
      if (!python.isReady()) return Promise.resolve(show());
      restoring ??= computeMissing();
      return restoring;
    },
    show,
    full: () => state.compare.length >= MAX_COMPARED,
  };
}
