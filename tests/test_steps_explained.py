"""The update rule of every step, with the run's numbers: checked against numpy, step by step."""

import inspect
import json
import math
import random

import numpy as np
import pytest

from math_fundamentals import landscape, optimization, training
from page_api import editing, formula, steps_explained, update_rules
from page_api.dispatch import dispatch

H = 1e-6


def bumpy(x):
    """The landscape in numpy, written from its formula, not from landscape.py."""
    x = np.float64(x)
    return -(x * np.sin(x / 2 - 3) + 0.15 * x**2 - 20 * np.cos(0.5 * (x / 2 - 2)))


def slope(x):
    return (bumpy(x + H) - bumpy(x - H)) / (2 * H)


def explained(optimizer, start=0.0, settings=None, surface=landscape.bumpy, rules=update_rules.ONE_VARIABLE):
    return steps_explained.explained(optimizer, surface, start, settings or {}, rules)


def shown(value):
    """A number as the page shows it, to compare numpy's numbers with the equations' text."""
    return formula.plain(formula.number(float(value)))


def texts(step):
    return [equation["text"] for equation in step.equations]


def test_gradient_ascent_shows_the_issues_example_and_numpys_numbers():
    steps = explained(optimization.gradient_ascent, settings={"step_size": 0.1})
    assert texts(steps[1]) == ["slope = f′(0.000) = 4.348", "x = 0.000 + 0.1 × 4.348 = 0.435"]
    x = 0.0
    for step in steps[1:]:
        assert step.known
        assert step.values["slope"] == pytest.approx(slope(x), rel=1e-6)
        x = x + 0.1 * slope(x)
        assert step.equations[-1]["text"].endswith(f"= {shown(x)}")


def test_momentum_carries_numpys_velocity():
    steps = explained(optimization.gradient_ascent_with_momentum, start=-3.0, settings={"step_size": 0.05})
    x, velocity = -3.0, 0.0
    for step in steps[1:]:
        velocity = 0.9 * velocity + 0.05 * slope(x)
        x += velocity
        assert step.values["velocity"] == pytest.approx(velocity, rel=1e-6, abs=1e-9)
    assert texts(steps[1])[1] == f"velocity = 0.9 × 0.000 + 0.05 × {shown(slope(-3.0))} = {shown(0.05 * slope(-3.0))}"


def replayed_climb(start, seed, scale=1.0, annealing=None):
    """Hill climbing (or annealing) replayed with numpy heights and its own stream of random numbers."""
    rng = random.Random(seed)
    x, temperature, steps = start, annealing, []
    for _ in range(100):
        candidate = x + rng.gauss(0.0, scale)
        change = bumpy(candidate) - bumpy(x)
        if annealing is None:
            accepted = change > 0
        else:
            accepted = change > 0 or rng.random() < np.exp(change / temperature)
        steps.append((candidate, change, temperature, accepted))
        x = candidate if accepted else x
        if annealing is not None:
            temperature *= 0.95
    return steps


def test_hill_climbing_names_the_candidate_and_the_verdict():
    steps = explained(optimization.hill_climbing, settings={"seed": 0})
    assert texts(steps[1]) == ["candidate = 0.000 + 0.942 = 0.942 (a random step of scale 1)",
                               "f(candidate) = 14.842 > 10.806 = f(x): accepted, x = 0.942"]
    for step, (candidate, change, _, accepted) in zip(steps[1:], replayed_climb(0.0, 0)):
        assert step.values["candidate"] == pytest.approx(candidate)
        assert step.values["f(candidate)"] - step.values["f(x)"] == pytest.approx(change, abs=1e-9)
        assert ("accepted" if accepted else "rejected") in texts(step)[1]


def test_simulated_annealing_shows_the_acceptance_probability():
    steps = explained(optimization.simulated_annealing, start=-10.0, settings={"seed": 4})
    downhill = 0
    for step, (candidate, change, temperature, accepted) in zip(steps[1:], replayed_climb(-10.0, 4, annealing=10.0)):
        assert step.values["change"] == pytest.approx(change, abs=1e-9)
        assert step.values["temperature"] == pytest.approx(temperature)
        if change <= 0:
            downhill += 1
            assert step.values["p"] == pytest.approx(np.exp(change / temperature))
            assert f"= {shown(np.exp(change / temperature))} (" in texts(step)[2]
        assert ("accepted" if accepted else "rejected") in texts(step)[2]
    assert downhill > 10


def test_random_restarts_say_where_they_jump():
    steps = explained(optimization.random_restart_hill_climbing, start=-15.0, settings={"seed": 2})
    restarts = [i for i, step in enumerate(steps) if "restart" in step.equations[0]["text"]]
    assert restarts == [21, 41, 61, 81]
    assert all(step.known for step in steps[1:])
    assert "(restart 1 of 4: anywhere up to 20 from the start)" in texts(steps[21])[0]


def bowl(a, b, batch=None):
    """The slope of (a − 1)² + 3b², a stand-in for the network's loss with a known gradient."""
    return float(2 * (a - 1)), float(6 * b)


def numpy_descent(name, start, settings, iterations=100):
    """Each network optimizer's update written with numpy arrays over (a, b)."""
    p, rate = np.array(start, dtype=float), settings["learning_rate"]
    velocity, total, m, v = np.zeros(2), np.zeros(2), np.zeros(2), np.zeros(2)
    states = []
    for t in range(1, iterations + 1):
        g = np.array(bowl(*p))
        if name == "gradient_descent_with_momentum":
            velocity = 0.9 * velocity - rate * g
            p = p + velocity
        elif name == "adagrad":
            total = total + g**2
            p = p - rate * g / (np.sqrt(total) + 1e-8)
        elif name == "rmsprop":
            total = 0.9 * total + 0.1 * g**2
            p = p - rate * g / (np.sqrt(total) + 1e-8)
        elif name == "adam":
            m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g**2
            p = p - rate * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        else:
            p = p - rate * g
        states.append({"point": p.copy(), "velocity": velocity.copy(), "total": total.copy(), "m": m.copy(),
                       "v": v.copy(), "m_hat": m / (1 - 0.9**t), "v_hat": v / (1 - 0.999**t)})
    return states


