// A short text that describes an element (a plot, a code view), placed right after it
// and linked by aria-describedby: screen readers read it with the element's name.

/** The element's description <p> (id `${element.id}-${suffix}`), made the first time with `className`. */
export function descriptionOf(element, { suffix = "description", className = "visually-hidden" } = {}) {
  const id = `${element.id}-${suffix}`;
  let description = document.getElementById(id);
  if (!description) {
    description = Object.assign(document.createElement("p"), { id, className });
    element.after(description);
    element.setAttribute("aria-describedby", id);
  }
  return description;
}

/** Sets the text that describes `canvas`: what the plot shows now, in words (visually hidden). */
export function describeCanvas(canvas, text) {
  descriptionOf(canvas).textContent = text;
}
