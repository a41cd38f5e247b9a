// All of the page's state in one object, with a table of its properties. Only this
// module writes it: pages call update(patch). The URL hash is written from the state
// and read back into it with validation, so a link reproduces what the learner saw.

export const PAGES = ["functions", "optimization", "loss-landscape"];
/** How many runs can be kept for comparison. */
export const MAX_COMPARED = 3;
// Chromium ignores history.replaceState beyond 200 calls in 10 s, and Play, the arrow keys
// or a dragged slider change the state far more often: the hash follows at most this often.
const HASH_INTERVAL_MS = 100;
let hashTimer = null;
let lastWrite = -Infinity;
// The hash as this module last read or wrote it.
let ownHash = null;

const namesOf = (entries) => entries.map(({ name }) => name);
const EVERY_PAGE = "*";
// What a control's or a card's name may look like in a link; anything else is ignored with a notice.
const EXERCISE_NAME = /^[a-z][a-z0-9_-]{0,39}$/;
const MAX_EXERCISE_NAMES = 40;
/** The name of the network's loss slice among the surfaces. */
export const NETWORK = "network";

/** The [min, max] of a (axis 0) or b (axis 1) on a ground: a surface's range, or the slice's span. */
export function groundRange(catalog, surface, axis) {
  const found = (catalog.surfaces ?? []).find(({ name }) => name === surface);
  return found ? found.range[axis] : [-catalog.slice_span, catalog.slice_span];
}

/**
 * The properties kept in the URL, each on one page: its name in the state, its URL parameter
 * (the name unless given), its kind, its choices or range (from Python's catalog) and default.
 * A "settings" property takes every parameter of its page that no other property names.
 */
const PROPERTIES = [
  { name: "function", page: "functions", kind: "name", choices: (c) => namesOf(c.functions), default: "f" },
  { name: "optimizer", page: "optimization", kind: "name", choices: (c) => namesOf(c.optimizers),
    default: "hill_climbing" },
  { name: "start", page: "optimization", kind: "number", label: "Starting point", range: (c) => c.landscape_range,
    default: 0 },
  { name: "settings", page: "optimization", kind: "settings", default: {} },
  // The replayed iteration: present only once a run exists, so a link re-runs and restores it.
  { name: "replay", page: "optimization", kind: "number", integer: true, label: "Replay iteration",
    range: (c) => [0, c.iterations], default: null },
  { name: "compare", page: "optimization", kind: "runs", default: [] },
  // The neural-network page: its optimizer, the start (a, b) on the loss slice, settings, replay.
  { name: "descent", page: "loss-landscape", kind: "name", choices: (c) => namesOf(c.network_optimizers),
    default: "gradient_descent" },
  // The ground the descent walks on: the network's loss slice, or a test surface of surfaces.py.
  { name: "surface", page: "loss-landscape", kind: "name", default: NETWORK,
    choices: (c) => [NETWORK, ...namesOf(c.surfaces ?? [])] },
  { name: "a", page: "loss-landscape", kind: "number", label: "Start a", range: (c, s) => groundRange(c, s.surface, 0),
    default: -1 },
  { name: "b", page: "loss-landscape", kind: "number", label: "Start b", range: (c, s) => groundRange(c, s.surface, 1),
    default: 1 },
  // The optimizers racing from the start (none: one optimizer trains alone).
  { name: "race", page: "loss-landscape", kind: "names", choices: (c) => namesOf(c.network_optimizers), default: [] },
  { name: "descentSettings", page: "loss-landscape", kind: "settings", default: {} },
  { name: "descentReplay", param: "replay", page: "loss-landscape", kind: "number", integer: true,
    label: "Replay step", range: (c) => [0, c.iterations], default: null },
  // A teacher's exercise link, on any page: the experiment card to open, the controls to lock or
  // hide (by name; the page checks that it has them). A link without them leaves the exercise.
  { name: "card", page: EVERY_PAGE, kind: "exercise", verb: "open the experiment", single: true, default: null },
  { name: "lock", page: EVERY_PAGE, kind: "exercise", verb: "lock", default: [] },
  { name: "hide", page: EVERY_PAGE, kind: "exercise", verb: "hide", default: [] },
];

