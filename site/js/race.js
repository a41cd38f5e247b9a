// A race on the network page: the optimizers the learner ticks run from the same start,
// each in its own colour; here are the ticks, the entrants, the legend and the words.
import { state, update } from "./state.js";

const RACE_COLOURS = 6;

/** A value with 4 significant digits, as Python's :.4g writes it (0.0014, 2.5e-24, 1234). */
export const significant = (value) => (Number.isFinite(value) ? String(Number(value.toPrecision(4))) : "undefined");

/** The racers' colours, from the page's CSS (--race-1 ... --race-6), so the dark theme applies. */
export function raceColours(element) {
  const style = getComputedStyle(element);
  return Array.from({ length: RACE_COLOURS }, (_, i) => style.getPropertyValue(`--race-${i + 1}`).trim());
}

/** Fills `group` with one checkbox per optimizer of the catalog, ticked as state.race says. */
export function buildRaceChoices(group, onChange) {
  const names = state.catalog.network_optimizers.map(({ name }) => name);
  update({ race: state.race.filter((name) => names.includes(name)) });
  group.replaceChildren(...names.map((name) => {
    const box = Object.assign(document.createElement("input"), { type: "checkbox", value: name,
      checked: state.race.includes(name), id: `race-${name.replaceAll("_", "-")}` });
    box.addEventListener("change", () => {
      update({ race: names.filter((other) => group.querySelector(`input[value="${other}"]`).checked) });
      onChange();
    });
    const label = Object.assign(document.createElement("label"), { htmlFor: box.id, textContent: name });
    const row = Object.assign(document.createElement("div"), { className: "race-choice" });
    row.append(box, label);
    return row;
  }));
}

/** The entrants: every ticked optimizer, the one in the picker with the panel's settings, the others with their defaults. */
export function entrantsOf(names, chosen, settings) {
  return names.map((optimizer) => ({ optimizer, settings: optimizer === chosen ? settings : {} }));
}

/** "learning rate 0.05, momentum 0.5": the learning rate, and every setting that is not its default. */
export function settingsText({ optimizer, settings }) {
  const controls = state.catalog.network_optimizers.find(({ name }) => name === optimizer)?.controls ?? [];
  return controls
    .map((control) => ({ ...control, value: settings[control.name] ?? control.default }))
    .filter(({ name, value, default: usual }) => name === "learning_rate" || value !== usual)
    .map(({ label, value }) => `${label.toLowerCase()} ${value}`).join(", ");
}

/** The legend of a race: a swatch in each racer's colour, its name and settings. */
export function legendItems(race, colours) {
  return race.runs.map((run, i) => {
    const item = document.createElement("li");
    const swatch = Object.assign(document.createElement("span"), { className: "swatch" });
    swatch.style.background = colours[i % colours.length];
    const text = settingsText(run);
    item.append(swatch, `${run.optimizer}${text ? ` (${text})` : ""}`);
    return item;
  });
}

/** "Step 23 of 100: adam 0.0095, sgd 0.021, ..." with each racer's value at that step. */
export function describeRaceStep(race, i, valueName) {
  const last = Math.max(...race.runs.map((run) => run.as.length)) - 1;
  const values = race.runs.map((run) => (i < run.as.length ? `${run.optimizer} ${significant(run.losses[i])}`
    : `${run.optimizer} diverged at step ${run.outcome.step}`));
  return `Step ${i} of ${last}, ${valueName} per racer: ${values.join(", ")}.`;
}
