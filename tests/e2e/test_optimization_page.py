"""The Optimization Visualizer, driven through accessible names, over http and file://."""

import re

import pytest
from playwright.sync_api import expect

from page_api import runs
from tests.e2e.conftest import hold_python, open_optimization, open_site, optimizer_picker, replay_status


def run_button(site):
    return site.get_by_role("button", name="Run optimization")


def test_peaks_are_named_with_their_coordinates(site):
    open_optimization(site)
    view = runs.landscape_view()
    legend = site.get_by_role("list", name="Legend")
    expect(legend).to_contain_text(f"Global max: x = {view['global_max']['x']:.3f}, f(x) = {view['global_max']['y']:.3f}")
    expect(legend).to_contain_text(f"Local max: x = {view['local_max']['x']:.3f}, f(x) = {view['local_max']['y']:.3f}")


def test_optimizer_picker_and_its_controls(site):
    open_optimization(site)
    picker = optimizer_picker(site)
    expect(picker.locator("option")).to_contain_text(["hill_climbing", "gradient_ascent"])
    expect(site.get_by_label("Scale", exact=True)).to_have_value("1")
    expect(site.get_by_label("Step size")).to_have_count(0)
    expect(site.get_by_role("note", name="About this optimizer")).to_contain_text("Hill climbing: try a random step")
    picker.select_option("gradient_ascent")
    expect(site.get_by_label("Step size")).to_have_value("0.01")
    expect(site.get_by_label("Scale", exact=True)).to_have_count(0)
    expect(site.get_by_role("note", name="About this optimizer")).to_contain_text("Gradient ascent: walk in the direction")
    expect(site.get_by_label("Starting point")).to_have_value("0")


def test_hill_climbing_run_matches_cpython_and_replays(site):
    open_optimization(site, "?optimizer=hill_climbing&start=-12&scale=2&seed=5")
    run_button(site).click()
    expected = runs.run("hill_climbing", -12.0, {"scale": 2.0, "seed": 5})
    slider = site.get_by_label("Replay iteration")
    expect(slider).to_have_value("100")
    expect(replay_status(site)).to_contain_text(f"Iteration 100 of 100: x = {expected['xs'][100]:.3f}")
    slider.fill("37")
    expect(replay_status(site)).to_contain_text(
        f"Iteration 37 of 100: x = {expected['xs'][37]:.3f}, f(x) = {expected['ys'][37]:.3f}")
    expect(replay_status(site)).to_contain_text(f"Best so far: f(x) = {expected['best_ys'][37]:.3f}")
    expect(site.get_by_text(expected["outcome"]["label"])).to_be_visible()


def test_gradient_ascent_from_the_left_is_stuck_on_the_local_max(site):
    open_optimization(site)
    optimizer_picker(site).select_option("gradient_ascent")
    site.get_by_label("Starting point").fill("-15")
    site.get_by_label("Step size").fill("0.1")
    run_button(site).click()
    expect(site.get_by_role("status", name="Verdict")).to_contain_text("Stuck on the local max")
    expect(replay_status(site)).to_contain_text("x = -16.202")
    expect(site).to_have_url(re.compile(r"optimizer=gradient_ascent&start=-15&step_size=0.1"))


def test_out_of_range_input_is_explained_and_nothing_runs(site):
    open_optimization(site)
    start = site.get_by_label("Starting point")
    start.fill("50")
    expect(start).to_have_attribute("aria-invalid", "true")
    expect(site.get_by_text("Enter a number from -20 to 20.")).to_be_visible()
    run_button(site).click()
    expect(site.get_by_text("Fix the highlighted field first.")).to_be_visible()
    expect(site.get_by_label("Replay iteration")).to_be_disabled()
    start.fill("1.5")
    expect(start).to_have_attribute("aria-invalid", "false")
    run_button(site).click()
    expect(site.get_by_label("Replay iteration")).to_be_enabled()


@pytest.mark.parametrize("typed", ["", "1e", "1e400", "-"])
def test_non_numbers_in_a_setting_are_refused(site, typed):
    open_optimization(site)
    scale = site.get_by_label("Scale", exact=True)
    scale.fill("")
    scale.press_sequentially(typed)
    run_button(site).click()
    expect(site.get_by_text("Fix the highlighted field first.")).to_be_visible()


def test_new_seed_changes_the_seed(site):
    open_optimization(site)
    seed = site.get_by_label("Seed")
    expect(seed).to_have_value("0")
    site.get_by_role("button", name="New seed").click()
    expect(seed).not_to_have_value("0")
    expect(site).to_have_url(re.compile(r"seed=" + seed.input_value()))


def test_clicking_the_plot_sets_the_starting_point(site):
    open_optimization(site)
    plot = site.get_by_role("img", name=re.compile("bumpy landscape"))
    box = plot.bounding_box()
    site.mouse.click(box["x"] + 48 + (box["width"] - 62) * 0.75, box["y"] + box["height"] / 2)
    expect(site.get_by_label("Starting point")).to_have_value("10")
    expect(site.get_by_label("Pointer", exact=True).filter(visible=True)).to_contain_text("x = 10.00")


def test_run_button_waits_for_python(browser, http_root):
    context, page, guard = open_site(browser, http_root)
    release = hold_python(page)
    page.goto(http_root + "index.html#/optimization")
    expect(page.get_by_role("progressbar", name="Python loading progress")).to_be_visible()
    expect(run_button(page)).to_be_disabled()
    expect(optimizer_picker(page)).to_be_enabled()
    expect(page.get_by_role("img", name=re.compile("bumpy landscape"))).to_be_visible()
    release()
    expect(run_button(page)).to_be_enabled(timeout=60_000)
    context.close()
    assert guard.outside == []


def test_learning_journey_text_sits_next_to_the_controls(site):
    open_optimization(site)
    for heading in ["Global and local maxima", "Hill climbing", "What is a derivative?"]:
        expect(site.get_by_role("heading", name=heading)).to_be_visible()
    expect(site.get_by_role("heading", name="Gradient ascent", exact=True)).to_be_hidden()
    optimizer_picker(site).select_option("gradient_ascent")
    expect(site.get_by_role("heading", name="Gradient ascent", exact=True)).to_be_visible()
    expect(site.get_by_role("heading", name="Hill climbing", exact=True)).to_be_hidden()
