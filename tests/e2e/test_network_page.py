"""The neural-network page: the loss map, a start picked on it, training live in Python, replay."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import wait_for_python

PAGE = "#/loss-landscape"


def open_page(site, query=""):
    site.goto(site.index_url + PAGE + query)
    page = site.get_by_role("region", name="From one variable to a neural network")
    expect(page.get_by_text(re.compile(r"Local minimum: a = -0\.76, b = 0\.30, loss 0\.369"))).to_be_visible()
    wait_for_python(site)
    return page


def status(page):
    return page.get_by_role("status").filter(has_text=re.compile("^Step|^Click"))


def test_map_legend_and_the_build_time_figure_are_shown(site):
    page = open_page(site)
    expect(site.get_by_role("link", name="3. Neural network")).to_have_attribute("aria-current", "page")
    expect(page.get_by_text(re.compile(r"Trained network: a = 0, b = 0, loss 0\.0014, 100 % right"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"^loss 0\.0014$"))).to_be_visible()
    figure = page.get_by_role("img", name=re.compile("matplotlib"))
    figure.scroll_into_view_if_needed()
    expect(figure).to_have_js_property("complete", True)
    assert figure.evaluate("(image) => image.naturalWidth") == 1100


def test_gradient_descent_stops_in_the_local_minimum_and_momentum_gets_through(site):
    page = open_page(site)
    expect(page.get_by_label("Start a")).to_have_value("-1")
    expect(page.get_by_label("Learning rate", exact=True)).to_have_value("0.02")
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_role("status", name="Verdict")).to_contain_text("Stuck in a local minimum: loss 0.369, higher than the trained network's")
    expect(status(page)).to_have_text(re.compile(r"^Step 100 of 100: a = -0\.756, b = 0\.301, loss = 0\.3695"))
    expect(page.get_by_role("img", name=re.compile("the network's answers"))).to_have_attribute(
        "aria-label", re.compile(r"At step 100: 68 of 80 points sorted right\."))
    page.get_by_label("Optimizer", exact=True).select_option("gradient_descent_with_momentum")
    expect(page.get_by_label("Momentum", exact=True)).to_have_value("0.9")
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_role("status", name="Verdict")).to_contain_text(
        re.compile(r"Reached the trained network's minimum \(loss 0\.00"))
    expect(status(page)).to_have_text(re.compile(r"100 % of points right\.$"))
    expect(site).to_have_url(re.compile(r"descent=gradient_descent_with_momentum&.*&momentum=0\.9"))


def test_what_the_network_sees_follows_the_replay(site):
    page = open_page(site)
    picture = page.get_by_role("img", name=re.compile("the network's answers"))
    expect(picture).to_have_attribute("aria-label", re.compile(r"The trained network: 80 of 80 points sorted right"))
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_text(re.compile(r"^At step 100: 68 of 80 points sorted right"))).to_be_visible()
    page.get_by_label("Replay step").fill("0")
    expect(page.get_by_text(re.compile(r"^At step 0: \d+ of 80 points sorted right"))).to_be_visible()


def test_replay_slider_play_and_arrow_keys_walk_through_the_run(site):
    page = open_page(site)
    page.get_by_role("button", name="Train the network").click()
    slider = page.get_by_label("Replay step")
    expect(slider).to_be_enabled()
    slider.fill("0")
    expect(status(page)).to_have_text(re.compile(r"^Step 0 of 100: a = -1\.000, b = 1\.000, loss = "))
    site.get_by_role("heading", name="From one variable to a neural network").click()
    site.keyboard.press("ArrowRight")
    site.keyboard.press("ArrowRight")
    expect(status(page)).to_have_text(re.compile(r"^Step 2 of 100"))
    page.get_by_label("Speed").select_option("Fast")
    page.get_by_role("button", name="Play", exact=True).click()
    expect(status(page)).to_have_text(re.compile(r"^Step 100 of 100"))
    expect(page.get_by_role("button", name="Play", exact=True)).to_be_visible()
    expect(site).to_have_url(re.compile(r"&replay=100$"))


def test_clicking_the_map_starts_a_run_there(site):
    page = open_page(site)
    canvas = page.get_by_role("img", name=re.compile("Heat map of the network's loss"))
    box = canvas.bounding_box()
    # The plot spans a, b in [-1.5, 1.5] inside paddings of 48 (left), 14 (right), 14 (top), 30 (bottom).
    x = box["x"] + 48 + (box["width"] - 62) * (1.0 + 1.5) / 3
    y = box["y"] + 14 + (box["height"] - 44) * (1.5 - 1.0) / 3
    site.mouse.move(x, y)
    expect(page.get_by_label("Pointer")).to_have_text(re.compile(r"^a = 1\.00, b = 1\.00, loss ≈ \d"))
    site.mouse.click(x, y)
    expect(status(page)).to_have_text(re.compile(r"^Step 100 of 100"))
    expect(page.get_by_label("Start a")).to_have_value("1")
    expect(page.get_by_label("Start b")).to_have_value("1")
    expect(page.get_by_role("status", name="Verdict")).to_contain_text("Reached the trained network's minimum")
    expect(canvas).to_have_attribute("aria-label", re.compile("with a run of gradient_descent"))


def test_bad_input_is_explained_and_the_page_keeps_working(site):
    page = open_page(site)
    page.get_by_label("Start a").fill("5")
    expect(page.get_by_text("Enter a number from -1.5 to 1.5.")).to_be_visible()
    expect(page.get_by_label("Start a")).to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_text("Fix the highlighted field first.")).to_be_visible()
    page.get_by_label("Start a").fill("1")
    page.get_by_label("Start b").fill("1")
    page.get_by_label("Learning rate", exact=True).fill("1")
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_text(re.compile(r"Ended outside the drawn slice|Bouncing"))).to_be_visible()
    expect(status(page)).not_to_contain_text("NaN")


def test_a_link_restores_optimizer_settings_start_and_replay(site):
    page = open_page(site, "?descent=gradient_descent_with_momentum&a=0.5&b=-1&learning_rate=0.01&momentum=0.5&replay=30")
    expect(status(page)).to_have_text(re.compile(r"^Step 30 of 100"))
    expect(page.get_by_label("Optimizer", exact=True)).to_have_value("gradient_descent_with_momentum")
    expect(page.get_by_label("Learning rate", exact=True)).to_have_value("0.01")
    expect(page.get_by_label("Momentum", exact=True)).to_have_value("0.5")
    expect(page.get_by_label("Start b")).to_have_value("-1")


def test_hostile_values_in_a_link_are_clamped_with_a_notice(site):
    open_page(site, "?descent=%3Cscript%3E&a=99&b=nope")
    expect(site.get_by_role("alert")).to_contain_text('Unknown descent "<script>"')
    expect(site.get_by_role("alert")).to_contain_text("Start a must be between -1.5 and 1.5; using 1.5.")
    expect(site.get_by_label("Start a")).to_have_value("1.5")
    expect(site.get_by_label("Start b")).to_have_value("1")


def test_map_and_replay_download_as_png_and_animated_gif(site):
    from PIL import Image

    page = open_page(site)
    gif_button = page.get_by_role("button", name="Download replay (GIF)")
    expect(gif_button).to_be_disabled()
    page.get_by_role("button", name="Train the network").click()
    expect(gif_button).to_be_enabled()
    with site.expect_download() as gif_download:
        gif_button.click()
    assert gif_download.value.suggested_filename == "gradient_descent-network-replay.gif"
    with Image.open(gif_download.value.path()) as gif:
        assert gif.is_animated and gif.n_frames == 101
    with site.expect_download() as png_download:
        page.get_by_role("button", name="Download map (PNG)").click()
    assert open(png_download.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"
