"""Where do I end up: the strip of starting points and the step size map, over http and file://."""

import re

from playwright.sync_api import expect

from page_api import runs
from tests.e2e.conftest import optimizer_picker, wait_for_python

# What a run shows is the same over http and from file:// (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)


def percent(endings, kind):
    return round(100 * endings.count(kind) / len(endings))


def test_strip_summarises_where_each_start_ends_and_a_click_replays_it(site):
    site.goto(site.index_url + "#/optimization?optimizer=hill_climbing&start=0&scale=1&seed=0")
    wait_for_python(site)
    site.get_by_role("button", name="Where do I end up?").click()
    expected = runs.sweep("hill_climbing", {"scale": 1.0, "seed": 0})["endings"]
    strip = site.get_by_role("application", name=re.compile("Where each start ends"))
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
    strip = site.get_by_role("application", name=re.compile("Where each start ends"))
    expect(strip).to_be_visible()
    site.get_by_label("Scale", exact=True).fill("3")
    expect(strip).to_be_hidden()


def test_step_size_map_and_clicking_a_cell(site):
    site.goto(site.index_url + "#/optimization")
    wait_for_python(site)
    site.get_by_role("button", name="Draw the step size map").click()
    expected = runs.step_size_map()
    flat = [ending for row in expected["endings"] for ending in row]
    chart = site.get_by_role("application", name=re.compile("Outcome map of gradient ascent"))
    # 1,944 runs: about 0.5 s on an idle machine, far longer on a busy one.
    expect(chart).to_have_attribute("aria-label", re.compile(f"oscillating {percent(flat, 'oscillating')}%"),
                                    timeout=60_000)
    box = chart.bounding_box()
    # The cells start 62 px from the left and 8 px from the top: the top row is step size 1.
    site.mouse.click(box["x"] + 62 + (box["width"] - 74) / 2, box["y"] + 10)  # top row: step size 1, start 0
    expect(optimizer_picker(site)).to_have_value("gradient_ascent")
    expect(site.get_by_label("Step size")).to_have_value("1")
    expect(site.get_by_text(re.compile("^Swinging back and forth: "))).to_be_visible()


def open_map(site):
    site.goto(site.index_url + "#/optimization")
    wait_for_python(site)
    site.get_by_role("button", name="Draw the step size map").click()
    chart = site.get_by_role("application", name=re.compile("Outcome map of gradient ascent"))
    expect(chart).to_have_attribute("aria-label", re.compile("starts: "), timeout=60_000)
    return chart


def test_the_map_is_read_out_and_used_with_the_keyboard(site):
    chart = open_map(site)
    expected = runs.step_size_map()
    expect(chart).to_have_accessible_description(re.compile(
        r"Starting point x across, from -20 to 20; step size up, from 0.001 at the bottom to 1 at the top"))
    chart.focus()
    readout = site.locator("#step-size-map-readout")
    # No run yet: the cursor starts in the middle, row 12 and column 40.
    row, column = 12, 40
    for key, (d_row, d_column) in [("ArrowUp", (1, 0)), ("ArrowUp", (1, 0)), ("ArrowLeft", (0, -1))]:
        site.keyboard.press(key)
        row, column = row + d_row, column + d_column
    step_size = expected["step_sizes"][row]
    start = expected["starts"][column]
    ending = expected["endings"][row][column]
    words = {"global": "ends on the global max", "local": "ends on the local max",
             "oscillating": "ends swinging back and forth", "diverged": "diverges", "neither": "ends on neither peak"}
    expect(readout).to_contain_text(f"step size {step_size:g}: gradient_ascent {words[ending]}")
    expect(readout).to_contain_text(re.compile(rf"^Start x = {start:g}(\.0)?,"))
    site.keyboard.press("Enter")
    expect(optimizer_picker(site)).to_have_value("gradient_ascent")
    expect(site.get_by_label("Step size")).to_have_value(f"{step_size:g}")
    expect(site.get_by_label("Starting point")).to_have_value(f"{start:g}")
    expect(site.get_by_label("Replay iteration")).to_be_enabled()
    # The run is brought into view, 1,500 px above the map.
    expect(site.get_by_role("img", name=re.compile("bumpy landscape"))).to_be_in_viewport()
    run = runs.run("gradient_ascent", start, {"step_size": step_size})
    expect(site.get_by_role("status", name="Verdict")).to_have_text(run["outcome"]["label"])


def test_hovering_the_map_reads_the_cell_under_the_pointer(site):
    chart = open_map(site)
    expected = runs.step_size_map()
    box = chart.bounding_box()
    site.mouse.move(box["x"] + 62 + 1, box["y"] + box["height"] - 40 - 1)  # bottom left cell
    expect(site.locator("#step-size-map-readout")).to_have_text(re.compile(
        rf"^Start x = -20(\.0)?, step size {expected['step_sizes'][0]:g}: gradient_ascent "))


def test_the_strip_is_used_with_the_keyboard(site):
    site.goto(site.index_url + "#/optimization?optimizer=hill_climbing&start=-15&scale=1&seed=0")
    wait_for_python(site)
    site.get_by_role("button", name="Run optimization").click()
    expect(site.get_by_label("Replay iteration")).to_be_enabled()
    site.get_by_role("button", name="Where do I end up?").click()
    strip = site.get_by_role("application", name=re.compile("Where each start ends"))
    expect(strip).to_be_visible()
    expected = runs.sweep("hill_climbing", {"scale": 1.0, "seed": 0})
    strip.focus()
    # The cursor starts at the run on screen, -15; two steps right is -14.8.
    site.keyboard.press("ArrowRight")
    site.keyboard.press("ArrowRight")
    column = expected["starts"].index(-14.8)
    ending = {"global": "global max", "local": "local max"}.get(expected["endings"][column], "")
    expect(site.locator("#sweep-strip-readout")).to_contain_text(f"Start x = -14.8: hill_climbing ends on")
    expect(site.locator("#sweep-strip-readout")).to_contain_text(ending)
    site.keyboard.press("Enter")
    expect(site.get_by_label("Starting point")).to_have_value("-14.8")
    run = runs.run("hill_climbing", -14.8, {"scale": 1.0, "seed": 0})
    expect(site.get_by_role("status", name="Verdict")).to_have_text(run["outcome"]["label"])
