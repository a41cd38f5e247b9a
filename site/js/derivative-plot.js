// Drawing of the derivative explorer: f with the secant through x and x + h and the tangent at x,
// and under it f′ with the point's derivative and the secant's slope. Pure functions of their data.
import { clipToPlot, createView, drawAxes, drawCurve, drawMarker, drawTangent, yRangeOf } from "./plot.js";

/** The views of the two plots: x over the curve's range, y over f's values or f′'s. */
export function derivativeViews(curve, width, height) {
  const xRange = [curve.xs[0], curve.xs.at(-1)];
  return {
    function: createView(width, height, xRange, yRangeOf(curve.ys)),
    slope: createView(width, height, xRange, yRangeOf(curve.slopes)),
  };
}

function drawAxisNames(ctx, view, theme, yName) {
  ctx.save();
  ctx.font = "italic 13px system-ui, sans-serif";
  ctx.fillStyle = theme.muted;
  ctx.textBaseline = "top";
  ctx.textAlign = "left";
  ctx.fillText(yName, view.left + 6, view.top + 2);
  ctx.textAlign = "right";
  ctx.textBaseline = "bottom";
  ctx.fillText("x", view.right - 4, view.bottom - 4);
  ctx.restore();
}

// A thin dashed line up and down the plot at x, joining the point in both plots.
function drawGuide(ctx, view, x, color) {
  ctx.save();
  clipToPlot(ctx, view);
  ctx.strokeStyle = color;
  ctx.setLineDash([2, 4]);
  ctx.beginPath();
  ctx.moveTo(view.px(x), view.top);
  ctx.lineTo(view.px(x), view.bottom);
  ctx.stroke();
  ctx.restore();
}

// The whole straight line through (x, y) with this slope, solid, across the plot.
function drawLineThrough(ctx, view, { x, y }, slope, color) {
  ctx.save();
  clipToPlot(ctx, view);
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(view.px(view.xMin), view.py(y + slope * (view.xMin - x)));
  ctx.lineTo(view.px(view.xMax), view.py(y + slope * (view.xMax - x)));
  ctx.stroke();
  ctx.restore();
}

/** The top plot: f, and at the point the secant (solid) and the tangent (dashed). */
export function drawFunctionScene(ctx, view, theme, { curve, secant, name }) {
  drawAxes(ctx, view, theme);
  drawAxisNames(ctx, view, theme, `${name}(x)`);
  drawCurve(ctx, view, curve.xs, curve.ys, { color: theme.curve });
  if (!secant) return;
  drawGuide(ctx, view, secant.x, theme.muted);
  const outline = theme.markerOutline;
  const point = { x: secant.x, y: secant.y };
  if (secant.secant !== null) {
    drawLineThrough(ctx, view, point, secant.secant, theme.path);
    drawMarker(ctx, view, { x: secant.x + secant.h, y: secant.y_after }, { color: theme.path, radius: 5, outline });
  }
  if (secant.derivative !== null) {
    drawTangent(ctx, view, point, secant.derivative, { color: theme.current, reach: view.xMax - view.xMin });
  }
  if (secant.y !== null) drawMarker(ctx, view, point, { color: theme.current, radius: 6, outline });
}

/** The bottom plot: f′, the derivative at the point (dot) and the secant's slope (ring). */
export function drawSlopeScene(ctx, view, theme, { curve, secant, name }) {
  drawAxes(ctx, view, theme);
  drawAxisNames(ctx, view, theme, `${name}′(x)`);
  drawCurve(ctx, view, curve.xs, curve.slopes, { color: theme.current });
  if (!secant) return;
  drawGuide(ctx, view, secant.x, theme.muted);
  if (secant.secant !== null) {
    drawMarker(ctx, view, { x: secant.x, y: secant.secant }, { color: theme.markerOutline, radius: 6,
      outline: theme.path, outlineWidth: 3 });
  }
  if (secant.derivative !== null) {
    drawMarker(ctx, view, { x: secant.x, y: secant.derivative }, { color: theme.current, radius: 4,
      outline: theme.markerOutline });
  }
}
