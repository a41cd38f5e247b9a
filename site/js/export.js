// Downloads: the plot as a PNG picture and a run as a CSV table, made in the page.

const CAPTION_FONT = "13px system-ui, sans-serif";
const TITLE_FONT = "600 16px system-ui, sans-serif";
const LINE_HEIGHT = 19;
const MARGIN = 12;

/** Offers `blob` as a file called `name`. */
export function download(blob, name) {
  const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(blob), download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/**
 * The canvas as it is drawn now, at its full (high-density) resolution; with a caption
 * {title, lines, legend: [{color, text}], background, color}, the title and lines go above
 * the plot and the legend below it, so the picture says what it shows on its own.
 */
export function downloadCanvas(canvas, name, caption = null) {
  const picture = caption ? withCaption(canvas, caption) : canvas;
  picture.toBlob((blob) => download(blob, name), "image/png");
}

/** A new canvas: the caption's title and lines, the plot, then its legend. */
export function withCaption(canvas, { title, lines = [], legend = [], background, color }) {
  const ratio = canvas.width / Math.max(1, canvas.getBoundingClientRect().width || canvas.width);
  const width = canvas.width / ratio;
  const above = MARGIN + 22 + lines.length * LINE_HEIGHT;
  const below = legend.length * LINE_HEIGHT + MARGIN;
  const picture = document.createElement("canvas");
  picture.width = canvas.width;
  picture.height = Math.round(canvas.height + (above + below) * ratio);
  const ctx = picture.getContext("2d");
  ctx.scale(ratio, ratio);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, picture.height / ratio);
  ctx.textBaseline = "top";
  ctx.fillStyle = color;
  ctx.font = TITLE_FONT;
  ctx.fillText(title, MARGIN, MARGIN, width - 2 * MARGIN);
  ctx.font = CAPTION_FONT;
  lines.forEach((line, i) => ctx.fillText(line, MARGIN, MARGIN + 22 + i * LINE_HEIGHT, width - 2 * MARGIN));
  ctx.drawImage(canvas, 0, above, width, canvas.height / ratio);
  const legendTop = above + canvas.height / ratio;
  legend.forEach((entry, i) => {
    const y = legendTop + i * LINE_HEIGHT + 4;
    ctx.fillStyle = entry.color;
    ctx.fillRect(MARGIN, y + 2, 11, 11);
    ctx.fillStyle = color;
    ctx.fillText(entry.text, MARGIN + 18, y, width - MARGIN - 18 - MARGIN);
  });
  return picture;
}

/** One row per iteration with full precision, for a spreadsheet or another program. */
export function runToCsv(run) {
  const rows = [["iteration", "x", "f_x", "slope", "step", "best_x", "best_f_x"]];
  run.xs.forEach((x, i) => {
    const cell = (value) => (value === null || value === undefined ? "" : String(value));
    rows.push([String(i), cell(x), cell(run.ys[i]), cell(run.slopes[i]), i === 0 ? "" : cell(x - run.xs[i - 1]),
      cell(run.best_xs[i]), cell(run.best_ys[i])]);
  });
  return `${rows.map((row) => row.join(",")).join("\n")}\n`;
}
