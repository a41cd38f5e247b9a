"""Finds the functions and optimizers the lessons define, and lists them for the page.

Nothing is registered by hand: a public ``def`` in ``functions.py``, ``optimization.py``,
``training.py`` or ``surfaces.py`` is on the page, with its docstring, its source and a control for
each of its keyword arguments.
"""

import importlib
import inspect
from dataclasses import asdict, dataclass
from types import ModuleType
from typing import Any, Callable

from math_fundamentals import landscape

ITERATIONS = 100
# The modules a learner may edit in the page, by their short name.
EDITABLE = {"functions": "math_fundamentals.functions", "optimization": "math_fundamentals.optimization",
            "training": "math_fundamentals.training", "surfaces": "math_fundamentals.surfaces"}
# Arguments the page fixes rather than offering as controls.
FIXED_ARGUMENTS = {"function", "gradient", "start", "iterations", "starting_point", "steps"}
# The neural-network page shows a and b from -SLICE_SPAN to SLICE_SPAN; runs start inside it.
SLICE_SPAN = 1.5
# The ranges of a and of b the network page shows for each test surface of surfaces.py.
SURFACE_RANGES = {"rosenbrock": ((-2.0, 2.0), (-1.0, 3.0)), "himmelblau": ((-5.0, 5.0), (-5.0, 5.0)),
                  "saddle": ((-2.0, 2.0), (-2.0, 2.0))}
DEFAULT_SURFACE_RANGE = ((-3.0, 3.0), (-3.0, 3.0))


@dataclass(frozen=True)
class Control:
    """How the page shows one keyword argument of an optimizer (or one number it sends)."""

    name: str
    label: str
    default: float
    min: float
    max: float
    step: float
    integer: bool = False


CONTROLS = {
    "scale": Control("scale", "Scale", 1.0, 0.1, 5.0, 0.1),
    "step_size": Control("step_size", "Step size", 0.01, 0.001, 1.0, 0.001),
    "seed": Control("seed", "Seed", 0, 0, 2**31 - 1, 1, integer=True),
    "momentum": Control("momentum", "Momentum", 0.9, 0.0, 0.99, 0.01),
    "temperature": Control("temperature", "Temperature", 10.0, 0.1, 100.0, 0.1),
    "cooling": Control("cooling", "Cooling", 0.95, 0.5, 0.999, 0.001),
    "restarts": Control("restarts", "Restarts", 4, 0, 20, 1, integer=True),
    "spread": Control("spread", "Spread", 20.0, 1.0, 40.0, 0.5),
    "learning_rate": Control("learning_rate", "Learning rate", 0.02, 0.001, 1.0, 0.001),
    "batch_size": Control("batch_size", "Batch size", 16, 1, 80, 1, integer=True),
    "decay": Control("decay", "Decay", 0.9, 0.0, 0.999, 0.001),
    "beta1": Control("beta1", "Beta 1", 0.9, 0.0, 0.999, 0.001),
    "beta2": Control("beta2", "Beta 2", 0.999, 0.0, 0.9999, 0.0001),
    "epsilon": Control("epsilon", "Epsilon", 1e-8, 1e-12, 0.1, 1e-9),
}


def lesson(name: str) -> ModuleType:
    """The current version of an editable lesson module (it may have been edited in the page)."""
    return importlib.import_module(EDITABLE[name])


def public_functions(module: ModuleType) -> list[Callable]:
    """The functions a module defines for learners, in the order they are written."""
    found = [value for name, value in vars(module).items()
             if inspect.isfunction(value) and not name.startswith("_")
             and value.__module__ == module.__name__]
    return sorted(found, key=lambda function: function.__code__.co_firstlineno)


def lookup(module_name: str, name: str, kind: str) -> Callable:
    """The public function ``name`` of an editable lesson, or a ValueError that lists the choices."""
    found = public_functions(lesson(module_name))
    for candidate in found:
        if candidate.__name__ == name:
            return candidate
    known = ", ".join(function.__name__ for function in found)
    raise ValueError(f"there is no {kind} called {name!r}; choose one of: {known}")


def describe(function: Callable) -> dict:
    """Name, docstring and source code of a function, for the page to show."""
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        source = ""
    return {"name": function.__name__, "doc": inspect.getdoc(function) or "", "source": source}


def controls_for(optimizer: Callable) -> list[Control]:
    """The controls of an optimizer: its keyword arguments, with ranges for the page."""
    controls = []
    for parameter in inspect.signature(optimizer).parameters.values():
        if parameter.name in FIXED_ARGUMENTS or parameter.default is inspect.Parameter.empty:
            continue
        known = CONTROLS.get(parameter.name) or _guess_control(parameter.name, parameter.default)
        controls.append(Control(**(asdict(known) | {"default": parameter.default})))
    return controls


def _guess_control(name: str, default: Any) -> Control:
    """A sensible range for a keyword argument the table above does not know yet."""
    label = name.replace("_", " ").capitalize()
    if isinstance(default, bool) or not isinstance(default, (int, float)):
        raise TypeError(f"the default of {name!r} must be a number, not {default!r}")
    if isinstance(default, int):
        return Control(name, label, default, 0, max(10 * default, 100), 1, integer=True)
    magnitude = abs(default) or 1.0
    return Control(name, label, default, -10 * magnitude if default < 0 else 0.0,
                   10 * magnitude, magnitude / 100)


def _optimizers(module_name: str) -> list[dict]:
    return [describe(optimizer) | {"controls": [asdict(control) for control in controls_for(optimizer)]}
            for optimizer in public_functions(lesson(module_name))]


def catalog() -> dict:
    """Everything the page lists: functions, optimizers with their controls, sources and ranges."""
    return {
        "functions": [describe(function) for function in public_functions(lesson("functions"))],
        "optimizers": _optimizers("optimization"),
        "network_optimizers": _optimizers("training"),
        "sources": {name: inspect.getsource(lesson(name)) for name in EDITABLE},
        "iterations": ITERATIONS,
        "landscape_range": [landscape.LOW, landscape.HIGH],
        "slice_span": SLICE_SPAN,
        "surfaces": [describe(surface) | {"range": [list(axis) for axis in surface_range(surface.__name__)]}
                     for surface in public_functions(lesson("surfaces"))],
    }


def surface_range(name: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """The (low, high) of a and of b that a test surface is shown over."""
    return SURFACE_RANGES.get(name, DEFAULT_SURFACE_RANGE)
