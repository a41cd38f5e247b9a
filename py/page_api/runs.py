"""The one-variable pages: curves of functions, runs of optimizers, and where runs end.

Every answer is made of columns (``{"xs": [...], "ys": [...]}``), with ``None``
where a function is undefined, so the page can draw it with gaps.
"""

import functools
import math
from dataclasses import asdict
from typing import Any, Callable

from math_fundamentals import calculus, landscape
from page_api import driving, extremes, outcomes, stepper
from page_api.checks import checked, checked_settings, evaluate, path_of
from page_api.discovery import ITERATIONS, Control, controls_for, lookup

FUNCTION_RANGE = (-10.0, 10.0)
FUNCTION_SAMPLES = 10_001
LANDSCAPE_SAMPLES = 2_001
# A run whose point leaves this far beyond the landscape's ends has flown off.
DIVERGENCE_LIMIT = 1e6
START = Control("start", "Starting point", 0.0, landscape.LOW, landscape.HIGH, 0.1)
SWEEP_STARTS = 401
MAP_STEP_SIZES = 24
MAP_STARTS = 81


def grid(low: float, high: float, count: int) -> list[float]:
    """``count`` evenly spaced numbers from ``low`` to ``high``, both included."""
    return [low + (high - low) * i / (count - 1) for i in range(count)]


def sample(function: str, low: float = FUNCTION_RANGE[0], high: float = FUNCTION_RANGE[1],
           samples: int = FUNCTION_SAMPLES) -> dict:
    """The curve of a function from ``functions.py`` as columns, with its minimum and maximum (see extremes)."""
    chosen = lookup("functions", function, "function")
    xs = grid(low, high, samples)
    ys = [evaluate(chosen, x) for x in xs]
    return {"name": function, "xs": xs, "ys": ys, **extremes.extremes(chosen, xs, ys)}


@functools.cache
def terrain() -> outcomes.Terrain:
    """The peaks (highest first) and valleys of the bumpy landscape, searched once, then remembered."""
    valleys = landscape.find_maxima(lambda x: -landscape.bumpy(x), landscape.LOW, landscape.HIGH)
    return outcomes.Terrain(landscape.find_maxima(landscape.bumpy, landscape.LOW, landscape.HIGH),
                            [landscape.Peak(valley.x, -valley.y) for valley in valleys])


def landscape_peaks() -> list[landscape.Peak]:
    """The peaks of the bumpy landscape, highest first."""
    return terrain().peaks


def landscape_view(samples: int = LANDSCAPE_SAMPLES) -> dict:
    """The bumpy landscape as columns, with its global and local maximum located by search."""
    xs = grid(landscape.LOW, landscape.HIGH, samples)
    peaks = landscape_peaks()
    return {"xs": xs, "ys": [landscape.bumpy(x) for x in xs],
            "global_max": asdict(peaks[0]),
            "local_max": asdict(peaks[1]) if len(peaks) > 1 else None}


def _prepared(optimizer: str, settings: Any) -> tuple[Callable, dict]:
    chosen = lookup("optimization", optimizer, "optimizer")
    return chosen, checked_settings(chosen, settings)


def _climb(chosen: Callable, start: float, settings: dict) -> list[float]:
    return path_of(driving.path(chosen, landscape.bumpy, start, ITERATIONS, settings), chosen, 1)


def run(optimizer: str, start: float, settings: dict | None = None) -> dict:
    """One whole run of an optimizer on the bumpy landscape, as columns, with its outcome."""
    chosen, settings = _prepared(optimizer, settings)
    return trace(_climb(chosen, checked(start, START), settings))


def run_steps(optimizer: str, start: float, settings: dict | None = None) -> dict | None:
    """The same run again, watched line by line: per iteration, the lines run and the variables.

    A separate call, so the path is drawn first and this slower, traced run follows.
    """
    chosen, settings = _prepared(optimizer, settings)
    _, steps = stepper.run_with_steps(chosen, landscape.bumpy, checked(start, START), ITERATIONS, settings)
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


def slope(x: float) -> float:
    """The slope of the bumpy landscape at x, as gradient ascent measures it."""
    return calculus.derivative(landscape.bumpy, x)


def trace(path: list[float]) -> dict:
    """Columns for a path: x, f(x), slope and best so far at each iteration, and the outcome."""
    xs, ys, slopes, best_xs, best_ys = [], [], [], [], []
    best_x = best_y = None
    diverged_at = None
    for step, x in enumerate(path):
        if not math.isfinite(x) or abs(x) > DIVERGENCE_LIMIT:
            diverged_at = step
            break
        y = evaluate(landscape.bumpy, x)
        if y is not None and (best_y is None or y > best_y):
            best_x, best_y = x, y
        xs.append(x)
        ys.append(y)
        slopes.append(evaluate(slope, x))
        best_xs.append(best_x)
        best_ys.append(best_y)
    verdict = (outcomes.diverged(diverged_at) if diverged_at is not None
               else outcomes.climb(xs, ys, best_x, best_y, terrain()))
    return {"xs": xs, "ys": ys, "slopes": slopes, "best_xs": best_xs, "best_ys": best_ys, "outcome": verdict}


def ending(path: list[float]) -> str:
    """Where a run ended, in one word: global, local, oscillating, diverged or neither."""
    if any(not math.isfinite(x) or abs(x) > DIVERGENCE_LIMIT for x in path):
        return "diverged"
    heights = [evaluate(landscape.bumpy, x) for x in path]
    best_x, best_y = max(zip(path, heights), key=lambda pair: -math.inf if pair[1] is None else pair[1])
    kind = outcomes.climb(path, heights, best_x, best_y, terrain())["kind"]
    return kind if kind in ("global", "local", "oscillating") else "neither"


def sweep(optimizer: str, settings: dict | None = None) -> dict:
    """Where the optimizer ends from each start of a fine grid over the landscape (starts rounded, as shown)."""
    chosen, settings = _prepared(optimizer, settings)
    starts = [round(start, 6) for start in grid(landscape.LOW, landscape.HIGH, SWEEP_STARTS)]
    return {"starts": starts, "endings": [ending(_climb(chosen, start, settings)) for start in starts]}


def step_size_map(optimizer: str = "gradient_ascent") -> dict:
    """Where an optimizer ends for each step size (log scale, 0.001 to 1) and starting point."""
    chosen = lookup("optimization", optimizer, "optimizer")
    if not any(control.name == "step_size" for control in controls_for(chosen)):
        raise ValueError(f"{optimizer} has no step_size setting, so it has no learning-rate map; "
                         "choose an optimizer with a step_size, such as gradient_ascent")
    # Three significant digits: the page loads a cell's run with exactly the step size it shows.
    step_sizes = [float(f"{10 ** exponent:.3g}") for exponent in grid(-3, 0, MAP_STEP_SIZES)]
    starts = grid(landscape.LOW, landscape.HIGH, MAP_STARTS)
    return {"step_sizes": step_sizes, "starts": starts,
            "endings": [[ending(_climb(chosen, start, {"step_size": step_size})) for start in starts]
                        for step_size in step_sizes]}
