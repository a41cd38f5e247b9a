"""The thin layer between the web page and the lessons: plumbing, not a lesson.

The page sends a method name and JSON arguments to ``dispatch``; the answer is
JSON too, made only of dicts, lists, strings, numbers and ``None``. Functions
and optimizers are discovered from their modules, so a new ``def`` in
``functions.py`` or ``optimization.py`` shows up on the page by itself.
"""

import functools
import gc
import importlib
import inspect
import json
import linecache
import math
import sys
import traceback
import types
from dataclasses import asdict, dataclass
from types import ModuleType
from typing import Any, Callable

from math_fundamentals import calculus, landscape, network_api, stepper

FUNCTION_RANGE = (-10.0, 10.0)
FUNCTION_SAMPLES = 10_001
LANDSCAPE_SAMPLES = 2_001
ITERATIONS = 100
PEAK_TOLERANCE = 0.1
# A run whose point leaves this far beyond the landscape's ends has flown off.
DIVERGENCE_LIMIT = 1e6


@dataclass(frozen=True)
class Control:
    """How the page shows one keyword argument of an optimizer."""

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
}
# The modules a learner may edit in the page, by their short name.
EDITABLE = {"functions": "math_fundamentals.functions", "optimization": "math_fundamentals.optimization",
            "training": "math_fundamentals.training"}
# Settings the page fixes rather than offering as controls.
FIXED_ARGUMENTS = {"function", "gradient", "start", "iterations"}


def lesson(name: str) -> ModuleType:
    """The current version of an editable lesson module (it may have been edited in the page)."""
    return importlib.import_module(EDITABLE[name])


def public_functions(module: ModuleType) -> list[Callable]:
    """The functions a module defines for learners, in the order they are written."""
    found = [value for name, value in vars(module).items()
             if inspect.isfunction(value) and not name.startswith("_")
             and value.__module__ == module.__name__]
    return sorted(found, key=lambda function: function.__code__.co_firstlineno)


def describe(function: Callable) -> dict:
    """Name, docstring and source code of a function, for the page to show."""
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        source = ""
    return {"name": function.__name__, "doc": inspect.getdoc(function) or "", "source": source}


def controls_for(optimizer: Callable) -> list[dict]:
    """The controls of an optimizer: its keyword arguments, with ranges for the page."""
    controls = []
    for parameter in inspect.signature(optimizer).parameters.values():
        if parameter.name in FIXED_ARGUMENTS or parameter.default is inspect.Parameter.empty:
            continue
        control = CONTROLS.get(parameter.name) or _guess_control(parameter.name, parameter.default)
        controls.append(asdict(control) | {"default": parameter.default})
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


def catalog() -> dict:
    """Everything the page lists: functions, optimizers and their controls."""
    return {
        "functions": [describe(function) for function in public_functions(lesson("functions"))],
        "optimizers": [describe(optimizer) | {"controls": controls_for(optimizer)}
                       for optimizer in public_functions(lesson("optimization"))],
        "network_optimizers": [describe(optimizer) | {"controls": controls_for(optimizer)}
                               for optimizer in public_functions(lesson("training"))],
        "sources": {name: inspect.getsource(lesson(name)) for name in EDITABLE},
        "iterations": ITERATIONS,
        "landscape_range": [landscape.LOW, landscape.HIGH],
    }


class NotANumber(TypeError):
    """A function gave back something that is not a number; ``line`` is where it is defined."""

    def __init__(self, message: str, function: Callable | None = None):
        super().__init__(message)
        code = getattr(function, "__code__", None)
        self.line = code.co_firstlineno if code else None
        self.file = code.co_filename if code else None


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


def sample(function: str, low: float = FUNCTION_RANGE[0], high: float = FUNCTION_RANGE[1],
           samples: int = FUNCTION_SAMPLES) -> dict:
    """The curve of a function from ``functions.py`` as columns, with its minimum and maximum."""
    chosen = _lookup(lesson("functions"), function, "function")
    xs = [low + (high - low) * i / (samples - 1) for i in range(samples)]
    ys = [evaluate(chosen, x) for x in xs]
    defined = [(y, x) for x, y in zip(xs, ys) if y is not None]
    if not defined:
        return {"name": function, "xs": xs, "ys": ys, "min": None, "max": None}
    low_y, low_x = min(defined)
    high_y, high_x = max(defined, key=lambda pair: (pair[0], -pair[1]))
    return {"name": function, "xs": xs, "ys": ys,
            "min": {"x": low_x, "y": low_y}, "max": {"x": high_x, "y": high_y}}


