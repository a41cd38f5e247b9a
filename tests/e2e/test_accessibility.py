"""For every learner: axe-core finds no violations, no sideways scrolling on a phone, keyboard works."""

import json
import re

import pytest
from playwright.sync_api import expect

import build
from tests.e2e.conftest import code_editor, open_site, optimizer_picker, wait_for_python

AXE = build.NODE_MODULES / "axe-core" / "axe.min.js"


def violations(page):
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["help"], [node["target"] for node in v["nodes"]][:3]) for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 375])
def test_no_axe_violations_on_any_page(browser, http_root, scheme, width):
    context, page, guard = open_site(browser, http_root, viewport={"width": width, "height": 900}, bypass_csp=True)
    page.emulate_media(color_scheme=scheme)
    page.goto(http_root + "index.html#/functions?function=sqrt")
    wait_for_python(page)
    expect(code_editor(page, "functions")).to_be_visible()
    assert violations(page) == []
    page.goto(http_root + "index.html#/optimization?optimizer=gradient_ascent&start=-5&step_size=0.1")
    page.get_by_role("button", name="Run optimization").click()
    page.get_by_role("button", name="Where do I end up?").click()
    expect(page.get_by_role("application", name="Where each start ends. gradient_ascent")).to_be_visible()
    page.get_by_role("button", name="Draw the step size map").click()
    expect(page.get_by_role("application", name=re.compile("^Outcome map of gradient ascent, 24 rates"))).to_be_visible(
        timeout=60_000)
    page.get_by_role("application", name=re.compile("^Outcome map")).focus()
    assert violations(page) == []
    page.goto(http_root + "index.html#/loss-landscape")
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_role("status", name="Verdict")).to_contain_text("Stuck in a local minimum")
    assert violations(page) == []
    context.close()


@pytest.mark.parametrize("route", ["#/functions", "#/optimization", "#/loss-landscape"])
def test_no_sideways_scrolling_at_375_px(browser, http_root, route):
    context, page, guard = open_site(browser, http_root, viewport={"width": 375, "height": 800})
    page.goto(http_root + "index.html" + route)
    wait_for_python(page)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_the_network_can_be_trained_with_the_keyboard_alone(browser, http_root):
    context, page, guard = open_site(browser, http_root)
    page.goto(http_root + "index.html#/loss-landscape")
    wait_for_python(page)
    page.get_by_label("Start a").focus()
    page.keyboard.press("Control+a")
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+a")
    page.keyboard.type("1")
    train = page.get_by_role("button", name="Train the network")
    for _ in range(10):  # past the settings, whichever the optimizer has
        page.keyboard.press("Tab")
        if train.evaluate("(button) => button === document.activeElement"):
            break
    expect(train).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status", name="Verdict")).to_contain_text("Reached the trained network's minimum")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Replay step")).to_be_focused()
    page.keyboard.press("Home")
    expect(page.get_by_role("status").filter(has_text="Step 0 of 100")).to_be_visible()
    context.close()


def test_a_run_can_be_done_with_the_keyboard_alone(browser, http_root):
    context, page, guard = open_site(browser, http_root)
    page.goto(http_root + "index.html#/optimization")
    wait_for_python(page)
    optimizer_picker(page).focus()
    page.keyboard.press("ArrowDown")  # gradient_ascent
    expect(optimizer_picker(page)).to_have_value("gradient_ascent")
    page.keyboard.press("Tab")
    page.keyboard.type("2")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+a")
    page.keyboard.type("0.1")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Run optimization")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Replay iteration")).to_be_enabled()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Replay iteration")).to_be_focused()
    page.keyboard.press("Home")
    expect(page.get_by_role("status").filter(has_text=re.compile(r"^Iteration \d+ of"))).to_contain_text("Iteration 0 of 100: x = 2.000")
    context.close()


def test_touch_scrubbing_on_the_plot_reads_out_x(browser, http_root):
    context = browser.new_context(viewport={"width": 375, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(http_root + "index.html#/functions?function=square")
    plot = page.get_by_role("img", name="Plot of square(x)")
    box = plot.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] - 14, box["y"] + box["height"] / 2)
    expect(page.get_by_label("Pointer", exact=True).filter(visible=True)).to_have_text("x = 10.00, f(x) = 100.000")
    context.close()


def test_canvas_is_sharp_on_high_density_screens(browser, http_root):
    context = browser.new_context(viewport={"width": 800, "height": 600}, device_scale_factor=2)
    page = context.new_page()
    page.goto(http_root + "index.html#/functions")
    expect(page.get_by_role("img", name="Plot of f(x)")).to_be_visible()
    page.wait_for_function("() => performance.getEntriesByName('first-plot').length > 0")
    size = page.evaluate("""() => { const c = document.getElementById('function-plot');
        return [c.width, c.getBoundingClientRect().width]; }""")
    assert size[0] == round(size[1] * 2)
    context.close()
