// Downloads: the plot as a PNG picture and a run as a CSV table, made in the page.

/** Offers `blob` as a file called `name`. */
export function download(blob, name) {
  const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(blob), download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** The canvas as it is drawn now, at its full (high-density) resolution. */
export function downloadCanvas(canvas, name) {
  canvas.toBlob((blob) => download(blob, name), "image/png");
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