@functools.cache
def landscape_peaks() -> list[landscape.Peak]:
    """The peaks of the bumpy landscape, highest first (searched once, then remembered)."""
    return landscape.find_maxima(landscape.bumpy, landscape.LOW, landscape.HIGH)


def landscape_view(samples: int = LANDSCAPE_SAMPLES) -> dict:
    """The bumpy landscape as columns, with its global and local maximum located by search."""
    low, high = landscape.LOW, landscape.HIGH
    xs = [low + (high - low) * i / (samples - 1) for i in range(samples)]
    peaks = landscape_peaks()
    return {"xs": xs, "ys": [landscape.bumpy(x) for x in xs],
            "global_max": asdict(peaks[0]),
            "local_max": asdict(peaks[1]) if len(peaks) > 1 else None}


def _prepare_run(optimizer: str, start: float, settings: dict) -> tuple[Callable, float, dict]:
    chosen = _lookup(lesson("optimization"), optimizer, "optimizer")
    start = _checked("start", start, Control("start", "Starting point", 0.0,
                                             landscape.LOW, landscape.HIGH, 0.1))
    known = {control["name"]: control for control in controls_for(chosen)}
    for name, value in settings.items():
        if name not in known:
            raise ValueError(f"{optimizer} has no setting called {name!r}")
        settings[name] = _checked(name, value, Control(**known[name]))
    return chosen, start, settings


def run(optimizer: str, start: float, **settings: Any) -> dict:
    """One whole run of an optimizer on the bumpy landscape, as columns, with its outcome."""
    chosen, start, settings = _prepare_run(optimizer, start, settings)
    return trace(chosen(landscape.bumpy, start, iterations=ITERATIONS, **settings))


def run_steps(optimizer: str, start: float, **settings: Any) -> dict | None:
    """The same run again, watched line by line: per iteration, the lines run and the variables.

    A separate call, so the path is drawn first and this slower, traced run follows.
    """
    chosen, start, settings = _prepare_run(optimizer, start, settings)
    _, steps = stepper.run_with_steps(chosen, landscape.bumpy, start, iterations=ITERATIONS, **settings)
    return _finite(steps)


