"""The test surfaces of ``surfaces.py`` on the network page: their map, their minima, their slope.

A surface is a plain function of (a, b) that a learner may have written. Here it gets a
slope (central differences, as ``calculus.derivative`` measures one), a grid of heights
for the heat map, and its minima, found on the grid and then refined by Newton's method.
"""

import functools
import math
from typing import Callable

from math_fundamentals.calculus import derivative
from page_api import driving, outcomes
from page_api.checks import NotANumber, as_number, checked, path_of
from page_api.discovery import ITERATIONS, Control, lookup, surface_range
from page_api.surface_outcomes import surface_descent

# The heat map's grid has GRID x GRID points over the surface's range.
GRID = 81
# Newton's method stops after this many steps, or when a step is shorter than NEWTON_TOLERANCE.
NEWTON_STEPS = 50
NEWTON_TOLERANCE = 1e-12
# Two minima closer than this share of the range are one.
SAME_MINIMUM = 1e-3
# A run this many ranges away from the map has flown off for good: its slope is no longer measured.
DIVERGENCE_RANGES = 1e3
# The colour scale is log(f − lowest + ε), with ε this share of the map's height range.
COLOUR_EPSILON = 1e-4


class Surface:
    """A learner's surface f(a, b) with what an optimizer needs: its value and its slope."""

    def __init__(self, function: Callable[[float, float], float]):
        self.function = function
        self.name = function.__name__
        self.ranges = surface_range(self.name)
        # The longer side of the map: the scale of "far" and "near" on this surface.
        self.span = max(high - low for low, high in self.ranges)

    def value(self, a: float, b: float) -> float | None:
        """f(a, b) as a float, or None where f is undefined or not finite."""
        try:
            return as_number(self.function(a, b), f"{self.name}({a:g}, {b:g})", self.function)
        except (ValueError, ZeroDivisionError, OverflowError):
            return None

    def strict_value(self, a: float, b: float) -> float:
        """f(a, b), or NaN where it is undefined (an optimizer that goes there has diverged)."""
        value = self.value(a, b)
        return math.nan if value is None else value

    def gradient(self, a: float, b: float, batch: list[int] | None = None) -> tuple[float, float]:
        """The slope along a and along b by central differences; ``batch`` is ignored (a surface has
        no examples to sample, so ``sgd`` is plain gradient descent here)."""
        if self.too_far(a, b):
            return math.nan, math.nan  # NaN steps end a run quietly; overflowing numbers would raise
        return (derivative(lambda x: self.strict_value(x, b), a),
                derivative(lambda y: self.strict_value(a, y), b))

    def too_far(self, a: float, b: float) -> bool:
        """True when (a, b) is not finite or has flown DIVERGENCE_RANGES ranges away from the map."""
        limit = DIVERGENCE_RANGES * self.span + max(abs(end) for axis in self.ranges for end in axis)
        return not (abs(a) <= limit and abs(b) <= limit)

    def inside(self, a: float, b: float) -> bool:
        """True when (a, b) is on the map."""
        (low_a, high_a), (low_b, high_b) = self.ranges
        return low_a <= a <= high_a and low_b <= b <= high_b

    def steps(self, axis: int) -> list[float]:
        """The GRID coordinates of the map along a (axis 0) or b (axis 1)."""
        low, high = self.ranges[axis]
        return [low + (high - low) * i / (GRID - 1) for i in range(GRID)]


def surface_named(name: str) -> Surface:
    """The surface ``name`` of surfaces.py (perhaps written by the learner), or a ValueError."""
    return Surface(lookup("surfaces", name, "surface"))


def _hessian(surface: Surface, a: float, b: float, h: float = 1e-4) -> tuple[float, float, float]:
    """The second derivatives (f_aa, f_ab, f_bb), by central differences of the slope."""
    ga_plus, gb_plus = surface.gradient(a + h, b)
    ga_minus, gb_minus = surface.gradient(a - h, b)
    ga_up, gb_up = surface.gradient(a, b + h)
    ga_down, gb_down = surface.gradient(a, b - h)
    f_ab = ((gb_plus - gb_minus) + (ga_up - ga_down)) / (4 * h)
    return (ga_plus - ga_minus) / (2 * h), f_ab, (gb_up - gb_down) / (2 * h)


def refined(surface: Surface, a: float, b: float) -> tuple[float, float] | None:
    """The minimum near (a, b) by Newton's method, or None when it does not lead to one in range."""
    for _ in range(NEWTON_STEPS):
        f_aa, f_ab, f_bb = _hessian(surface, a, b)
        determinant = f_aa * f_bb - f_ab * f_ab
        if not (determinant > 0 and f_aa > 0):
            return None
        slope_a, slope_b = surface.gradient(a, b)
        step_a = (f_bb * slope_a - f_ab * slope_b) / determinant
        step_b = (f_aa * slope_b - f_ab * slope_a) / determinant
        a, b = a - step_a, b - step_b
        if not surface.inside(a, b):
            return None
        if math.hypot(step_a, step_b) < NEWTON_TOLERANCE * surface.span:
            return a, b
    return None


