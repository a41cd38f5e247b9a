"""The surfaces, their maps and the races give the same numbers in Pyodide and in CPython (to 1e-12)."""

from tests.e2e.conftest import wait_for_python
from tests.e2e.test_parity import assert_same, cpython

OPTIMIZERS = ["gradient_descent", "gradient_descent_with_momentum", "sgd", "adagrad", "rmsprop", "adam"]
CALLS = [
    *[("surface_map", {"surface": name}) for name in ["rosenbrock", "himmelblau", "saddle"]],
    *[("descend", {"optimizer": name, "start": [-1.0, 1.0], "settings": {}, "surface": surface})
      for name in OPTIMIZERS for surface in ["himmelblau", "saddle"]],
    ("descend", {"optimizer": "adam", "start": [1.5, 2.5], "settings": {"learning_rate": 0.5}, "surface": "rosenbrock"}),
    ("race", {"entrants": [{"optimizer": name} for name in OPTIMIZERS], "start": [-1.0, 1.0]}),
    ("race", {"entrants": [{"optimizer": "adam"}, {"optimizer": "gradient_descent", "settings": {"learning_rate": 0.001}}],
              "start": [-1.0, 1.0], "surface": "rosenbrock"}),
]


def test_surfaces_and_races_agree_in_pyodide_and_cpython(site, trained_network):
    site.goto(site.index_url)
    wait_for_python(site)
    for method, args in CALLS:
        in_browser = site.evaluate("([method, args]) => mathFundamentals.call(method, args)", [method, args])
        assert_same(in_browser, cpython(method, args), f"{method}({args})")
