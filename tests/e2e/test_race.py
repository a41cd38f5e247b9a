"""The network page's race and its other surfaces: driven by accessible names, over http and file://."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import code_editor, wait_for_python
from tests.e2e.test_editor import append_code
from tests.e2e.test_network_page import open_page, status

# What a run shows is the same over http and from file:// (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)

RACERS = ["gradient_descent", "gradient_descent_with_momentum", "adam"]
BOWL = '''

def tilted_bowl(a: float, b: float) -> float:
    """A round bowl with its bottom at (1, -1), 2 deep."""
    return (a - 1) ** 2 + (b + 1) ** 2 - 2
'''


def summary(page):
    return page.get_by_role("status").filter(has_text=re.compile("^After|^Train, or race"))


def test_a_race_replays_every_racer_and_says_who_got_low_first(site):
    page = open_page(site)
    for name in RACERS:
        page.get_by_role("checkbox", name=name, exact=True).check()
    page.get_by_role("button", name="Start the race").click()
    expect(summary(page)).to_have_text("After 100 steps: gradient_descent 0.3695, gradient_descent_with_momentum "
                                       "0.001508, adam 0.3696; first below 0.01: gradient_descent_with_momentum at step 31.")
    racers = page.get_by_role("list", name="Racers")
    expect(racers.get_by_role("listitem")).to_have_text(["gradient_descent (learning rate 0.02)",
                                                         "gradient_descent_with_momentum (learning rate 0.02)",
                                                         "adam (learning rate 0.05)"])
    page.get_by_label("Replay step").fill("31")
    expect(status(page)).to_have_text(re.compile(r"^Step 31 of 100, loss per racer: gradient_descent 0\.\d+, "
                                                 r"gradient_descent_with_momentum 0\.00\d+, adam 0\.\d+\.$"))
    chart = page.get_by_role("img", name=re.compile("per step"))
    expect(chart).to_have_attribute("aria-label", re.compile(r"^loss \(log scale\) per step; Step 31 of 100"))
    expect(site).to_have_url(re.compile(r"race=gradient_descent%2Cgradient_descent_with_momentum%2Cadam.*&replay=31"))
    site.reload()
    wait_for_python(site)
    expect(status(page)).to_have_text(re.compile(r"^Step 31 of 100, loss per racer"))
    expect(page.get_by_role("checkbox", name="adam", exact=True)).to_be_checked()
    expect(summary(page)).to_contain_text("first below 0.01: gradient_descent_with_momentum at step 31.")


def test_one_ticked_optimizer_trains_alone_with_its_loss_chart(site):
    page = open_page(site)
    page.get_by_role("checkbox", name="adam", exact=True).check()
    page.get_by_role("button", name="Train the network").click()
    expect(summary(page)).to_have_text("After 100 steps: gradient_descent 0.3695.")
    expect(page.get_by_role("list", name="Racers")).to_be_hidden()


def test_himmelblau_has_four_minima_and_a_run_reaches_one(site):
    page = open_page(site)
    page.get_by_label("Surface", exact=True).select_option("himmelblau")
    expect(page.get_by_role("note", name="About this surface")).to_contain_text("four valleys")
    expect(page.get_by_text(re.compile(r"^Minimum: a = 3\.00, b = 2\.00, f = .* \(and 3 more as low\)$"))).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Heat map of himmelblau"))).to_be_visible()
    page.get_by_label("Start a").fill("4.5")
    page.get_by_label("Start b").fill("-4.5")
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_role("status", name="Verdict")).to_have_text(
        re.compile(r"^Reached one of the 4 equally low minima at \(3\.000, 2\.000\)"))
    expect(status(page)).to_have_text(re.compile(r"^Step 100 of 100: a = 3\.000, b = 2\.000, f = "))
    expect(site).to_have_url(re.compile(r"surface=himmelblau.*a=4\.5&b=-4\.5"))
    expect(page.get_by_role("region", name="What the network sees")).to_be_hidden()


def test_a_race_on_the_saddle_and_a_link_that_restores_it(site):
    site.goto(site.index_url + "#/loss-landscape?surface=saddle&a=1.5&b=0&race=gradient_descent%2Cadam"
              "&learning_rate=0.1&replay=100")
    page = site.get_by_role("region", name="From one variable to a neural network")
    wait_for_python(site)
    expect(page.get_by_label("Surface", exact=True)).to_have_value("saddle")
    expect(summary(page)).to_contain_text(re.compile(r"^After 100 steps: gradient_descent 1, adam "))
    expect(page.get_by_role("listitem").filter(has_text="gradient_descent (learning rate 0.1)")).to_be_visible()
    # Started on the line b = 0, where the slope along b is exactly 0, both slide onto the saddle point.
    expect(page.get_by_role("status", name="Verdict")).to_have_text(
        re.compile(r"^None got below 0\.01; lowest at the end: (gradient_descent|adam) 1(\.\d+)?\.$"))
    page.get_by_label("Surface", exact=True).select_option("network")
    expect(summary(page)).to_have_text("Train, or race, to see the loss step by step.")
    expect(page.get_by_label("Start a")).to_have_value("1.5")


def test_a_learner_s_surface_joins_the_picker_through_the_editor(site):
    page = open_page(site)
    editor = code_editor(site, "surfaces")
    expect(editor).to_be_visible()
    append_code(site, editor, BOWL)
    site.get_by_role("region", name="Edit the Python: surfaces.py").get_by_role("button", name="Apply changes").click()
    picker = page.get_by_label("Surface", exact=True)
    expect(picker.get_by_role("option", name="tilted_bowl")).to_be_attached()
    picker.select_option("tilted_bowl")
    expect(page.get_by_text(re.compile(r"^Minimum: a = 1\.00, b = -1\.00, f = -2$"))).to_be_visible()
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_role("status", name="Verdict")).to_have_text(
        re.compile(r"^Reached the minimum at \(1\.000, -1\.000\)"))
    chart = page.get_by_role("img", name=re.compile("per step"))
    expect(chart).to_have_attribute("aria-label", re.compile(r"^f\(a, b\) − \(-2\) \(log scale\) per step"))


def test_unknown_surfaces_and_racers_in_a_link_are_left_out_with_a_notice(site):
    site.goto(site.index_url + "#/loss-landscape?surface=%3Cimg%20src%3Dx%3E&race=adam%2C__import__('os')%2Csgd")
    wait_for_python(site)
    alert = site.get_by_role("alert")
    expect(alert).to_contain_text('Unknown surface "<img src=x>"; showing network instead.')
    expect(alert).to_contain_text("Unknown race entrant \"__import__('os')\"; it was left out.")
    page = site.get_by_role("region", name="From one variable to a neural network")
    expect(page.get_by_role("checkbox", name="sgd", exact=True)).to_be_checked()
    expect(page.get_by_role("button", name="Start the race")).to_be_visible()
    expect(page.get_by_label("Surface", exact=True)).to_have_value("network")
