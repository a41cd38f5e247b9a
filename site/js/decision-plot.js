// Drawing of what the network answers: the plane shaded by its probability for
// "upper moon", and the 80 data points, the wrongly sorted ones ringed.
import { drawAxes, drawImageOver, drawMarker, fillCells, traceCircle } from "./plot.js";

/** Draws one frame: shading, the 0.5 boundary's neighbourhood, the data points, in theme.decision's colours. */
export function drawDecisionScene(ctx, view, theme, decision) {
  const { upper, lower, wrong } = theme.decision;
  const rows = decision.probabilities.length;
  const columns = decision.probabilities[0].length;
  const probability = (row, column) => decision.probabilities[row][column];
  // One pixel per cell, scaled up smoothly: no seams between cells.
  const cells = new OffscreenCanvas(columns, rows);
  fillCells(cells.getContext("2d"), { left: 0, top: 0, right: columns, bottom: rows }, rows, columns,
    (row, column) => (probability(row, column) > 0.5 ? upper : lower),
    // Pale where the network is unsure, strong where it is sure.
    (row, column) => 0.08 + 0.5 * Math.abs(probability(row, column) - 0.5));
  drawImageOver(ctx, view, cells, decision.x_range, decision.y_range);
  drawAxes(ctx, view, theme, { grid: false });
  decision.points.forEach(([x, y], i) => {
    const color = decision.labels[i] ? upper : lower;
    drawMarker(ctx, view, { x, y }, { color, radius: 4, outline: theme.markerOutline, outlineWidth: 1.5 });
    if (!decision.right[i]) {
      traceCircle(ctx, view.px(x), view.py(y), 7.5);
      ctx.lineWidth = 2;
      ctx.strokeStyle = wrong;
      ctx.stroke();
    }
  });
}
