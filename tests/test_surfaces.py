"""The test surfaces of surfaces.py and their map, against numpy and the textbook minima."""

import inspect

import numpy as np
import pytest

from math_fundamentals import surfaces
from page_api import checks, discovery, editing, network, surface_view

REFERENCE = {
    "rosenbrock": lambda a, b: (1 - a) ** 2 + 100 * (b - a ** 2) ** 2,
    "himmelblau": lambda a, b: (a ** 2 + b - 11) ** 2 + (a + b ** 2 - 7) ** 2,
    "saddle": lambda a, b: a ** 2 + (b ** 2 - 2) ** 2 / 4,
}
# The minima in the textbooks (Himmelblau's three irrational ones to 6 decimals).
MINIMA = {
    "rosenbrock": [(1.0, 1.0)],
    "himmelblau": [(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)],
    "saddle": [(0.0, np.sqrt(2)), (0.0, -np.sqrt(2))],
}


def numpy_gradient(f, a, b, h=1e-6):
    return np.array([(f(a + h, b) - f(a - h, b)) / (2 * h), (f(a, b + h) - f(a, b - h)) / (2 * h)])


@pytest.mark.parametrize("name", REFERENCE)
def test_each_surface_agrees_with_numpy_over_its_whole_map(name):
    shown = surface_view.surface_map(name)
    a, b = np.meshgrid(np.array(shown["steps_a"]), np.array(shown["steps_b"]))
    np.testing.assert_allclose(np.array(shown["values"], dtype=float), REFERENCE[name](a, b), rtol=1e-12, atol=1e-12)
    assert shown["ranges"] == [list(axis) for axis in discovery.SURFACE_RANGES[name]]
    assert (a[0, 0], b[0, 0], a[-1, -1], b[-1, -1]) == (*shown["ranges"][0][:1], *shown["ranges"][1][:1],
                                                        shown["ranges"][0][1], shown["ranges"][1][1])


@pytest.mark.parametrize("name", REFERENCE)
def test_the_minima_found_are_the_textbook_minima(name):
    found = surface_view.surface_map(name)["minima"]
    assert sorted((round(m["a"], 5), round(m["b"], 5)) for m in found) == sorted(
        (round(a, 5), round(b, 5)) for a, b in MINIMA[name])
    for minimum in found:
        assert minimum["value"] == pytest.approx(0.0, abs=1e-12)
        assert np.abs(numpy_gradient(REFERENCE[name], minimum["a"], minimum["b"])).max() < 1e-6


def test_the_slope_is_a_central_difference_like_numpy_s():
    surface = surface_view.surface_named("rosenbrock")
    for a, b in [(-1.0, 1.0), (0.3, -0.7), (1.9, 1.2)]:
        exact = np.array([-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)])
        np.testing.assert_allclose(surface.gradient(a, b), exact, rtol=1e-6, atol=1e-5)
        assert surface.gradient(a, b, [1, 2]) == surface.gradient(a, b)


def test_the_surfaces_are_in_the_catalog_with_their_ranges():
    listed = {entry["name"]: entry for entry in discovery.catalog()["surfaces"]}
    assert list(listed) == ["rosenbrock", "himmelblau", "saddle"]
    assert listed["himmelblau"]["range"] == [[-5.0, 5.0], [-5.0, 5.0]]
    assert listed["rosenbrock"]["range"] == [[-2.0, 2.0], [-1.0, 3.0]]
    assert "curved valley" in listed["rosenbrock"]["doc"]


def test_a_learner_s_surface_joins_the_picker_with_its_map_and_minimum():
    source = inspect.getsource(surfaces)
    try:
        catalog = editing.apply_edit("surfaces", source + "\n\ndef bowl(a, b):\n    return (a - 1) ** 2 + b * b + 2\n")
        bowl = catalog["surfaces"][-1]
        assert (bowl["name"], bowl["range"]) == ("bowl", [[-3.0, 3.0], [-3.0, 3.0]])
        shown = surface_view.surface_map("bowl")
        [minimum] = shown["minima"]
        assert (minimum["a"], minimum["b"], minimum["value"]) == pytest.approx((1.0, 0.0, 2.0), abs=1e-9)
        run = network.descend("gradient_descent", [-2.0, 2.0], {"learning_rate": 0.1}, "bowl")
        assert run["outcome"]["kind"] == "global" and run["losses"][-1] == pytest.approx(2.0)
        with pytest.raises(checks.NotANumber, match="text"):
            editing.apply_edit("surfaces", source + "\n\ndef text(a, b):\n    return 'low'\n")
    finally:
        editing.apply_edit("surfaces", source)


def test_a_surface_undefined_in_places_leaves_gaps_and_an_undefined_start_is_refused():
    source = inspect.getsource(surfaces)
    try:
        editing.apply_edit("surfaces", source + "\n\nimport math\n\ndef root(a, b):\n    return math.sqrt(a) + b * b\n")
        shown = surface_view.surface_map("root")
        assert shown["values"][0][0] is None and shown["values"][0][-1] is not None
        with pytest.raises(ValueError, match="no value or slope at the start"):
            network.descend("gradient_descent", [-1.0, 1.0], {}, "root")
    finally:
        editing.apply_edit("surfaces", source)
