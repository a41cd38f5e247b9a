"""The neural-network page's side of the page API: plumbing, not a lesson.

The trained parameters and the two directions of the slice come from the build
(numpy, see ``build_time/network_landscape.py``); the page sends them with every
call, so Python keeps no state between calls and a restarted worker needs nothing.
"""

import math

from math_fundamentals import neural_network
from math_fundamentals.training import LossSlice

# The slice shows a and b from -SLICE_SPAN to SLICE_SPAN; runs start inside it.
SLICE_SPAN = 1.5
# The part of the plane the data lives in, and how finely the network's answers are shown there.
DATA_X = (-1.6, 2.6)
DATA_Y = (-1.1, 1.6)
DECISION_CELLS = 42
# A run that gets this far from the trained network has flown off the slice for good.
DIVERGENCE_LIMIT = 1e3
# Within this distance of (0, 0), a run has found the trained network again.
MINIMUM_TOLERANCE = 0.1
# A run whose loss changed by less than this share over its last steps has settled.
SETTLED_STEPS = 20
SETTLED_CHANGE = 0.01
# ... and a run whose loss still jumps by more than this share is bouncing around.
BOUNCING_CHANGE = 0.5


def loss_slice(network: dict) -> LossSlice:
    """The slice described by the page: {"center", "first", "second"}, 33 numbers each."""
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


def trace(loss_slice: LossSlice, path: list[tuple[float, float]]) -> dict:
    """A descent as columns (a, b, loss, slope, accuracy per iteration) with its outcome."""
    as_, bs, losses, slopes_a, slopes_b, accuracies = [], [], [], [], [], []
    diverged_at = None
    for step, (a, b) in enumerate(path):
        if not (math.isfinite(a) and math.isfinite(b)) or max(abs(a), abs(b)) > DIVERGENCE_LIMIT:
            diverged_at = step
            break
        value, (slope_a, slope_b) = loss_slice.loss_and_slope(a, b)
        as_.append(a)
        bs.append(b)
        losses.append(value)
        slopes_a.append(slope_a)
        slopes_b.append(slope_b)
        accuracies.append(neural_network.accuracy(loss_slice.parameters(a, b), loss_slice.points,
                                                  loss_slice.labels))
    return {"as": as_, "bs": bs, "losses": losses, "slopes_a": slopes_a, "slopes_b": slopes_b,
            "accuracies": accuracies, "outcome": outcome(as_, bs, losses, diverged_at)}


def outcome(as_: list[float], bs: list[float], losses: list[float], diverged_at: int | None) -> dict:
    """An honest one-line label of what a descent did, for learners."""
    if diverged_at is not None:
        return {"kind": "diverged", "step": diverged_at,
                "label": f"Diverged at step {diverged_at}: the steps grew without limit"}
    last = losses[-1]
    if max(abs(as_[-1]), abs(bs[-1])) > SLICE_SPAN:
        return {"kind": "outside", "label": f"Ended outside the drawn slice (loss {last:.3g}): "
                                            "the steps were too large"}
    if math.hypot(as_[-1], bs[-1]) < MINIMUM_TOLERANCE:
        return {"kind": "global", "label": f"Reached the trained network's minimum (loss {last:.4f})"}
    recent = losses[-SETTLED_STEPS:]
    if len(recent) == SETTLED_STEPS and max(recent) - min(recent) < SETTLED_CHANGE * last:
        return {"kind": "local", "label": f"Stuck in a local minimum: loss {last:.3f}, "
                                          f"higher than the trained network's"}
    if max(recent) - min(recent) > BOUNCING_CHANGE * last:
        return {"kind": "oscillating", "label": "Bouncing around the valley: learning rate too large"}
    moves = [(a2 - a1, b2 - b1) for a1, a2, b1, b2 in zip(as_[-11:], as_[-10:], bs[-11:], bs[-10:])]
    if len(moves) >= 4 and all(m1[0] * m2[0] + m1[1] * m2[1] < 0 for m1, m2 in zip(moves, moves[1:])):
        return {"kind": "oscillating", "label": "Bouncing across the valley: learning rate too large"}
    if last > losses[0]:
        return {"kind": "oscillating", "label": f"Ended higher than it started (loss {losses[0]:.3g} → "
                                                f"{last:.3g}): learning rate too large"}
    return {"kind": "climbing", "label": f"Still descending after {len(as_) - 1} steps (loss {last:.3f})"}


def decision_map(loss_slice: LossSlice, a: float, b: float) -> dict:
    """What the network at (a, b) answers over the data's part of the plane, and for each point."""
    parameters = loss_slice.parameters(a, b)
    xs = [DATA_X[0] + (DATA_X[1] - DATA_X[0]) * (i + 0.5) / DECISION_CELLS for i in range(DECISION_CELLS)]
    rows = round(DECISION_CELLS * (DATA_Y[1] - DATA_Y[0]) / (DATA_X[1] - DATA_X[0]))
    ys = [DATA_Y[0] + (DATA_Y[1] - DATA_Y[0]) * (j + 0.5) / rows for j in range(rows)]
    answers = [neural_network.predict(parameters, point) for point in loss_slice.points]
    return {"x_range": list(DATA_X), "y_range": list(DATA_Y),
            "probabilities": [[neural_network.predict(parameters, (x, y)) for x in xs] for y in ys],
            "points": [list(point) for point in loss_slice.points], "labels": loss_slice.labels,
            "right": [(answer > 0.5) == bool(label) for answer, label in zip(answers, loss_slice.labels)]}
