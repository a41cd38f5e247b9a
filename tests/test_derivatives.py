"""The derivative explorer's Python: secants, f′ and its zeros, against numpy and calculus by hand."""

import json

import numpy as np
import pytest

from math_fundamentals import calculus
from page_api.dispatch import dispatch

# Each function of functions.py and its derivative, written by hand with numpy.
EXACT = {
    "f": (lambda x: 2 * x, lambda x: np.full_like(x, 2.0)),
    "square": (lambda x: x * x, lambda x: 2 * x),
    "sqrt": (np.sqrt, lambda x: 0.5 / np.sqrt(x)),
    "cosine": (np.cos, lambda x: -np.sin(x)),
}


def call(method, **args):
    return json.loads(dispatch(json.dumps({"method": method, "args": args})))


@pytest.mark.parametrize("name", EXACT)
def test_the_derivative_curve_is_the_exact_derivative(name):
    curve = call("derivative_curve", function=name)["value"]
    xs = np.array(curve["xs"])
    function, derivative = EXACT[name]
    with np.errstate(invalid="ignore", divide="ignore"):
        exact = derivative(xs)
        values = function(xs)
    for x, y, slope, want_y, want in zip(xs, curve["ys"], curve["slopes"], values, exact):
        if name == "sqrt" and x <= 1e-6:  # the central difference needs sqrt on both sides of x
            assert slope is None
            continue
        assert y == pytest.approx(want_y, abs=1e-12)
        assert slope == pytest.approx(want, rel=1e-5, abs=1e-5)


def test_zeros_largest_and_smallest_of_the_slope():
    cosine = call("derivative_curve", function="cosine")["value"]
    assert cosine["zeros"] == pytest.approx([k * np.pi for k in range(-3, 4)], abs=1e-6)
    assert cosine["largest"]["slope"] == pytest.approx(1.0, abs=1e-3)
    assert cosine["largest"]["x"] == pytest.approx(-np.pi / 2, abs=0.01)
    square = call("derivative_curve", function="square")["value"]
    assert square["zeros"] == [0.0]
    assert square["largest"] == {"x": 10.0, "slope": pytest.approx(20.0)}
    line = call("derivative_curve", function="f")["value"]
    assert line["constant"] == pytest.approx(2.0) and line["zeros"] == []


@pytest.mark.parametrize("name, x", [("square", 1.5), ("cosine", 0.7), ("sqrt", 2.0)])
def test_the_secant_slope_approaches_the_derivative_as_h_shrinks(name, x):
    function, derivative = EXACT[name]
    errors = []
    for h in (5.0, 1.0, 0.1, 0.01, 0.001, 0.0001):
        answer = call("secant", function=name, x=x, h=h)["value"]
        assert answer["secant"] == pytest.approx((function(x + h) - function(x)) / h, rel=1e-9)
        assert answer["derivative"] == pytest.approx(derivative(x), rel=1e-6)
        errors.append(abs(answer["secant"] - answer["derivative"]))
    assert errors == sorted(errors, reverse=True)
    assert errors[-1] < 1e-3


def test_where_sqrt_is_undefined_the_page_is_told_why():
    left = call("secant", function="sqrt", x=-1.0, h=0.5)["value"]
    assert left["secant"] is None and left["derivative"] is None
    assert left["undefined"] == "sqrt is undefined at x = -1, so there is no secant and no derivative here."
    edge = call("secant", function="sqrt", x=0.0, h=0.5)["value"]
    assert edge["secant"] == pytest.approx(np.sqrt(0.5) / 0.5)
    assert edge["derivative"] is None and "looks to both sides" in edge["undefined"]


@pytest.mark.parametrize("args, message", [({"x": 11.0, "h": 1.0}, "Point x must be between -10 and 10"),
                                           ({"x": 0.0, "h": 0.0}, "Step h must be between 0.0001 and 5"),
                                           ({"x": "one", "h": 1.0}, "Point x must be a number")])
def test_bad_input_is_refused_with_a_message(args, message):
    error = call("secant", function="square", **args)["error"]
    assert message in error["message"]


def test_secant_slope_in_the_lesson():
    assert calculus.secant_slope(lambda x: x**3, 1.0, 1.0) == 7.0
    assert calculus.secant_slope(np.exp, 0.0, 1e-4) == pytest.approx(1.0, abs=1e-4)
