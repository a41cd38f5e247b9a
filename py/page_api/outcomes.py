"""Honest one-line verdicts on a run, for learners: what the run did, in words.

Both pages judge their runs here. A verdict is a dict ``{"kind", "label"}``; the kind
(global, local, oscillating, moving, valley, still, downhill, climbing, outside, diverged) colours it on the page.
"""

import math
from dataclasses import dataclass

from math_fundamentals import landscape

# A run has reached a peak when it ends on that peak's hill less than this far below its top
# (the landscape spans about 107 in height); likewise for the bottom of a valley.
HEIGHT_TOLERANCE = 0.5
# The last RECENT_STEPS steps of a run tell whether it has settled: a step longer than
# MOVING_STEP means it is still moving.
RECENT_STEPS = 5
MOVING_STEP = 0.05
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
    recent = moves[-RECENT_STEPS:]
    return len(recent) >= 4 and all(
        sum(p * q for p, q in zip(first, second)) < 0 and math.hypot(*first) > 1e-6
        for first, second in zip(recent, recent[1:]))


def moves_of(*columns: list[float]) -> list[list[float]]:
    """The steps between successive points, one vector per step."""
    points = list(zip(*columns))
    return [[b - a for a, b in zip(before, after)] for before, after in zip(points, points[1:])]


@dataclass(frozen=True)
class Terrain:
    """What the verdicts on the bumpy landscape know of it: its peaks (highest first) and valleys."""

    peaks: list[landscape.Peak]
    valleys: list[landscape.Peak]

    def hill_of(self, x: float) -> tuple[float, float]:
        """The stretch of x between the valley bottoms (or the ends) on either side of x."""
        bottoms = [landscape.LOW, *sorted(valley.x for valley in self.valleys), landscape.HIGH]
        below = max(bottom for bottom in bottoms if bottom <= x)
        return below, min(bottom for bottom in bottoms if bottom > below)

    def top_near(self, x: float, y: float | None) -> int | None:
        """The index of the peak whose hill x is on, if x is within HEIGHT_TOLERANCE of its top."""
        low, high = self.hill_of(x)
        for index, peak in enumerate(self.peaks):
            if low <= peak.x <= high and y is not None and peak.y - y <= HEIGHT_TOLERANCE:
                return index
        return None

    def bottom_near(self, x: float, y: float | None) -> landscape.Peak | None:
        """The valley x is in, if x is within HEIGHT_TOLERANCE of its bottom."""
        for valley in self.valleys:
            if y is not None and abs(x - valley.x) < abs(x - self.peaks[0].x) and y - valley.y <= HEIGHT_TOLERANCE:
                return valley
        return None


def _at_peak(index: int, x: float, ending: str) -> dict:
    if index == 0:
        return {"kind": "global", "label": f"Reached the global max: {ending} x = {x:.3f}, on the highest peak"}
    return {"kind": "local", "label": f"Stuck on the local max: {ending} x = {x:.3f}, on the lower peak, "
                                      "where every step nearby goes down"}


def climb(xs: list[float], ys: list[float | None], best_x: float | None, best_y: float | None,
          terrain: Terrain) -> dict:
    """The verdict on a run over the bumpy landscape, by rules a learner can check on the plot.

    In this order: it left the range; it swings back and forth (its last steps alternate and
    are large); it settled but its best point is close to the top of a higher peak than where
    it ended (random restarts answer with their best point); it ended close to a peak's top,
    on that peak's hill (global or local); it is still moving (its last steps are large); it
    ended at the bottom of a valley; it never moved; it ended lower than it started; otherwise it is still
    climbing.
    """
    x, y = xs[-1], ys[-1]
    if not landscape.LOW <= x <= landscape.HIGH:
        return {"kind": "outside", "label": f"Left the plotted range: it ended at x = {x:.3f}"}
    moves = moves_of(xs)[-RECENT_STEPS:]
    largest = max((abs(move[0]) for move in moves), default=0.0)
    if largest > MOVING_STEP and swings_back_and_forth(moves_of(xs)):
        return {"kind": "oscillating", "label": f"Swinging back and forth: its last steps jump up to "
                                                f"{largest:.3f} one way, then the other"}
    moving = largest > MOVING_STEP
    top = terrain.top_near(x, y)
    best_top = None if best_x is None else terrain.top_near(best_x, best_y)
    if best_top is not None and not moving and (top is None or best_top < top):
        found = _at_peak(best_top, best_x, "its best point is")
        return found | {"label": f"{found['label']}; the run itself ended at x = {x:.3f}"}
    if top is not None:
        return _at_peak(top, x, "it ended at")
    if moving:
        return {"kind": "moving", "label": f"Still moving: its last steps were up to {largest:.3f} long"}
    valley = terrain.bottom_near(x, y)
    if valley is not None:
        return {"kind": "valley", "label": f"Ended in a valley: x = {x:.3f}, near the bottom at x = {valley.x:.3f}"}
    if all(other == x for other in xs):
        return {"kind": "still", "label": f"Did not move: it stayed at x = {x:.3f} all along"}
    if y is not None and ys[0] is not None and y < ys[0]:
        return {"kind": "downhill", "label": f"Went downhill: it ended lower (f(x) = {y:.3f}) than it "
                                             f"started (f(x) = {ys[0]:.3f})"}
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
        return {"kind": "oscillating", "label": f"Bouncing around: over its last {SETTLED_STEPS} steps the loss "
                                                f"still went from {min(recent):.3g} to {max(recent):.3g}"}
    if swings_back_and_forth(moves_of(as_, bs)):
        return {"kind": "oscillating", "label": "Bouncing across the valley: each of its last steps turns back"}
    if last > losses[0]:
        return {"kind": "oscillating", "label": f"Ended higher than it started: loss {losses[0]:.3g} → {last:.3g}"}
    return {"kind": "climbing", "label": f"Still descending after {len(as_) - 1} steps (loss {last:.3f})"}
