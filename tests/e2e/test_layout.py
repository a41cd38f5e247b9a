"""Where things stand: the first screen of a desktop holds what a run needs, a phone keeps the plot in
view while the replay moves, and nothing is wider than a narrow screen. Measured with bounding boxes."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import optimizer_picker, wait_for_python

# What a run shows is the same over http and from file:// (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)

DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 375, "height": 740}
# The replay pages: URL, Run button, replay slider, what the readout starts with, the plot, and the
# region of the guidance shown for that run.
REPLAY_PAGES = {
    "optimization": ("#/optimization?optimizer=hill_climbing&start=-15&scale=1&seed=3", "Run optimization",
                     "Replay iteration", "Iteration", re.compile("bumpy landscape"), "What to try"),
    "network": ("#/loss-landscape?descent=gradient_descent&a=-1&b=1", "Train the network",
                "Replay step", "Step", re.compile("Heat map of the network's loss"), "Page 2, again, in two dimensions"),
}


def open_and_run(site, name, viewport, scheme="light"):
    """Opens a replay page at the size and colour scheme given and runs it once; returns its locators."""
    url, button, slider, readout, plot, guidance = REPLAY_PAGES[name]
    site.set_viewport_size(viewport)
    site.emulate_media(color_scheme=scheme)
    site.goto(site.index_url + url)
    wait_for_python(site)
    site.get_by_role("button", name=button).click()
    expect(site.get_by_label(slider)).to_be_enabled()
    return {
        "run button": site.get_by_role("button", name=button),
        "picker": optimizer_picker(site),
        "plot": site.get_by_role("img", name=plot),
        "slider": site.get_by_label(slider),
        "readout": site.get_by_role("status").filter(has_text=re.compile(f"^{readout} \\d+ of 100")),
        "verdict": site.get_by_role("status", name="Verdict").filter(visible=True),
        "guidance": site.get_by_role("region", name=guidance, exact=True),
    }


def inside_viewport(site, locator) -> bool:
    box = locator.bounding_box()
    viewport = site.viewport_size
    return (box is not None and box["x"] >= 0 and box["y"] >= 0
            and box["x"] + box["width"] <= viewport["width"] and box["y"] + box["height"] <= viewport["height"])


def outside(site, parts: dict) -> list[str]:
    """The names of the parts not wholly inside the viewport."""
    return [name for name, locator in parts.items() if not inside_viewport(site, locator)]


@pytest.mark.parametrize("name", REPLAY_PAGES)
def test_a_desktop_first_screen_holds_controls_plot_replay_verdict_and_guidance(site, name):
    parts = open_and_run(site, name, DESKTOP)
    expect(parts["verdict"]).not_to_be_empty()
    assert site.evaluate("window.scrollY") == 0
    assert outside(site, parts) == []
    assert inside_viewport(site, parts["guidance"].get_by_role("heading", name="Try this").filter(visible=True))


def test_the_functions_page_shows_its_guidance_beside_the_plot(site):
    site.set_viewport_size(DESKTOP)
    site.goto(site.index_url + "#/functions")
    parts = {"picker": site.get_by_label("Function", exact=True), "plot": site.get_by_role("img", name=re.compile("^Plot of")),
             "guidance": site.get_by_role("region", name="What to explore")}
    expect(parts["plot"]).to_be_visible()
    assert outside(site, parts) == []
    plot, guidance = parts["plot"].bounding_box(), parts["guidance"].bounding_box()
    assert guidance["x"] >= plot["x"] + plot["width"], "the guidance stands beside the plot, not under it"


@pytest.mark.parametrize("name", REPLAY_PAGES)
def test_the_guidance_comes_before_the_deeper_material(site, name):
    parts = open_and_run(site, name, DESKTOP)
    deeper = site.get_by_role("heading", name=re.compile("^Edit the Python")).filter(visible=True).first
    assert parts["guidance"].bounding_box()["y"] < deeper.bounding_box()["y"]
    site.set_viewport_size(PHONE)
    assert parts["guidance"].bounding_box()["y"] < deeper.bounding_box()["y"]


@pytest.mark.parametrize("name", REPLAY_PAGES)
def test_on_a_phone_the_plot_stays_in_view_while_the_replay_moves(site, name):
    parts = open_and_run(site, name, PHONE)
    plot, slider, readout = parts["plot"], parts["slider"], parts["readout"]
    slider.focus()
    for key in ["Home", "ArrowRight", "ArrowRight", "ArrowRight"]:
        site.keyboard.press(key)
        assert outside(site, {"plot": plot, "slider": slider, "readout": readout}) == []
    expect(readout).to_contain_text(" 3 of 100")
    # Further down, among the guidance and the code, the plot and the replay are still at the top.
    site.get_by_role("heading", name=re.compile("^(Step by step|What the network sees)")).scroll_into_view_if_needed()
    assert site.evaluate("window.scrollY") > PHONE["height"]
    slider.focus()
    site.keyboard.press("ArrowRight")
    expect(readout).to_contain_text(" 4 of 100")
    assert outside(site, {"plot": plot, "slider": slider, "readout": readout}) == []
    # The block that stays is at most 55 % of the screen, and a focused control scrolls clear of it.
    top, bottom = plot.bounding_box()["y"], readout.bounding_box()["y"] + readout.bounding_box()["height"]
    assert bottom - top <= 0.55 * PHONE["height"]
    parts["run button"].focus()
    assert parts["run button"].bounding_box()["y"] >= readout.bounding_box()["y"] + readout.bounding_box()["height"]
    assert inside_viewport(site, parts["run button"])


@pytest.mark.parametrize("name", REPLAY_PAGES)
def test_on_a_phone_the_lesson_reads_plot_then_verdict_then_update_rule(site, name):
    """The update rule is placed by the page's script; on a phone it must not jump above the plot."""
    parts = open_and_run(site, name, PHONE)
    rule = site.get_by_role("group", name="Update rule").filter(visible=True)
    expect(rule).to_contain_text("with this run's numbers")
    site.evaluate("window.scrollTo(0, 0)")  # where the plot that stays at the top has its own place
    top = {part: locator.bounding_box()["y"] for part, locator in
           {"plot": parts["plot"], "verdict": parts["verdict"], "rule": rule}.items()}
    assert top["plot"] < top["verdict"] < top["rule"], top


