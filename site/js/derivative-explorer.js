// The derivative explorer of the functions page: a point on the curve, the secant through x
// and x + h that turns into the tangent as h shrinks, and f′ drawn under f. Every slope is
// Python's (calculus.secant_slope and calculus.derivative, through the worker).
import * as python from "./python-client.js";
import { fitCanvas, frameScheduler, plotTheme } from "./canvas.js";
import { fixed } from "./format.js";
import { derivativeViews, drawFunctionScene, drawSlopeScene } from "./derivative-plot.js";
import { explainCurve, explainPoint } from "./derivative-text.js";

// The step h on a log scale, one notch per 1, 2, 5, from 5 down to 0.0001.
export const STEPS = [5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001];
const X_RANGE = [-10, 10];

const byId = (id) => document.getElementById(id);

/** Wires the explorer; returns {show(name)}, called with the function picked on the page. */
export function createDerivativeExplorer({ notify }) {
  const xSlider = byId("derivative-x");
  const hSlider = byId("derivative-h");
  const canvases = { function: byId("derivative-function-plot"), slope: byId("derivative-slope-plot") };
  const latestCurve = python.latest();
  const latestSecant = python.latest();
  const render = frameScheduler(draw);
  let name = null;
  let curve = null;
  let secant = null;

  const x = () => Number(xSlider.value);
  const h = () => STEPS[Number(hSlider.value)];

  function setEnabled(enabled) {
    xSlider.disabled = hSlider.disabled = !enabled;
    byId("derivative-hint").hidden = enabled;
  }

  function draw() {
    if (!curve) return;
    const theme = plotTheme(canvases.function);
    const scene = { curve, secant, name: curve.name };
    for (const [kind, drawScene] of [["function", drawFunctionScene], ["slope", drawSlopeScene]]) {
      const { ctx, width, height } = fitCanvas(canvases[kind]);
      drawScene(ctx, derivativeViews(curve, width, height)[kind], theme, scene);
    }
  }

  /** Shows Python's answer for the point: readouts, the sentence under them, the plots' names. */
  function showPoint() {
    const text = explainPoint(curve.name, secant);
    byId("derivative-y").value = text.y;
    byId("derivative-secant").value = text.secant;
    byId("derivative-value").value = text.derivative;
    byId("derivative-summary").textContent = text.summary;
    canvases.function.setAttribute("aria-label", text.functionPlot);
    canvases.slope.setAttribute("aria-label", text.slopePlot);
    render();
  }

  /** Asks Python for the secant through x and x + h and the derivative at x. */
  async function askPoint() {
    if (!curve) return;
    const asked = curve;
    try {
      const answer = await latestSecant("secant", { function: asked.name, x: x(), h: h() });
      if (asked !== curve) return;
      secant = answer;
    } catch (error) {
      if (python.isSuperseded(error)) return;
      byId("derivative-summary").textContent = `Python could not work out this secant: ${error.message}`;
      return;
    }
    showPoint();
  }

  async function show(functionName) {
    name = functionName;
    if (!python.isReady()) {
      setEnabled(false);
      return;
    }
    try {
      const answer = await latestCurve("derivative_curve", { function: functionName });
      if (answer.name !== name) return;
      curve = answer;
    } catch (error) {
      if (!python.isSuperseded(error)) notify(`Could not compute the derivative of ${functionName}: ${error.message}`);
      return;
    }
    setEnabled(true);
    const answers = explainCurve(curve);
    byId("derivative-answers").replaceChildren(...answers.map((text) => Object.assign(document.createElement("li"),
      { textContent: text })));
    secant = null;
    render();
    await askPoint();
  }

  xSlider.addEventListener("input", () => {
    xSlider.setAttribute("aria-valuetext", `x = ${fixed(x(), 2)}`);
    askPoint();
  });
  hSlider.addEventListener("input", () => {
    hSlider.setAttribute("aria-valuetext", `h = ${h()}`);
    askPoint();
  });

  // Dragging along either plot moves the point; a vertical swipe still scrolls the page on a phone.
  for (const canvas of Object.values(canvases)) {
    const moveTo = (event) => {
      const box = canvas.getBoundingClientRect();
      const view = derivativeViews(curve, box.width, box.height).function;
      const at = Math.min(X_RANGE[1], Math.max(X_RANGE[0], view.xAt(event.clientX - box.left)));
      xSlider.value = String(Math.round(at * 100) / 100);
      xSlider.dispatchEvent(new Event("input"));
    };
    canvas.addEventListener("pointerdown", (event) => {
      if (!curve || xSlider.disabled) return;
      canvas.setPointerCapture(event.pointerId);
      moveTo(event);
    });
    canvas.addEventListener("pointermove", (event) => {
      if (canvas.hasPointerCapture(event.pointerId)) moveTo(event);
    });
    new ResizeObserver(render).observe(canvas);
  }

  return { show };
}
