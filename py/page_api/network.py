"""The neural-network page: the network's loss over a 2-D slice of its weights, descents on it,
and what the network answers.

The trained parameters θ* and the two directions d1, d2 of the slice come from the
build (numpy, see ``build_time/network_landscape.py``), which ships them beside these
files as ``trained_network.json``. A call from the page carries only what changes:
an optimizer, a start (a, b) and its settings.
"""

import functools
import json
import math
from pathlib import Path

from math_fundamentals import neural_network
from math_fundamentals.neural_network import Point
from page_api import driving, outcomes, surface_view
from page_api.checks import checked_point, checked_settings, path_of
from page_api.discovery import ITERATIONS, SLICE_SPAN, lookup

TRAINED_NETWORK = Path(__file__).with_name("trained_network.json")
# The part of the plane the data lives in, and how finely the network's answers are shown there.
DATA_X = (-1.6, 2.6)
DATA_Y = (-1.1, 1.6)
DECISION_CELLS = 42
# A run that gets this far from the trained network has flown off the slice for good.
DIVERGENCE_LIMIT = 1e3
# The surface a descent walks on unless it names one of surfaces.py.
NETWORK = "network"


class LossSlice:
    """The loss of the network over the plane through ``center`` spanned by ``first`` and ``second``:
    at (a, b) the network's parameters are θ* + a·d1 + b·d2."""

    def __init__(self, center: list[float], first: list[float], second: list[float],
                 points: list[Point], labels: list[int]):
        self.center, self.first, self.second = center, first, second
        self.points, self.labels = points, labels

    def parameters(self, a: float, b: float) -> list[float]:
        """The network's parameters at (a, b): θ* + a·d1 + b·d2."""
        return [t + a * d1 + b * d2 for t, d1, d2 in zip(self.center, self.first, self.second)]

    def loss_and_slope(self, a: float, b: float, batch: list[int] | None = None) -> tuple[float, tuple[float, float]]:
        """The loss at (a, b) and its slope along a and along b, on the examples numbered in
        ``batch`` (all of them when None).

        Moving a by a little moves every parameter by a little times d1, so (chain
        rule) the slope along a is the sum of gradient × d1 over all parameters.
        """
        points, labels = self.points, self.labels
        if batch is not None:
            points, labels = [points[i] for i in batch], [labels[i] for i in batch]
        value, gradient = neural_network.loss_and_gradient(self.parameters(a, b), points, labels)
        slope_a = sum(g * d for g, d in zip(gradient, self.first))
        slope_b = sum(g * d for g, d in zip(gradient, self.second))
        return value, (slope_a, slope_b)

    def loss(self, a: float, b: float) -> float:
        """The loss at (a, b)."""
        return self.loss_and_slope(a, b)[0]

    def gradient(self, a: float, b: float, batch: list[int] | None = None) -> tuple[float, float]:
        """The slope of the loss along a and along b at (a, b), on a batch of examples or all."""
        return self.loss_and_slope(a, b, batch)[1]


def slice_of(network: dict) -> LossSlice:
    """The slice through ``{"center", "first", "second"}``, each a list of 33 finite numbers."""
    size = neural_network.parameter_count()
    vectors = []
    for name in ("center", "first", "second"):
        vector = network.get(name) if isinstance(network, dict) else None
        if (not isinstance(vector, list) or len(vector) != size
                or not all(isinstance(value, (int, float)) and not isinstance(value, bool)
                           and math.isfinite(value) for value in vector)):
            raise ValueError(f"the network's {name!r} must be a list of {size} finite numbers")
        vectors.append([float(value) for value in vector])
    points, labels = neural_network.two_moons()
    return LossSlice(*vectors, points, labels)


@functools.cache
def trained_slice() -> LossSlice:
    """The slice through the network trained at build time (read once, then remembered)."""
    try:
        network = json.loads(TRAINED_NETWORK.read_text())
    except FileNotFoundError:
        raise ValueError(f"{TRAINED_NETWORK.name} is missing: `python3 build.py` trains the network "
                         "and writes it beside the page's Python files") from None
    return slice_of(network)