@pytest.mark.parametrize("name", ["gradient_descent", "gradient_descent_with_momentum", "sgd", "adagrad",
                                  "rmsprop", "adam"])
def test_every_network_optimizer_matches_numpy(name):
    settings = {"learning_rate": 0.05}
    steps = explained(getattr(training, name), start=(0.5, -0.8), settings=settings, surface=bowl,
                      rules=update_rules.NETWORK)
    reference = numpy_descent(name, (0.5, -0.8), settings)
    names = {"gradient_descent_with_momentum": ["velocity"], "adagrad": ["total"], "rmsprop": ["average"],
             "adam": ["m", "v", "m_hat", "v_hat"]}.get(name, [])
    for step, state in zip(steps[1:], reference):
        assert step.known, step.note
        for key in names:
            expected = state["total" if key == "average" else key]
            assert [step.values[f"{key}_a"], step.values[f"{key}_b"]] == pytest.approx(expected, rel=1e-9)
        a, b = state["point"]
        assert step.equations[-1]["text"].endswith(shown(b))
        assert any(text.endswith(shown(a)) for text in texts(step))
    assert texts(steps[1])[0].startswith("(slope_a, slope_b) = (−1.000, −4.800): the slope of the loss")


def test_sgd_names_its_batch():
    steps = explained(training.sgd, start=(0.5, -0.8), settings={"batch_size": 8}, surface=bowl,
                      rules=update_rules.NETWORK)
    assert "on a batch of 8 examples at (0.500, −0.800)" in texts(steps[1])[0]


def test_an_optimizer_the_page_does_not_know_shows_its_step():
    def leap(function, start, iterations=100, factor=1.5):
        x = start
        path = [x]
        for _ in range(iterations):
            x = x * factor + 1
            path.append(x)
        return path

    steps = explained(leap, start=1.0)
    assert steps[1].note == "No update rule is known for leap: here is the step it took."
    assert texts(steps[1]) == ["Δx = 2.500 − 1.000 = 1.500"]
    assert not steps[1].known


def test_an_edited_optimizer_that_breaks_its_rule_is_not_explained_by_it():
    source = inspect.getsource(optimization)
    edited = source.replace("x = x + step_size * slope", "x = x + 2 * step_size * slope")
    assert edited != source
    try:
        editing.apply_edit("optimization", edited)
        value = json.loads(dispatch(json.dumps({"method": "explain_run", "args": {
            "optimizer": "gradient_ascent", "start": 0.0, "settings": {"step_size": 0.1}}})))["value"]
    finally:
        editing.apply_edit("optimization", source)
    assert value["steps"][1]["note"].startswith("This gradient_ascent does not follow the update rule")
    assert value["steps"][1]["equations"][0]["text"] == f"Δx = {shown(0.2 * slope(0.0))} − 0.000 = {shown(0.2 * slope(0.0))}"


def test_a_course_style_optimizer_is_explained_honestly():
    def hill_climbing(function, starting_point, steps=100, scale=1.0):
        current = starting_point
        for _ in range(steps):
            candidate = current + 0.5
            if function(candidate) > function(current):
                current = candidate
        return current

    for step in explained(hill_climbing, start=-2.0)[1:]:
        assert step.known or step.note.startswith("This hill_climbing does not follow")


def test_the_page_gets_json_with_every_shipped_optimizer_explained():
    for optimizer in ("hill_climbing", "gradient_ascent", "gradient_ascent_with_momentum", "simulated_annealing",
                      "random_restart_hill_climbing"):
        answer = json.loads(dispatch(json.dumps({"method": "explain_run", "args": {
            "optimizer": optimizer, "start": -5.0, "settings": {}}})))
        steps = answer["value"]["steps"]
        assert len(steps) == 101 and all(step["known"] for step in steps[1:]), optimizer
        assert steps[0]["equations"][0]["text"] == "x = −5.000"


def test_a_diverging_run_is_explained_without_breaking_json():
    answer = dispatch(json.dumps({"method": "explain_run", "args": {
        "optimizer": "gradient_ascent", "start": 20.0, "settings": {"step_size": 1.0}}}))
    assert "value" in json.loads(answer)


@pytest.mark.parametrize("value, text", [(0.0, "0.000"), (4.3481, "4.348"), (-0.04349, "−0.0435"),
                                         (0.00773, "0.00773"), (2.5e-5, "2.50 × 10^−5"), (-0.0, "0.000"),
                                         (3e7, "3.00 × 10^7"), (math.inf, "∞")])
def test_numbers_are_formatted_once_in_python(value, text):
    assert formula.plain(formula.number(value)) == text


def test_plain_text_of_fractions_roots_and_powers():
    pieces = formula.equation(formula.name("a"), formula.op("="), formula.number(1.0), formula.op("−"),
                              formula.setting(0.1), formula.op("×"),
                              formula.frac(formula.term(formula.number(-2.0)),
                                           [formula.root(formula.number(4.0)), formula.op("+"), formula.setting(1e-8)]),
                              formula.op("+"), formula.power(formula.term(formula.number(-2.0)), [["mn", "2"]]))
    assert pieces["text"] == "a = 1.000 − 0.1 × (−2.000) / (√4.000 + 10^−8) + (−2.000)^2"
