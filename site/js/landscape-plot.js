// Drawing of the optimization plot: the landscape, its peaks, and a run replayed
// up to one iteration (path, best so far, tangent, the step just taken), with kept
// runs in their colours and a legend that names every run drawn.
import { drawAxes, drawCurve, drawMarker, drawPath, drawStepArrow, drawTangent } from "./plot.js";
import { drawLegend } from "./plot-legend.js";
import { runName } from "./run-words.js";

// A stale run (made with other choices than those in the fields now) is drawn faintly.
const STALE_ALPHA = 0.3;

/** Draws one frame of the landscape scene; a pure function of its arguments. */
export function drawLandscapeScene(ctx, view, theme, { landscape, run, replay, start, pointer, compared = [], stale = false }) {
  drawAxes(ctx, view, theme);
  drawCurve(ctx, view, landscape.xs, landscape.ys, { color: theme.curve });
  const outline = theme.markerOutline;
  // Kept runs replay in lockstep with the current one, each in its own colour.
  compared.forEach((other, i) => {
    const color = theme.compare[i % theme.compare.length];
    const at = Math.min(replay, other.xs.length - 1);
    drawPath(ctx, view, other.xs, other.ys, at, { color });
    drawBestRing(ctx, view, { x: other.best_xs[at], y: other.best_ys[at] }, color);
    if (other.ys[at] !== null) drawMarker(ctx, view, { x: other.xs[at], y: other.ys[at] }, { color, radius: 4, outline });
  });
  let current = null;
  if (run) {
    ctx.save();
    if (stale) ctx.globalAlpha = STALE_ALPHA;
    // drawPath sets its own opacity, so a stale path is told apart by its grey too.
    const pathColor = stale ? theme.muted : theme.path;
    drawPath(ctx, view, run.xs, run.ys, replay, { color: pathColor });
    current = { x: run.xs[replay], y: run.ys[replay] };
    if (replay > 0) {
      drawStepArrow(ctx, view, { x: run.xs[replay - 1], y: run.ys[replay - 1] }, current, { color: pathColor });
    }
    drawTangent(ctx, view, current, run.slopes[replay], { color: theme.current });
    drawBestRing(ctx, view, { x: run.best_xs[replay], y: run.best_ys[replay] }, theme.best);
    ctx.restore();
  }
  // The peaks go over the runs, so a ring around the global max never hides it, and their
  // labels, rimmed in the page's surface colour, stay readable over the paths.
  const labelled = { radius: 7, outline, labelHalo: outline };
  drawMarker(ctx, view, landscape.global_max, { color: theme.global, label: "Global max", ...labelled });
  if (landscape.local_max) {
    drawMarker(ctx, view, landscape.local_max, {
      color: theme.local, labelColor: theme.localLabel, label: "Local max", ...labelled });
  }
  if (current?.y !== null && current) {
    ctx.save();
    if (stale) ctx.globalAlpha = STALE_ALPHA;
    drawMarker(ctx, view, current, { color: theme.current, radius: 5, outline });
    ctx.restore();
  } else if (!run && start && !pointer) {
    drawMarker(ctx, view, start, { color: theme.current, label: "Start", radius: 5, outline, labelHalo: outline });
  }
  if (pointer) drawMarker(ctx, view, pointer, { color: theme.muted, radius: 4, outline });
  if (compared.length) {
    drawLegend(ctx, view, theme, [
      ...(run ? [{ color: theme.path, text: `${runName(run)}${stale ? " (old settings)" : ""}` }] : []),
      ...compared.map((other, i) => ({ color: theme.compare[i % theme.compare.length], text: runName(other) })),
    ]);
  }
}

/** The best point so far as an open ring: whatever lies under it (a peak's marker) shows through. */
function drawBestRing(ctx, view, best, color) {
  if (best.y === null || best.y === undefined) return;
  const px = view.px(best.x);
  const py = view.py(best.y);
  if (px < view.left || px > view.right || py < view.top || py > view.bottom) return;
  ctx.save();
  ctx.beginPath();
  ctx.arc(px, py, 11, 0, Math.PI * 2);
  ctx.strokeStyle = color;
  ctx.lineWidth = 3;
  ctx.stroke();
  ctx.restore();
}
