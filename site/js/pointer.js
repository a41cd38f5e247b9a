// Pointer and touch readout on a plot: reports the data x under the pointer.

/** Calls onMove(x) as the pointer moves over the canvas, and onMove(null) when it leaves. */
export function attachPointerReadout(canvas, { view, onMove, onClick }) {
  const xAt = (event) => {
    const box = canvas.getBoundingClientRect();
    const current = view();
    const px = event.clientX - box.left;
    if (px < current.left || px > current.right) return null;
    return current.xAt(px);
  };
  canvas.addEventListener("pointermove", (event) => onMove(xAt(event)));
  canvas.addEventListener("pointerdown", (event) => onMove(xAt(event)));
  // A finger lifted from a touch screen leaves its last reading in place.
  canvas.addEventListener("pointerleave", (event) => {
    if (event.pointerType === "mouse") onMove(null);
  });
  if (onClick) {
    canvas.addEventListener("click", (event) => {
      const x = xAt(event);
      if (x !== null) onClick(x);
    });
  }
}
