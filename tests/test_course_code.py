"""Code in the original course's style runs here: numpy is explained, step-wise optimizers are driven."""

import importlib
import inspect
import sys
from pathlib import Path

import pytest

from math_fundamentals import optimization
from page_api import editing, runs
from page_api.driving import CallMismatch

FIXTURES = Path(__file__).parent / "fixtures"
COURSE_OPTIMIZATION = (FIXTURES / "course_optimization.py").read_text()
COURSE_FUNCTIONS = (FIXTURES / "course_functions.py").read_text()


@pytest.fixture
def restore_lessons(monkeypatch):
    """The lessons as shipped again after the test, the very same module objects."""
    import linecache

    import math_fundamentals
    from page_api.discovery import EDITABLE

    # The page's Python has no numpy; CPython here has it for the tests' references.
    monkeypatch.setitem(sys.modules, "numpy", None)
    for short, name in EDITABLE.items():
        shipped = importlib.import_module(name)
        monkeypatch.setitem(sys.modules, name, shipped)
        monkeypatch.setattr(math_fundamentals, short, shipped)
    lines = dict(linecache.cache)
    yield
    linecache.cache.clear()
    linecache.cache.update(lines)


def numpy_error(module, source):
    with pytest.raises(editing.NumpyUnavailable) as raised:
        editing.apply_edit(module, source)
    return editing.explain(raised.value)


def test_numpy_is_explained_with_every_line_and_its_equivalents(restore_lessons):
    explained = numpy_error("optimization", COURSE_OPTIMIZATION)
    assert explained["type"] == "NumpyUnavailable"
    assert explained["lines"] == [7, 13] and explained["line"] == 7
    assert "it is used on lines 7, 13." in explained["message"]
    assert "np.random.normal → random.gauss" in explained["message"]
    assert "math.sqrt(-1) raises ValueError" in explained["message"]
    assert "random.gauss(mu=current, sigma=scale)" in explained["rewrite"]
    assert "import numpy" not in explained["rewrite"] and "np." not in explained["rewrite"]


def test_numpy_inside_function_bodies_marks_every_line(restore_lessons):
    explained = numpy_error("functions", COURSE_FUNCTIONS)
    assert explained["lines"] == [13, 14, 18, 19]
    for pair in ["np.sqrt → math.sqrt", "np.cos → math.cos", "np.exp → math.exp", "np.pi → math.pi"]:
        assert pair in explained["message"]


def test_the_rewrite_applies_and_the_course_functions_plot(restore_lessons):
    rewrite = numpy_error("functions", COURSE_FUNCTIONS)["rewrite"]
    editing.apply_edit("functions", rewrite)
    sample = runs.sample("sqrt")
    assert sample["ys"][0] is None and sample["max"]["y"] == pytest.approx(10 ** 0.5)


@pytest.mark.parametrize("optimizer, settings", [("hill_climbing", {"scale": 1.0}),
                                                 ("gradient_ascent", {"step_size": 0.1})])
def test_course_optimizers_run_step_by_step_with_every_feature(restore_lessons, optimizer, settings):
    editing.apply_edit("optimization", numpy_error("optimization", COURSE_OPTIMIZATION)["rewrite"])
    run = runs.run(optimizer, -15.0, settings)
    assert len(run["xs"]) == 101 and run["xs"][0] == -15.0
    assert run["outcome"]["kind"] in {"local", "global"}
    steps = runs.run_steps(optimizer, -15.0, settings)
    assert len(steps["steps"]) == 101
    assert steps["steps"][0]["locals"] == {"starting_point": -15.0}
    assert "current" in steps["steps"][5]["locals"] and steps["steps"][5]["lines"]
    assert len(runs.sweep(optimizer, settings)["endings"]) == runs.SWEEP_STARTS


def test_gradient_ascent_in_the_course_style_matches_the_shipped_one(restore_lessons):
    editing.apply_edit("optimization", numpy_error("optimization", COURSE_OPTIMIZATION)["rewrite"])
    course = runs.run("gradient_ascent", 0.0, {"step_size": 0.1})
    assert course["xs"][-1] == pytest.approx(runs.landscape_peaks()[0].x, abs=1e-3)
    assert course["outcome"]["kind"] == "global"


def test_a_call_that_does_not_fit_the_def_names_its_line_and_the_pages_call(restore_lessons):
    source = inspect.getsource(optimization) + "\n\ndef odd(function, start, iterations=9, *, speed):\n    return [start]\n"
    with pytest.raises(CallMismatch) as raised:
        editing.apply_edit("optimization", source)
    explained = editing.explain(raised.value)
    assert explained["line"] == source.count("\n") - 1  # the line of the def
    assert "missing 1 required keyword-only argument: 'speed'" in explained["message"]
    assert "the page calls odd(function, start, iterations=100, ...settings)" in explained["message"]
    assert "each setting needs a parameter of that name" in explained["hint"]
