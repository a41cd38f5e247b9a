"""The minimum and maximum the functions page names, against numpy as an independent reference."""

import math

import numpy as np
import pytest

from page_api import runs
from page_api.checks import evaluate
from page_api.extremes import extremes

XS = runs.grid(*runs.FUNCTION_RANGE, runs.FUNCTION_SAMPLES)


def of(function):
    return extremes(function, XS, [evaluate(function, x) for x in XS])


def numpy_places(vectorised, kind):
    """Numpy's answer: the extreme of the samples and the separate runs of samples that reach it."""
    xs = np.linspace(*runs.FUNCTION_RANGE, runs.FUNCTION_SAMPLES)
    with np.errstate(all="ignore"):
        ys = vectorised(xs)
    ys = np.where(np.isfinite(ys), ys, np.nan)
    value = np.nanmin(ys) if kind == "min" else np.nanmax(ys)
    hit = np.flatnonzero(np.isclose(ys, value, rtol=1e-9, atol=1e-9))
    breaks = np.flatnonzero(np.diff(hit) > 1)
    firsts = np.concatenate([[hit[0]], hit[breaks + 1]])
    lasts = np.concatenate([hit[breaks], [hit[-1]]])
    return value, [(xs[a], xs[b]) for a, b in zip(firsts, lasts)]


BOUNDED = {
    "square": (lambda x: x * x, np.square),
    "cosine": (math.cos, np.cos),
    "sqrt": (math.sqrt, np.sqrt),
    "cubic": (lambda x: x**3 - 3 * x, lambda x: x**3 - 3 * x),
    "flat": (lambda x: 5.0, lambda x: np.full_like(x, 5.0)),
    "narrow spike": (lambda x: 1 / (1e-6 + x * x), lambda x: 1 / (1e-6 + x * x)),
    "step": (lambda x: 1.0 if x > 0.0011 else 0.0, lambda x: np.where(x > 0.0011, 1.0, 0.0)),
}


@pytest.mark.parametrize("name", BOUNDED)
@pytest.mark.parametrize("kind", ["min", "max"])
def test_a_bounded_extreme_names_every_place_numpy_finds(name, kind):
    plain, vectorised = BOUNDED[name]
    found = of(plain)[kind]
    value, places = numpy_places(vectorised, kind)
    assert found["unbounded"] is None
    assert found["y"] == pytest.approx(value, rel=1e-12)
    ends = [end for place in found["places"] for end in (place["from"], place["to"])]
    assert ends == pytest.approx([end for place in places for end in place], abs=1e-12)
    assert found["x"] == pytest.approx(places[0][0], abs=1e-12)


def test_square_reaches_its_maximum_at_both_ends():
    top = of(lambda x: x * x)["max"]
    assert top["y"] == 100.0
    assert top["places"] == [{"from": -10.0, "to": -10.0}, {"from": 10.0, "to": 10.0}]


def grows_without_bound(vectorised, pole, direction):
    """Numpy's check: ten times nearer the pole, f moves on in `direction` by no less each time."""
    gaps = 10.0 ** -np.arange(3, 13)
    with np.errstate(all="ignore"):
        values = direction * np.maximum(direction * vectorised(pole - gaps), direction * vectorised(pole + gaps))
    steps = np.diff(direction * values)
    return bool(np.all(steps > 0) and steps[-1] >= 0.5 * steps[0])


UNBOUNDED = {
    # name: (function, numpy, pole, which extremes are missing)
    "1/x": (lambda x: 1 / x, lambda x: 1 / x, 0.0, ("min", "max")),
    "1/x²": (lambda x: 1 / x**2, lambda x: 1 / x**2, 0.0, ("max",)),
    "log|x|": (lambda x: math.log(abs(x)), lambda x: np.log(np.abs(x)), 0.0, ("min",)),
    "1/(x - 0.001)": (lambda x: 1 / (x - 0.001), lambda x: 1 / (x - 0.001), 0.001, ("min", "max")),
    "tan": (math.tan, np.tan, 5 * math.pi / 2, ("min", "max")),
    "1/(x - 10)": (lambda x: 1 / (x - 10), lambda x: 1 / (x - 10), 10.0, ("min",)),
}


@pytest.mark.parametrize("name", UNBOUNDED)
def test_a_function_that_runs_away_near_a_pole_has_no_extreme_there(name):
    plain, vectorised, pole, missing = UNBOUNDED[name]
    found = of(plain)
    for kind in missing:
        direction = -1 if kind == "min" else 1
        assert grows_without_bound(vectorised, pole, direction)
        assert found[kind]["y"] is None and found[kind]["places"] == []
        assert abs(abs(found[kind]["unbounded"]["near"]) - abs(pole)) < 1e-3
    for kind in {"min", "max"} - set(missing):
        assert found[kind]["unbounded"] is None


def test_the_pole_of_one_over_x_is_named_as_zero_not_minus_zero():
    assert math.copysign(1, of(lambda x: 1 / x)["min"]["unbounded"]["near"]) == 1


def test_a_function_undefined_everywhere_has_no_extremes():
    assert of(lambda x: math.sqrt(-1 - x * x)) == {"min": None, "max": None}


def test_sample_carries_the_extremes():
    sample = runs.sample("square")
    assert sample["max"]["places"] == [{"from": -10.0, "to": -10.0}, {"from": 10.0, "to": 10.0}]
    assert sample["min"] == {"y": 0.0, "x": 0.0, "places": [{"from": 0.0, "to": 0.0}], "more": 0, "unbounded": None}
