"""Watching an optimizer think: which lines ran in each iteration, and its variables.

This is the tool behind the page's code view, not a lesson. Python lets us install a
*trace function* (``sys.settrace``) that is called for every line a function
executes. We record, for every iteration of an optimizer, the lines it ran and the
numbers in its variables when the iteration ended.

An iteration ends where the optimizer records its position: ``path = [x]`` for the
start and ``path.append(x)`` after each iteration. Every optimizer in
``optimization.py`` is written that way. An optimizer in the course's style is
called once per iteration, so there an iteration ends where the call returns.
"""

import sys
from numbers import Real
from typing import Callable

from page_api import driving

MARKERS = ("path = [", "path.append(")


def run_with_steps(optimizer: Callable, surface: Callable, start: float, iterations: int,
                   settings: dict) -> tuple[list[float], dict | None]:
    """Runs the optimizer as the page does; returns its path and, per iteration, lines and variables.

    An optimizer in the page's style marks its iterations with ``path = [...]`` and
    ``path.append(...)``; one in the course's style (``steps``) is called once per
    iteration, so each call is one iteration and its variables are read as it returns.
    The second value is None when the iterations cannot be told apart this way.
    """
    code = optimizer.__code__
    stepwise = driving.is_stepwise(optimizer)
    marker_lines = set() if stepwise else _marker_lines(optimizer)
    steps: list[dict] = []
    lines: list[int] = []

    def record(frame) -> None:
        steps.append({"lines": lines.copy(), "locals": _numbers(frame.f_locals)})
        lines.clear()

    def trace_lines(frame, event, _arg):
        if event == "line":
            lines.append(frame.f_lineno)
            if frame.f_lineno in marker_lines:
                record(frame)
        elif event == "return" and stepwise:
            record(frame)
        return trace_lines

    def trace_calls(frame, event, _arg):
        return trace_lines if event == "call" and frame.f_code is code else None

    previous = sys.gettrace()
    sys.settrace(trace_calls)
    try:
        path = driving.path(optimizer, surface, start, iterations, settings)
    finally:
        sys.settrace(previous)
    if stepwise:
        steps.insert(0, {"lines": [], "locals": {"starting_point": start}})
    if not (stepwise or marker_lines) or len(steps) != len(path):
        return path, None
    return path, {"first_line": code.co_firstlineno, "steps": steps}


def _marker_lines(optimizer: Callable) -> set[int]:
    import inspect

    try:
        source, first = inspect.getsourcelines(optimizer)
    except (OSError, TypeError):
        return set()
    return {first + i for i, line in enumerate(source) if any(marker in line for marker in MARKERS)}


def _numbers(variables: dict) -> dict:
    """The variables that hold plain numbers (the ones worth showing), rounded for display."""
    return {name: value for name, value in variables.items()
            if isinstance(value, Real) and not isinstance(value, bool) and not name.startswith("_")}
