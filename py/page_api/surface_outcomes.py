"""Verdicts on a descent over a test surface, by rules a learner can check on the map.

Like ``outcomes.descent`` for the network's loss, but a surface may have several minima
(found by ``surface_view``), none at all, or flat places that are no minimum.
"""

import math

from page_api.outcomes import RECENT_STEPS, moves_of, swings_back_and_forth

# Within this share of the range from a minimum, a run has reached it.
REACHED = 0.02
# A run whose last steps are all shorter than this share of the range has stopped.
STOPPED = 1e-4
# Where the slope is smaller than this, the ground is flat.
FLAT_SLOPE = 1e-3
# Two minima whose heights differ by less than this are equally low.
EQUALLY_LOW = 1e-9


def surface_descent(as_: list[float], bs: list[float], values: list[float], slopes: list[tuple[float, float]],
                    minima: list[dict], ranges: tuple[tuple[float, float], tuple[float, float]]) -> dict:
    """The verdict on a descent over a surface shown over ``ranges`` of a and b, with its minima lowest first.

    In this order: it ended outside the map; it ended close to a minimum (the lowest, one of
    several equally low, or a higher one); it stopped on flat ground that is no minimum (a
    saddle point); it swings back and forth; it ended higher than it started; it is still going.
    """
    a, b, last = as_[-1], bs[-1], values[-1]
    span = max(high - low for low, high in ranges)
    (low_a, high_a), (low_b, high_b) = ranges
    if not (low_a <= a <= high_a and low_b <= b <= high_b):
        return {"kind": "outside", "label": f"Left the map: it ended at ({a:.3g}, {b:.3g}), f = {last:.3g}"}
    near = [minimum for minimum in minima if math.dist((a, b), (minimum["a"], minimum["b"])) < REACHED * span]
    if near:
        return _at_minimum(near[0], minima, a, b, last)
    moves = moves_of(as_, bs)[-RECENT_STEPS:]
    stopped = all(math.hypot(*move) < STOPPED * span for move in moves)
    if stopped and math.hypot(*slopes[-1]) < FLAT_SLOPE:
        return {"kind": "local", "label": f"Stuck on flat ground that is no minimum: at ({a:.3f}, {b:.3f}), "
                                          f"f = {last:.4g}, the slope is 0 but the ground goes down nearby "
                                          "(a saddle point)"}
    if swings_back_and_forth(moves_of(as_, bs)):
        return {"kind": "oscillating", "label": "Bouncing across the valley: each of its last steps turns back"}
    if last > values[0]:
        return {"kind": "oscillating", "label": f"Ended higher than it started: f = {values[0]:.4g} → {last:.4g}"}
    return {"kind": "climbing", "label": f"Still descending after {len(as_) - 1} steps: f = {last:.4g} at "
                                         f"({a:.3f}, {b:.3f})"}


def _at_minimum(minimum: dict, minima: list[dict], a: float, b: float, last: float) -> dict:
    where = f"({minimum['a']:.3f}, {minimum['b']:.3f})"
    lowest = minima[0]["value"]
    equals = sum(1 for other in minima if other["value"] - lowest < EQUALLY_LOW)
    if minimum["value"] - lowest >= EQUALLY_LOW:
        return {"kind": "local", "label": f"Stuck in a local minimum at {where}: f = {last:.4g}, "
                                          f"higher than the lowest, {lowest:.4g}"}
    which = "the minimum" if equals == 1 else f"one of the {equals} equally low minima"
    return {"kind": "global", "label": f"Reached {which} at {where}: it ended at ({a:.3f}, {b:.3f}), f = {last:.4g}"}
