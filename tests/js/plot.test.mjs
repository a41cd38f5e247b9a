// The drawing kit's pure helpers, against a context that records what it is asked to do.
// Run by tests/test_plot.py (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";
import { cellAt, createView, fillCells, tracePolyline } from "../../site/js/plot.js";

function recordingContext() {
  const calls = [];
  const record = (name) => (...args) => calls.push([name, ...args]);
  return {
    calls,
    moveTo: record("moveTo"), lineTo: record("lineTo"), fillRect: record("fillRect"),
    save() {}, restore() {},
    set fillStyle(value) { calls.push(["fillStyle", value]); },
    set globalAlpha(value) { calls.push(["globalAlpha", value]); },
  };
}

// One data unit is one pixel: x from 48 (the left padding), y up from 104 (134 less the bottom padding).
const view = createView(162, 134, [0, 100], [0, 90]);

test("a polyline breaks at a null or non-finite value and goes on after it", () => {
  const ctx = recordingContext();
  tracePolyline(ctx, view, [0, 1, 2, 3, 4, 5], [0, 1, null, 3, Number.NaN, 5]);
  assert.deepEqual(ctx.calls.map(([name]) => name), ["moveTo", "lineTo", "moveTo", "moveTo"]);
  assert.deepEqual(ctx.calls[0], ["moveTo", 48, 104]);
  assert.deepEqual(ctx.calls[2], ["moveTo", 51, 101]);
});

test("a polyline stops at `upto`", () => {
  const ctx = recordingContext();
  tracePolyline(ctx, view, [0, 1, 2, 3], [0, 1, 2, 3], 1);
  assert.deepEqual(ctx.calls, [["moveTo", 48, 104], ["lineTo", 49, 103]]);
});

test("fillCells puts row 0 at the bottom, and cellAt finds every cell again", () => {
  const ctx = recordingContext();
  const rect = { left: 10, top: 20, right: 70, bottom: 50 };
  fillCells(ctx, rect, 3, 4, (row, column) => `cell ${row} ${column}`, (row) => row / 2);
  const cells = [];
  let style = null;
  let alpha = null;
  for (const [name, ...args] of ctx.calls) {
    if (name === "fillStyle") style = args[0];
    else if (name === "globalAlpha") alpha = args[0];
    else cells.push({ style, alpha, rect: args });
  }
  assert.equal(cells.length, 12);
  assert.deepEqual(cells[0], { style: "cell 0 0", alpha: 0, rect: [10, 40, 15, 10] });
  for (const { style: name, rect: [x, y, width, height] } of cells) {
    const { row, column } = cellAt(rect, 3, 4, x + width / 2, y + height / 2);
    assert.equal(name, `cell ${row} ${column}`);
  }
});

test("cellAt keeps the far edges in the last cells and says null outside", () => {
  const rect = { left: 0, top: 0, right: 40, bottom: 30 };
  assert.deepEqual(cellAt(rect, 3, 4, 40, 0), { row: 2, column: 3 });
  assert.deepEqual(cellAt(rect, 3, 4, 0, 30), { row: 0, column: 0 });
  assert.equal(cellAt(rect, 3, 4, -1, 10), null);
  assert.equal(cellAt(rect, 3, 4, 10, 31), null);
});