def descend(optimizer: str, start: list[float], settings: dict | None = None, surface: str | None = None) -> dict:
    """One whole run of a ``training.py`` optimizer, as columns: on the network's loss slice, or on
    the test surface of ``surfaces.py`` called ``surface``."""
    return descent(optimizer, start, settings, surface, accuracies=True)


def descent(optimizer: str, start: list[float], settings: dict | None, surface: str | None, *,
            accuracies: bool) -> dict:
    """A run as ``descend`` answers it; on the network, with the share of points right at each step
    only when ``accuracies`` (a race leaves it out: it costs as much as the run itself)."""
    chosen = lookup("training", optimizer, "optimizer")
    settings = checked_settings(chosen, settings)
    if surface not in (None, NETWORK):
        return surface_view.descend_on(surface, chosen, start, settings)
    start = checked_point(start, ("Start a", "Start b"), SLICE_SPAN)
    loss_slice = trained_slice()
    measured = {}

    def gradient(a: float, b: float, batch: list[int] | None = None) -> tuple[float, float]:
        # The loss and slope on every example are kept for the trace: measured once, not twice.
        if batch is not None:
            return loss_slice.gradient(a, b, batch)
        measured[(a, b)] = loss_slice.loss_and_slope(a, b)
        return measured[(a, b)][1]

    path = driving.path(chosen, gradient, start, ITERATIONS, settings, dimensions=2)
    return trace(loss_slice, path_of(path, chosen, 2), measured, accuracies=accuracies)


def trace(loss_slice: LossSlice, path: list[tuple[float, float]], measured: dict | None = None, *,
          accuracies: bool = True) -> dict:
    """A descent as columns (a, b, loss, slope and, if ``accuracies``, accuracy per iteration) with
    its outcome; ``measured`` holds the loss and slope at points where they are known already."""
    as_, bs, losses, slopes_a, slopes_b, rights = [], [], [], [], [], []
    diverged_at = None
    for step, (a, b) in enumerate(path):
        if not (math.isfinite(a) and math.isfinite(b)) or max(abs(a), abs(b)) > DIVERGENCE_LIMIT:
            diverged_at = step
            break
        value, (slope_a, slope_b) = (measured or {}).get((a, b)) or loss_slice.loss_and_slope(a, b)
        as_.append(a)
        bs.append(b)
        losses.append(value)
        slopes_a.append(slope_a)
        slopes_b.append(slope_b)
        if accuracies:
            rights.append(neural_network.accuracy(loss_slice.parameters(a, b), loss_slice.points,
                                                  loss_slice.labels))
    verdict = (outcomes.diverged(diverged_at) if diverged_at is not None
               else outcomes.descent(as_, bs, losses, SLICE_SPAN))
    columns = {"as": as_, "bs": bs, "losses": losses, "slopes_a": slopes_a, "slopes_b": slopes_b}
    return columns | ({"accuracies": rights} if accuracies else {}) | {"outcome": verdict}


def decision(point: list[float]) -> dict:
    """What the network answers over the data's part of the plane with its weights at (a, b)."""
    a, b = checked_point(point, ("a", "b"), DIVERGENCE_LIMIT)
    loss_slice = trained_slice()
    parameters = loss_slice.parameters(a, b)
    xs = [DATA_X[0] + (DATA_X[1] - DATA_X[0]) * (i + 0.5) / DECISION_CELLS for i in range(DECISION_CELLS)]
    rows = round(DECISION_CELLS * (DATA_Y[1] - DATA_Y[0]) / (DATA_X[1] - DATA_X[0]))
    ys = [DATA_Y[0] + (DATA_Y[1] - DATA_Y[0]) * (j + 0.5) / rows for j in range(rows)]
    answers = [neural_network.predict(parameters, point) for point in loss_slice.points]
    return {"x_range": list(DATA_X), "y_range": list(DATA_Y),
            "probabilities": [[neural_network.predict(parameters, (x, y)) for x in xs] for y in ys],
            "points": [list(point) for point in loss_slice.points], "labels": loss_slice.labels,
            "right": [(answer > 0.5) == bool(label) for answer, label in zip(answers, loss_slice.labels)]}
