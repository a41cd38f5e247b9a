// The derivative explorer's words: readouts for the point and answers for the whole curve,
// made from Python's numbers (formatted here, never computed).
import { fixed } from "./format.js";

const SLOPE_DIGITS = 4;
const MOST_LISTED = 7;

const UPHILL = {
  right: "f rises to the right here, so uphill is to the right",
  left: "f falls to the right here, so uphill is to the left",
  flat: "f is flat here: a top, a bottom or a pause",
};

/** Readouts for Python's answer at a point: f(x), the secant's slope, f′(x), a sentence, the plots' labels. */
export function explainPoint(name, answer) {
  const { x, h, y, secant, derivative, undefined: why, uphill } = answer;
  const slope = (value) => (value === null ? "undefined here" : fixed(value, SLOPE_DIGITS));
  const at = `x = ${fixed(x, 2)}`;
  const summary = why ?? `Secant slope ${slope(secant)} → derivative ${slope(derivative)} as h shrinks. `
    + `f′(${fixed(x, 2)}) ${derivative > 0 ? ">" : derivative < 0 ? "<" : "="} 0: ${UPHILL[uphill]}.`;
  const secantText = secant === null ? "no secant here"
    : `the secant through ${at} and x + h = ${fixed(x + h, 4)}, slope ${slope(secant)}`;
  const tangentText = derivative === null ? "no tangent here" : `the tangent at ${at}, slope ${slope(derivative)}`;
  return {
    y: y === null ? "undefined here" : fixed(y, 3),
    secant: secant === null ? "undefined here" : `${slope(secant)} (h = ${h})`,
    derivative: slope(derivative),
    summary,
    functionPlot: `Secant and tangent on the curve of ${name}(x), x from −10 to 10: ${secantText}, and ${tangentText}`,
    slopePlot: `The derivative ${name}′(x) for x from −10 to 10; at ${at} it is ${slope(derivative)}`,
  };
}

/** Answers to the explorer's questions for a whole curve: where f′ is zero, largest, smallest, undefined. */
export function explainCurve(curve) {
  const answers = [];
  if (curve.constant !== null) {
    answers.push(`f′ is the same everywhere: ${fixed(curve.constant, 3)}. It is never zero, and ${curve.name} `
      + "climbs (or falls) equally steeply everywhere: its curve is a straight line.");
  } else if (curve.zeros.length) {
    const listed = curve.zeros.slice(0, MOST_LISTED).map((x) => fixed(x, 3));
    const more = curve.zeros.length - listed.length + curve.more_zeros;
    answers.push(`f′ is zero at x = ${listed.join(", ")}${more ? ` and ${more} more` : ""}: there ${curve.name} `
      + "is flat, at the top of a hill or the bottom of a valley.");
  } else {
    answers.push("f′ is never zero from −10 to 10: nowhere is the curve flat.");
  }
  if (curve.largest) {
    answers.push(`f′ is largest at x = ${fixed(curve.largest.x, 2)}: ${fixed(curve.largest.slope, 3)}, where `
      + `${curve.name} climbs most steeply (of the ${curve.xs.length.toLocaleString("en")} points drawn).`);
    answers.push(`f′ is smallest at x = ${fixed(curve.smallest.x, 2)}: ${fixed(curve.smallest.slope, 3)}.`);
  }
  const undefinedAt = curve.xs.filter((_, i) => curve.slopes[i] === null);
  if (undefinedAt.length) {
    answers.push(`f′ is undefined at ${undefinedAt.length.toLocaleString("en")} of the points drawn, from x = `
      + `${fixed(undefinedAt[0], 2)} to ${fixed(undefinedAt.at(-1), 2)}: the derivative looks a tiny step to both `
      + `sides of x, and ${curve.name} is undefined on one of them.`);
  }
  answers.push("Where f′ > 0, f rises to the right, so uphill is to the right; where f′ < 0, uphill is to the "
    + "left. That is why gradient ascent steps by step_size × f′(x).");
  return answers;
}
