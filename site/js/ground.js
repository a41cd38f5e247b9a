// The ground a descent walks on, in one shape for the map: the network's loss slice
// (computed at build time) or a test surface of surfaces.py (its map computed by Python).
import { NETWORK } from "./state.js";
import { nearestIndex } from "./plot.js";

// Two minima whose heights differ by less than this are equally low (as in surface_outcomes.py).
const EQUALLY_LOW = 1e-9;

/** The network's loss slice as a ground: its grid, contours, trained network and local minima. */
export function networkGround(slice) {
  return {
    name: NETWORK, valueName: "loss", stepsA: slice.steps, stepsB: slice.steps, values: slice.loss,
    offset: 0, lowest: slice.trained.loss, contours: slice.contours, colormap: slice.colormap,
    markers: [{ a: 0, b: 0, value: slice.trained.loss, label: "Trained network", kind: "lowest" },
      ...slice.local_minima.map(({ a, b, loss }) => ({ a, b, value: loss, label: "Local minimum", kind: "local" }))],
  };
}

/** A test surface's map from Python (surface_map) as a ground, coloured with the slice's colour map. */
export function surfaceGround(map, colormap) {
  return {
    name: map.name, valueName: "f", stepsA: map.steps_a, stepsB: map.steps_b, values: map.values,
    offset: map.offset, lowest: map.lowest, contours: [], colormap,
    markers: map.minima.map(({ a, b, value }) => (value - map.minima[0].value < EQUALLY_LOW
      ? { a, b, value, label: "Minimum", kind: "lowest" } : { a, b, value, label: "Local minimum", kind: "local" })),
  };
}

/** The height of the grid point nearest to (a, b), or null where the surface is undefined. */
export function valueAt(ground, a, b) {
  return ground.values[nearestIndex(ground.stepsB, b)][nearestIndex(ground.stepsA, a)];
}

/** The [min, max] of a and of b that the map shows. */
export function viewRanges(ground) {
  return [[ground.stepsA[0], ground.stepsA.at(-1)], [ground.stepsB[0], ground.stepsB.at(-1)]];
}

/** The value of a shade on the colour scale: shades are log(value − offset). */
export const valueOfShade = (ground, shade) => Math.exp(shade) + ground.offset;
