"""Checks what reaches Python from the page, or from a learner's code, once.

Every number the page sends is checked against its control's range; every value a
learner's function or optimizer gives back is checked to be a number, or a list of
points, before anything is drawn. A failed check raises an error whose message says
what was wrong and whose ``line`` points at the learner's ``def``.
"""

import math
from typing import Any, Callable

from page_api.discovery import Control, controls_for


class NotANumber(TypeError):
    """A function gave back something that is not a number; ``line`` is where it is defined."""

    def __init__(self, message: str, function: Callable | None = None):
        super().__init__(message)
        code = getattr(function, "__code__", None)
        self.line = code.co_firstlineno if code else None
        self.file = code.co_filename if code else None


class NotAPath(NotANumber):
    """An optimizer gave back something other than the list of points it visited."""


def checked(value: Any, control: Control) -> float:
    """``value`` as the control's kind of number, or a ValueError naming the control and its range."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{control.label} must be a number; got {value!r}")
    if not control.min <= value <= control.max:
        raise ValueError(f"{control.label} must be between {control.min:g} and {control.max:g}; "
                         f"got {value:g}")
    return int(value) if control.integer else float(value)


def checked_settings(optimizer: Callable, settings: Any) -> dict:
    """An optimizer's settings from the page, each checked; an unknown name is refused."""
    if settings is None:
        return {}
    if not isinstance(settings, dict):
        raise ValueError(f"the settings must be an object of names and numbers, not {settings!r}")
    known = {control.name: control for control in controls_for(optimizer)}
    for name in settings:
        if name not in known:
            choices = ", ".join(known) or "none"
            raise ValueError(f"{optimizer.__name__} has no setting called {name!r} (its settings: {choices})")
    return {name: checked(value, known[name]) for name, value in settings.items()}


def checked_point(point: Any, names: tuple[str, str], limit: float) -> tuple[float, float]:
    """A point [a, b] from the page, each coordinate between -limit and limit."""
    if not isinstance(point, list) or len(point) != 2:
        raise ValueError(f"the point must be [a, b], not {point!r}")
    return tuple(checked(value, Control(name, name, 0.0, -limit, limit, 0.01))
                 for name, value in zip(names, point))


def as_number(value: Any, where: str, function: Callable | None = None) -> float | None:
    """A finite float, or None where the function is undefined; NotANumber for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise NotANumber(f"{where} returned {value!r} ({type(value).__name__}), not a number", function)
    value = float(value)
    return value if math.isfinite(value) else None


def evaluate(function: Callable[[float], float], x: float) -> float | None:
    """f(x), or None where f is undefined at x (a math domain error, division by zero, overflow)."""
    try:
        return as_number(function(x), f"{function.__name__}({x:g})", function)
    except (ValueError, ZeroDivisionError, OverflowError):
        return None


def path_of(result: Any, optimizer: Callable, dimensions: int) -> list:
    """An optimizer's answer checked to be the list of points it visited (numbers, or (a, b) pairs).

    A value that is not finite (the run flew off) becomes NaN, for the trace to call it diverged.
    """
    name = optimizer.__name__
    kind = "points" if dimensions == 1 else "(a, b) points"
    if not isinstance(result, list) or not result:
        raise NotAPath(f"{name} returned {type(result).__name__}, not the list of {kind} it visited", optimizer)
    path = []
    for point in result:
        if dimensions == 1:
            value = as_number(point, f"{name}'s path", optimizer)
            path.append(math.nan if value is None else value)
            continue
        if not isinstance(point, (tuple, list)) or len(point) != dimensions:
            raise NotAPath(f"{name} must return {kind}, not {point!r}", optimizer)
        values = [as_number(value, f"{name}'s path", optimizer) for value in point]
        path.append(tuple(math.nan if value is None else value for value in values))
    return path
