"""A learner's edited lesson: apply it if it works, and explain Python's errors in plain words.

An edit replaces a lesson module only when the new code compiles, runs, and behaves
(functions give numbers, optimizers give paths); otherwise the error is raised and
the last working version stays.
"""

import linecache
import sys
import traceback
import types
from types import ModuleType

from math_fundamentals import landscape
from page_api import driving, numpy_help, surface_view
from page_api.checks import evaluate, path_of
from page_api.discovery import EDITABLE, catalog, controls_for, lesson, public_functions

HINTS = {
    "SyntaxError": "Python could not read this line: look for a missing colon, bracket or quote.",
    "IndentationError": "The lines inside a def, for or if must all be indented by the same amount.",
    "ZeroDivisionError": "Something was divided by zero.",
    "ValueError": "A value was outside what is allowed here.",
    "TypeError": "A value was of the wrong kind, for example text where a number was expected.",
    "NotANumber": "A function must return a number (an int or a float), for example with return 2 * x.",
    "NotAPath": "An optimizer must return the list of points it visited: path = [x] at the start, "
                "then path.append(x) after each step, and return path.",
    "OverflowError": "A number grew too large for the computer to hold.",
    "NameError": "A name is used that was never defined: check its spelling.",
    "AttributeError": "A name after a dot does not exist: check its spelling.",
    "RecursionError": "A function kept calling itself without end.",
    "NumpyUnavailable": "Replace each numpy name by its standard-library equivalent (Rewrite does it for you), "
                        "and import math or random at the top.",
    "CallMismatch": "The page calls an optimizer with the function, the start and its settings by name: "
                    "each setting needs a parameter of that name with a default, as in scale: float = 1.0.",
}


class NumpyUnavailable(ImportError):
    """Edited code imports numpy; ``lines`` are all its numpy lines, ``rewrite`` the source without them."""

    def __init__(self, source: str, path: str):
        message, found = numpy_help.explanation(source)
        super().__init__(message)
        self.lines, self.rewrite = found["lines"], found["rewrite"]
        self.line, self.file = (found["lines"] or [None])[0], path


# Files whose lines a learner can act on; the page's plumbing is skipped in error reports.
LESSON_FILES = ("functions.py", "optimization.py", "landscape.py", "calculus.py", "neural_network.py",
                "training.py", "surfaces.py")

def apply_edit(module: str, source: str) -> dict:
    """Replaces a lesson module with a learner's edited source, and answers the new catalog."""
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
        try:
            exec(code, fresh.__dict__)
            _check_edit(module, fresh)
        except ModuleNotFoundError as error:
            if error.name != "numpy":
                raise
            raise NumpyUnavailable(source, path) from None
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
    """Tries every public function of an edited module once, as the page will call it."""
    found = public_functions(fresh)
    if not found:
        kind = "optimizer" if module in ("optimization", "training") else "function"
        raise ValueError(f"{module}.py has no public {kind} left: define one with def")
    for function in found:
        if module == "functions":
            for x in (-2.5, 0.5, 3.0):
                evaluate(function, x)
        elif module == "surfaces":
            for a, b in ((-0.5, 0.5), (0.25, 1.5)):
                surface_view.Surface(function).value(a, b)
        elif module == "training":
            controls_for(function)
            bowl = lambda a, b, batch=None: (2 * a, 2 * b)  # noqa: E731 - the slope of a² + b²
            path_of(driving.path(function, bowl, (0.5, 0.5), 3, {}, dimensions=2), function, 2)
        else:
            controls_for(function)
            path_of(driving.path(function, landscape.bumpy, 0.5, 3, {}), function, 1)

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
    explained = {"type": kind, "message": str(error), "hint": HINTS.get(kind, ""),
                 "file": file.rsplit("/", 1)[-1] if file else None, "line": line}
    if isinstance(error, NumpyUnavailable):
        explained |= {"lines": error.lines, "rewrite": error.rewrite}
    return explained
