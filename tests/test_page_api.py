"""The page's API: plain JSON in and out, honest outcomes, readable errors."""

import importlib
import inspect
import json
import math
import sys
import zipfile

import pytest
from hypothesis import given, settings, strategies as st

from math_fundamentals import page_api


def call(method, **args):
    return json.loads(page_api.dispatch(json.dumps({"method": method, "args": args})))


def test_catalog_lists_functions_optimizers_and_controls():
    catalog = call("catalog")["value"]
    assert [entry["name"] for entry in catalog["functions"]] == ["f", "square", "sqrt", "cosine"]
    assert catalog["functions"][0]["doc"].startswith("Doubles its input")
    assert "def f(x: float)" in catalog["functions"][0]["source"]
    hill, gradient = catalog["optimizers"][:2]
    assert {control["label"] for control in hill["controls"]} >= {"Scale", "Seed"}
    step = next(control for control in gradient["controls"] if control["name"] == "step_size")
    assert (step["label"], step["min"], step["max"], step["default"]) == ("Step size", 0.001, 1.0, 0.01)


def test_sample_of_sqrt_has_gaps_not_zeros():
    sample = call("sample", function="sqrt")["value"]
    assert len(sample["xs"]) == 10_001
    negative = [y for x, y in zip(sample["xs"], sample["ys"]) if x < 0]
    assert negative and all(y is None for y in negative)
    assert sample["min"] == {"x": 0.0, "y": 0.0}
    assert sample["max"]["y"] == pytest.approx(math.sqrt(10))


def test_landscape_names_both_peaks():
    view = call("landscape")["value"]
    assert view["global_max"]["x"] == pytest.approx(3.489, abs=1e-3)
    assert view["local_max"]["x"] == pytest.approx(-16.202, abs=1e-3)


@pytest.mark.parametrize("start, step_size, kind", [
    (0.0, 0.1, "global"), (-15.0, 0.1, "local"), (0.0, 1.0, "oscillating"), (0.0, 0.001, "climbing")])
def test_outcome_labels(start, step_size, kind):
    run = call("run", optimizer="gradient_ascent", start=start, step_size=step_size)["value"]
    assert run["outcome"]["kind"] == kind
    assert len(run["xs"]) == len(run["ys"]) == len(run["best_ys"]) == 101


def test_diverging_path_is_cut_and_labelled():
    traced = page_api.trace([0.0, 10.0, 1e9, float("inf")])
    assert traced["xs"] == [0.0, 10.0]
    assert traced["outcome"] == {"kind": "diverged", "step": 2,
                                 "label": "Diverged at step 2: the steps grew without limit"}


def test_best_so_far_never_decreases():
    run = call("run", optimizer="gradient_ascent", start=12.0, step_size=1.0)["value"]
    assert all(b >= a for a, b in zip(run["best_ys"], run["best_ys"][1:]))


@pytest.mark.parametrize("args, message", [
    ({"optimizer": "nope", "start": 0}, "there is no optimizer called 'nope'"),
    ({"optimizer": "gradient_ascent", "start": 50}, "Starting point must be between -20 and 20"),
    ({"optimizer": "gradient_ascent", "start": 0, "step_size": 5}, "Step size must be between 0.001 and 1"),
    ({"optimizer": "gradient_ascent", "start": "1; import os"}, "Starting point must be a number"),
    ({"optimizer": "gradient_ascent", "start": 0, "bogus": 1}, "has no setting called 'bogus'"),
])
def test_bad_input_gives_a_readable_error(args, message):
    error = call("run", **args)["error"]
    assert message in error["message"]
    assert error["type"] == "ValueError"


def test_unknown_method_is_an_error_not_a_crash():
    assert call("explode")["error"]["type"] == "KeyError"


@given(start=st.floats(-20, 20), step_size=st.floats(0.001, 1), optimizer=st.sampled_from(
    ["gradient_ascent", "hill_climbing"]))
@settings(max_examples=40, deadline=None)
def test_every_run_is_finite_json(start, step_size, optimizer):
    args = {"step_size": step_size} if optimizer == "gradient_ascent" else {"scale": max(0.1, step_size * 5)}
    reply = page_api.dispatch(json.dumps({"method": "run", "args": {"optimizer": optimizer, "start": start, **args}}))
    value = json.loads(reply)["value"]
    assert value["outcome"]["label"]
    assert all(y is None or math.isfinite(y) for y in value["ys"])


def test_run_steps_marks_every_iteration_of_the_path():
    steps = call("run_steps", optimizer="gradient_ascent", start=0.0, step_size=0.1)["value"]
    path = call("run", optimizer="gradient_ascent", start=0.0, step_size=0.1)["value"]["xs"]
    assert len(steps["steps"]) == len(path)
    assert steps["steps"][5]["locals"]["x"] == pytest.approx(path[5])


def test_training_can_be_edited_and_checked():
    from math_fundamentals import training

    source = inspect.getsource(training)
    try:
        catalog = page_api.apply_edit("training", source + "\n\ndef stay(gradient, start, iterations=100):\n"
                                      "    return [start] * (iterations + 1)\n")
        assert [entry["name"] for entry in catalog["network_optimizers"]][-1] == "stay"
        with pytest.raises(page_api.NotANumber, match="must return \\(a, b\\) points"):
            page_api.apply_edit("training", source + "\n\ndef flat(gradient, start, iterations=100):\n"
                                "    return [1.0, 2.0]\n")
    finally:
        page_api.apply_edit("training", source)


def test_a_second_library_zip_extends_packages_already_imported(tmp_path, monkeypatch):
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    with zipfile.ZipFile(first, "w") as library:
        library.writestr("mf_started/__init__.py", "")
        library.writestr("mf_started/used.py", "VALUE = 1")
    with zipfile.ZipFile(second, "w") as library:
        library.writestr("mf_started/later.py", "VALUE = 2")
        library.writestr("mf_learner.py", "VALUE = 3")
    monkeypatch.syspath_prepend(str(first))
    import mf_started.used

    with pytest.raises(ImportError):
        importlib.import_module("mf_started.later")
    page_api.add_library(str(second))
    page_api.add_library(str(second))  # a second hand-over (a restarted worker) changes nothing
    assert importlib.import_module("mf_started.later").VALUE == 2
    assert importlib.import_module("mf_learner").VALUE == 3
    assert mf_started.used.VALUE == 1
    assert sys.path.count(str(second)) == 1 and mf_started.__path__.count(f"{second}/mf_started") == 1
    for name in ["mf_started", "mf_started.used", "mf_started.later", "mf_learner"]:
        sys.modules.pop(name)
    sys.path.remove(str(second))