def _finite(value: Any) -> Any:
    """The same data with infinities and NaN turned into None, so it stays valid JSON."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


def trace(path: list[float]) -> dict:
    """Columns for a path: x, f(x), slope and best so far at each iteration, and the outcome."""
    xs, ys, slopes, best_xs, best_ys = [], [], [], [], []
    best_x = best_y = None
    diverged_at = None
    for step, x in enumerate(path):
        x = as_number(x, "the optimizer")
        if x is None or abs(x) > DIVERGENCE_LIMIT:
            diverged_at = step
            break
        y = evaluate(landscape.bumpy, x)
        if y is not None and (best_y is None or y > best_y):
            best_x, best_y = x, y
        xs.append(x)
        ys.append(y)
        slopes.append(evaluate(lambda point: calculus.derivative(landscape.bumpy, point), x))
        best_xs.append(best_x)
        best_ys.append(best_y)
    return {"xs": xs, "ys": ys, "slopes": slopes, "best_xs": best_xs, "best_ys": best_ys,
            "outcome": outcome(xs, diverged_at, best_x)}


def outcome(xs: list[float], diverged_at: int | None = None, best_x: float | None = None) -> dict:
    """An honest one-line label of what a run did, for learners.

    A run is judged by the best point it found (random restarts end wherever the
    last climb ended), except that bouncing around at the end is called out first.
    """
    if diverged_at is not None:
        return {"kind": "diverged", "step": diverged_at,
                "label": f"Diverged at step {diverged_at}: the steps grew without limit"}
    moves = [b - a for a, b in zip(xs[-11:], xs[-10:])]
    if len(moves) >= 4 and all(m1 * m2 < 0 and abs(m1) > 1e-6 for m1, m2 in zip(moves, moves[1:])):
        return {"kind": "oscillating", "label": "Oscillating: step size too large"}
    peaks = landscape_peaks()
    found = xs[-1] if best_x is None else best_x
    if abs(found - peaks[0].x) < PEAK_TOLERANCE:
        return {"kind": "global", "label": "Reached the global max"}
    if any(abs(found - peak.x) < PEAK_TOLERANCE for peak in peaks[1:]):
        return {"kind": "local", "label": "Stuck on the local max"}
    if not landscape.LOW <= xs[-1] <= landscape.HIGH:
        return {"kind": "outside", "label": "Left the plotted range"}
    return {"kind": "climbing", "label": "Still climbing: no peak reached yet"}


def descend(optimizer: str, start: list[float], network: dict, **settings: Any) -> dict:
    """One whole run of a ``training.py`` optimizer on the network's loss slice, as columns."""
    chosen = _lookup(lesson("training"), optimizer, "optimizer")
    if not isinstance(start, list) or len(start) != 2:
        raise ValueError(f"the start must be a point [a, b], not {start!r}")
    span = network_api.SLICE_SPAN
    start = tuple(_checked(name, value, Control(name, name, 0.0, -span, span, 0.01))
                  for name, value in zip(("Start a", "Start b"), start))
    known = {control["name"]: Control(**control) for control in controls_for(chosen)}
    for name, value in settings.items():
        if name not in known:
            raise ValueError(f"{optimizer} has no setting called {name!r}")
        settings[name] = _checked(name, value, known[name])
    loss_slice = network_api.loss_slice(network)
    path = chosen(loss_slice.gradient, start, iterations=ITERATIONS, **settings)
    if not isinstance(path, list) or not path:
        raise NotANumber(f"{optimizer} returned {type(path).__name__}, not the list of points it visited", chosen)
    points = []
    for point in path:
        if not isinstance(point, (tuple, list)) or len(point) != 2:
            raise NotANumber(f"{optimizer} must return (a, b) points, not {point!r}", chosen)
        checked = [as_number(value, f"{optimizer}'s path", chosen) for value in point]
        # Infinity or NaN: the run has diverged there; trace() says so.
        points.append(tuple(math.nan if value is None else value for value in checked))
    return network_api.trace(loss_slice, points)


def decision(point: list[float], network: dict) -> dict:
    """The network's answers over the plane with its weights at ``point`` (a, b) of the slice."""
    if not isinstance(point, list) or len(point) != 2:
        raise ValueError(f"the point must be [a, b], not {point!r}")
    a, b = (_checked(name, value, Control(name, name, 0.0, -network_api.DIVERGENCE_LIMIT,
                                          network_api.DIVERGENCE_LIMIT, 0.01))
            for name, value in zip(("a", "b"), point))
    return network_api.decision_map(network_api.loss_slice(network), a, b)


SWEEP_STARTS = 401
MAP_STEP_SIZES = 24
MAP_STARTS = 81


def ending(path: list[float]) -> str:
    """Where a run ended, in one word: global, local, oscillating, diverged or neither."""
    clean = [x for x in path if isinstance(x, (int, float)) and math.isfinite(x) and abs(x) <= DIVERGENCE_LIMIT]
    if len(clean) < len(path):
        return "diverged"
    best_x = max(clean, key=lambda x: evaluate(landscape.bumpy, x) or -math.inf)
    return outcome(clean, None, best_x)["kind"].replace("climbing", "neither").replace("outside", "neither")


def sweep(optimizer: str, **settings: Any) -> dict:
    """Where the optimizer ends from each start of a fine grid over the landscape."""
    chosen = _lookup(lesson("optimization"), optimizer, "optimizer")
    known = {control["name"]: Control(**control) for control in controls_for(chosen)}
    checked = {name: _checked(name, value, known[name]) for name, value in settings.items() if name in known}
    starts = [landscape.LOW + (landscape.HIGH - landscape.LOW) * i / (SWEEP_STARTS - 1)
              for i in range(SWEEP_STARTS)]
    return {"starts": starts,
            "endings": [ending(chosen(landscape.bumpy, start, iterations=ITERATIONS, **checked))
                        for start in starts]}


