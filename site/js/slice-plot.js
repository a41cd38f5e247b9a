// Drawing of the ground a descent walks on (the network's loss slice or a test surface):
// a heat map of log(value − offset) with contour lines, its minima, and a descent or a
// race replayed up to one iteration.
import { clipToPlot, drawAxes, drawImageOver, drawMarker, drawPath, tracePolyline } from "./plot.js";

/** An image of the ground's grid (log scale, viridis; clear where undefined), then scaled onto the plot. */
export function lossImage(ground) {
  const columns = ground.stepsA.length;
  const rows = ground.stepsB.length;
  const image = new ImageData(columns, rows);
  const [low, high] = logRange(ground);
  for (let row = 0; row < rows; row++) {
    // Rows of the grid go up in b; rows of an image go down.
    const values = ground.values[rows - 1 - row];
    for (let column = 0; column < columns; column++) {
      if (values[column] === null) continue;
      const colour = colourOf(ground.colormap, (Math.log(values[column] - ground.offset) - low) / (high - low));
      image.data.set([...colour, 255], 4 * (row * columns + column));
    }
  }
  const canvas = new OffscreenCanvas(columns, rows);
  canvas.getContext("2d").putImageData(image, 0, 0);
  return canvas;
}

/** The smallest and largest log(value − offset) of the grid: the two ends of the colour scale. */
export function logRange(ground) {
  let low = Infinity;
  let high = -Infinity;
  for (const row of ground.values) {
    for (const value of row) {
      if (value === null) continue;
      low = Math.min(low, Math.log(value - ground.offset));
      high = Math.max(high, Math.log(value - ground.offset));
    }
  }
  return high > low ? [low, high] : [low - 1, low + 1];
}

/** The colour map's colour for a share between 0 and 1. */
export function colourOf(colormap, share) {
  const index = Math.round(Math.min(1, Math.max(0, share)) * (colormap.length - 1));
  return colormap[index];
}

/**
 * Draws one frame: heat map, contours, minima, start and the run (or the race) up to `replay`.
 * The marks use theme.slice, colours chosen to read on every colour of the viridis map.
 */
export function drawSliceScene(ctx, view, theme, { ground, image, run, replay, start, pointer, raceColours = [] }) {
  const colours = theme.slice;
  const edges = (steps) => [steps[0] - (steps[1] - steps[0]) / 2, steps.at(-1) + (steps[1] - steps[0]) / 2];
  drawImageOver(ctx, view, image, edges(ground.stepsA), edges(ground.stepsB));
  drawContours(ctx, view, ground.contours, colours.contour);
  drawAxes(ctx, view, theme, { grid: false });
  const rimmed = { radius: 6, outline: colours.halo, labelHalo: colours.halo };
  const drawMinima = (labelOnly) => {
    for (const { a, b, label, kind } of ground.markers) {
      drawMarker(ctx, view, { x: a, y: b }, { color: kind === "lowest" ? colours.path : colours.local, label,
        labelOnly, ...rimmed });
    }
  };
  drawMinima(false);
  if (run?.runs) {
    run.runs.forEach((entrant, i) => drawRacer(ctx, view, entrant, replay, raceColours[i % raceColours.length], colours));
  } else if (run) {
    drawDescent(ctx, view, run, replay, colours);
  } else if (start) {
    drawMarker(ctx, view, { x: start.a, y: start.b }, {
      color: colours.current, label: "Start", radius: 5, outline: colours.path, labelHalo: colours.halo });
  }
  // The minima's names once more above the paths: a path never hides a label.
  if (run) drawMinima(true);
  if (pointer) {
    drawMarker(ctx, view, { x: pointer.a, y: pointer.b }, { color: colours.path, radius: 3, outline: colours.halo });
  }
}

// Contour lines come as flat [a0, b0, a1, b1, ...]; split into columns once per slice.
const contourColumns = new WeakMap();

function drawContours(ctx, view, contours, color) {
  if (!contourColumns.has(contours)) {
    contourColumns.set(contours, contours.flatMap(({ lines }) => lines.map((line) => [
      line.filter((_, i) => i % 2 === 0), line.filter((_, i) => i % 2 === 1)])));
  }
  ctx.save();
  clipToPlot(ctx, view);
  ctx.beginPath();
  for (const [as, bs] of contourColumns.get(contours)) tracePolyline(ctx, view, as, bs);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.restore();
}

/** One racer's path up to `upto` (or its end) in its own colour, with its current point ringed. */
function drawRacer(ctx, view, run, upto, color, colours) {
  const last = Math.min(upto, run.as.length - 1);
  // A light rim under each racer's line: the racers' colours are dark enough for the chart's paper.
  drawPath(ctx, view, run.as, run.bs, last, { color, halo: colours.path, width: 2.5, alpha: 1, dotRadius: 1.5, fade: false });
  drawMarker(ctx, view, { x: run.as[last], y: run.bs[last] }, { color, radius: 5, outline: colours.path });
}

/** The visited points up to `upto` as a light line with a dark halo, the start and the current point. */
function drawDescent(ctx, view, run, upto, colours) {
  drawPath(ctx, view, run.as, run.bs, upto, {
    color: colours.path, halo: colours.halo, width: 2, alpha: 1, dotRadius: 2, fade: false });
  drawMarker(ctx, view, { x: run.as[0], y: run.bs[0] }, { color: colours.path, radius: 4, outline: colours.halo });
  const current = { x: run.as[upto], y: run.bs[upto] };
  drawMarker(ctx, view, current, { color: colours.current, radius: 6, outline: colours.path });
}
