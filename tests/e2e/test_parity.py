"""The same calls give the same numbers in Pyodide (in the browser) and in CPython."""

import json

import pytest

from page_api.dispatch import dispatch
from tests.e2e.conftest import wait_for_python

# What a run shows is the same over http and from file:// (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)

CALLS = [
    ("catalog", {}),
    ("landscape", {}),
    *[("sample", {"function": name}) for name in ["f", "square", "sqrt", "cosine"]],
    ("run", {"optimizer": "hill_climbing", "start": 0.0, "settings": {"scale": 1.0, "seed": 0}}),
    ("run", {"optimizer": "hill_climbing", "start": -13.7, "settings": {"scale": 4.2, "seed": 123456789}}),
    ("run", {"optimizer": "gradient_ascent", "start": -15.0, "settings": {"step_size": 0.1}}),
    ("run", {"optimizer": "gradient_ascent", "start": 12.0, "settings": {"step_size": 0.5}}),
    ("decision", {"point": [-0.756, 0.3011]}),
]
# Pyodide's libm (musl) and CPython's (glibc) may round sin and cos differently in
# the last bit (about 3% of inputs here). A well-behaved run stays within 1e-12;
# an oscillating one amplifies that last bit step after step, like any chaotic
# system, so for it only the early steps and the outcome are compared.
CHAOTIC_RUN = {"optimizer": "gradient_ascent", "start": 7.3, "settings": {"step_size": 1.0}}


def cpython(method, args):
    return json.loads(dispatch(json.dumps({"method": method, "args": args})))["value"]


def assert_same(browser_value, cpython_value, where="value"):
    if isinstance(cpython_value, float):
        assert browser_value == pytest.approx(cpython_value, rel=1e-12, abs=1e-12), where
    elif isinstance(cpython_value, dict):
        assert browser_value.keys() == cpython_value.keys(), where
        for key in cpython_value:
            assert_same(browser_value[key], cpython_value[key], f"{where}.{key}")
    elif isinstance(cpython_value, list):
        assert len(browser_value) == len(cpython_value), where
        for i, (a, b) in enumerate(zip(browser_value, cpython_value)):
            assert_same(a, b, f"{where}[{i}]")
    else:
        assert browser_value == cpython_value, where


def test_pyodide_and_cpython_agree(site, trained_network):
    site.goto(site.index_url)
    wait_for_python(site)
    for method, args in CALLS:
        in_browser = site.evaluate("([method, args]) => mathFundamentals.call(method, args)", [method, args])
        assert_same(in_browser, cpython(method, args), f"{method}({args})")


def test_an_oscillating_run_agrees_until_rounding_is_amplified(site):
    site.goto(site.index_url)
    wait_for_python(site)
    in_browser = site.evaluate("(args) => mathFundamentals.call('run', args)", CHAOTIC_RUN)
    expected = cpython("run", CHAOTIC_RUN)
    assert in_browser["xs"][:40] == pytest.approx(expected["xs"][:40], rel=1e-12, abs=1e-12)
    assert in_browser["outcome"] == expected["outcome"]


def test_every_module_a_learner_may_import_is_in_the_trimmed_library(site):
    import build

    site.goto(site.index_url)
    wait_for_python(site)
    lessons = ["math_fundamentals." + name for name in ["functions", "landscape", "calculus", "optimization",
                                                        "neural_network", "training"]] + [
        "page_api." + name for name in ["dispatch", "discovery", "checks", "runs", "outcomes", "network",
                                        "editing", "stepper", "runtime"]]
    found = site.evaluate("(modules) => mathFundamentals.call('importable', {modules})",
                          build.LEARNER_MODULES + lessons + ["math", "random", "json", "inspect", "encodings.cp1252", "json.tool"])
    assert [name for name, ok in found.items() if not ok] == []
    assert site.evaluate("() => mathFundamentals.call('importable', {modules: ['email']})") == {"email": False}


def test_python_errors_reach_the_page_as_readable_data(site):
    site.goto(site.index_url)
    wait_for_python(site)
    error = site.evaluate("""() => mathFundamentals.call("run", {optimizer: "gradient_ascent", start: 0, settings: {step_size: 9}})
        .then(() => null, (error) => ({name: error.name, message: error.message}))""")
    assert error == {"name": "ValueError", "message": "Step size must be between 0.001 and 1; got 9"}


@pytest.mark.parametrize("args", [
    {"optimizer": "gradient_descent", "start": [-1.0, 1.0]},
    {"optimizer": "gradient_descent_with_momentum", "start": [-1.0, 1.0]},
    {"optimizer": "gradient_descent", "start": [1.4, -0.3], "settings": {"learning_rate": 0.1}},
])
def test_network_descent_agrees(site, trained_network, args):
    site.goto(site.index_url)
    wait_for_python(site)
    in_browser = site.evaluate("(args) => mathFundamentals.call('descend', args)", args)
    assert_same(in_browser, cpython("descend", args), f"descend({args['optimizer']}, {args['start']})")
