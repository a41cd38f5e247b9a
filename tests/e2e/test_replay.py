"""Linked replay: slider, table, code view, play/pause, arrow keys and links, over http and file://."""

import re

from playwright.sync_api import expect

from page_api import runs
from tests.e2e.conftest import optimizer_picker, replay_status, run_once, wait_for_python

# What a run shows is the same over http and from file:// (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)


def current_row(site):
    return site.get_by_role("table", name="Every iteration of the run").locator("tr[aria-current='true']")


def test_table_lists_every_iteration_and_follows_the_slider(site):
    run_once(site)
    expected = runs.run("hill_climbing", -12.0, {"scale": 2.0, "seed": 5})
    table = site.get_by_role("table", name="Every iteration of the run")
    expect(table.locator("tbody tr")).to_have_count(101)
    expect(current_row(site).get_by_role("rowheader")).to_have_text("100")
    site.get_by_label("Replay iteration").fill("12")
    expect(current_row(site).get_by_role("rowheader")).to_have_text("12")
    expect(current_row(site)).to_contain_text(f"{expected['xs'][12]:.3f}")


def test_clicking_a_row_moves_the_replay(site):
    run_once(site)
    site.get_by_role("table", name="Every iteration of the run").get_by_role("row", name=re.compile(r"^7 ")).click()
    expect(site.get_by_label("Replay iteration")).to_have_value("7")
    expect(replay_status(site)).to_contain_text("Iteration 7 of 100")


def test_code_view_marks_lines_and_shows_variables(site):
    run_once(site, "#/optimization?optimizer=gradient_ascent&start=0&step_size=0.1")
    site.get_by_label("Replay iteration").fill("5")
    expected = runs.run_steps("gradient_ascent", 0.0, {"step_size": 0.1})["steps"][5]["locals"]
    variables = site.get_by_role("definition")
    expect(site.get_by_label("Variables at this iteration").get_by_text("slope", exact=True)).to_be_visible()
    expect(variables.filter(has_text=f"{expected['slope']:.4f}")).to_have_count(1)
    source = site.get_by_label("Source of the optimizer")
    expect(source.locator(".current")).to_contain_text("path.append(x)")


def test_arrow_keys_step_through_the_run(site):
    run_once(site)
    site.get_by_role("heading", name="Step by step: the Python behind it").click()
    site.keyboard.press("ArrowLeft")
    site.keyboard.press("ArrowLeft")
    expect(site.get_by_label("Replay iteration")).to_have_value("98")
    site.keyboard.press("ArrowRight")
    expect(site.get_by_label("Replay iteration")).to_have_value("99")


def test_play_runs_to_the_end_and_pause_stops(site):
    run_once(site)
    site.get_by_label("Speed").filter(visible=True).select_option("Fast")
    play = site.get_by_role("button", name="Play", exact=True)
    play.click()  # at the end already: starts again from iteration 0
    expect(site.get_by_role("button", name="Pause", exact=True)).to_be_visible()
    expect(site.get_by_label("Replay iteration")).not_to_have_value("0")
    site.get_by_role("button", name="Pause", exact=True).click()
    stopped_at = site.get_by_label("Replay iteration").input_value()
    expect(site.get_by_role("button", name="Play", exact=True)).to_be_visible()
    assert int(stopped_at) < 100
    site.get_by_role("button", name="Play", exact=True).click()
    expect(site.get_by_label("Replay iteration")).to_have_value("100", timeout=60_000)
    expect(site.get_by_role("button", name="Play", exact=True)).to_be_visible()


def test_a_link_restores_the_run_and_its_replay_position(site):
    run_once(site)
    site.get_by_label("Replay iteration").fill("42")
    expect(site).to_have_url(re.compile(r"replay=42"))
    link = site.url
    site.goto("about:blank")
    site.goto(link)
    expect(site.get_by_label("Replay iteration")).to_have_value("42", timeout=60_000)
    expect(site.get_by_label("Seed")).to_have_value("5")
    expect(site.get_by_label("Scale", exact=True)).to_have_value("2")


def test_bad_values_in_a_link_are_clamped_with_a_notice(site):
    site.goto(site.index_url + "#/optimization?optimizer=gradient_ascent&start=999&step_size=abc")
    expect(site.get_by_label("Starting point")).to_have_value("20")
    expect(site.get_by_label("Step size")).to_have_value("0.01")
    alert = site.get_by_role("alert")
    expect(alert).to_contain_text("Starting point must be between -20 and 20")
    expect(alert).to_contain_text('Step size "abc" is not a number')


