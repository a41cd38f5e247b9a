// All of the page's state in one object, with a table of its properties. The
// URL hash is written from it and read back into it with validation, so a link
// reproduces what the learner saw.

export const PAGES = ["functions", "optimization", "loss-landscape"];

/** The properties kept in the URL: name, kind, range and default. */
export const PROPERTIES = [
  { name: "function", kind: "name", default: "f" },
  { name: "optimizer", kind: "name", default: "hill_climbing" },
  { name: "start", kind: "number", label: "Starting point", min: -20, max: 20, default: 0 },
  // The neural-network page: its optimizer and the start (a, b) on the loss slice.
  { name: "descent", kind: "name", default: "gradient_descent" },
  { name: "a", kind: "number", label: "Start a", min: -1.5, max: 1.5, default: -1 },
  { name: "b", kind: "number", label: "Start b", min: -1.5, max: 1.5, default: 1 },
  // The replayed iteration; present only once a run exists, so a link re-runs and restores it.
  { name: "replay", kind: "number", label: "Replay iteration", min: 0, max: 100, integer: true, default: null },
];

export const state = {
  page: "functions",
  ...Object.fromEntries(PROPERTIES.map((property) => [property.name, property.default])),
  // The chosen optimizer's settings (scale, step_size, seed, ...), described by Python.
  settings: {},
  // Runs kept for comparison: [{optimizer, start, settings}], at most three.
  compare: [],
};

const MAX_COMPARED = 3;

/** "hill_climbing,-12,scale=2,seed=5;gradient_ascent,0,step_size=0.1" for the URL. */
export function encodeCompare(runs) {
  return runs.map(({ optimizer, start, settings }) =>
    [optimizer, start, ...Object.entries(settings).map(([name, value]) => `${name}=${value}`)].join(",")).join(";");
}

/** The kept runs of a link, checked as far as the page can (Python checks the settings). */
export function decodeCompare(text, optimizerNames) {
  const runs = [];
  const notices = [];
  for (const part of (text ?? "").split(";").filter(Boolean).slice(0, MAX_COMPARED)) {
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
  return { runs, notices };
}

/** Checks one raw value against its property; returns {value} or {value: fallback, notice}. */
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

function shorten(text) {
  const value = String(text);
  return value.length > 24 ? `${value.slice(0, 24)}…` : value;
}

/** Splits a hash like "#/optimization?start=2" into its page and raw parameters. */
export function parseHash(hash) {
  const [path, query = ""] = hash.replace(/^#\/?/, "").split("?");
  const page = PAGES.includes(path) ? path : PAGES[0];
  return { page, params: new URLSearchParams(query), unknownPage: path !== "" && path !== page };
}

/** The hash that stands for the current state of a page. */
export function hashFor(current) {
  const params = new URLSearchParams();
  if (current.page === "functions") {
    params.set("function", current.function);
  } else if (current.page === "loss-landscape") {
    params.set("descent", current.descent);
    params.set("a", String(current.a));
    params.set("b", String(current.b));
    for (const [name, value] of Object.entries(current.settings)) params.set(name, String(value));
    if (current.replay !== null) params.set("replay", String(current.replay));
  } else {
    params.set("optimizer", current.optimizer);
    params.set("start", String(current.start));
    for (const [name, value] of Object.entries(current.settings)) params.set(name, String(value));
    if (current.replay !== null) params.set("replay", String(current.replay));
    if (current.compare.length) params.set("compare", encodeCompare(current.compare));
  }
  return `#/${current.page}?${params}`;
}

/** Writes the state into the URL without adding a history entry per keystroke. */
export function writeHash(current) {
  const hash = hashFor(current);
  if (location.hash !== hash) history.replaceState(null, "", hash);
}
