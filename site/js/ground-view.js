// The Surface picker of the network page and the ground it shows: the network's loss
// slice (built ahead) or a test surface of surfaces.py, whose map Python computes.
// Owns the map's image, its colour scale and the legend lines about its minima.
import * as python from "./python-client.js";
import { NETWORK, groundRange, state, update } from "./state.js";
import { networkGround, surfaceGround, valueOfShade } from "./ground.js";
import { colourOf, logRange, lossImage } from "./slice-plot.js";
import { fixed } from "./format.js";
import { renderDocstring } from "./docstring.js";
import { significant } from "./race.js";

const byId = (id) => document.getElementById(id);
const NETWORK_LABEL = "The network's loss (slice)";

/** Wires the Surface picker; onChange() follows a new ground (or the loss of one). Returns the ground's accessors. */
export function createGroundView({ notify, onChange }) {
  const select = byId("surface-select");
  const latestMap = python.latest();
  let slice = null;
  let ground = null;
  let image = null;
  const maps = new Map();

  /** A value as the legend shows it: the network's loss as before, a surface's with 4 significant digits. */
  const format = (value, digits) => (ground?.name === NETWORK ? fixed(value, digits) : significant(value));

  function fillPicker() {
    const names = (state.catalog.surfaces ?? []).map(({ name }) => name);
    if (state.surface !== NETWORK && !names.includes(state.surface)) update({ surface: NETWORK });
    select.replaceChildren(new Option(NETWORK_LABEL, NETWORK), ...names.map((name) => new Option(name, name)));
    select.value = state.surface;
    const chosen = state.catalog.surfaces?.find(({ name }) => name === state.surface);
    renderDocstring(byId("surface-doc"), chosen ? chosen.doc
      : "The loss of the neural network below, over a slice of its 33 weights.", { paragraphs: 1 });
  }

  /** Shows the ground state.surface names, asking Python for its map when needed; false while it cannot. */
  async function load() {
    fillPicker();
    const wanted = state.surface;
    if (ground?.name === wanted) return true;
    ground = null;
    onChange();
    if (wanted === NETWORK) {
      if (!slice) return false;
      show(networkGround(slice));
      return true;
    }
    if (!slice || !python.isReady()) return false;
    try {
      const map = maps.get(wanted) ?? await latestMap("surface_map", { surface: wanted });
      maps.set(wanted, map);
      if (state.surface === wanted) show(surfaceGround(map, slice.colormap));
    } catch (error) {
      if (!python.isSuperseded(error)) notify(`The map of ${wanted} could not be made: ${error.message}`);
      return false;
    }
    return ground !== null;
  }

  function show(shown) {
    ground = shown;
    image = lossImage(ground);
    const [low, high] = logRange(ground);
    const stops = Array.from({ length: 9 }, (_, i) => `rgb(${colourOf(ground.colormap, i / 8).join(",")})`);
    byId("loss-scale-bar").style.background = `linear-gradient(to right, ${stops.join(", ")})`;
    byId("loss-scale-low").textContent = `${ground.valueName} ${format(valueOfShade(ground, low), 4)}`;
    byId("loss-scale-high").textContent = `${format(valueOfShade(ground, high), 1)} (log scale)`;
    const lowest = ground.markers.filter(({ kind }) => kind === "lowest");
    const valley = ground.markers.find(({ kind }) => kind === "local");
    const [name, valueName] = ground.name === NETWORK ? ["slice", "loss"] : ["map", "f ="];
    if (ground.name === NETWORK) {
      byId("trained-text").textContent = `Trained network: a = 0, b = 0, loss ${fixed(slice.trained.loss, 4)}, `
        + `${Math.round(slice.trained.accuracy * 100)} % right`;
    } else {
      byId("trained-text").textContent = lowest.length ? `Minimum: a = ${fixed(lowest[0].a, 2)}, `
        + `b = ${fixed(lowest[0].b, 2)}, f = ${significant(lowest[0].value)}`
        + (lowest.length > 1 ? ` (and ${lowest.length - 1} more as low)` : "") : "No minimum inside this map";
    }
    byId("valley-text").textContent = valley ? `Local minimum: a = ${fixed(valley.a, 2)}, b = ${fixed(valley.b, 2)}, `
      + `${valueName} ${format(valley.value, 3)}` : `No other minimum on this ${name}`;
    byId("decision-plot").closest("section").hidden = ground.name !== NETWORK;
    onChange();
  }

  select.addEventListener("change", () => {
    const [rangeA, rangeB] = [0, 1].map((axis) => groundRange(state.catalog, select.value, axis));
    const clamp = (value, [min, max]) => Math.min(max, Math.max(min, value));
    update({ surface: select.value, a: clamp(state.a, rangeA), b: clamp(state.b, rangeB) });
    load();
  });

  return {
    load,
    ground: () => ground,
    image: () => image,
    /** The build's slice data arrived. */
    setSlice(data) {
      slice = data;
    },
    /** surfaces.py changed: its maps are computed again. */
    forgetMaps() {
      maps.clear();
      if (ground?.name !== NETWORK) ground = null;
    },
  };
}
