"""How the page calls a lesson's optimizer, in either of the two styles a learner may write.

* The page's style: ``name(function, start, iterations=100, ...)`` returns every point it
  stood on (the start, then one point per iteration).
* The course's style: ``name(function, starting_point, steps=100, ...)`` returns only the
  point it ended at. The page calls it once per iteration with ``steps=1``, feeding each
  answer back in as the next ``starting_point``, and so builds the same list of points.

A call that does not fit the ``def`` (an argument it has no parameter for, or one too
few) is reported at the ``def``'s line, with a hint about the page's way of calling.
"""

import inspect
from typing import Any, Callable

from page_api.checks import NotAPath, as_number

# The parameter names that mark the course's style.
STEPWISE = ("starting_point", "steps")


class CallMismatch(TypeError):
    """The page's call does not fit the optimizer's ``def``; ``line`` is where it is defined."""

    def __init__(self, message: str, function: Callable):
        super().__init__(message)
        self.line = function.__code__.co_firstlineno
        self.file = function.__code__.co_filename


def is_stepwise(optimizer: Callable) -> bool:
    """True for an optimizer in the course's style: a ``starting_point`` and ``steps``, no ``iterations``."""
    parameters = inspect.signature(optimizer).parameters
    return all(name in parameters for name in STEPWISE) and "iterations" not in parameters


def call(optimizer: Callable, *args: Any, **kwargs: Any) -> Any:
    """optimizer(*args, **kwargs), with a call that does not fit its ``def`` explained at that ``def``."""
    try:
        return optimizer(*args, **kwargs)
    except TypeError as error:
        # Raised by the call itself (the def's parameters), not from inside the optimizer.
        if error.__traceback__.tb_next is None:
            raise CallMismatch(f"{error} (the page calls {optimizer.__name__}{_page_call(optimizer)})",
                               optimizer) from None
        raise


def _page_call(optimizer: Callable) -> str:
    first = next(iter(inspect.signature(optimizer).parameters), "function")
    if is_stepwise(optimizer):
        return f"({first}, starting_point, steps=1, ...settings)"
    return f"({first}, start, iterations=100, ...settings)"


def path(optimizer: Callable, surface: Callable, start: Any, iterations: int, settings: dict,
         dimensions: int = 1) -> Any:
    """The points the optimizer stood on, whichever style it is written in (not yet checked)."""
    if not is_stepwise(optimizer):
        return call(optimizer, surface, start, iterations=iterations, **settings)
    points = [start]
    for _ in range(iterations):
        point = call(optimizer, surface, points[-1], steps=1, **settings)
        if dimensions == 1:
            as_number(point, f"{optimizer.__name__} (written with steps, it returns the point it ended at)",
                      optimizer)
        elif not isinstance(point, (tuple, list)):
            raise NotAPath(f"{optimizer.__name__} returned {point!r}, not the (a, b) point it ended at", optimizer)
        points.append(point)
    return points
