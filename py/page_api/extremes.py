"""The minimum and maximum of a sampled function, told truthfully.

Over evenly spaced samples the lowest value may be reached at several places (``square``
is 100 at both -10 and 10), and a function may have no minimum at all: ``1/x`` falls
without bound as x nears 0 from the left, and the lowest sample only says how close
the grid came. So each extreme names every place it is reached, or says where the
function runs away; the page words it.
"""

import math
from typing import Callable

from page_api.checks import evaluate

# Samples within this relative distance of the extreme reach it too (rounding of x, not of f).
TIE_TOLERANCE = 1e-9
# The grid is refined this many times around the extreme, each time ten times finer.
REFINEMENTS = 8
POINTS_PER_REFINEMENT = 20
GOLDEN_SHIFT = (3 - math.sqrt(5)) / 2
# At most this many places are named; more are counted.
MAX_PLACES = 5


def extremes(function: Callable[[float], float], xs: list[float], ys: list[float | None]) -> dict:
    """``{"min": ..., "max": ...}`` of the samples ``ys = f(xs)``, each None where f is undefined everywhere.

    Each is ``{"y", "x", "places": [{"from", "to"}], "more": n, "unbounded": None}``, or, where f
    grows without bound near a point, ``{"y": None, "x": None, "places": [], "unbounded": {"near": x}}``.
    """
    return {"min": _extreme(function, xs, ys, -1), "max": _extreme(function, xs, ys, 1)}


def _extreme(function: Callable, xs: list[float], ys: list[float | None], sign: int) -> dict | None:
    defined = [i for i, y in enumerate(ys) if y is not None]
    if not defined:
        return None
    best = max(defined, key=lambda i: (sign * ys[i], -i))
    pole = runaway(function, xs, best, sign)
    if pole is not None:
        return {"y": None, "x": None, "places": [], "more": 0, "unbounded": {"near": pole}}
    value = ys[best]
    tolerance = TIE_TOLERANCE * max(1.0, abs(value))
    tied = [i for i in defined if abs(ys[i] - value) <= tolerance]
    places = _runs_of(tied)
    return {"y": value, "x": xs[tied[0]],
            "places": [{"from": xs[first], "to": xs[last]} for first, last in places[:MAX_PLACES]],
            "more": max(0, len(places) - MAX_PLACES), "unbounded": None}


def _runs_of(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive indices grouped into (first, last) pairs: one pair per separate place."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def runaway(function: Callable, xs: list[float], index: int, sign: int) -> float | None:
    """Where f grows without bound (sign 1: upwards, -1: downwards) near sample ``index``, or None.

    The grid is refined around the best point again and again, each time ten times finer. A
    bounded function settles: each refinement gains less than the one before (about a hundredth
    near a smooth peak, nothing at a sample that is the extreme). Near a pole the gains do not
    shrink (1/x gains about ten times more each time, log|x| the same amount), so f has no
    extreme there.
    """
    low, high = xs[0], xs[-1]
    spacing = (high - low) / (len(xs) - 1)
    center = xs[index]
    best = sign * evaluate(function, center)
    gains = []
    for level in range(REFINEMENTS):
        half = spacing / 10 ** level
        a, b = max(low, center - half), min(high, center + half)
        before = best
        # Shifted by an irrational fraction of a step, the points never land within rounding of
        # a round number (x = 0 as -0.002 + 0.002), where a learner's pole usually is: one lucky
        # hit there would leave the finer grids nothing higher to find.
        for i in range(POINTS_PER_REFINEMENT):
            x = a + (b - a) * (i + GOLDEN_SHIFT) / POINTS_PER_REFINEMENT
            y = evaluate(function, x)
            if y is not None and sign * y > best:
                best, center = sign * y, x
        gains.append(best - before)
    # Near a pole the finer half of the refinements gains at least half as much as the coarser
    # half; near a bounded extreme it gains next to nothing (rounding).
    coarse, fine = sum(gains[:REFINEMENTS // 2]), sum(gains[REFINEMENTS // 2:])
    growing = fine > 1e-6 * max(1.0, abs(best)) and fine >= 0.5 * coarse
    # Adding 0.0 turns -0.0 into 0.0, so the page never reads "near x = -0".
    return round(center, 6) + 0.0 if growing and math.isfinite(best) else None
