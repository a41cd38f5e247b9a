// What a downloaded picture of the optimization plot says beside the plot: a title with
// the run and its verdict, the settings, and the legend with the peaks' coordinates.
import { fixed } from "./format.js";
import { runName, staleText } from "./run-words.js";

/** {title, lines, legend: [{color, text}]} for the optimization plot as it is drawn now. */
export function pngCaption({ landscape, run, replay, stale, compared, theme }) {
  const peak = (name, point) => `${name}: x = ${fixed(point.x, 3)}, f(x) = ${fixed(point.y, 3)}`;
  const legend = [{ color: theme.global, text: peak("Global max", landscape.global_max) }];
  if (landscape.local_max) legend.push({ color: theme.local, text: peak("Local max", landscape.local_max) });
  const lines = [];
  if (run) {
    legend.push({ color: theme.path, text: `Path of ${runName(run)}` }, { color: theme.best, text: "Best so far (ring)" });
    lines.push(stale ? staleText(run) : run.outcome.label,
      `Shown at iteration ${replay} of ${run.xs.length - 1}: x = ${fixed(run.xs[replay])}, f(x) = ${fixed(run.ys[replay])}`);
  } else {
    lines.push("No run yet.");
  }
  compared.forEach((other, i) => legend.push({ color: theme.compare[i % theme.compare.length],
    text: `Kept: ${runName(other)}: ${other.outcome.label}` }));
  return { title: run ? runName(run) : "The bumpy landscape", lines, legend, background: theme.markerOutline,
    color: theme.muted };
}
