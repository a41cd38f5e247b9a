// The Function Visualizer page: pick a function, see its curve, its range,
// its documentation and its Python source.
import * as python from "./python-client.js";
import { fitCanvas, frameScheduler, plotTheme } from "./canvas.js";
import { createView, drawAxes, drawCurve, drawMarker, yRangeOf, nearestIndex } from "./plot.js";
import { fixed, pointText } from "./format.js";
import { state, update } from "./state.js";
import { attachPointer } from "./pointer.js";
import { markOnce } from "./marks.js";
import { createDerivativeExplorer } from "./derivative-explorer.js";

/** A docstring without its ">>>" examples, which the source listing shows anyway. */
function withoutExamples(doc) {
  return doc.split(/\n\s*\n/).filter((paragraph) => !paragraph.trimStart().startsWith(">>>")).join("\n\n");
}

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
    document.getElementById("function-doc").textContent = withoutExamples(described?.doc ?? "");
  }

  function showRange() {
    minimum.value = curve?.min ? pointText(curve.min, 2) : "undefined everywhere";
    maximum.value = curve?.max ? pointText(curve.max, 2) : "undefined everywhere";
    canvas.setAttribute("aria-label", `Plot of ${state.function}(x) for x from −10 to 10`
      + (curve?.min ? `, from a minimum of ${fixed(curve.min.y, 2)} to a maximum of ${fixed(curve.max.y, 2)}`
        : ", undefined everywhere"));
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
    if (pointerX !== null) {
      const y = valueAt(pointerX);
      if (y !== null) drawMarker(ctx, view, { x: pointerX, y }, { color: theme.current, radius: 5, outline: theme.markerOutline });
    }
    return view;
  }

  function valueAt(x) {
    return curve.ys[nearestIndex(curve.xs, x)];
  }

  attachPointer(canvas, {
    // Only x matters to the readout; it must map pixels exactly as draw() does.
    view: () => createView(canvas.clientWidth, canvas.clientHeight, [curve.xs[0], curve.xs.at(-1)], [0, 1]),
    onMove(point) {
      const x = point?.x ?? null;
      pointerX = x;
      if (x === null) {
        pointer.value = "Point at the plot to read x and f(x).";
      } else {
        const y = valueAt(x);
        pointer.value = `x = ${fixed(x, 2)}, f(x) = ${y === null ? "undefined here" : fixed(y, 3)}`;
      }
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