def test_new_optimizers_are_discovered_with_their_controls(site):
    site.goto(site.index_url + "#/optimization")
    picker = optimizer_picker(site)
    expect(picker.locator("option")).to_have_text(["hill_climbing", "gradient_ascent", "gradient_ascent_with_momentum",
                                                   "simulated_annealing", "random_restart_hill_climbing"])
    picker.select_option("gradient_ascent_with_momentum")
    expect(site.get_by_role("spinbutton", name="Momentum")).to_have_value("0.9")
    picker.select_option("simulated_annealing")
    expect(site.get_by_role("spinbutton", name="Temperature")).to_have_value("10")
    expect(site.get_by_role("spinbutton", name="Cooling")).to_have_value("0.95")
    picker.select_option("random_restart_hill_climbing")
    expect(site.get_by_role("spinbutton", name="Restarts")).to_have_value("4")
    wait_for_python(site)
    site.get_by_label("Starting point").fill("-15")
    site.get_by_role("button", name="Run optimization").click()
    expect(site.get_by_role("status", name="Verdict")).to_contain_text("Reached the global max")


def test_exports_the_run_as_csv_and_the_plot_as_png(site):
    run_once(site)
    expected = runs.run("hill_climbing", -12.0, {"scale": 2.0, "seed": 5})
    with site.expect_download() as csv_download:
        site.get_by_role("button", name="Download run (CSV)").click()
    assert csv_download.value.suggested_filename == "hill_climbing-run.csv"
    lines = open(csv_download.value.path()).read().splitlines()
    assert lines[0] == "iteration,x,f_x,slope,step,best_x,best_f_x"
    assert len(lines) == 102
    last = lines[-1].split(",")
    assert float(last[1]) == expected["xs"][100] and float(last[6]) == expected["best_ys"][100]
    with site.expect_download() as png_download:
        site.get_by_role("button", name="Download plot (PNG)").click()
    assert png_download.value.suggested_filename == "hill_climbing-landscape.png"
    assert open(png_download.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"


def test_runs_kept_for_comparison_are_listed_and_removable(site):
    run_once(site)
    keep = site.get_by_role("button", name="Keep this run to compare")
    keep.click()
    compared = site.get_by_role("list", name="Compared runs")
    expect(compared.get_by_role("listitem")).to_have_text(
        [re.compile(r"hill_climbing from -12 \(scale 2, seed 5\): .*Remove")])
    optimizer_picker(site).select_option("gradient_ascent")
    site.get_by_label("Step size").fill("0.1")
    site.get_by_role("button", name="Run optimization").click()
    expect(site.get_by_role("img", name=re.compile("run of gradient_ascent"))).to_be_visible()
    keep.click()
    expect(compared.get_by_role("listitem")).to_have_count(2)
    expect(compared).to_contain_text(re.compile(r"gradient_ascent from -12 \(step_size 0.1\): \w+"))
    site.get_by_label("Replay iteration").fill("3")  # both replay in lockstep; the plot stays live
    site.get_by_role("button", name=re.compile("Remove hill_climbing")).click()
    expect(compared.get_by_role("listitem")).to_have_count(1)
    keep.click()  # the same run twice is allowed, up to three
    keep_count = compared.get_by_role("listitem")
    expect(keep_count).to_have_count(2)
    site.get_by_role("button", name="Run optimization").click()
    keep.click()
    expect(keep_count).to_have_count(3)
    expect(keep).to_be_disabled()


def test_a_link_restores_the_comparison(site):
    run_once(site)
    site.get_by_role("button", name="Keep this run to compare").click()
    optimizer_picker(site).select_option("gradient_ascent")
    site.get_by_label("Step size").fill("0.1")
    site.get_by_role("button", name="Run optimization").click()
    expect(site.get_by_role("img", name=re.compile("run of gradient_ascent"))).to_be_visible()
    site.get_by_role("button", name="Keep this run to compare").click()
    expect(site).to_have_url(re.compile(r"compare=hill_climbing%2C-12%2Cscale%3D2%2Cseed%3D5%3Bgradient_ascent"))
    link = site.url
    site.goto("about:blank")
    site.goto(link)
    compared = site.get_by_role("list", name="Compared runs")
    expect(compared.get_by_role("listitem")).to_have_count(2, timeout=60_000)
    expect(compared).to_contain_text("hill_climbing from -12 (scale 2, seed 5)")


def test_an_unreadable_compared_run_in_a_link_is_left_out_with_a_notice(site):
    site.goto(site.index_url + "#/optimization?optimizer=hill_climbing&compare=nope%2C1%3Bhill_climbing%2C2%2Cscale%3D1")
    expect(site.get_by_role("alert")).to_contain_text('A compared run in the link could not be read ("nope,1")')
    wait_for_python(site)
    expect(site.get_by_role("list", name="Compared runs").get_by_role("listitem")).to_have_count(1)


def test_the_replay_downloads_as_an_animated_gif_with_a_frame_per_iteration(site):
    from PIL import Image

    run_once(site)
    button = site.get_by_role("button", name="Download replay (GIF)")
    with site.expect_download() as gif_download:
        button.click()
    assert gif_download.value.suggested_filename == "hill_climbing-replay.gif"
    with Image.open(gif_download.value.path()) as gif:
        assert gif.format == "GIF" and gif.is_animated
        assert gif.n_frames == 101
        assert 300 < gif.width <= 720
        assert gif.info["loop"] == 0
        gif.seek(100)
        assert gif.info["duration"] == 2000
    expect(button).to_be_enabled()
    expect(button).to_have_text("Download replay (GIF)")
