"""Descents on the test surfaces, their verdicts, and races of several optimizers from one start."""

import json

import numpy as np
import pytest

from page_api import network, race
from page_api.dispatch import dispatch

OPTIMIZERS = ["gradient_descent", "gradient_descent_with_momentum", "sgd", "adagrad", "rmsprop", "adam"]


def test_gradient_descent_on_rosenbrock_follows_numpy_s_update():
    run = network.descend("gradient_descent", [-1.0, 1.0], {"learning_rate": 0.001}, "rosenbrock")
    point = np.array([-1.0, 1.0])
    for step in range(1, 101):
        a, b = point
        point = point - 0.001 * np.array([-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)])
        assert (run["as"][step], run["bs"][step]) == pytest.approx(tuple(point), rel=1e-6, abs=1e-8)
    assert run["losses"][-1] == pytest.approx((1 - point[0]) ** 2 + 100 * (point[1] - point[0] ** 2) ** 2, rel=1e-6)
    assert run["outcome"]["label"].startswith("Still descending after 100 steps")


@pytest.mark.parametrize("surface, optimizer, start, settings, kind, label", [
    ("himmelblau", "gradient_descent", [-1, 1], {}, "global", "Reached one of the 4 equally low minima at (-2.805, 3.131)"),
    ("saddle", "gradient_descent", [1.5, 0], {"learning_rate": 0.1}, "local", "Stuck on flat ground that is no minimum"),
    ("saddle", "gradient_descent", [1.5, 0.01], {"learning_rate": 0.1}, "global", "Reached one of the 2 equally low minima at (0.000, 1.414)"),
    ("rosenbrock", "gradient_descent", [-1, 1], {}, "diverged", "Diverged at step 4"),
    ("rosenbrock", "adam", [1.5, 2.5], {"learning_rate": 0.5}, "global", "Reached the minimum at (1.000, 1.000)"),
    ("rosenbrock", "rmsprop", [-1, 1], {"learning_rate": 0.1}, "oscillating", "Bouncing across the valley"),
    ("himmelblau", "gradient_descent", [4.9, 4.9], {"learning_rate": 0.03}, "diverged", "Diverged at step 3"),
])
def test_verdicts_on_surfaces_say_what_the_run_did(surface, optimizer, start, settings, kind, label):
    run = network.descend(optimizer, start, settings, surface)
    assert run["outcome"]["kind"] == kind, run["outcome"]
    assert run["outcome"]["label"].startswith(label), run["outcome"]


def test_a_race_on_a_surface_names_who_got_low_first():
    entrants = [{"optimizer": name} for name in OPTIMIZERS]
    answer = race.race(entrants, [-1, 1], "saddle")
    assert [run["optimizer"] for run in answer["runs"]] == OPTIMIZERS
    for run in answer["runs"]:
        alone = network.descend(run["optimizer"], [-1, 1], {}, "saddle")
        assert run == alone | {"optimizer": run["optimizer"], "settings": {}}
    firsts = [next((i for i, value in enumerate(run["losses"]) if value < 0.01), None) for run in answer["runs"]]
    assert answer["first_below"] == firsts
    winner = min((step, name) for step, name in zip(firsts, OPTIMIZERS) if step is not None)
    assert answer["outcome"]["label"] == f"First below 0.01: {winner[1]} at step {winner[0]}."
    assert answer["summary"].startswith("After 100 steps: gradient_descent ")
    assert answer["summary"].endswith(f"; first below 0.01: {winner[1]} at step {winner[0]}.")


def test_a_race_on_the_network_and_a_diverging_entrant(trained_network):
    answer = race.race([{"optimizer": "gradient_descent"}, {"optimizer": "gradient_descent_with_momentum"},
                        {"optimizer": "sgd", "settings": {"learning_rate": 1.0}}], [-1, 1])
    assert answer["target"] == 0.01
    momentum = answer["runs"][1]
    alone = network.descend("gradient_descent_with_momentum", [-1, 1])
    assert "accuracies" not in momentum and alone.pop("accuracies")[-1] == 1.0
    assert momentum == alone | {"optimizer": "gradient_descent_with_momentum", "settings": {}}
    assert momentum["outcome"]["kind"] == "global" and answer["first_below"][0] is None
    assert f"gradient_descent_with_momentum at step {answer['first_below'][1]}" in answer["summary"]
    assert answer["runs"][2]["settings"] == {"learning_rate": 1.0}


def test_the_target_is_0_01_above_a_lowest_value_that_is_not_almost_0():
    assert race.target_of(0.0) == race.target_of(0.0014) == 0.01
    assert race.target_of(2.0) == pytest.approx(2.01)
    assert race.target_of(-1.0) == pytest.approx(-0.99)


@pytest.mark.parametrize("args, message", [
    ({"entrants": [], "start": [0, 0]}, "from 1 to 8 entrants"),
    ({"entrants": ["adam"], "start": [0, 0]}, "an entrant must be"),
    ({"entrants": [{"optimizer": "adam"}], "start": [0, 9], "surface": "saddle"}, "Start b must be between -2 and 2"),
    ({"entrants": [{"optimizer": "adam"}], "start": [0, 0], "surface": "volcano"}, "no surface called 'volcano'"),
])
def test_bad_races_are_readable_errors(args, message):
    answer = json.loads(dispatch(json.dumps({"method": "race", "args": args})))
    assert message in answer["error"]["message"]


def test_every_optimizer_on_every_surface_gives_finite_json():
    for surface in ["rosenbrock", "himmelblau", "saddle"]:
        for start in ([-1.9, -0.9], [1.9, 1.9]):
            answer = json.loads(dispatch(json.dumps({"method": "race", "args": {
                "entrants": [{"optimizer": name} for name in OPTIMIZERS], "start": start, "surface": surface}})))
            assert "value" in answer, answer
