"""The network page's maths: the pure-Python network against numpy, the slice, and the descents."""

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from build_time import network_landscape
from math_fundamentals import neural_network, training
from page_api import discovery, network
from page_api.discovery import SLICE_SPAN
from page_api.dispatch import dispatch
from page_api.network import LossSlice

POINTS, LABELS = neural_network.two_moons()
X, Y = network_landscape.data()


@pytest.fixture(scope="module")
def computed(trained_network):
    """The build's slice (trained weights, directions, grid), computed once with numpy."""
    return trained_network


@pytest.fixture(scope="module")
def loss_slice(computed):
    network = computed["network"]
    return LossSlice(network["center"], network["first"], network["second"], POINTS, LABELS)


def descend(computed, optimizer="gradient_descent", start=(-1.0, 1.0), **settings):
    return network.descend(optimizer, list(start), settings)


def test_data_set_is_fixed_and_balanced():
    assert neural_network.two_moons() == (POINTS, LABELS)
    assert len(POINTS) == 80 and sum(LABELS) == 40


@given(st.lists(st.floats(-3, 3), min_size=33, max_size=33))
@settings(max_examples=60, deadline=None)
def test_pure_python_loss_and_gradient_agree_with_numpy(parameters):
    value, gradient = neural_network.loss_and_gradient(parameters, POINTS, LABELS)
    reference_value, reference_gradient = network_landscape.loss_and_gradient(np.array(parameters), X, Y)
    assert value == pytest.approx(reference_value, abs=1e-9, rel=0)
    assert np.allclose(gradient, reference_gradient, atol=1e-9, rtol=0)


def test_loss_agrees_with_numpy_on_the_trained_weights_and_across_the_slice(computed, loss_slice):
    center, first, second = (np.array(computed["network"][name]) for name in ("center", "first", "second"))
    for a, b in [(0, 0), (-0.756, 0.3011), (1.5, -1.5), (-1.5, 1.5), (0.37, 0.91)]:
        reference = network_landscape.loss(center + a * first + b * second, X, Y)
        assert loss_slice.loss(a, b) == pytest.approx(reference, abs=1e-9, rel=0)


def test_grid_the_page_draws_is_the_loss_python_computes(computed, loss_slice):
    steps = computed["steps"]
    for row, column in [(0, 0), (40, 40), (17, 63), (80, 5)]:
        expected = loss_slice.loss(steps[column], steps[row])
        assert computed["loss"][row][column] == pytest.approx(expected, rel=1e-5)


def test_gradient_is_the_slope_of_the_loss():
    parameters = [math.sin(i) for i in range(neural_network.parameter_count())]
    _, gradient = neural_network.loss_and_gradient(parameters, POINTS, LABELS)
    h = 1e-6
    for i in (0, 5, 17, 30, 32):
        up, down = list(parameters), list(parameters)
        up[i] += h
        down[i] -= h
        slope = (neural_network.loss(up, POINTS, LABELS) - neural_network.loss(down, POINTS, LABELS)) / (2 * h)
        assert gradient[i] == pytest.approx(slope, abs=1e-7)


def test_training_fits_the_data(computed):
    assert computed["trained"]["accuracy"] == 1.0
    assert computed["trained"]["loss"] < 0.01
    assert neural_network.accuracy(computed["network"]["center"], POINTS, LABELS) == 1.0


def test_directions_are_filter_normalised(computed):
    w, b, v, c = (np.asarray(part) for part in network_landscape.unflatten(np.array(computed["network"]["center"])))
    for name in ("first", "second"):
        d_w, d_b, d_v, d_c = network_landscape.unflatten(np.array(computed["network"][name]))
        assert np.allclose(np.linalg.norm(d_w, axis=1), np.linalg.norm(w, axis=1))
        assert np.linalg.norm(d_v) == pytest.approx(np.linalg.norm(v))
        assert not d_b.any() and d_c == 0


def test_slice_has_a_local_minimum_apart_from_the_trained_network(computed, loss_slice):
    (minimum,) = computed["local_minima"]
    assert math.hypot(minimum["a"], minimum["b"]) > 0.5
    assert minimum["loss"] > 100 * computed["trained"]["loss"]
    # Flat at the bottom (to the 4 decimals kept), steep a little way off.
    assert math.hypot(*loss_slice.gradient(minimum["a"], minimum["b"])) < 0.01
    assert math.hypot(*loss_slice.gradient(minimum["a"] + 0.1, minimum["b"])) > 0.5


