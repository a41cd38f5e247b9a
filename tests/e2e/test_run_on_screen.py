"""What the optimization page shows of a run belongs to the optimizer and settings shown, and is
told in words too: the verdict, the plot's description, the lines that ran, the saved picture."""

import io
import re

from PIL import Image
from playwright.sync_api import expect

from page_api import runs
from tests.e2e.conftest import optimizer_picker, replay_status, run_once

# What a run shows is the same over http and from file:// (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)

QUERY = "#/optimization?optimizer=hill_climbing&start=-15&scale=1&seed=0"


def verdict(site):
    return site.get_by_role("status", name="Verdict")


def plot(site):
    return site.get_by_role("img", name=re.compile("^The bumpy landscape"))


def test_changing_a_setting_marks_the_run_as_old_and_running_again_clears_it(site):
    run_once(site, QUERY)
    expected = runs.run("hill_climbing", -15.0, {"scale": 1.0, "seed": 0})
    expect(verdict(site)).to_have_text(expected["outcome"]["label"])
    site.get_by_label("Scale", exact=True).fill("3")
    expect(verdict(site)).to_have_text("This run used hill_climbing from -15 (scale 1, seed 0); "
                                       "run again for the new settings.")
    expect(plot(site)).to_have_accessible_description(re.compile("^An old run, made with other settings"))
    # Back to the settings of the run: it is the run of the fields again.
    site.get_by_label("Scale", exact=True).fill("1")
    expect(verdict(site)).to_have_text(expected["outcome"]["label"])
    site.get_by_label("Starting point").fill("4")
    expect(verdict(site)).to_contain_text("This run used hill_climbing from -15")
    site.get_by_role("button", name="Run optimization").click()
    again = runs.run("hill_climbing", 4.0, {"scale": 1.0, "seed": 0})
    expect(verdict(site)).to_have_text(again["outcome"]["label"])


def test_switching_the_optimizer_clears_the_run_its_verdict_and_variables(site):
    run_once(site, QUERY)
    variables = site.get_by_role("definition").filter(has_text=re.compile(r"^-?\d"))
    expect(variables.first).to_be_visible()
    optimizer_picker(site).select_option("gradient_ascent")
    expect(verdict(site)).to_have_text("")
    expect(replay_status(site)).to_have_count(0)
    expect(site.get_by_text("Run an optimizer to see its steps.")).to_be_visible()
    expect(site.get_by_label("Replay iteration")).to_be_disabled()
    expect(site.get_by_role("table", name="Every iteration of the run").locator("tbody tr")).to_have_count(0)
    expect(site.get_by_text("run the optimizer first")).to_be_visible()
    expect(plot(site)).to_have_accessible_description(re.compile("^No run yet"))


def test_the_plot_is_described_after_each_run(site):
    run_once(site, QUERY)
    expected = runs.run("hill_climbing", -15.0, {"scale": 1.0, "seed": 0})
    last = expected["xs"][-1]
    where = {"global": "on the global maximum", "local": "on the local maximum"}[expected["outcome"]["kind"]]
    expect(plot(site)).to_have_accessible_description(re.compile(
        rf"^hill_climbing from -15 \(scale 1, seed 0\) ended at x = {last:.2f}, f\(x\) = {expected['ys'][-1]:.2f}, "
        rf"{where} after 100 iterations\. Shown at iteration 100"))
    site.get_by_label("Replay iteration").fill("30")
    expect(plot(site)).to_have_accessible_description(re.compile(
        rf"Shown at iteration 30: x = {expected['xs'][30]:.2f}"))


def test_the_lines_that_ran_are_marked_in_words(site):
    run_once(site, QUERY)
    site.get_by_label("Replay iteration").fill("30")
    source = site.get_by_label("Source of the optimizer")
    expect(source).to_have_accessible_description(re.compile(r"^Lines? [\d–, and]+ ran in iteration 30; line \d+ last\.$"))
    described = source.evaluate("pre => document.getElementById(pre.getAttribute('aria-describedby')).textContent")
    numbers = set()
    for part in re.findall(r"\d+(?:–\d+)?", described.split(" ran ")[0]):
        low, _, high = part.partition("–")
        numbers.update(range(int(low), int(high or low) + 1))
    marked = source.locator(".line-mark")
    expect(marked).to_have_count(len(numbers))
    expect(marked.filter(has_text="ran, last:")).to_have_count(1)


def test_kept_runs_are_named_on_the_plot_and_in_its_description(site):
    run_once(site, QUERY)
    site.get_by_role("button", name="Keep this run to compare").click()
    site.get_by_label("Starting point").fill("5")
    site.get_by_role("button", name="Run optimization").click()
    expect(plot(site)).to_have_accessible_description(re.compile(
        r"Kept to compare: hill_climbing from -15 \(scale 1, seed 0\) ended at"))


def test_the_downloaded_picture_has_a_title_and_a_legend(site):
    run_once(site, QUERY)
    canvas = plot(site)
    size = canvas.evaluate("canvas => [canvas.width, canvas.height]")
    with site.expect_download() as png_download:
        site.get_by_role("button", name="Download plot (PNG)").click()
    picture = Image.open(io.BytesIO(png_download.value.path().read_bytes())).convert("RGB")
    assert picture.width == size[0] and picture.height > size[1] + 100
    background = picture.getpixel((1, 1))
    title_band = picture.crop((0, 0, picture.width // 2, 30))
    legend_band = picture.crop((0, picture.height - 60, picture.width // 2, picture.height))
    for band in (title_band, legend_band):
        assert band.getextrema() != tuple((value, value) for value in background), "no text drawn"


def test_the_pointer_reads_f_at_the_x_it_shows(site):
    from math_fundamentals import landscape

    run_once(site, QUERY)
    box = plot(site).bounding_box()
    pointer = site.get_by_label("Pointer", exact=True).filter(visible=True)
    for share in (0.1234, 0.5077, 0.8891):
        site.mouse.move(box["x"] + 48 + (box["width"] - 62) * share, box["y"] + box["height"] / 2)
        expect(pointer).to_have_text(re.compile(r"^x = -?\d+\.\d+, f\(x\) = -?\d+\.\d{3}$"))
        x, y = (float(value) for value in re.findall(r"-?\d+\.\d+", pointer.text_content()))
        assert f"{landscape.bumpy(x):.3f}" == f"{y:.3f}", (x, y)
