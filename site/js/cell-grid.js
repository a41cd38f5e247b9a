// A canvas of cells the learner can use with a mouse, a finger or the keyboard: the
// cell under the pointer or the keyboard's cursor is read out in words, arrow keys
// move the cursor, Enter or a click chooses the cell.
import { cellAt } from "./plot.js";

/**
 * Wires `canvas`; grid() gives {area, rows, columns} as drawn now (or null: nothing to use),
 * describe(cell) the words for a cell, onPick(cell) chooses it, redraw() draws the cursor.
 * Returns {cursor(), reset(), readout}.
 */
export function attachCellGrid(canvas, { grid, describe, onPick, redraw, hint, start }) {
  const readout = Object.assign(document.createElement("p"), { id: `${canvas.id}-readout`, className: "small cell-readout" });
  readout.setAttribute("aria-live", "polite");
  readout.textContent = hint;
  canvas.after(readout);
  readout.hidden = canvas.hidden;
  // Arrow keys reach the page in a screen reader's browse mode only in an application.
  canvas.setAttribute("role", "application");
  canvas.tabIndex = 0;
  let cursor = null;

  const show = (cell) => {
    readout.textContent = cell ? describe(cell) : hint;
  };

  function moveTo(cell) {
    const { rows, columns } = grid();
    cursor = { row: Math.min(rows - 1, Math.max(0, cell.row)), column: Math.min(columns - 1, Math.max(0, cell.column)) };
    show(cursor);
    redraw();
  }

  const cellOf = (event) => {
    const current = grid();
    if (!current) return null;
    const box = canvas.getBoundingClientRect();
    return cellAt(current.area, current.rows, current.columns, event.clientX - box.left, event.clientY - box.top);
  };

  canvas.addEventListener("pointermove", (event) => show(cellOf(event)));
  canvas.addEventListener("pointerleave", () => show(document.activeElement === canvas ? cursor : null));
  canvas.addEventListener("click", (event) => {
    const cell = cellOf(event);
    if (cell) {
      cursor = cell;
      onPick(cell);
    }
  });
  canvas.addEventListener("focus", () => {
    if (!grid()) return;
    moveTo(cursor ?? start());
  });
  canvas.addEventListener("blur", redraw);
  canvas.addEventListener("keydown", (event) => {
    if (!grid() || !cursor) return;
    const { columns } = grid();
    const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [1, 0], ArrowDown: [-1, 0],
      PageUp: [0, 10], PageDown: [0, -10], Home: [0, -columns], End: [0, columns] };
    if (moves[event.key]) {
      const [rows, cols] = moves[event.key];
      moveTo({ row: cursor.row + rows, column: cursor.column + cols });
    } else if (event.key === "Enter" || event.key === " ") {
      onPick(cursor);
    } else {
      return;
    }
    event.preventDefault();
  });

  return {
    /** The keyboard's cell while the canvas has the focus, else null. */
    cursor: () => (document.activeElement === canvas ? cursor : null),
    /** New data: the cursor starts again where start() says, and the readout says the hint. */
    reset() {
      cursor = null;
      readout.hidden = canvas.hidden;
      show(null);
    },
    readout,
  };
}