def test_gradient_descent_and_momentum_follow_their_textbook_updates():
    bowl = lambda a, b: (2 * a, 2 * b)  # noqa: E731 - the slope of a² + b²
    assert training.gradient_descent(bowl, (1.0, -1.0), iterations=2, learning_rate=0.25) == [
        (1.0, -1.0), (0.5, -0.5), (0.25, -0.25)]
    path = training.gradient_descent_with_momentum(bowl, (1.0, 0.0), iterations=2, learning_rate=0.1, momentum=0.5)
    assert path[1] == pytest.approx((0.8, 0.0))
    assert path[2] == pytest.approx((0.8 - 0.16 - 0.1, 0.0))  # velocity -0.2*0.5 - 0.1*1.6


def test_gradient_descent_gets_stuck_where_momentum_gets_through(computed):
    stuck = descend(computed)
    assert stuck["outcome"]["kind"] == "local"
    assert (stuck["as"][-1], stuck["bs"][-1]) == pytest.approx((-0.756, 0.301), abs=0.01)
    through = descend(computed, "gradient_descent_with_momentum")
    assert through["outcome"]["kind"] == "global"
    assert through["losses"][-1] < 0.01
    assert through["accuracies"][-1] == 1.0


def test_columns_have_a_row_per_step(computed):
    run = descend(computed)
    assert {len(run[key]) for key in ("as", "bs", "losses", "slopes_a", "slopes_b", "accuracies")} == {101}
    assert run["as"][0] == -1.0 and run["bs"][0] == 1.0


@pytest.mark.parametrize("learning_rate, kinds", [(0.001, {"climbing"}), (1.0, {"outside", "oscillating"})])
def test_learning_rate_extremes_are_labelled(computed, learning_rate, kinds):
    run = descend(computed, start=(1.0, 1.0), learning_rate=learning_rate)
    assert run["outcome"]["kind"] in kinds
    assert all(math.isfinite(value) for value in run["losses"])


@given(a=st.floats(-SLICE_SPAN, SLICE_SPAN), b=st.floats(-SLICE_SPAN, SLICE_SPAN),
       learning_rate=st.floats(0.001, 1.0), momentum=st.floats(0.0, 0.99))
@settings(max_examples=15, deadline=None)
def test_every_setting_in_range_gives_finite_labelled_json(computed, a, b, learning_rate, momentum):
    answer = json.loads(dispatch(json.dumps({"method": "descend", "args": {
        "optimizer": "gradient_descent_with_momentum", "start": [a, b],
        "settings": {"learning_rate": learning_rate, "momentum": momentum}}})))
    run = answer["value"]
    assert run["outcome"]["label"]
    assert all(math.isfinite(value) for key in ("as", "bs", "losses") for value in run[key])


@pytest.mark.parametrize("args, message", [
    ({"optimizer": "adamw"}, "no optimizer called 'adamw'"),
    ({"start": [0, 9]}, "between -1.5 and 1.5"),
    ({"start": "middle"}, "must be [a, b]"),
    ({"settings": {"learning_rate": 0}}, "Learning rate must be between"),
    ({"settings": {"optimizer": 1}}, "has no setting called 'optimizer'"),
    ({"settings": [0.1]}, "settings must be an object"),
])
def test_bad_requests_come_back_as_readable_errors(computed, args, message):
    request = {"optimizer": "gradient_descent", "start": [0, 0]} | args
    error = json.loads(dispatch(json.dumps({"method": "descend", "args": request})))["error"]
    assert message in error["message"]


def test_network_optimizers_are_discovered_with_their_controls():
    optimizers = discovery.catalog()["network_optimizers"]
    assert [entry["name"] for entry in optimizers][:2] == ["gradient_descent", "gradient_descent_with_momentum"]
    assert [control["name"] for control in optimizers[1]["controls"]] == ["learning_rate", "momentum"]


def test_decision_map_shows_what_the_network_answers(computed):
    trained = network.decision([0.0, 0.0])
    assert all(trained["right"]) and len(trained["points"]) == 80
    assert len(trained["probabilities"]) == 27 and len(trained["probabilities"][0]) == 42
    assert all(0.0 <= p <= 1.0 for row in trained["probabilities"] for p in row)
    stuck = network.decision([-0.756, 0.3011])
    assert sum(stuck["right"]) == 68
    # The same weights, the same answers: the right/wrong marks agree with the run's accuracy.
    run = descend(computed)
    assert sum(stuck["right"]) / 80 == pytest.approx(run["accuracies"][-1])


def test_decision_map_refuses_a_bad_point(computed):
    error = json.loads(dispatch(json.dumps({"method": "decision", "args": {
        "point": [0, "x"]}})))["error"]
    assert "must be a number" in error["message"]
