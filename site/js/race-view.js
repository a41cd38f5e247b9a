// Under the network page's map: the Race ticks, the racers' legend, the loss-per-step
// chart (log scale, a marker at the replayed step) and the words a screen reader speaks.
import { fitCanvas, frameScheduler, plotTheme } from "./canvas.js";
import { NETWORK, state } from "./state.js";
import { drawLossChart } from "./loss-chart.js";
import { buildRaceChoices, legendItems, raceColours, significant } from "./race.js";

const byId = (id) => document.getElementById(id);
const IDLE_TEXT = "Train, or race, to see the loss step by step.";

/** Wires the race's part of the page; onChoice() follows a change of the ticked optimizers. */
export function createRaceView({ onChoice }) {
  const chart = byId("loss-chart");
  const legend = byId("race-legend");
  const summary = byId("race-summary");
  const renderChart = frameScheduler(drawChart);
  let shown = null;
  let replay = 0;
  let ground = null;

  /** The height's name on the chart's axis: the loss, f, or f shifted when a surface goes below 0. */
  function yTitle() {
    if (ground.name === NETWORK) return "loss (log scale)";
    return chartOffset() < 0 ? `f(a, b) − (${significant(chartOffset())}) (log scale)` : "f(a, b) (log scale)";
  }

  const chartOffset = () => Math.min(0, ground.lowest);

  function lines(run) {
    const colours = raceColours(chart);
    return run.runs ? run.runs.map(({ losses }, i) => ({ values: losses, color: colours[i % colours.length] }))
      : [{ values: run.losses, color: plotTheme(chart).path }];
  }

  function drawChart() {
    const { ctx, width, height } = fitCanvas(chart);
    if (!shown) return;
    drawLossChart(ctx, width, height, plotTheme(chart), {
      lines: lines(shown), offset: chartOffset(), replay, target: shown.target ?? null, yTitle: yTitle() });
  }

  new ResizeObserver(renderChart).observe(chart);

  return {
    /** True when two or more optimizers are ticked: a run is then a race. */
    racing: () => state.race.length >= 2,
    /** The catalog changed: the ticks follow its optimizers. */
    refresh: () => buildRaceChoices(byId("race-choices"), onChoice),
    /** A run or race arrived on `on` (the ground it ran on). */
    showRun(run, on) {
      shown = run;
      ground = on;
      legend.hidden = !run.runs;
      legend.replaceChildren(...(run.runs ? legendItems(run, raceColours(chart)) : []));
      const last = significant(run.losses?.at(-1));
      summary.textContent = run.runs ? run.summary : run.outcome.kind === "diverged"
        ? `${run.optimizer} diverged at step ${run.outcome.step}; before that: ${last}.`
        : `After ${run.as.length - 1} steps: ${run.optimizer} ${last}.`;
    },
    /** The replay moved to step i; `text` says what every line shows there. */
    showStep(i, text) {
      replay = i;
      chart.setAttribute("aria-label", `${yTitle()} per step; ${text}`);
      renderChart();
    },
    forget() {
      shown = null;
      legend.hidden = true;
      summary.textContent = IDLE_TEXT;
      chart.setAttribute("aria-label", "Loss per step: train the network to see it");
      renderChart();
    },
    colours: () => raceColours(chart),
  };
}