/** The state: the page shown, Python's catalog (at first the build's), and every property. */
export const state = {
  page: PAGES[0],
  catalog: null,
  ...Object.fromEntries(PROPERTIES.map((row) => [row.name, row.default])),
};

/** Changes the state; the URL follows soon after, written once for every change made meanwhile. */
export function update(patch) {
  for (const name of Object.keys(patch)) {
    if (!(name in state)) throw new Error(`The state has no property called ${name}.`);
  }
  Object.assign(state, patch);
  hashTimer ??= setTimeout(writeHash, Math.max(0, lastWrite + HASH_INTERVAL_MS - performance.now()));
}

/** The allowed range {min, max} of a number property, from the current catalog. */
export function rangeOf(name, current = state) {
  const [min, max] = row(name).range(state.catalog, current);
  return { min, max };
}

/** Checks one raw value against a property or a control; returns {value} or {value: fallback, notice}. */
export function validate(property, raw, names = null) {
  if (property.kind === "name") {
    if (names === null || names.includes(raw)) return { value: raw };
    return { value: property.default,
      notice: `Unknown ${property.name} "${shorten(raw)}"; showing ${property.default} instead.` };
  }
  const number = Number(raw);
  const label = property.label ?? property.name;
  if (raw === "" || raw === null || !Number.isFinite(number)) {
    return { value: property.default, notice: `${label} "${shorten(raw)}" is not a number; `
      + (property.default === null ? "ignored." : `using ${property.default}.`) };
  }
  const clamped = Math.min(property.max, Math.max(property.min, property.integer ? Math.round(number) : number));
  if (clamped !== number) {
    return { value: clamped, notice: `${label} must be between ${property.min} and ${property.max}; using ${clamped}.` };
  }
  return { value: number };
}

/**
 * Reads the page and its properties from the URL into the state; a property the URL leaves
 * out keeps its value, so the lesson links return to a page as it was. Returns the notices.
 */
export function readHash() {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const page = PAGES.includes(path) ? path : PAGES[0];
  const params = new URLSearchParams(query);
  const notices = path !== "" && path !== page ? ["That page does not exist; showing the first lesson."] : [];
  const rows = PROPERTIES.filter((property) => onPage(property, page));
  const named = new Set(rows.map(paramOf));
  const patch = { page };
  for (const property of rows) {
    if (property.kind === "settings") {
      const settings = [...params].filter(([name]) => !named.has(name));
      if (settings.length) patch[property.name] = Object.fromEntries(settings);
    } else if (property.kind === "exercise") {
      const checked = decodeExercise(property, params.get(paramOf(property)) ?? "");
      patch[property.name] = checked.value;
      notices.push(...checked.notices);
    } else if (params.has(paramOf(property))) {
      const checked = read(property, params.get(paramOf(property)), { ...state, ...patch });
      patch[property.name] = checked.value;
      notices.push(...checked.notices);
    }
  }
  ownHash = location.hash;
  update(patch);
  return notices;
}

function read(property, raw, current) {
  if (property.kind === "runs") return decodeRuns(raw, namesOf(state.catalog.optimizers));
  if (property.kind === "names") return decodeNames(property, raw);
  const bounds = property.kind === "number" ? rangeOf(property.name, current) : {};
  const names = property.kind === "name" ? property.choices(state.catalog) : null;
  const { value, notice } = validate({ ...property, ...bounds }, raw, names);
  return { value, notices: notice ? [notice] : [] };
}

const row = (name) => PROPERTIES.find((property) => property.name === name);
const paramOf = (property) => property.param ?? property.name;
const onPage = (property, page) => property.page === page || property.page === EVERY_PAGE;

