// A run of the optimization page in words: its name with its settings, whether it is
// still the run of what the fields say, and a sentence on what the plot shows.
import { fixed } from "./format.js";
import { runKey } from "./state.js";

// Where a run ended, by the kind of its verdict (the verdict itself is on screen beside the plot).
const ENDED_ON = { global: "on the global maximum", local: "on the local maximum", oscillating: "still swinging",
  moving: "still moving", climbing: "still climbing", valley: "in a valley", still: "where it started",
  downhill: "lower than it started", outside: "outside the plotted range", diverged: "after flying off" };

/** "scale 2, seed 5" (empty for an optimizer without settings). */
export function settingsText(settings) {
  return Object.entries(settings ?? {}).map(([name, value]) => `${name} ${value}`).join(", ");
}

/** "hill_climbing from -12 (scale 2, seed 5)". */
export function runName(run) {
  const settings = settingsText(run.settings);
  return `${run.optimizer} from ${run.start}${settings ? ` (${settings})` : ""}`;
}

/** Whether `run` was made with the optimizer, start and settings of `wanted`. */
export function sameRun(run, wanted) {
  const key = ({ optimizer, start, settings }) => runKey({ optimizer, start, settings: settings ?? {} });
  return key(run) === key(wanted);
}

/** What the verdict says of a run made with other choices than those in the fields now. */
export function staleText(run) {
  return `This run used ${runName(run)}; run again for the new settings.`;
}

/** "hill_climbing from -15 ended at x = -16.19, f(x) = 8.03, on the local maximum after 100 iterations." */
export function runSentence(run) {
  const last = run.xs.length - 1;
  const where = ENDED_ON[run.outcome.kind] ?? "";
  return `${runName(run)} ended at x = ${fixed(run.xs[last], 2)}, f(x) = ${fixed(run.ys[last], 2)}, `
    + `${where ? `${where} ` : ""}after ${last} iterations.`;
}