def grid_of(surface: Surface) -> list[list[float | None]]:
    """The heights on the GRID x GRID points, row j at b = steps(1)[j], column i at a = steps(0)[i]."""
    return [[surface.value(a, b) for a in surface.steps(0)] for b in surface.steps(1)]


def minima_of(surface: Surface, heights: list[list[float | None]]) -> list[dict]:
    """The surface's minima in its range, lowest first: every grid point lower than its eight
    neighbours, refined by Newton's method."""
    as_, bs = surface.steps(0), surface.steps(1)
    found: list[tuple[float, float]] = []
    for j in range(1, GRID - 1):
        for i in range(1, GRID - 1):
            centre = heights[j][i]
            around = [heights[j + dj][i + di] for dj in (-1, 0, 1) for di in (-1, 0, 1) if dj or di]
            if centre is None or any(value is None or value < centre for value in around):
                continue
            point = refined(surface, as_[i], bs[j])
            if point and all(math.dist(point, other) > SAME_MINIMUM * surface.span
                             for other in found):
                found.append(point)
    minima = [{"a": a, "b": b, "value": surface.value(a, b)} for a, b in found]
    return sorted((minimum for minimum in minima if minimum["value"] is not None), key=lambda m: m["value"])


@functools.lru_cache(maxsize=8)
def _map_of(function: Callable) -> dict:
    # Keyed by the function itself: an edit of surfaces.py makes new functions, and new maps.
    chosen = Surface(function)
    heights = grid_of(chosen)
    defined = [value for row in heights for value in row if value is not None]
    if not defined:
        raise NotANumber(f"{chosen.name} has no value anywhere on its map {chosen.ranges}",
                         chosen.function)
    minima = minima_of(chosen, heights)
    lowest = min([*defined, *(minimum["value"] for minimum in minima)])
    epsilon = COLOUR_EPSILON * (max(defined) - lowest) or COLOUR_EPSILON
    return {"name": chosen.name, "ranges": [list(axis) for axis in chosen.ranges],
            "steps_a": chosen.steps(0), "steps_b": chosen.steps(1),
            "values": heights, "minima": minima, "lowest": lowest, "offset": lowest - epsilon}


def surface_map(surface: str) -> dict:
    """Everything the page draws for a surface: the grid of heights, its minima and colour scale."""
    return _map_of(surface_named(surface).function)


def descend_on(surface_name: str, optimizer: Callable, start: list[float], settings: dict) -> dict:
    """One whole run of an optimizer on a surface, as columns, with its verdict."""
    surface = surface_named(surface_name)
    start = checked_start(surface, start)
    path = path_of(driving.path(optimizer, surface.gradient, start, ITERATIONS, settings, dimensions=2),
                   optimizer, 2)
    as_, bs, values, slopes = [], [], [], []
    for step, (a, b) in enumerate(path):
        value = math.nan if surface.too_far(a, b) else surface.strict_value(a, b)
        slope = surface.gradient(a, b) if math.isfinite(value) else (math.nan, math.nan)
        if not (math.isfinite(value) and all(math.isfinite(part) for part in slope)):
            if step == 0:
                raise ValueError(f"{surface.name} has no value or slope at the start ({a:g}, {b:g})")
            return _columns(as_, bs, values, slopes, outcomes.diverged(step))
        as_.append(a)
        bs.append(b)
        values.append(value)
        slopes.append(slope)
    minima = _map_of(surface.function)["minima"]
    return _columns(as_, bs, values, slopes,
                    surface_descent(as_, bs, values, slopes, minima, surface.ranges))


def checked_start(surface: Surface, start: object) -> tuple[float, float]:
    """The start [a, b] as numbers inside the surface's ranges, or a ValueError naming the field."""
    return tuple(checked(value, Control(name, name, 0.0, low, high, 0.01))
                 for name, value, (low, high) in zip(("Start a", "Start b"), _pair(start), surface.ranges))


def _pair(point: object) -> list:
    if not isinstance(point, list) or len(point) != 2:
        raise ValueError(f"the point must be [a, b], not {point!r}")
    return point


def _columns(as_: list, bs: list, values: list, slopes: list, verdict: dict) -> dict:
    return {"as": as_, "bs": bs, "losses": values, "slopes_a": [slope[0] for slope in slopes],
            "slopes_b": [slope[1] for slope in slopes], "outcome": verdict}
