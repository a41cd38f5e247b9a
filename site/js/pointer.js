// Pointer and touch readout on a plot: reports the data point under the pointer.

/**
 * Calls onMove(point) as the pointer moves over the plot area and onMove(null) when it leaves;
 * onClick(point) on a click. A point is {x} on a 1-D plot and {x, y} on a 2-D one.
 */
export function attachPointer(canvas, { view, dimensions = 1, onMove, onClick }) {
  const pointAt = (event) => {
    const box = canvas.getBoundingClientRect();
    const current = view();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    if (px < current.left || px > current.right) return null;
    if (dimensions === 1) return { x: current.xAt(px) };
    if (py < current.top || py > current.bottom) return null;
    return { x: current.xAt(px), y: current.yAt(py) };
  };
  canvas.addEventListener("pointermove", (event) => onMove(pointAt(event)));
  canvas.addEventListener("pointerdown", (event) => onMove(pointAt(event)));
  // A finger lifted from a touch screen leaves its last reading in place.
  canvas.addEventListener("pointerleave", (event) => {
    if (event.pointerType === "mouse") onMove(null);
  });
  if (onClick) {
    // Chromium gives a click whole-pixel coordinates; the pointerdown before it has the exact ones
    // the readout showed, so the click starts there.
    let pressed = null;
    canvas.addEventListener("pointerdown", (event) => { pressed = pointAt(event); });
    canvas.addEventListener("click", (event) => {
      const point = pressed ?? pointAt(event);
      pressed = null;
      if (point !== null) onClick(point);
    });
  }
}
