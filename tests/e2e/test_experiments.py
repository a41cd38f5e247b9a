"""Experiment cards: predict first, run the page's way, read feedback made of the run's numbers."""

import csv
import re
from datetime import datetime, timezone

import pytest
from playwright.sync_api import expect

from page_api import dispatch, runs
from tests.e2e.conftest import code_editor, open_optimization, open_site, wait_for_python
from tests.e2e.test_accessibility import violations


def card_of(site, title):
    return site.get_by_role("article", name=title)


def predict_and_run(card, prediction):
    card.get_by_role("radio", name=prediction).check()
    card.get_by_role("button", name="Run experiment").click()


def expect_explained(card, review, lead):
    feedback = card.get_by_role("status", name="Result of the experiment")
    expect(feedback).to_contain_text(lead)
    for sentence in review["explanation"]:
        expect(feedback).to_contain_text(sentence)


def test_the_run_waits_for_a_prediction_and_a_wrong_one_is_told_the_runs_numbers(site):
    open_optimization(site, "?optimizer=hill_climbing")
    card = card_of(site, "Can long jumps escape?")
    run = card.get_by_role("button", name="Run experiment")
    expect(run).to_be_disabled()
    expect(card).to_contain_text("Choose a prediction first")
    card.get_by_role("radio", name="On the local maximum").check()
    expect(run).to_be_enabled()
    run.click()
    review = dispatch.call("experiment_review", {"card": "hill-escape", "prediction": "local"})
    assert review["correct"] is False
    expect_explained(card, review, "Not what happened this time.")
    expect(card).to_contain_text("You predicted: On the local maximum (the orange peak). "
                                 "What happened: On the global maximum (the green peak).")
    # The run went the page's normal way: fields, verdict and replay show it.
    expect(site.get_by_label("Starting point")).to_have_value("-15")
    expect(site.get_by_label("Scale", exact=True)).to_have_value("5")
    x = runs.run("hill_climbing", -15, {"scale": 5, "seed": 0})["xs"][-1]
    expect(site.get_by_role("status", name="Verdict")).to_contain_text(f"x = {x:.3f}")
    expect(site.get_by_label("Replay iteration")).to_be_enabled()


def test_a_right_prediction_is_confirmed_with_the_runs_numbers(site):
    open_optimization(site, "?optimizer=gradient_ascent")
    card = card_of(site, "Does it get stuck?")
    predict_and_run(card, "On the local maximum")
    review = dispatch.call("experiment_review", {"card": "gradient-stuck", "prediction": "local"})
    expect_explained(card, review, "Your prediction was right.")
    expect(card).to_contain_text("Done ✓")


def test_a_card_runs_the_variant_the_learner_picked(site):
    open_optimization(site, "?optimizer=gradient_ascent")
    card = card_of(site, "Too small, just right, too large")
    card.get_by_role("radio", name="1", exact=True).check()
    predict_and_run(card, "It settles on a peak")
    review = dispatch.call("experiment_review", {"card": "step-sizes", "prediction": "settles", "variant": 1.0})
    assert review["outcome"] == "swings"
    expect_explained(card, review, "Not what happened this time.")
    expect(site.get_by_label("Step size")).to_have_value("1")


def test_hints_come_one_at_a_time_and_the_last_is_the_answer(site):
    open_optimization(site, "?optimizer=hill_climbing")
    card = card_of(site, "Trap it on the local maximum")
    hints = card.get_by_role("list", name="Hints").get_by_role("listitem")
    shown = dispatch.call("experiments", {"page": "optimization"})["cards"]
    written = next(item for item in shown if item["id"] == "hill-trap")["hints"]
    for number, hint in enumerate(written, start=1):
        card.get_by_role("button", name=f"Hint {number} of 3").click()
        expect(hints.nth(number - 1)).to_have_text(hint)
    card.get_by_role("button", name="Hint 3 of 3").click()
    answer = dispatch.call("experiment_review", {"card": "hill-trap"})["answer"]
    expect(hints.nth(2)).to_have_text(answer)
    expect(card.get_by_role("button", name="No more hints")).to_be_disabled()
    expect(card.get_by_role("button", name="Run experiment")).to_be_disabled()


def test_a_run_of_the_learners_own_completes_a_card(site):
    open_optimization(site, "?optimizer=hill_climbing&start=-14&scale=0.5&seed=7")
    card = card_of(site, "Trap it on the local maximum")
    expect(card).to_be_visible()
    site.get_by_role("button", name="Run optimization").click()
    settings = {"scale": 0.5, "seed": 7}
    xs = runs.run("hill_climbing", -14, settings)["xs"]
    [review] = dispatch.call("experiment_notice", {"optimizer": "hill_climbing", "start": -14, "settings": settings,
                                                   "xs": xs})
    expect_explained(card, review, "You did this one with a run of your own.")
    expect(site.get_by_text("1 of 3 experiments done")).to_be_visible()


