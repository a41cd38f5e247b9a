"""Honest one-line verdicts on a run, for learners: what the run did, in words.

Both pages judge their runs here. A verdict is a dict ``{"kind", "label"}``; the kind
(global, local, oscillating, climbing, outside, diverged) colours it on the page.
"""

import math

from math_fundamentals import landscape

PEAK_TOLERANCE = 0.1
# Within this distance of (0, 0), a descent has found the trained network again.
MINIMUM_TOLERANCE = 0.1
# A descent whose loss changed by less than this share over its last steps has settled ...
SETTLED_STEPS = 20
SETTLED_CHANGE = 0.01
# ... and one whose loss still jumps by more than this share is bouncing around.
BOUNCING_CHANGE = 0.5


def diverged(step: int) -> dict:
    """The verdict on a run whose steps grew without limit at ``step``."""
    return {"kind": "diverged", "step": step, "label": f"Diverged at step {step}: the steps grew without limit"}


def swings_back_and_forth(moves: list[list[float]]) -> bool:
    """True when each of the last moves (vectors) points against the one before: an oscillation."""
    recent = moves[-10:]
    return len(recent) >= 4 and all(
        sum(p * q for p, q in zip(first, second)) < 0 and math.hypot(*first) > 1e-6
        for first, second in zip(recent, recent[1:]))


def moves_of(*columns: list[float]) -> list[list[float]]:
    """The steps between successive points, one vector per step."""
    points = list(zip(*columns))
    return [[b - a for a, b in zip(before, after)] for before, after in zip(points, points[1:])]


def climb(xs: list[float], best_x: float | None, peaks: list[landscape.Peak]) -> dict:
    """The verdict on a run over the bumpy landscape, judged by the best point it found.

    Random restarts end wherever the last climb ended, so the best point counts;
    bouncing around at the end is called out first.
    """
    if swings_back_and_forth(moves_of(xs)):
        return {"kind": "oscillating", "label": "Oscillating: step size too large"}
    found = xs[-1] if best_x is None else best_x
    if abs(found - peaks[0].x) < PEAK_TOLERANCE:
        return {"kind": "global", "label": "Reached the global max"}
    if any(abs(found - peak.x) < PEAK_TOLERANCE for peak in peaks[1:]):
        return {"kind": "local", "label": "Stuck on the local max"}
    if not landscape.LOW <= xs[-1] <= landscape.HIGH:
        return {"kind": "outside", "label": "Left the plotted range"}
    return {"kind": "climbing", "label": "Still climbing: no peak reached yet"}


def descent(as_: list[float], bs: list[float], losses: list[float], span: float) -> dict:
    """The verdict on a descent over the network's loss slice."""
    last = losses[-1]
    if max(abs(as_[-1]), abs(bs[-1])) > span:
        return {"kind": "outside", "label": f"Ended outside the drawn slice (loss {last:.3g}): "
                                            "the steps were too large"}
    if math.hypot(as_[-1], bs[-1]) < MINIMUM_TOLERANCE:
        return {"kind": "global", "label": f"Reached the trained network's minimum (loss {last:.4f})"}
    recent = losses[-SETTLED_STEPS:]
    if len(recent) == SETTLED_STEPS and max(recent) - min(recent) < SETTLED_CHANGE * last:
        return {"kind": "local", "label": f"Stuck in a local minimum: loss {last:.3f}, "
                                          f"higher than the trained network's"}
    if max(recent) - min(recent) > BOUNCING_CHANGE * last:
        return {"kind": "oscillating", "label": "Bouncing around the valley: learning rate too large"}
    if swings_back_and_forth(moves_of(as_, bs)):
        return {"kind": "oscillating", "label": "Bouncing across the valley: learning rate too large"}
    if last > losses[0]:
        return {"kind": "oscillating", "label": f"Ended higher than it started (loss {losses[0]:.3g} → "
                                                f"{last:.3g}): learning rate too large"}
    return {"kind": "climbing", "label": f"Still descending after {len(as_) - 1} steps (loss {last:.3f})"}
