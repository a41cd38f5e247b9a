"""The page's API: plain JSON in and out, honest outcomes, readable errors."""

import importlib
import inspect
import json
import math
import sys
import zipfile

import pytest
from hypothesis import given, settings, strategies as st

from page_api import checks, discovery, editing, runs, runtime
from page_api.dispatch import dispatch


def call(method, **args):
    return json.loads(dispatch(json.dumps({"method": method, "args": args})))


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
    assert (sample["min"]["x"], sample["min"]["y"]) == (0.0, 0.0)
    assert sample["max"]["y"] == pytest.approx(math.sqrt(10))


def test_landscape_names_both_peaks():
    view = call("landscape")["value"]
    assert view["global_max"]["x"] == pytest.approx(3.489, abs=1e-3)
    assert view["local_max"]["x"] == pytest.approx(-16.202, abs=1e-3)


@pytest.mark.parametrize("start, step_size, kind", [
    (0.0, 0.1, "global"), (-15.0, 0.1, "local"), (0.0, 1.0, "oscillating"), (0.0, 0.001, "climbing")])
def test_outcome_labels(start, step_size, kind):
    run = call("run", optimizer="gradient_ascent", start=start, settings={"step_size": step_size})["value"]
    assert run["outcome"]["kind"] == kind
    assert len(run["xs"]) == len(run["ys"]) == len(run["best_ys"]) == 101


def test_diverging_path_is_cut_and_labelled():
    traced = runs.trace([0.0, 10.0, 1e9, float("inf")])
    assert traced["xs"] == [0.0, 10.0]
    assert traced["outcome"] == {"kind": "diverged", "step": 2,
                                 "label": "Diverged at step 2: the steps grew without limit"}


def test_best_so_far_never_decreases():
    run = call("run", optimizer="gradient_ascent", start=12.0, settings={"step_size": 1.0})["value"]
    assert all(b >= a for a, b in zip(run["best_ys"], run["best_ys"][1:]))


@pytest.mark.parametrize("args, message", [
    ({"optimizer": "nope", "start": 0}, "there is no optimizer called 'nope'"),
    ({"optimizer": "gradient_ascent", "start": 50}, "Starting point must be between -20 and 20"),
    ({"optimizer": "gradient_ascent", "start": 0, "settings": {"step_size": 5}}, "Step size must be between 0.001 and 1"),
    ({"optimizer": "gradient_ascent", "start": "1; import os"}, "Starting point must be a number"),
    ({"optimizer": "gradient_ascent", "start": 0, "settings": {"bogus": 1}}, "has no setting called 'bogus'"),
    # A learner's setting may share a name with the call's own arguments: it is a setting, nothing else.
    ({"optimizer": "gradient_ascent", "start": 0, "settings": {"optimizer": 1}}, "has no setting called 'optimizer'"),
])
def test_bad_input_gives_a_readable_error(args, message):
    error = call("run", **args)["error"]
    assert message in error["message"]
    assert error["type"] == "ValueError"


def test_unknown_method_is_a_readable_error_not_a_crash():
    error = call("explode")["error"]
    assert error["type"] == "ValueError"
    assert "there is no method called 'explode'" in error["message"] and "run" in error["message"]


@given(start=st.floats(-20, 20), step_size=st.floats(0.001, 1), optimizer=st.sampled_from(
    ["gradient_ascent", "hill_climbing"]))
@settings(max_examples=40, deadline=None)
def test_every_run_is_finite_json(start, step_size, optimizer):
    args = {"step_size": step_size} if optimizer == "gradient_ascent" else {"scale": max(0.1, step_size * 5)}
    reply = dispatch(json.dumps({"method": "run", "args": {"optimizer": optimizer, "start": start, "settings": args}}))
    value = json.loads(reply)["value"]
    assert value["outcome"]["label"]
    assert all(y is None or math.isfinite(y) for y in value["ys"])


def test_run_steps_marks_every_iteration_of_the_path():
    steps = call("run_steps", optimizer="gradient_ascent", start=0.0, settings={"step_size": 0.1})["value"]
    path = call("run", optimizer="gradient_ascent", start=0.0, settings={"step_size": 0.1})["value"]["xs"]
    assert len(steps["steps"]) == len(path)
    assert steps["steps"][5]["locals"]["x"] == pytest.approx(path[5])


