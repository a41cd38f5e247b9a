// A short text description for a plot: what it shows now, in words, linked to the
// canvas by aria-describedby. Screen readers read it with the plot's name.

/** Sets the text that describes `canvas`, creating its (visually hidden) element the first time. */
export function describeCanvas(canvas, text) {
  const id = `${canvas.id}-description`;
  let description = document.getElementById(id);
  if (!description) {
    description = Object.assign(document.createElement("p"), { id, className: "visually-hidden" });
    canvas.after(description);
    canvas.setAttribute("aria-describedby", id);
  }
  description.textContent = text;
}
