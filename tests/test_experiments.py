"""The experiment cards' feedback: outcomes and explanations made of the run's own numbers."""

import math

import pytest

from math_fundamentals import landscape, optimization
from page_api import dispatch, experiments, runs
from page_api.experiment_cards import CARDS


def review(card, **args):
    return dispatch.call("experiment_review", {"card": card, **args})


def test_every_card_has_a_question_choices_hints_and_a_lesson():
    shown = [card for page in ("optimization", "functions", "network") for card in experiments.experiments(page)["cards"]]
    assert {card["id"] for card in shown} == {card["id"] for card in CARDS}
    for card in shown:
        assert card["question"] and len(card["choices"]) >= 2 and len(card["hints"]) >= 2
        assert card["lesson"] in experiments.experiments(card["page"])["lessons"]


def test_the_trap_is_explained_with_the_numbers_of_the_run():
    path = optimization.hill_climbing(landscape.bumpy, -15.0, 100, scale=0.1, seed=0)
    answer = review("hill-trap", prediction="local")
    assert answer["outcome"] == "local" and answer["correct"] is True
    text = " ".join(answer["explanation"])
    x = path[-1]
    assert f"it was at x = {x:.3f}, f(x) = {landscape.bumpy(x):.3f}" in text
    assert f"f({x - 0.1:.3f}) = {landscape.bumpy(x - 0.1):.3f}" in text
    assert "both lower" in text
    valley = runs.terrain().valleys[0]
    assert f"cross the valley at x = {valley.x:.3f}" in text


def test_a_wrong_prediction_is_told_what_happened():
    answer = review("hill-escape", prediction="local")
    assert answer["correct"] is False and answer["outcome"] == "global"
    path = optimization.hill_climbing(landscape.bumpy, -15.0, 100, scale=5, seed=0)
    jump = next(i for i in range(1, len(path)) if (path[i - 1] + 10.423) * (path[i] + 10.423) < 0)
    assert f"At iteration {jump} one step of {path[jump] - path[jump - 1]:.3f}" in answer["explanation"][1]


def test_the_page_run_is_judged_not_the_cards_own():
    xs = runs.run("hill_climbing", -15, {"scale": 1, "seed": 3})["xs"]
    answer = review("hill-trap", prediction="global",
                    run={"optimizer": "hill_climbing", "start": -15, "settings": {"scale": 1, "seed": 3}, "xs": xs})
    assert answer["outcome"] == "local" and answer["correct"] is False
    assert f"x = {xs[-1]:.3f}" in answer["explanation"][0]


@pytest.mark.parametrize(("step_size", "outcome"), [(0.01, "crawls"), (0.1, "settles"), (1.0, "swings")])
def test_step_sizes_crawl_settle_and_swing(step_size, outcome):
    answer = review("step-sizes", prediction="settles", variant=step_size)
    assert answer["outcome"] == outcome and answer["correct"] is (outcome == "settles")
    path = optimization.gradient_ascent(landscape.bumpy, -10.0, 100, step_size=step_size)
    assert f"x = {path[-1]:.3f}" in answer["explanation"][0]


def test_a_variant_outside_the_card_is_refused():
    with pytest.raises(ValueError, match="among"):
        review("step-sizes", variant=0.5)


def test_the_comparison_runs_both_climbers_from_the_same_start():
    answer = review("compare-climbers", prediction="hill")
    climbed = optimization.hill_climbing(landscape.bumpy, -10.0, 100, scale=1, seed=0)
    ascended = optimization.gradient_ascent(landscape.bumpy, -10.0, 100, step_size=0.01)
    assert answer["outcome"] == "hill" and answer["correct"] is True
    gap = landscape.bumpy(climbed[-1]) - landscape.bumpy(ascended[-1])
    assert f"{gap:.3f} higher than gradient ascent" in answer["explanation"][1]


def test_the_last_hint_is_the_answer_of_a_real_run():
    answer = review("gradient-stuck")
    assert answer["correct"] is None
    assert answer["answer"].startswith("Answer: On the local maximum (the orange peak). It stays because the slope")
    assert answer["answer"].endswith(answer["explanation"][1])


def test_same_output_names_every_function_with_its_values():
    answer = review("same-output", prediction="f")
    assert answer["correct"] is False and answer["outcome"] == "square"
    assert "square and cosine give the same output" in answer["outcome_label"]
    assert f"cosine(-3) = {math.cos(-3):.3f} and cosine(3) = {math.cos(3):.3f}: the same." in answer["explanation"]
    assert review("same-output", prediction="cosine")["correct"] is True


def test_sqrt_left_of_zero_is_explained_by_python_itself():
    answer = review("no-curve-left", prediction="no-square")
    assert answer["correct"] is True
    assert answer["explanation"][0] == "Python's sqrt(-4) raises ValueError: math domain error."
    assert "Of the 5000 inputs plotted left of zero, 5000 have no value" in answer["explanation"][2]


def test_a_run_of_the_learners_own_completes_the_cards_it_does():
    settings = {"scale": 0.5, "seed": 7}
    xs = runs.run("hill_climbing", -14, settings)["xs"]
    done = experiments.experiment_notice("hill_climbing", -14, settings, xs)
    assert [answer["card"] for answer in done] == ["hill-trap"]
    assert done[0]["outcome"] == "local" and done[0]["correct"] is None
    xs = runs.run("gradient_ascent", 0, {"step_size": 0.1})["xs"]
    assert experiments.experiment_notice("gradient_ascent", 0, {"step_size": 0.1}, xs) == []


def test_the_default_start_does_not_count_as_choosing_a_start():
    settings = {"scale": 1, "seed": 0}
    for start, done in [(0, []), (10, ["hill-where"])]:
        xs = runs.run("hill_climbing", start, settings)["xs"]
        assert [answer["card"] for answer in experiments.experiment_notice("hill_climbing", start, settings, xs)] == done
