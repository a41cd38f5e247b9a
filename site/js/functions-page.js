// The Function Visualizer page: pick a function, see its curve, its range,
// its documentation and its Python source.
import * as python from "./python-client.js";
import { fitCanvas, frameScheduler, plotTheme } from "./canvas.js";
import { createView, drawAxes, drawCurve, drawMarker, yRangeOf, nearestIndex } from "./plot.js";
import { extremeText, fixed, sampleX } from "./format.js";
import { state, update } from "./state.js";
import { attachPointer } from "./pointer.js";
import { markOnce } from "./marks.js";
import { renderDocstring } from "./docstring.js";
import { describeCanvas } from "./described.js";
import { createDerivativeExplorer } from "./derivative-explorer.js";


/** Builds the page's controls and returns {show(), setCatalog(), pythonReady()} for the router. */
export function createFunctionsPage({ data, notify }) {
  const select = document.getElementById("function-select");
  const canvas = document.getElementById("function-plot");
  const minimum = document.getElementById("function-min");
  const maximum = document.getElementById("function-max");
  const pointer = document.getElementById("function-pointer");
  let curve = data.samples[state.function];
  let pointerX = null;
  const latestSample = python.latest();
  const explorer = createDerivativeExplorer({ notify });

  const render = frameScheduler(draw);

  function fillPicker() {
    select.replaceChildren(...state.catalog.functions.map(({ name }) => new Option(name, name)));
    select.value = state.function;
  }

  function showDescription() {
    const described = state.catalog.functions.find(({ name }) => name === state.function);
    renderDocstring(document.getElementById("function-doc"), described?.doc ?? "");
  }

  function showRange() {
    minimum.value = extremeText(curve?.min, "min");
    maximum.value = extremeText(curve?.max, "max");
    canvas.setAttribute("aria-label", `Plot of ${state.function}(x) for x from −10 to 10`);
    describeCanvas(canvas, curve?.min ? `The curve of ${curve.name}(x). Minimum: ${minimum.value}. `
      + `Maximum: ${maximum.value}.` : `${curve?.name ?? state.function}(x) is undefined everywhere from −10 to 10.`);
  }

  /** The sample under the pointer: its x and f(x) are read and drawn together, never apart. */
  function pointed() {
    if (pointerX === null || !curve) return null;
    const i = nearestIndex(curve.xs, pointerX);
    return { x: curve.xs[i], y: curve.ys[i] };
  }

  function showPointer() {
    const point = pointed();
    if (point === null) {
      pointer.value = "Point at the plot to read x and f(x).";
    } else if (curve.name !== state.function) {
      pointer.value = `Computing ${state.function}…`;
    } else {
      pointer.value = `x = ${sampleX(point.x)}, f(x) = ${point.y === null ? "undefined here" : fixed(point.y, 3)}`;
    }
  }

  function draw() {
    const { ctx, width, height } = fitCanvas(canvas);
    if (!curve) return;
    const theme = plotTheme(canvas);
    const xs = curve.xs;
    const view = createView(width, height, [xs[0], xs[xs.length - 1]], yRangeOf(curve.ys));
    drawAxes(ctx, view, theme);
    drawCurve(ctx, view, xs, curve.ys, { color: theme.curve });
    markOnce("first-plot");
    const point = pointed();
    if (point?.y !== null && point !== null) {
      drawMarker(ctx, view, point, { color: theme.current, radius: 5, outline: theme.markerOutline });
    }
    return view;
  }

  attachPointer(canvas, {
    // Only x matters to the readout; it must map pixels exactly as draw() does.
    view: () => createView(canvas.clientWidth, canvas.clientHeight, [curve.xs[0], curve.xs.at(-1)], [0, 1]),
    onMove(point) {
      pointerX = point?.x ?? null;
      showPointer();
      render();
    },
  });

  async function loadCurve() {
    const name = state.function;
    explorer.show(name);
    if (data.samples[name] && !python.isReady()) {
      latestSample.cancel();
      curve = data.samples[name];
    } else {
      try {
        curve = await latestSample("sample", { function: name });
      } catch (error) {
        if (!python.isSuperseded(error)) notify(`Could not compute ${name}: ${error.message}`);
        return;
      }
    }
    showRange();
    showPointer();
    render();
  }

  function show() {
    if (!state.catalog.functions.some(({ name }) => name === state.function)) {
      update({ function: state.catalog.functions[0].name });
    }
    fillPicker();
    showDescription();
    return loadCurve();
  }

  select.addEventListener("change", () => {
    update({ function: select.value });
    showDescription();
    showPointer();
    loadCurve();
  });
  new ResizeObserver(render).observe(canvas);

  return {
    /** The functions changed (a learner applied an edit): refill the picker and redraw. */
    setCatalog: show,
    show,
    /** Python became ready, with the live catalog in the state: take over with live results. */
    pythonReady: show,
  };
}