def test_training_can_be_edited_and_checked():
    from math_fundamentals import training

    source = inspect.getsource(training)
    try:
        catalog = editing.apply_edit("training", source + "\n\ndef stay(gradient, start, iterations=100):\n"
                                      "    return [start] * (iterations + 1)\n")
        assert [entry["name"] for entry in catalog["network_optimizers"]][-1] == "stay"
        with pytest.raises(checks.NotAPath, match="must return \\(a, b\\) points"):
            editing.apply_edit("training", source + "\n\ndef flat(gradient, start, iterations=100):\n"
                                "    return [1.0, 2.0]\n")
    finally:
        editing.apply_edit("training", source)


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
    runtime.add_library(str(second))
    runtime.add_library(str(second))  # a second hand-over (a restarted worker) changes nothing
    assert importlib.import_module("mf_started.later").VALUE == 2
    assert importlib.import_module("mf_learner").VALUE == 3
    assert mf_started.used.VALUE == 1
    assert sys.path.count(str(second)) == 1 and mf_started.__path__.count(f"{second}/mf_started") == 1
    for name in ["mf_started", "mf_started.used", "mf_started.later", "mf_learner"]:
        sys.modules.pop(name)
    sys.path.remove(str(second))


ADD_OPTIMIZER = "\n\ndef {name}(function, start, iterations=100):\n    {body}\n"


def with_extra_optimizer(name, body):
    """optimization.py as shipped, plus one optimizer; the shipped module comes back afterwards."""
    from math_fundamentals import optimization

    return inspect.getsource(optimization) + ADD_OPTIMIZER.format(name=name, body=body)


@pytest.mark.parametrize("body, message", [
    ("return start", "returned float, not the list of points it visited"),
    ("return ['left', 'right']", "not a number"),
])
def test_an_optimizer_that_returns_no_path_gets_the_optimizer_hint(body, message):
    from math_fundamentals import optimization

    shipped = inspect.getsource(optimization)
    try:
        with pytest.raises(checks.NotANumber, match=message) as raised:
            editing.apply_edit("optimization", with_extra_optimizer("broken", body))
        explained = editing.explain(raised.value)
        assert explained["line"] == shipped.count("\n") + 3  # the line of the new def
        if "list of points" in message:
            assert explained["type"] == "NotAPath" and "path.append(x)" in explained["hint"]
    finally:
        editing.apply_edit("optimization", shipped)


def test_sweep_refuses_unknown_settings_as_run_does():
    error = call("sweep", optimizer="hill_climbing", settings={"step_size": 0.1})["error"]
    assert "hill_climbing has no setting called 'step_size'" in error["message"]


def test_step_size_map_explains_an_optimizer_without_a_step_size():
    error = call("step_size_map", optimizer="hill_climbing")["error"]
    assert error["type"] == "ValueError" and "hill_climbing has no step_size setting" in error["message"]


def test_a_function_value_of_exactly_zero_counts_as_a_value(monkeypatch):
    # The landscape shifted so that its highest point is worth exactly 0.0. A run whose best
    # point is there, and which settled on the lower peak, is judged by that best point.
    from math_fundamentals import landscape

    real = landscape.bumpy
    top, lower = runs.landscape_peaks()[:2]
    monkeypatch.setattr(landscape, "bumpy", lambda x: real(x) - real(top.x))
    runs.terrain.cache_clear()
    try:
        assert landscape.bumpy(top.x) == 0.0
        assert runs.ending([0.0, top.x] + [lower.x] * 8) == "global"
    finally:
        monkeypatch.undo()
        runs.terrain.cache_clear()


def test_the_page_api_imports_nothing_a_learner_edits():
    # The lessons may be rewritten in the page; the plumbing must not hold on to their old code.
    import pathlib

    for path in pathlib.Path(runs.__file__).parent.glob("*.py"):
        text = path.read_text()
        assert "from math_fundamentals.training" not in text and "from math_fundamentals.optimization" not in text
        assert "from math_fundamentals.functions" not in text, path.name
