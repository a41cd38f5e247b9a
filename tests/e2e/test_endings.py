"""Where do I end up: the strip of starting points and the step size map, over http and file://."""

import re

from playwright.sync_api import expect

from page_api import runs
from tests.e2e.conftest import optimizer_picker, wait_for_python


def percent(endings, kind):
    return round(100 * endings.count(kind) / len(endings))


def test_strip_summarises_where_each_start_ends_and_a_click_replays_it(site):
    site.goto(site.index_url + "#/optimization?optimizer=hill_climbing&start=0&scale=1&seed=0")
    wait_for_python(site)
    site.get_by_role("button", name="Where do I end up?").click()
    expected = runs.sweep("hill_climbing", {"scale": 1.0, "seed": 0})["endings"]
    strip = site.get_by_role("img", name=re.compile("Where each start ends"))
    expect(strip).to_have_attribute("aria-label", re.compile(
        f"global max {percent(expected, 'global')}%, local max {percent(expected, 'local')}%"))
    box = strip.bounding_box()
    site.mouse.click(box["x"] + 48.5, box["y"] + box["height"] / 2)  # the leftmost start, -20
    expect(site.get_by_label("Starting point")).to_have_value("-20")
    expect(site.get_by_label("Replay iteration")).to_be_enabled()


def test_changing_a_setting_clears_the_strip(site):
    site.goto(site.index_url + "#/optimization")
    wait_for_python(site)
    site.get_by_role("button", name="Where do I end up?").click()
    strip = site.get_by_role("img", name=re.compile("Where each start ends"))
    expect(strip).to_be_visible()
    site.get_by_label("Scale").fill("3")
    expect(strip).to_be_hidden()


def test_step_size_map_and_clicking_a_cell(site):
    site.goto(site.index_url + "#/optimization")
    wait_for_python(site)
    site.get_by_role("button", name="Draw the step size map").click()
    expected = runs.step_size_map()
    flat = [ending for row in expected["endings"] for ending in row]
    chart = site.get_by_role("img", name=re.compile("Outcome map of gradient ascent"))
    # 1,944 runs: about 0.5 s on an idle machine, far longer on a busy one.
    expect(chart).to_have_attribute("aria-label", re.compile(f"oscillating {percent(flat, 'oscillating')}%"),
                                    timeout=60_000)
    box = chart.bounding_box()
    site.mouse.click(box["x"] + box["width"] / 2, box["y"] + 2)  # top row: step size 1, start 0
    expect(optimizer_picker(site)).to_have_value("gradient_ascent")
    expect(site.get_by_label("Step size")).to_have_value("1")
    expect(site.get_by_text(re.compile("^Swinging back and forth: "))).to_be_visible()
