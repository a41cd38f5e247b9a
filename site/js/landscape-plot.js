// Drawing of the optimization plot: the landscape, its peaks, and a run replayed
// up to one iteration (path, best so far, tangent, the step just taken).
import { drawAxes, drawCurve, drawMarker, drawPath, drawStepArrow, drawTangent } from "./plot.js";

/** Draws one frame of the landscape scene; a pure function of its arguments. */
export function drawLandscapeScene(ctx, view, theme, { landscape, run, replay, start, pointer, compared = [] }) {
  drawAxes(ctx, view, theme);
  drawCurve(ctx, view, landscape.xs, landscape.ys, { color: theme.curve });
  const outline = theme.markerOutline;
  // Labels in text colours that read on the page's surface, rimmed by it where they cross the curve.
  const labelled = { radius: 7, outline, labelHalo: outline };
  drawMarker(ctx, view, landscape.global_max, { color: theme.global, label: "Global max", ...labelled });
  if (landscape.local_max) {
    drawMarker(ctx, view, landscape.local_max, {
      color: theme.local, labelColor: theme.localLabel, label: "Local max", ...labelled });
  }
  // Kept runs replay in lockstep with the current one, each in its own colour.
  compared.forEach((other, i) => {
    const color = theme.compare[i % theme.compare.length];
    const at = Math.min(replay, other.xs.length - 1);
    drawPath(ctx, view, other.xs, other.ys, at, { color });
    const best = { x: other.best_xs[at], y: other.best_ys[at] };
    if (best.y !== null) drawMarker(ctx, view, best, { color, radius: 7, outline });
    if (other.ys[at] !== null) drawMarker(ctx, view, { x: other.xs[at], y: other.ys[at] }, { color, radius: 4, outline });
  });
  if (run) {
    drawPath(ctx, view, run.xs, run.ys, replay, { color: theme.path });
    const current = { x: run.xs[replay], y: run.ys[replay] };
    if (replay > 0) {
      drawStepArrow(ctx, view, { x: run.xs[replay - 1], y: run.ys[replay - 1] }, current, { color: theme.path });
    }
    drawTangent(ctx, view, current, run.slopes[replay], { color: theme.current });
    const best = { x: run.best_xs[replay], y: run.best_ys[replay] };
    if (best.y !== null) drawMarker(ctx, view, best, { color: theme.best, radius: 8, outline: theme.current });
    if (current.y !== null) drawMarker(ctx, view, current, { color: theme.current, radius: 5, outline });
  } else if (start && !pointer) {
    drawMarker(ctx, view, start, { color: theme.current, label: "Start", radius: 5, outline, labelHalo: outline });
  }
  if (pointer) drawMarker(ctx, view, pointer, { color: theme.muted, radius: 4, outline });
}