def step_size_map(optimizer: str = "gradient_ascent") -> dict:
    """Where gradient ascent ends for each step size (log scale, 0.001 to 1) and starting point."""
    chosen = _lookup(lesson("optimization"), optimizer, "optimizer")
    step_sizes = [10 ** (-3 + 3 * i / (MAP_STEP_SIZES - 1)) for i in range(MAP_STEP_SIZES)]
    starts = [landscape.LOW + (landscape.HIGH - landscape.LOW) * i / (MAP_STARTS - 1) for i in range(MAP_STARTS)]
    return {"step_sizes": step_sizes, "starts": starts,
            "endings": [[ending(chosen(landscape.bumpy, start, iterations=ITERATIONS, step_size=step_size))
                         for start in starts] for step_size in step_sizes]}


def _lookup(module: ModuleType, name: str, kind: str) -> Callable:
    for candidate in public_functions(module):
        if candidate.__name__ == name:
            return candidate
    known = ", ".join(function.__name__ for function in public_functions(module))
    raise ValueError(f"there is no {kind} called {name!r}; choose one of: {known}")


def _checked(name: str, value: Any, control: Control) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{control.label} must be a number; got {value!r}")
    if not control.min <= value <= control.max:
        raise ValueError(f"{control.label} must be between {control.min:g} and {control.max:g}; "
                         f"got {value:g}")
    return int(value) if control.integer else float(value)


def importable(modules: list[str]) -> dict[str, bool]:
    """Which of these modules Python can import here (the page's Python has a trimmed library)."""
    found = {}
    for name in modules:
        try:
            importlib.import_module(name)
            found[name] = True
        except ImportError:
            found[name] = False
    return found


def add_library(place: str) -> None:
    """Puts a second part of the standard library (the zip at `place`) behind the first.

    A package imported from the first part looks for its modules only in its own folder there,
    so each one is told about its folder in the new zip too: a codec or submodule left out of
    the first part is found there.
    """
    first_parts = [entry + "/" for entry in sys.path if entry.endswith(".zip") and entry != place]
    if place not in sys.path:
        sys.path.append(place)
    for name, module in list(sys.modules.items()):
        search_path = getattr(module, "__path__", None)
        if not isinstance(search_path, list) or not search_path:
            continue
        inside = f"{place}/{name.replace('.', '/')}"
        if search_path[0].startswith(tuple(first_parts)) and inside not in search_path:
            search_path.append(inside)


def apply_edit(module: str, source: str) -> dict:
    """Replaces a lesson module with a learner's edited source, and answers the new catalog.

    The new code must compile, run, and behave (functions give numbers, optimizers
    give paths); otherwise the error is raised and the last working version stays.
    """
    if module not in EDITABLE:
        raise ValueError(f"only {', '.join(EDITABLE)} can be edited, not {module!r}")
    current = lesson(module)
    path = current.__file__
    code = compile(source, path, "exec")
    fresh = types.ModuleType(EDITABLE[module], current.__doc__)
    fresh.__file__ = path
    fresh.__package__ = "math_fundamentals"
    previous_lines = linecache.cache.get(path)
    # inspect.getsource and tracebacks read lines through linecache: give them the new text.
    # An entry without a modification time is kept as it is; the file itself is never written.
    linecache.cache[path] = (len(source), None, source.splitlines(True), path)
    try:
        exec(code, fresh.__dict__)
        _check_edit(module, fresh)
    except BaseException:
        if previous_lines is None:
            linecache.cache.pop(path, None)
        else:
            linecache.cache[path] = previous_lines
        raise
    sys.modules[EDITABLE[module]] = fresh
    setattr(sys.modules["math_fundamentals"], module, fresh)
    return catalog()


