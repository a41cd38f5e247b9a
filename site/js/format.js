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

/** The first paragraph of a docstring, as plain text (``name`` shown as name). */
export function docSummary(doc) {
  return doc.split(/\n\s*\n/)[0].replaceAll("``", "");
}