def test_progress_survives_a_reload_and_is_reset_after_asking(site):
    site.goto(site.index_url + "#/functions")
    wait_for_python(site)
    card = card_of(site, "The same output for −3 and 3")
    expect(site.get_by_text("0 of 2 experiments done")).to_be_visible()
    predict_and_run(card, "cosine")
    review = dispatch.call("experiment_review", {"card": "same-output", "prediction": "cosine"})
    expect_explained(card, review, "Your prediction was right.")
    expect(site.get_by_label("Function", exact=True)).to_have_value("cosine")
    expect(site.get_by_text("1 of 2 experiments done")).to_be_visible()
    site.reload()
    wait_for_python(site)
    expect(site.get_by_text("1 of 2 experiments done")).to_be_visible()
    expect_explained(card, review, "Your prediction was right.")
    site.get_by_role("button", name="Start the experiments again…").click()
    site.get_by_role("button", name="Keep them").click()
    expect(site.get_by_text("1 of 2 experiments done")).to_be_visible()
    site.get_by_role("button", name="Start the experiments again…").click()
    expect(site.get_by_role("group", name="Forget all 1 attempt at the experiments?")).to_be_visible()
    site.get_by_role("button", name="Yes, forget them").click()
    expect(site.get_by_text("0 of 2 experiments done")).to_be_visible()
    expect(card.get_by_text("Done ✓")).to_be_hidden()
    site.reload()
    wait_for_python(site)
    expect(site.get_by_text("0 of 2 experiments done")).to_be_visible()


def test_the_summary_downloads_with_a_row_per_attempt(site, tmp_path):
    site.goto(site.index_url + "#/functions")
    wait_for_python(site)
    predict_and_run(card_of(site, "No curve left of zero"), "No number multiplied by itself")
    expect(site.get_by_text("1 of 2 experiments done")).to_be_visible()
    predict_and_run(card_of(site, "The same output for −3 and 3"), "f")
    expect(site.get_by_text("2 of 2 experiments done")).to_be_visible()
    with site.expect_download() as download:
        site.get_by_role("button", name="Download my experiments (CSV)").click()
    assert download.value.suggested_filename == "my-experiments.csv"
    rows = list(csv.DictReader(open(download.value.path(), encoding="utf-8")))
    today = datetime.now(timezone.utc).date().isoformat()
    assert [(row["experiment"], row["prediction"], row["outcome"], row["result"], row["date"][:10]) for row in rows] == [
        ("No curve left of zero", "No number multiplied by itself gives a negative number",
         "No number multiplied by itself gives a negative number", "right", today),
        ("The same output for −3 and 3", "f", "square and cosine give the same output for -3 and 3", "not right", today)]
    with site.expect_download() as picture:
        site.get_by_role("button", name="Download certificate (PNG)").click()
    assert open(picture.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("viewport", [{"width": 1400, "height": 900}, {"width": 375, "height": 740}])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_cards_with_feedback_and_hints_have_no_axe_violations(browser, http_root, viewport, scheme):
    context, page, guard = open_site(browser, http_root, viewport=viewport, bypass_csp=True)
    page.emulate_media(color_scheme=scheme)
    page.goto(http_root + "index.html#/optimization?optimizer=hill_climbing")
    wait_for_python(page)
    card = card_of(page, "Where will it end?")
    card.get_by_role("radio", name="10", exact=True).check()
    predict_and_run(card, "Somewhere else")
    review = dispatch.call("experiment_review", {"card": "hill-where", "prediction": "elsewhere", "variant": 10})
    expect_explained(card, review, "Not what happened this time.")
    card.get_by_role("button", name="Hint 1 of 3").click()
    page.get_by_role("button", name="Start the experiments again…").click()
    expect(page.get_by_role("button", name="Yes, forget them")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert violations(page) == []
    context.close()
    assert guard.errors == []


def test_a_function_the_learner_adds_is_offered_and_judged(site):
    site.goto(site.index_url + "#/functions")
    wait_for_python(site)
    editor = code_editor(site, "functions")
    editor.click()
    site.keyboard.press("Control+End")
    site.keyboard.insert_text('\n\ndef distance(x):\n    """How far x is from zero."""\n    return abs(x)\n')
    site.keyboard.press("Control+Enter")
    card = card_of(site, "The same output for −3 and 3")
    predict_and_run(card, "distance")
    expect(card).to_contain_text("distance(-3) = 3.000 and distance(3) = 3.000: the same.")
    expect(card).to_contain_text("Your prediction was right.")
    expect(site.get_by_label("Function", exact=True)).to_have_value("distance")