@pytest.mark.parametrize("width", [320, 375, 430])
def test_nothing_is_wider_than_a_narrow_screen(site, width):
    open_and_run(site, "optimization", {"width": width, "height": 740})
    for route in ["#/optimization", "#/functions", "#/loss-landscape"]:
        site.goto(site.index_url + route)
        expect(site.get_by_role("heading", level=1).filter(visible=True)).to_be_visible()
        assert site.evaluate("document.documentElement.scrollWidth") <= width, route
    site.goto(site.index_url + "#/optimization")
    site.get_by_role("button", name="Run optimization").click()
    table = site.get_by_role("region", name="Every iteration of the run")
    for wide in [table, site.get_by_label("Source of the optimizer")]:
        box = wide.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # Brought to the middle of the screen, as a learner scrolls to it (scrolling only "if needed"
    # may leave it half under the screen's edge), the last column is whole: the table scrolls sideways.
    last_column = table.get_by_role("columnheader", name="Best so far")
    last_column.evaluate("(header) => header.scrollIntoView({ block: 'center', inline: 'nearest' })")
    assert inside_viewport(site, last_column)


@pytest.mark.parametrize("width", [320, 375, 430, 1400])
def test_each_lesson_link_stays_on_one_line(site, width):
    site.set_viewport_size({"width": width, "height": 740})
    site.goto(site.index_url + "#/functions")
    links = site.get_by_role("navigation", name="Lessons").get_by_role("link")
    expect(links).to_have_count(3)
    for link in links.all():
        line = link.evaluate("(a) => parseFloat(getComputedStyle(a).lineHeight) + parseFloat(getComputedStyle(a).paddingTop)"
                             " + parseFloat(getComputedStyle(a).paddingBottom)")
        assert link.bounding_box()["height"] < line + 4, link.inner_text()
        assert inside_viewport(site, link)


def test_the_matplotlib_figure_fits_a_phone_and_opens_full_size(site):
    site.set_viewport_size(PHONE)
    site.goto(site.index_url + "#/loss-landscape")
    figure = site.get_by_role("img", name=re.compile("matplotlib"))
    figure.scroll_into_view_if_needed()
    box = figure.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    full_size = site.get_by_role("link", name="Open the figure full size")
    expect(full_size).to_have_attribute("href", re.compile(r"figures/network-landscape\.png$"))


@pytest.mark.parametrize("name", REPLAY_PAGES)
def test_the_block_that_stays_on_a_phone_follows_the_dark_theme(site, name):
    parts = open_and_run(site, name, PHONE, scheme="dark")
    lightness = parts["plot"].evaluate("""(plot) => {
        for (let node = plot.parentElement; node; node = node.parentElement) {
            const [r, g, b, a = 1] = getComputedStyle(node).backgroundColor.match(/[\\d.]+/g).map(Number);
            if (a > 0) return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        }
        return 1; }""")
    assert lightness < 0.25
