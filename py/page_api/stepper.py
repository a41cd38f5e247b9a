"""Watching an optimizer think: which lines ran in each iteration, and its variables.

This is the tool behind the page's code view, not a lesson. Python lets us install a
*trace function* (``sys.settrace``) that is called for every line a function
executes. We record, for every iteration of an optimizer, the lines it ran and the
numbers in its variables when the iteration ended.

An iteration ends where the optimizer records its position: ``path = [x]`` for the
start and ``path.append(x)`` after each iteration. Every optimizer in
``optimization.py`` is written that way.
"""

import sys
from numbers import Real
from typing import Any, Callable

MARKERS = ("path = [", "path.append(")


def run_with_steps(optimizer: Callable, *args: Any, **kwargs: Any) -> tuple[list[float], dict | None]:
    """Runs ``optimizer(*args, **kwargs)``; returns its path and, per iteration, lines and variables.

    The second value is None when the optimizer does not mark its iterations with
    ``path = [...]`` and ``path.append(...)``, or when they do not match its path.
    """
    code = optimizer.__code__
    marker_lines = _marker_lines(optimizer)
    steps: list[dict] = []
    lines: list[int] = []

    def trace_lines(frame, event, _arg):
        if event == "line":
            lines.append(frame.f_lineno)
            if frame.f_lineno in marker_lines:
                steps.append({"lines": lines.copy(), "locals": _numbers(frame.f_locals)})
                lines.clear()
        return trace_lines

    def trace_calls(frame, event, _arg):
        return trace_lines if event == "call" and frame.f_code is code else None

    previous = sys.gettrace()
    sys.settrace(trace_calls)
    try:
        path = optimizer(*args, **kwargs)
    finally:
        sys.settrace(previous)
    if not marker_lines or len(steps) != len(path):
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
