// Drawing of the network's loss slice: a heat map of the loss over (a, b) with
// contour lines, its minima, and a descent replayed up to one iteration.
import { drawAxes, drawMarker } from "./plot.js";

// Colours that stay readable on every colour of the viridis map, light theme or dark.
const PATH = "#ffffff";
const HALO = "rgba(20, 16, 40, 0.85)";
const CURRENT = "#ff4f8b";
const LOCAL = "#ff9f1c";

/** An 81 x 81 image of the loss (log scale, viridis), drawn once and then scaled onto the plot. */
export function lossImage(slice) {
  const size = slice.steps.length;
  const image = new ImageData(size, size);
  const [low, high] = logRange(slice);
  for (let row = 0; row < size; row++) {
    // Rows of the grid go up in b; rows of an image go down.
    const values = slice.loss[size - 1 - row];
    for (let column = 0; column < size; column++) {
      const colour = colourOf(slice.colormap, (Math.log(values[column]) - low) / (high - low));
      image.data.set([...colour, 255], 4 * (row * size + column));
    }
  }
  const canvas = new OffscreenCanvas(size, size);
  canvas.getContext("2d").putImageData(image, 0, 0);
  return canvas;
}

/** The smallest and largest log(loss) of the grid: the two ends of the colour scale. */
export function logRange(slice) {
  let low = Infinity;
  let high = -Infinity;
  for (const row of slice.loss) {
    for (const value of row) {
      low = Math.min(low, Math.log(value));
      high = Math.max(high, Math.log(value));
    }
  }
  return [low, high];
}

/** The colour map's colour for a share between 0 and 1. */
export function colourOf(colormap, share) {
  const index = Math.round(Math.min(1, Math.max(0, share)) * (colormap.length - 1));
  return colormap[index];
}

/** Draws one frame: heat map, contours, minima, start and the run up to `replay`. */
export function drawSliceScene(ctx, view, theme, { slice, image, run, replay, start, pointer }) {
  const half = (slice.steps[1] - slice.steps[0]) / 2;
  ctx.save();
  ctx.beginPath();
  ctx.rect(view.left, view.top, view.right - view.left, view.bottom - view.top);
  ctx.clip();
  ctx.imageSmoothingEnabled = true;
  const x0 = view.px(slice.steps[0] - half);
  const y0 = view.py(slice.steps.at(-1) + half);
  ctx.drawImage(image, x0, y0, view.px(slice.steps.at(-1) + half) - x0, view.py(slice.steps[0] - half) - y0);
  drawContours(ctx, view, slice.contours);
  ctx.restore();
  drawAxes(ctx, view, { ...theme, grid: "transparent" });
  drawMarker(ctx, view, { x: 0, y: 0 }, { color: PATH, label: "Trained network", radius: 6, outline: HALO, labelHalo: HALO });
  for (const minimum of slice.local_minima) {
    drawMarker(ctx, view, { x: minimum.a, y: minimum.b }, { color: LOCAL, label: "Local minimum", radius: 6, outline: HALO, labelHalo: HALO });
  }
  if (run) {
    drawDescent(ctx, view, run, replay);
  } else if (start) {
    drawMarker(ctx, view, { x: start.a, y: start.b }, { color: CURRENT, label: "Start", radius: 5, outline: PATH, labelHalo: HALO });
  }
  if (pointer) drawMarker(ctx, view, { x: pointer.a, y: pointer.b }, { color: PATH, radius: 3, outline: HALO });
}

function drawContours(ctx, view, contours) {
  ctx.strokeStyle = "rgba(255, 255, 255, 0.45)";
  ctx.lineWidth = 1;
  for (const { lines } of contours) {
    for (const line of lines) {
      ctx.beginPath();
      for (let i = 0; i < line.length; i += 2) {
        const px = view.px(line[i]);
        const py = view.py(line[i + 1]);
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
      ctx.stroke();
    }
  }
}

/** The visited points up to `upto` as a white line with a dark halo, and the current point. */
function drawDescent(ctx, view, run, upto) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(view.left, view.top, view.right - view.left, view.bottom - view.top);
  ctx.clip();
  ctx.lineJoin = "round";
  ctx.beginPath();
  for (let i = 0; i <= upto && i < run.as.length; i++) {
    const px = view.px(run.as[i]);
    const py = view.py(run.bs[i]);
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  for (const [color, width] of [[HALO, 4], [PATH, 2]]) {
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.stroke();
  }
  ctx.fillStyle = PATH;
  for (let i = 0; i < upto && i < run.as.length; i++) {
    ctx.beginPath();
    ctx.arc(view.px(run.as[i]), view.py(run.bs[i]), 2, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.restore();
  drawMarker(ctx, view, { x: run.as[0], y: run.bs[0] }, { color: PATH, radius: 4, outline: HALO });
  drawMarker(ctx, view, { x: run.as[upto], y: run.bs[upto] }, { color: CURRENT, radius: 6, outline: PATH });
}
