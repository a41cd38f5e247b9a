// A legend drawn on a plot: a swatch and a line of text per entry, on a panel of the
// page's surface colour in the plot's lower right corner, so that a saved picture names
// what it shows too.

const LINE_HEIGHT = 17;
const PADDING = 6;
const SWATCH = 10;

/** Draws entries [{color, text}] in a box at the lower right of the view's plot area. */
export function drawLegend(ctx, view, theme, entries, { corner = "bottom-right" } = {}) {
  if (!entries.length) return;
  ctx.save();
  ctx.font = "12px system-ui, sans-serif";
  const available = view.right - view.left - 2 * PADDING - SWATCH - 6;
  const texts = entries.map(({ text }) => fitText(ctx, text, available - 2 * PADDING));
  const width = Math.min(view.right - view.left - 8,
    2 * PADDING + SWATCH + 6 + Math.max(...texts.map((text) => ctx.measureText(text).width)));
  const height = 2 * PADDING + entries.length * LINE_HEIGHT - 4;
  const left = corner.endsWith("left") ? view.left + 4 : view.right - width - 4;
  const top = corner.startsWith("top") ? view.top + 4 : view.bottom - height - 4;
  ctx.globalAlpha = 0.9;
  ctx.fillStyle = theme.markerOutline;
  ctx.fillRect(left, top, width, height);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = theme.grid;
  ctx.strokeRect(left + 0.5, top + 0.5, width - 1, height - 1);
  ctx.textBaseline = "middle";
  entries.forEach(({ color }, i) => {
    const y = top + PADDING + i * LINE_HEIGHT + (LINE_HEIGHT - 4) / 2;
    ctx.fillStyle = color;
    ctx.fillRect(left + PADDING, y - SWATCH / 2, SWATCH, SWATCH);
    ctx.fillStyle = theme.muted;
    ctx.fillText(texts[i], left + PADDING + SWATCH + 6, y);
  });
  ctx.restore();
}

/** The text, shortened with "…" until it fits in `width` pixels. */
function fitText(ctx, text, width) {
  if (ctx.measureText(text).width <= width) return text;
  let shorter = text;
  while (shorter.length > 1 && ctx.measureText(`${shorter}…`).width > width) shorter = shorter.slice(0, -1);
  return `${shorter}…`;
}
