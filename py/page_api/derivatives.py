"""The derivative explorer of the functions page: a secant that turns into the tangent as h
shrinks, and the derivative f′ drawn under f.

Both come from the lesson's own code in ``calculus.py``: ``secant_slope`` for the line
through x and x + h, and ``derivative`` (the central difference gradient ascent climbs
with) for f′. Where a function is undefined, so is what needs it: ``None``, with why.
"""

from typing import Callable

from math_fundamentals import calculus
from page_api.checks import checked, evaluate
from page_api.discovery import Control, lookup
from page_api.runs import FUNCTION_RANGE, grid

DERIVATIVE_SAMPLES = 2001
POINT = Control("x", "Point x", 0.0, FUNCTION_RANGE[0], FUNCTION_RANGE[1], 0.01)
STEP = Control("h", "Step h", 1.0, 1e-4, 5.0, 1e-4)
# Zeros of f′ listed at most; a wave can have many.
MOST_ZEROS = 12
BISECTIONS = 60


def slope_function(function: Callable) -> Callable:
    """f′ as a function of x: calculus.derivative of ``function`` (raises where f is undefined)."""
    def slope(x: float) -> float:
        return calculus.derivative(function, x)
    slope.__name__ = f"{function.__name__}′"
    return slope


def derivative_curve(function: str) -> dict:
    """f and f′ over the functions page's range as columns, with where f′ is zero, largest, smallest."""
    chosen = lookup("functions", function, "function")
    slope = slope_function(chosen)
    xs = grid(*FUNCTION_RANGE, DERIVATIVE_SAMPLES)
    ys = [evaluate(chosen, x) for x in xs]
    slopes = [evaluate(slope, x) for x in xs]
    defined = [(s, x) for x, s in zip(xs, slopes) if s is not None]
    answer = {"name": function, "xs": xs, "ys": ys, "slopes": slopes, "zeros": [], "more_zeros": 0,
              "largest": None, "smallest": None, "constant": None}
    if not defined:
        return answer
    largest, smallest = max(defined), min(defined, key=lambda pair: (pair[0], -pair[1]))
    if largest[0] - smallest[0] < 1e-6:
        answer["constant"] = largest[0]
    else:
        zeros = zeros_of(slope, xs, slopes)
        answer |= {"zeros": zeros[:MOST_ZEROS], "more_zeros": max(0, len(zeros) - MOST_ZEROS),
                   "largest": {"x": largest[1], "slope": largest[0]},
                   "smallest": {"x": smallest[1], "slope": smallest[0]}}
    return answer


def zeros_of(slope: Callable, xs: list[float], slopes: list[float | None]) -> list[float]:
    """Where f′ is zero: samples where it is exactly 0, and a bisection wherever it changes sign."""
    zeros = []
    for i, (x, s) in enumerate(zip(xs, slopes)):
        if s == 0:
            zeros.append(x)
        elif i + 1 < len(xs) and s is not None and slopes[i + 1] is not None and s * slopes[i + 1] < 0:
            zeros.append(_bisect(slope, x, xs[i + 1]))
    return zeros


def _bisect(slope: Callable, low: float, high: float) -> float:
    rising = slope(low) < 0
    for _ in range(BISECTIONS):
        middle = (low + high) / 2
        if (slope(middle) < 0) == rising:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def secant(function: str, x: float, h: float) -> dict:
    """The secant through x and x + h, its slope, and the derivative at x; None where undefined, with why."""
    chosen = lookup("functions", function, "function")
    x, h = checked(x, POINT), checked(h, STEP)
    y, y_after = evaluate(chosen, x), evaluate(chosen, x + h)

    def secant_slope(at: float) -> float:
        return calculus.secant_slope(chosen, at, h)
    secant_slope = evaluate(secant_slope, x) if y is not None and y_after is not None else None
    derivative = evaluate(slope_function(chosen), x)
    if y is None:
        why = f"{function} is undefined at x = {x:g}, so there is no secant and no derivative here."
    elif y_after is None:
        why = f"{function} is undefined at x + h = {x + h:g}, so this secant does not exist."
    elif derivative is None:
        why = (f"{function} is undefined just left or right of x = {x:g}, so the derivative, "
               "which looks to both sides, is undefined here.")
    else:
        why = None
    return {"x": x, "h": h, "y": y, "y_after": y_after, "secant": secant_slope, "derivative": derivative,
            "undefined": why, "uphill": None if derivative is None else _uphill(derivative)}


def _uphill(derivative: float) -> str:
    if derivative > 0:
        return "right"
    return "left" if derivative < 0 else "flat"

