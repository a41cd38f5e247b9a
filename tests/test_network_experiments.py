"""The network page's experiment cards: feedback made of the numbers of network.descend's runs."""

import math

import pytest

from page_api import dispatch, network


@pytest.fixture(autouse=True)
def trained(trained_network):
    return trained_network


def review(card, **args):
    return dispatch.call("experiment_review", {"card": card, **args})


def test_the_network_page_has_three_cards_in_its_guidance():
    shown = dispatch.call("experiments", {"page": "network"})
    assert [card["id"] for card in shown["cards"]] == ["plain-stops", "momentum-escape", "learning-rates"]
    assert shown["lessons"]["network"] == "Page 2, again, in two dimensions"


def test_plain_descent_is_told_its_loss_accuracy_distance_and_slope():
    run = network.descend("gradient_descent", [-1, 1], {"learning_rate": 0.02})
    answer = review("plain-stops", prediction="local")
    assert run["outcome"]["kind"] == "local" and answer["outcome"] == "local" and answer["correct"] is True
    text = " ".join(answer["explanation"])
    a, b = run["as"][-1], run["bs"][-1]
    assert f"(a, b) = ({a:.3f}, {b:.3f}): loss {run['losses'][-1]:.4f}" in text
    assert f"{round(run['accuracies'][-1] * 100)} % of the points sorted right" in text
    assert f"It ended {math.hypot(a, b):.3f} from the trained network" in text
    assert math.hypot(run["slopes_a"][-1], run["slopes_b"][-1]) < 1e-6
    assert "The slope at the end is (0.000000, 0.000000), less than 0.000001 long" in answer["explanation"][1]
    assert review("plain-stops", prediction="trained")["correct"] is False


def test_momentum_is_told_where_it_crosses_the_ridge():
    plain = network.descend("gradient_descent", [-1, 1], {"learning_rate": 0.02})
    run = network.descend("gradient_descent_with_momentum", [-1, 1], {"learning_rate": 0.02, "momentum": 0.9})
    step = next(i for i, loss in enumerate(run["losses"]) if loss < plain["losses"][-1])
    answer = review("momentum-escape", prediction="local")
    assert answer["outcome"] == "trained" and answer["correct"] is False
    assert answer["explanation"][1].startswith(f"At step {step} its loss fell to {run['losses'][step]:.4f}, "
                                               f"below the {plain['losses'][-1]:.4f}")
    assert f"Its final loss, {run['losses'][-1]:.4f}" in answer["explanation"][3]


def test_the_page_run_is_judged_and_a_slow_momentum_may_not_cross():
    settings = {"learning_rate": 0.001, "momentum": 0.5}
    run = network.descend("gradient_descent_with_momentum", [-1, 1], settings)
    page_run = {"optimizer": "gradient_descent_with_momentum", "start": [-1, 1], "settings": settings, **run}
    answer = review("momentum-escape", prediction="trained", run=page_run)
    assert answer["correct"] is False
    assert f"loss {run['losses'][-1]:.4f}" in answer["explanation"][0]


def test_the_three_learning_rates_are_compared_from_their_runs():
    finals = {rate: network.descend("gradient_descent", [1, 1], {"learning_rate": rate}) for rate in (0.005, 0.02, 0.5)}
    lowest = min(finals, key=lambda rate: finals[rate]["losses"][-1])
    answer = review("learning-rates", prediction="0.5")
    assert answer["outcome"] == f"{lowest:g}" and answer["correct"] is False
    for rate, run in finals.items():
        assert f"learning rate {rate:g} ended at loss {run['losses'][-1]:.4f}" in answer["explanation"][0]
        assert f"With {rate:g}: {run['outcome']['label']}." in answer["explanation"]
    assert review("learning-rates")["answer"].endswith(answer["explanation"][1])


def test_a_descent_of_the_learners_own_completes_the_cards_it_does():
    def notice(optimizer, start, settings):
        run = {"optimizer": optimizer, "start": start, "settings": settings,
               **network.descend(optimizer, start, settings)}
        return [answer["card"] for answer in dispatch.call("network_experiment_notice", {"run": run})]

    assert notice("gradient_descent", [-1.1, 0.9], {"learning_rate": 0.02}) == ["plain-stops"]
    assert notice("gradient_descent_with_momentum", [-0.9, 1.1], {"learning_rate": 0.02, "momentum": 0.9}) == [
        "momentum-escape"]
    assert notice("gradient_descent", [1, 1], {"learning_rate": 0.5}) == ["learning-rates"]
    assert notice("gradient_descent", [0.5, 0.5], {"learning_rate": 0.02}) == []