function writeHash() {
  hashTimer = null;
  // The learner followed a link or went back meanwhile: that address is read, not overwritten.
  if (location.hash !== ownHash) return;
  const hash = hashOf(state);
  if (location.hash === hash) return;
  history.replaceState(null, "", hash);
  lastWrite = performance.now();
  ownHash = location.hash;
}

/** The hash of the page shown with the state as it is, changed by `patch` (an exercise link). */
export function linkHash(patch = {}) {
  return hashOf({ ...state, ...patch });
}

function hashOf(values) {
  const params = new URLSearchParams();
  for (const property of PROPERTIES.filter((property) => onPage(property, values.page))) {
    const value = values[property.name];
    if (property.kind === "settings") {
      for (const [name, setting] of Object.entries(value)) params.set(name, String(setting));
    } else if (property.kind === "runs") {
      if (value.length) params.set(paramOf(property), encodeRuns(value));
    } else if (property.kind === "names" || (property.kind === "exercise" && !property.single)) {
      if (value.length) params.set(paramOf(property), value.join(","));
    } else if (value !== null) {
      params.set(paramOf(property), String(value));
    }
  }
  return `#/${values.page}?${params}`;
}

/** The notice for a name in an exercise link that the page does not have. */
export function ignoredRequest(verb, name) {
  return `This link asked to ${verb} '${shorten(name)}', which this page does not have; ignored.`;
}

/** A card's name, or the controls' names, from an exercise link: well-formed names only, each once. */
function decodeExercise(property, text) {
  const names = [...new Set(text.split(","))].filter(Boolean);
  const wellFormed = names.filter((name) => EXERCISE_NAME.test(name)).slice(0, property.single ? 1 : MAX_EXERCISE_NAMES);
  const notices = names.filter((name) => !wellFormed.includes(name)).slice(0, 3)
    .map((name) => ignoredRequest(property.verb, name));
  if (property.single) return { value: wellFormed[0] ?? null, notices };
  return { value: wellFormed, notices };
}

/** "hill_climbing,-12,scale=2,seed=5;gradient_ascent,0,step_size=0.1" for the URL. */
function encodeRuns(runs) {
  return runs.map(({ optimizer, start, settings }) =>
    [optimizer, start, ...Object.entries(settings).map(([name, value]) => `${name}=${value}`)].join(",")).join(";");
}

/** The kept runs of a link, checked as far as the page can (Python checks the settings). */
function decodeRuns(text, optimizerNames) {
  const runs = [];
  const notices = [];
  for (const part of text.split(";").filter(Boolean).slice(0, MAX_COMPARED)) {
    const [optimizer, startText, ...pairs] = part.split(",");
    const start = Number(startText);
    const settings = Object.fromEntries(pairs.map((pair) => pair.split("=")).filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, Number(value)]));
    if (!optimizerNames.includes(optimizer) || !Number.isFinite(start)
        || Object.values(settings).some((value) => !Number.isFinite(value))) {
      notices.push(`A compared run in the link could not be read ("${part.slice(0, 24)}"); it was left out.`);
    } else {
      runs.push({ optimizer, start, settings });
    }
  }
  return { value: runs, notices };
}

/** "adam,sgd" from a link: the known names, each once; an unknown one is left out with a notice. */
function decodeNames(property, text) {
  const known = property.choices(state.catalog);
  const names = [...new Set(text.split(",").filter(Boolean))];
  const unknown = names.filter((name) => !known.includes(name));
  return { value: names.filter((name) => known.includes(name)),
    notices: unknown.map((name) => `Unknown ${property.name} entrant "${shorten(name)}"; it was left out.`) };
}

function shorten(text) {
  const value = String(text);
  return value.length > 24 ? `${value.slice(0, 24)}…` : value;
}

/** A key that is the same for two runs with the same optimizer, start and settings. */
export function runKey(run) {
  return encodeRuns([run]);
}
