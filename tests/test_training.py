"""The modern optimizers of training.py against independent numpy implementations of their update rules."""

import random

import numpy as np
import pytest

from build_time import network_landscape
from math_fundamentals import training

# An elongated bowl, steep along a and gentle along b, where the adaptive optimizers differ.
SCALE = np.array([10.0, 0.5])


def bowl(a, b, batch=None):
    return (2 * SCALE[0] * a, 2 * SCALE[1] * b)


def bowl_np(point):
    return 2 * SCALE * point


def reference(rule, start, steps, **settings):
    """Runs a numpy update rule: rule(point, slope, state, t, settings) -> point."""
    point, state, path = np.array(start, dtype=float), {}, [tuple(start)]
    for t in range(1, steps + 1):
        point = rule(point, bowl_np(point), state, t, **settings)
        path.append(tuple(point))
    return path


def adagrad_rule(point, slope, state, t, learning_rate, epsilon):
    state["total"] = state.get("total", 0) + slope ** 2
    return point - learning_rate * slope / (np.sqrt(state["total"]) + epsilon)


def rmsprop_rule(point, slope, state, t, learning_rate, decay, epsilon):
    state["average"] = decay * state.get("average", 0) + (1 - decay) * slope ** 2
    return point - learning_rate * slope / (np.sqrt(state["average"]) + epsilon)


def adam_rule(point, slope, state, t, learning_rate, beta1, beta2, epsilon):
    state["m"] = beta1 * state.get("m", 0) + (1 - beta1) * slope
    state["v"] = beta2 * state.get("v", 0) + (1 - beta2) * slope ** 2
    m_hat, v_hat = state["m"] / (1 - beta1 ** t), state["v"] / (1 - beta2 ** t)
    return point - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon)


@pytest.mark.parametrize("optimizer, rule, settings", [
    (training.adagrad, adagrad_rule, {"learning_rate": 0.3, "epsilon": 1e-8}),
    (training.rmsprop, rmsprop_rule, {"learning_rate": 0.05, "decay": 0.9, "epsilon": 1e-8}),
    (training.adam, adam_rule, {"learning_rate": 0.05, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}),
])
def test_adaptive_optimizers_follow_their_update_rules(optimizer, rule, settings):
    path = optimizer(bowl, (1.0, -2.0), iterations=12, **settings)
    expected = reference(rule, (1.0, -2.0), 12, **settings)
    assert len(path) == 13
    for got, want in zip(path, expected):
        assert got == pytest.approx(want, rel=1e-12, abs=1e-12)


def test_adam_steps_are_about_the_learning_rate_whatever_the_slope():
    path = training.adam(bowl, (1.0, -2.0), iterations=1, learning_rate=0.05)
    # Bias correction makes the first step exactly learning_rate long in each direction.
    assert path[1] == pytest.approx((0.95, -1.95), abs=1e-6)


def test_sgd_steps_along_the_slope_of_each_mini_batch(trained_network):
    from page_api import network

    loss_slice = network.trained_slice()
    x, y = network_landscape.data()
    center, first, second = (np.array(trained_network["network"][name]) for name in ("center", "first", "second"))
    path = training.sgd(loss_slice.gradient, (-1.0, 1.0), iterations=8, learning_rate=0.1, batch_size=30, seed=7)
    # The batches: each epoch a fresh shuffle of the 80 examples, taken 30 at a time (the rest is dropped).
    rng, unused, point = random.Random(7), [], np.array([-1.0, 1.0])
    for step in range(8):
        if len(unused) < 30:
            unused = list(range(80))
            rng.shuffle(unused)
        batch, unused = unused[:30], unused[30:]
        _, gradient = network_landscape.loss_and_gradient(center + point[0] * first + point[1] * second,
                                                          x[batch], y[batch])
        point = point - 0.1 * np.array([gradient @ first, gradient @ second])
        assert path[step + 1] == pytest.approx(tuple(point), rel=1e-9, abs=1e-12)


def test_sgd_with_every_example_in_the_batch_is_gradient_descent(trained_network):
    from page_api import network

    gradient = network.trained_slice().gradient
    full = training.sgd(gradient, (-1.0, 1.0), iterations=5, learning_rate=0.05, batch_size=80)
    plain = training.gradient_descent(gradient, (-1.0, 1.0), iterations=5, learning_rate=0.05)
    for got, want in zip(full, plain, strict=True):
        assert got == pytest.approx(want, rel=1e-12)


def test_every_network_optimizer_is_on_the_page_with_its_settings():
    from page_api import discovery

    optimizers = {entry["name"]: entry for entry in discovery.catalog()["network_optimizers"]}
    assert list(optimizers) == ["gradient_descent", "gradient_descent_with_momentum", "sgd", "adagrad",
                                "rmsprop", "adam"]
    assert [control["name"] for control in optimizers["adam"]["controls"]] == [
        "learning_rate", "beta1", "beta2", "epsilon"]
    batch = next(control for control in optimizers["sgd"]["controls"] if control["name"] == "batch_size")
    assert (batch["min"], batch["max"], batch["integer"]) == (1, 80, True)
