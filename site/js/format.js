// Number formatting for readouts: fixed decimals, no "-0.000", words for gaps.

/** `value` with `digits` decimals, or "undefined" where a function has no value. */
export function fixed(value, digits = 3) {
  if (value === null || value === undefined || !Number.isFinite(value)) return "undefined";
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** "f(x) = 3.142 at x = 1.000"-style text for a point. */
export function pointText({ x, y }, digits = 3) {
  return `${fixed(y, digits)} at x = ${fixed(x, digits)}`;
}

/** An x of a sample grid (steps of 0.002 or 0.02) with the decimals it has: "-10.00", "-0.002". */
export function sampleX(x) {
  return fixed(x, Math.abs(x * 100 - Math.round(x * 100)) < 1e-6 ? 2 : 3);
}

/** A number without trailing zeros, to three decimals at most: 0, 7.854, -0.001. */
export function shortNumber(x) {
  return fixed(Number(x.toFixed(3)), 3).replace(/\.?0+$/, "");
}

/** Python's extreme ("min" or "max") in words: every place it is reached, or where f runs away. */
export function extremeText(extreme, kind) {
  if (!extreme) return "undefined everywhere";
  if (extreme.unbounded) {
    return `no ${kind === "min" ? "minimum: f falls" : "maximum: f rises"} without bound near x = `
      + `${shortNumber(extreme.unbounded.near)}`;
  }
  const places = extreme.places.map(({ from, to }) => (from === to ? `x = ${sampleX(from)}`
    : `every x from ${sampleX(from)} to ${sampleX(to)}`));
  if (extreme.more) places.push(`${extreme.more} more ${extreme.more === 1 ? "place" : "places"}`);
  const listed = places.length > 1 ? `${places.slice(0, -1).join(", ")} and ${places.at(-1)}` : places[0];
  return `${fixed(extreme.y, 2)} at ${listed}`;
}
