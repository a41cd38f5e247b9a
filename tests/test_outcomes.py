"""Verdicts tell the truth about a run, by rules a learner can check on the plot."""

import math

import pytest

from math_fundamentals import landscape
from page_api import outcomes, runs

GLOBAL, LOCAL = runs.landscape_peaks()[:2]
(VALLEY,) = runs.terrain().valleys


def settling(start, end, steps=40):
    """A path that moves from start towards end in ever smaller steps, and settles there."""
    return [end + (start - end) * 0.7 ** k for k in range(steps)]


@pytest.mark.parametrize("optimizer, start, settings, kind, words", [
    # Ends 0.13 from the green peak's top, on its hill: that is reaching it.
    ("hill_climbing", 10.0, {"scale": 5.0}, "global", "ended at x = 3.359"),
    # Still swinging with slope 3.4 at the end: not stuck anywhere yet.
    ("gradient_ascent_with_momentum", -15.0, {"momentum": 0.99}, "moving", "Still moving"),
    # A high temperature keeps accepting steps downhill to the very end.
    ("simulated_annealing", 0.0, {"temperature": 50.0, "cooling": 0.999}, "oscillating", "back and forth"),
    ("gradient_ascent", 0.0, {"step_size": 1.0}, "oscillating", "back and forth"),
    ("gradient_ascent", 0.0, {"step_size": 0.001}, "climbing", "Still climbing"),
    ("gradient_ascent", 0.0, {"step_size": 0.1}, "global", "highest peak"),
    ("gradient_ascent", -15.0, {"step_size": 0.1}, "local", "lower peak"),
    ("hill_climbing", -15.0, {"scale": 0.5}, "local", "lower peak"),
    ("random_restart_hill_climbing", -15.0, {}, "global", "highest peak"),
])
def test_verdicts_of_real_runs(optimizer, start, settings, kind, words):
    outcome = runs.run(optimizer, start, settings)["outcome"]
    assert outcome["kind"] == kind, outcome
    assert words in outcome["label"]


def test_a_run_that_walks_downhill_says_so():
    # From f = 10.8 at x = 0 down the slope to x = -6, where f is far lower: no valley bottom.
    traced = runs.trace(settling(0.0, -6.0))
    assert landscape.bumpy(-6.0) < landscape.bumpy(0.0) - 20
    assert traced["outcome"]["kind"] == "downhill"
    assert "ended lower (f(x) = " in traced["outcome"]["label"]


def test_a_run_that_settles_in_the_valley_says_so():
    traced = runs.trace(settling(-6.0, VALLEY.x))
    assert traced["outcome"]["kind"] == "valley"
    assert f"near the bottom at x = {VALLEY.x:.3f}" in traced["outcome"]["label"]


def test_near_but_below_a_top_is_not_reaching_it():
    # 0.6 below the top of the global peak (more than the 0.5 allowed): still climbing.
    x = next(x / 1000 for x in range(3489, 0, -1) if GLOBAL.y - landscape.bumpy(x / 1000) > 0.6)
    assert runs.trace(settling(0.0, x))["outcome"]["kind"] == "climbing"


def test_a_restart_that_found_the_highest_peak_is_judged_by_its_best_point():
    path = settling(0.0, GLOBAL.x, 30) + settling(GLOBAL.x, LOCAL.x, 40)[1:]
    outcome = runs.trace(path)["outcome"]
    assert outcome["kind"] == "global"
    assert f"its best point is x = {GLOBAL.x:.3f}" in outcome["label"]
    assert f"ended at x = {LOCAL.x:.3f}" in outcome["label"]


def test_a_run_that_never_moves_says_so():
    assert runs.trace([1.5] * 101)["outcome"] == {"kind": "still", "label": "Did not move: it stayed at x = 1.500 all along"}


def test_left_the_range_and_diverged():
    assert runs.trace(settling(0.0, 25.0))["outcome"]["kind"] == "outside"
    assert runs.trace([0.0, 1e9])["outcome"] == outcomes.diverged(1)


@pytest.mark.parametrize("x", [GLOBAL.x, LOCAL.x, VALLEY.x, 0.0])
def test_the_hill_of_a_point_lies_between_valley_bottoms(x):
    low, high = runs.terrain().hill_of(x)
    assert low <= x < high
    assert {low, high} <= {landscape.LOW, VALLEY.x, landscape.HIGH}


def test_endings_map_new_kinds_to_neither():
    assert runs.ending(settling(0.0, -6.0)) == "neither"
    assert runs.ending(settling(0.0, GLOBAL.x)) == "global"
    assert not math.isnan(VALLEY.y) and VALLEY.y < -40