def _check_edit(module: str, fresh: ModuleType) -> None:
    found = public_functions(fresh)
    if not found:
        kind = "function" if module == "functions" else "optimizer"
        raise ValueError(f"{module}.py has no public {kind} left: define one with def")
    for function in found:
        if module == "functions":
            for x in (-2.5, 0.5, 3.0):
                evaluate(function, x)
        elif module == "training":
            controls_for(function)
            path = function(lambda a, b: (2 * a, 2 * b), (0.5, 0.5), iterations=3)
            if not isinstance(path, list) or not path:
                raise NotANumber(f"{function.__name__} returned {type(path).__name__}, "
                                 "not the list of (a, b) points it visited", function)
            for point in path:
                if not isinstance(point, (tuple, list)) or len(point) != 2:
                    raise NotANumber(f"{function.__name__} must return (a, b) points, not {point!r}", function)
                for value in point:
                    as_number(value, f"{function.__name__}'s path", function)
        else:
            controls_for(function)
            path = function(landscape.bumpy, 0.5, iterations=3)
            if not isinstance(path, list) or not path:
                raise NotANumber(f"{function.__name__} returned {type(path).__name__}, "
                                 "not the list of points it visited", function)
            for x in path:
                as_number(x, f"{function.__name__}'s path", function)


HINTS = {
    "SyntaxError": "Python could not read this line: look for a missing colon, bracket or quote.",
    "IndentationError": "The lines inside a def, for or if must all be indented by the same amount.",
    "ZeroDivisionError": "Something was divided by zero.",
    "ValueError": "A value was outside what is allowed here.",
    "TypeError": "A value was of the wrong kind, for example text where a number was expected.",
    "NotANumber": "A function must return a number (an int or a float), for example with return 2 * x.",
    "OverflowError": "A number grew too large for the computer to hold.",
    "NameError": "A name is used that was never defined: check its spelling.",
    "AttributeError": "A name after a dot does not exist: check its spelling.",
    "RecursionError": "A function kept calling itself without end.",
}
# Files whose lines a learner can act on; plumbing (page_api, stepper) is skipped in error reports.
LESSON_FILES = ("functions.py", "optimization.py", "landscape.py", "calculus.py", "neural_network.py",
                "training.py")


def explain(error: BaseException) -> dict:
    """A Python error as plain data: its type, message, a hint and the lesson line it came from."""
    kind = type(error).__name__
    if isinstance(error, SyntaxError):
        return {"type": kind, "message": error.msg, "hint": HINTS.get(kind, HINTS["SyntaxError"]),
                "file": (error.filename or "").rsplit("/", 1)[-1] or None, "line": error.lineno}
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if frame.filename.endswith(LESSON_FILES)]
    line = getattr(error, "line", None) or (frames[-1].lineno if frames else None)
    file = getattr(error, "file", None) or (frames[-1].filename if frames else None)
    return {"type": kind, "message": str(error), "hint": HINTS.get(kind, ""),
            "file": file.rsplit("/", 1)[-1] if file else None, "line": line}


def python_memory() -> dict:
    """How many objects Python holds after a collection, and how many stand for JavaScript
    objects (proxies). The load test checks that neither grows with use."""
    gc.collect()
    objects = gc.get_objects()
    try:
        from pyodide.ffi import JsProxy
    except ImportError:  # CPython: there is no JavaScript
        return {"objects": len(objects), "js_proxies": 0}
    return {"objects": len(objects), "js_proxies": sum(isinstance(item, JsProxy) for item in objects)}


METHODS = {"catalog": catalog, "sample": sample, "landscape": landscape_view, "run": run,
           "run_steps": run_steps, "importable": importable, "apply_edit": apply_edit, "sweep": sweep,
           "step_size_map": step_size_map, "descend": descend,
           "decision": decision, "python_memory": python_memory}


def dispatch(request: str) -> str:
    """Runs ``{"method": ..., "args": {...}}`` and answers ``{"value": ...}`` or ``{"error": ...}``."""
    try:
        message = json.loads(request)
        method = METHODS[message["method"]]
        value = method(**message.get("args", {}))
        return json.dumps({"value": value}, allow_nan=False)
    except Exception as error:  # every error goes back to the page as data, never lost
        return json.dumps({"error": explain(error)})
