// Drawing of what the network answers: the plane shaded by its probability for
// "upper moon", and the 80 data points, the wrongly sorted ones ringed.
import { drawAxes } from "./plot.js";

const UPPER = [47, 91, 211];
const LOWER = [232, 89, 12];
const WRONG = "#c92a2a";

/** Draws one frame: shading, the 0.5 boundary's neighbourhood, the data points. */
export function drawDecisionScene(ctx, view, theme, decision) {
  const rows = decision.probabilities.length;
  const columns = decision.probabilities[0].length;
  const [x0, x1] = decision.x_range;
  const [y0, y1] = decision.y_range;
  // One pixel per cell, scaled up smoothly: no seams between cells.
  const image = new ImageData(columns, rows);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const probability = decision.probabilities[rows - 1 - row][column];
      // Pale where the network is unsure, strong where it is sure.
      const alpha = Math.round(255 * (0.08 + 0.5 * Math.abs(probability - 0.5)));
      image.data.set([...(probability > 0.5 ? UPPER : LOWER), alpha], 4 * (row * columns + column));
    }
  }
  const cells = new OffscreenCanvas(columns, rows);
  cells.getContext("2d").putImageData(image, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(cells, view.px(x0), view.py(y1), view.px(x1) - view.px(x0), view.py(y0) - view.py(y1));
  ctx.restore();
  drawAxes(ctx, view, { ...theme, grid: "transparent" });
  decision.points.forEach(([x, y], i) => {
    const [r, g, b] = decision.labels[i] ? UPPER : LOWER;
    ctx.beginPath();
    ctx.arc(view.px(x), view.py(y), 4, 0, Math.PI * 2);
    ctx.fillStyle = `rgb(${r}, ${g}, ${b})`;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = theme.markerOutline;
    ctx.stroke();
    if (!decision.right[i]) {
      ctx.beginPath();
      ctx.arc(view.px(x), view.py(y), 7.5, 0, Math.PI * 2);
      ctx.lineWidth = 2;
      ctx.strokeStyle = WRONG;
      ctx.stroke();
    }
  });
}
