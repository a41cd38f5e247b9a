"""The surfaces, their maps and the races give the same numbers in Pyodide and in CPython."""

import pytest

from tests.e2e.conftest import wait_for_python
from tests.e2e.test_parity import assert_same, cpython

# What a run shows is the same over http and from file:// (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)

OPTIMIZERS = ["gradient_descent", "gradient_descent_with_momentum", "sgd", "adagrad", "rmsprop", "adam"]
# The surfaces use only + − × and powers: the same numbers to 1e-12.
SURFACE_CALLS = [
    *[("surface_map", {"surface": name}) for name in ["rosenbrock", "himmelblau", "saddle"]],
    *[("descend", {"optimizer": name, "start": [-1.0, 1.0], "settings": {}, "surface": surface})
      for name in OPTIMIZERS for surface in ["himmelblau", "saddle"]],
    ("descend", {"optimizer": "adam", "start": [1.5, 2.5], "settings": {"learning_rate": 0.5}, "surface": "rosenbrock"}),
    ("race", {"entrants": [{"optimizer": "adam"}, {"optimizer": "gradient_descent", "settings": {"learning_rate": 0.001}}],
              "start": [-1.0, 1.0], "surface": "rosenbrock"}),
]
# The network's loss uses exp, whose last bit musl (Pyodide) and glibc (CPython) may round
# differently; the adaptive optimizers amplify it, step after step, to about 1e-8 by step 70. So
# the network's race is compared as test_parity compares its chaotic run: the first 40 steps (to
# 1e-9), the verdicts and the summary.
NETWORK_RACE = {"entrants": [{"optimizer": name} for name in OPTIMIZERS], "start": [-1.0, 1.0]}


def in_pyodide(site, calls):
    """Every call's answer from the page's Python, asked one after another."""
    site.goto(site.index_url)
    wait_for_python(site)
    return site.evaluate("async (calls) => { const answers = []; for (const [method, args] of calls) "
                         "answers.push(await mathFundamentals.call(method, args)); return answers; }", calls)


def test_surfaces_and_their_races_agree_to_1e_12(site):
    answers = in_pyodide(site, SURFACE_CALLS)
    modules = ["math_fundamentals.surfaces", "page_api.race", "page_api.surface_view", "page_api.surface_outcomes"]
    assert site.evaluate("(modules) => mathFundamentals.call('importable', {modules})", modules) == dict.fromkeys(
        modules, True)
    for (method, args), answer in zip(SURFACE_CALLS, answers, strict=True):
        assert_same(answer, cpython(method, args), f"{method}({args})")


def test_a_race_on_the_network_agrees_until_rounding_is_amplified(site, trained_network):
    [answer] = in_pyodide(site, [("race", NETWORK_RACE)])
    expected = cpython("race", NETWORK_RACE)
    assert (answer["summary"], answer["first_below"]) == (expected["summary"], expected["first_below"])
    for got, wanted in zip(answer["runs"], expected["runs"], strict=True):
        assert got["outcome"] == wanted["outcome"]
        for column in ("as", "bs", "losses"):
            assert got[column][:40] == pytest.approx(wanted[column][:40], rel=1e-9, abs=1e-9), (got["optimizer"], column)
