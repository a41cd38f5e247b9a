"""The lesson functions against numpy as an independent reference."""

import doctest
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from math_fundamentals import calculus, functions, landscape, neural_network, optimization, training
from page_api.checks import evaluate
from page_api.discovery import public_functions

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@pytest.mark.parametrize("module", [functions, landscape, calculus, optimization, neural_network, training])
def test_docstring_examples_hold(module):
    failures, tried = doctest.testmod(module)
    assert tried > 0 and failures == 0


@given(finite)
def test_f_doubles(x):
    assert functions.f(x) == pytest.approx(np.multiply(2, x))


@given(finite)
def test_square_matches_numpy(x):
    assert functions.square(x) == pytest.approx(np.square(x))


@given(st.floats(min_value=0, max_value=1e12))
def test_sqrt_matches_numpy(x):
    assert functions.sqrt(x) == pytest.approx(np.sqrt(x))


@given(st.floats(max_value=-1e-300, allow_nan=False, allow_infinity=False))
def test_sqrt_of_negative_is_undefined_not_zero(x):
    with pytest.raises(ValueError):
        functions.sqrt(x)
    assert evaluate(functions.sqrt, x) is None


@given(finite)
def test_cosine_matches_numpy(x):
    assert functions.cosine(x) == pytest.approx(np.cos(x), abs=1e-12)


def test_bumpy_matches_numpy_formula():
    xs = np.linspace(-20, 20, 4001)
    expected = -(xs * np.sin(xs / 2 - 3) + 0.15 * xs**2 - 20 * np.cos(0.5 * (xs / 2 - 2)))
    assert [landscape.bumpy(x) for x in xs] == pytest.approx(expected.tolist(), abs=1e-12)


def test_discovered_functions_are_in_file_order():
    names = [function.__name__ for function in public_functions(functions)]
    assert names == ["f", "square", "sqrt", "cosine"]


@given(st.floats(min_value=-20, max_value=20))
def test_derivative_matches_numpy_gradient(x):
    xs = np.linspace(x - 1e-3, x + 1e-3, 3)
    numpy_slope = np.gradient([landscape.bumpy(v) for v in xs], xs)[1]
    assert calculus.derivative(landscape.bumpy, x) == pytest.approx(numpy_slope, abs=1e-4)


def test_peaks_match_a_dense_numpy_search():
    xs = np.linspace(-20, 20, 2_000_001)
    ys = -(xs * np.sin(xs / 2 - 3) + 0.15 * xs**2 - 20 * np.cos(0.5 * (xs / 2 - 2)))
    inner = np.where((ys[1:-1] > ys[:-2]) & (ys[1:-1] >= ys[2:]))[0] + 1
    expected = sorted(zip(ys[inner], xs[inner]), reverse=True)
    peaks = landscape.find_maxima(landscape.bumpy, -20, 20)
    assert len(peaks) == len(expected) == 2
    for peak, (y, x) in zip(peaks, expected):
        assert peak.x == pytest.approx(x, abs=1e-4)
        assert peak.y == pytest.approx(y, abs=1e-8)
    assert math.isclose(peaks[0].x, 3.489, abs_tol=1e-3)
