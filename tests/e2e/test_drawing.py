"""The plots take every colour from the page's CSS custom properties: in dark mode they draw in the
dark theme's colours, follow a switch at once, and their labels read on both themes."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_site, wait_for_python

# Paints CSS colours one over the other on a 1 x 1 canvas and reads the pixel back: the browser's
# own colour parser, and alpha compositing for the translucent ones.
PAINT = """(colours) => {
  const ctx = new OffscreenCanvas(1, 1).getContext("2d");
  for (const colour of colours) {
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, 1, 1);
  }
  return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
}"""
PROPERTY = "(name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim()"
# How many of the canvas's pixels are exactly this opaque colour: a marker's inside is.
PIXELS_OF = """(canvas, rgb) => {
  const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] === 255 && data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) count++;
  }
  return count;
}"""
# The colour of the tick labels: the opaque part of what is drawn left of the plot area (48 px).
TICK_LABELS = """(canvas) => {
  const scale = canvas.width / canvas.clientWidth;
  const { data } = canvas.getContext("2d").getImageData(0, 0, Math.floor(40 * scale), canvas.height);
  const sum = [0, 0, 0];
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] < 160) continue;
    for (let c = 0; c < 3; c++) sum[c] += data[i + c];
    count++;
  }
  return { count, rgb: sum.map((value) => value / Math.max(1, count)) };
}"""
VIRIDIS_ENDS = ["#440154", "#fde725"]


def luminance(rgb) -> float:
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in rgb)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def page(browser, http_root):
    context, page, guard = open_site(browser, http_root, viewport={"width": 1280, "height": 900})
    page.index_url = http_root + "index.html"
    yield page
    context.close()
    assert guard.outside == [] and guard.errors == [], (guard.outside, guard.errors)


def rgb_of(page, name):
    return page.evaluate(PAINT, [page.evaluate(PROPERTY, name)])


def pixels_of(canvas, rgb) -> int:
    return canvas.evaluate(PIXELS_OF, rgb)


def assert_tick_labels_read(page, canvas):
    labels = canvas.evaluate(TICK_LABELS)
    surface = rgb_of(page, "--surface")
    assert labels["count"] > 20, labels
    assert contrast(labels["rgb"], surface) >= 4.5, (labels, surface)


def check_light_then_dark(page, changing, kept=()):
    """Each (canvas, property) in `changing` is drawn in the light colour, then, once the system
    switches to dark, in the dark colour (a different one) and no longer in the light one; those in
    `kept` are drawn in the same colour in both. Every canvas's tick labels read in both."""
    marks = [*changing, *kept]
    light = {name: rgb_of(page, name) for _, name in marks}
    for canvas, name in marks:
        assert pixels_of(canvas, light[name]) > 20, name
    for canvas in {canvas for canvas, _ in marks}:
        assert_tick_labels_read(page, canvas)
    page.emulate_media(color_scheme="dark")
    first, name = changing[0]
    page.wait_for_function(f"([canvas, rgb]) => ({PIXELS_OF})(canvas, rgb) > 20",
                           arg=[first.element_handle(), rgb_of(page, name)], timeout=60_000)
    for canvas, name in changing:
        dark = rgb_of(page, name)
        assert dark != light[name], name
        assert pixels_of(canvas, dark) > 20 and pixels_of(canvas, light[name]) == 0, name
    for canvas, name in kept:
        assert rgb_of(page, name) == light[name] and pixels_of(canvas, light[name]) > 20, name
    for canvas in {canvas for canvas, _ in marks}:
        assert_tick_labels_read(page, canvas)


def test_optimization_plot_draws_in_the_theme_and_follows_a_switch_to_dark(page):
    page.emulate_media(color_scheme="light")
    page.goto(page.index_url + "#/optimization?optimizer=hill_climbing&start=-15&scale=1&seed=3")
    wait_for_python(page)
    page.get_by_role("button", name="Run optimization").click()
    expect(page.get_by_label("Replay iteration")).to_have_value("100")
    plot = page.get_by_role("img", name=re.compile("^The bumpy landscape with a run of hill_climbing"))
    check_light_then_dark(page, [(plot, "--plot-global"), (plot, "--plot-current")])


def test_network_canvases_draw_in_the_theme_and_follow_a_switch_to_dark(page):
    page.emulate_media(color_scheme="light")
    page.goto(page.index_url + "#/loss-landscape?descent=gradient_descent&a=-1&b=1")
    expect(page.get_by_text(re.compile(r"^Local minimum: a = -0\.76"))).to_be_visible()
    wait_for_python(page)
    page.get_by_role("button", name="Train the network").click()
    decision = page.get_by_role("img", name=re.compile(r"^The data and the network's answers\. At step 100"))
    expect(decision).to_be_visible()
    heat_map = page.get_by_role("img", name=re.compile("^Heat map of the network's loss with a run"))
    # The marks on the heat map keep their colours in both themes: they sit on the viridis data.
    check_light_then_dark(page, [(decision, "--decision-upper"), (decision, "--decision-lower")],
                          kept=[(heat_map, "--slice-current"), (heat_map, "--slice-path")])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_label_colours_read_on_what_they_are_drawn_on(page, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(page.index_url + "#/optimization")
    expect(page.get_by_role("img", name=re.compile("^The bumpy landscape"))).to_be_visible()
    surface = rgb_of(page, "--surface")
    # The optimization plot's marker labels: "Global max", "Local max", "Start", on the surface.
    for name in ("--plot-global", "--warning-text", "--plot-current", "--muted"):
        assert contrast(rgb_of(page, name), surface) >= 4.5, name
    # The heat map's labels, on their halo over either end of the viridis scale.
    for end in VIRIDIS_ENDS:
        halo = page.evaluate(PAINT, [end, page.evaluate(PROPERTY, "--slice-halo")])
        for name in ("--slice-path", "--slice-local"):
            assert contrast(rgb_of(page, name), halo) >= 4.5, (name, end)
