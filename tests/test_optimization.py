"""Optimizers: shape of their paths, what they reach, and reproducibility."""

import random

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from math_fundamentals import landscape, optimization
from page_api.discovery import public_functions

GLOBAL_X = 3.489
LOCAL_X = -16.202


def test_discovered_optimizers():
    names = [function.__name__ for function in public_functions(optimization)]
    assert names[:2] == ["hill_climbing", "gradient_ascent"]


@pytest.mark.parametrize("optimizer", public_functions(optimization))
def test_path_has_start_and_one_point_per_iteration(optimizer):
    path = optimizer(landscape.bumpy, 1.5, iterations=100)
    assert len(path) == 101
    assert path[0] == 1.5


@given(start=st.floats(min_value=-20, max_value=20), seed=st.integers(0, 2**31 - 1),
       scale=st.floats(min_value=0.1, max_value=5))
@settings(max_examples=50)
def test_hill_climbing_never_goes_down(start, seed, scale):
    path = optimization.hill_climbing(landscape.bumpy, start, scale=scale, seed=seed)
    heights = [landscape.bumpy(x) for x in path]
    assert all(b >= a for a, b in zip(heights, heights[1:]))


def test_hill_climbing_same_seed_same_path_other_seed_other_path():
    first = optimization.hill_climbing(landscape.bumpy, 0.0, seed=7)
    assert optimization.hill_climbing(landscape.bumpy, 0.0, seed=7) == first
    assert optimization.hill_climbing(landscape.bumpy, 0.0, seed=8) != first


def test_hill_climbing_does_not_touch_the_global_random_state():
    random.seed(1)
    expected = random.random()
    random.seed(1)
    optimization.hill_climbing(landscape.bumpy, 0.0)
    assert random.random() == expected


def test_gradient_ascent_matches_a_numpy_reference():
    def numpy_slope(x):
        return float(np.gradient(-(np.array([x - 1e-6, x, x + 1e-6]) * np.sin(np.array([x - 1e-6, x, x + 1e-6]) / 2 - 3)
                                   + 0.15 * np.array([x - 1e-6, x, x + 1e-6]) ** 2
                                   - 20 * np.cos(0.5 * (np.array([x - 1e-6, x, x + 1e-6]) / 2 - 2))), 1e-6)[1])

    x = -5.0
    expected = [x]
    for _ in range(100):
        x = x + 0.05 * numpy_slope(x)
        expected.append(x)
    assert optimization.gradient_ascent(landscape.bumpy, -5.0, step_size=0.05) == pytest.approx(expected, abs=1e-6)


def test_gradient_ascent_from_zero_reaches_the_global_max():
    path = optimization.gradient_ascent(landscape.bumpy, 0.0, step_size=0.1)
    assert path[-1] == pytest.approx(GLOBAL_X, abs=1e-3)


def test_gradient_ascent_from_the_left_is_stuck_on_the_local_max():
    path = optimization.gradient_ascent(landscape.bumpy, -15.0, step_size=0.1)
    assert path[-1] == pytest.approx(LOCAL_X, abs=1e-3)


def test_small_scale_hill_climbing_from_the_left_is_stuck():
    path = optimization.hill_climbing(landscape.bumpy, -15.0, scale=0.1, seed=0)
    assert path[-1] == pytest.approx(LOCAL_X, abs=0.1)
