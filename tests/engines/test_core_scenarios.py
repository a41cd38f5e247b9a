"""The core scenarios, which tests/e2e runs in Chromium, in Firefox and WebKit: the functions page
plotted, a gradient ascent run (the same numbers as CPython) and replayed, "Where do I end up?",
a learner's edit applied, the network trained."""

import json

import pytest

from page_api import runs
from page_api.dispatch import dispatch
from tests.e2e.test_endings import percent
from tests.e2e.test_functions_page import expected_range

GRADIENT_ASCENT = {"optimizer": "gradient_ascent", "start": -15.0, "settings": {"step_size": 0.1}}


def test_functions_page_is_plotted(site):
    site.open_ready("#/functions?function=square")
    for name in ["square", "cosine"]:
        site.page.fill("combobox", "Function", name)
        site.page.expect_label(f"Plot of {name}(x)", "")
        low, high = expected_range(name)
        site.page.expect_text("status", "Minimum", low)
        site.page.expect_text("status", "Maximum", high)


def test_gradient_ascent_runs_replays_and_matches_cpython(site):
    site.open_ready("#/optimization?optimizer=gradient_ascent&start=-15&step_size=0.1")
    site.page.click("button", "Run optimization")
    expected = runs.run("gradient_ascent", -15.0, {"step_size": 0.1})
    site.page.expect_text("status", "Verdict", expected["outcome"]["label"])
    site.page.wait_for_text(f"Iteration 100 of 100: x = {expected['xs'][100]:.3f}, f(x) = {expected['ys'][100]:.3f}")
    for _ in range(3):
        site.page.press("ArrowLeft")
    site.page.wait_for_text(f"Iteration 97 of 100: x = {expected['xs'][97]:.3f}, f(x) = {expected['ys'][97]:.3f}")
    # The whole run, as the page gets it from Python: the same numbers as CPython's, within the
    # last bit that Pyodide's libm and CPython's may round differently (tests/e2e/test_parity.py).
    in_browser = site.page.call("run", GRADIENT_ASCENT)
    in_cpython = json.loads(dispatch(json.dumps({"method": "run", "args": GRADIENT_ASCENT})))["value"]
    for column in ["xs", "ys", "best_ys"]:
        assert in_browser[column] == pytest.approx(in_cpython[column], rel=1e-12, abs=1e-12), column
    assert in_browser["outcome"] == in_cpython["outcome"]


def test_where_do_i_end_up(site):
    site.open_ready("#/optimization?optimizer=hill_climbing&start=0&scale=1&seed=0")
    site.page.click("button", "Where do I end up?")
    endings = runs.sweep("hill_climbing", {"scale": 1.0, "seed": 0})["endings"]
    site.page.expect_label("Where each start ends",
                           f"global max {percent(endings, 'global')}%, local max {percent(endings, 'local')}%")


def test_a_learner_edit_is_applied(site):
    site.open_ready("#/functions")
    # CodeMirror comes after Python is ready, once its panel is near the screen. A line typed at the
    # top needs no indenting; WebKit's Enter indents the line pushed down (the module's docstring),
    # so Shift+Tab undoes that.
    site.page.scroll_to("region", "Edit the Python: functions.py")
    site.page.focus("textbox", "Python code of functions.py")
    site.page.press("Control+Home")
    site.page.type("def tripled(x): return 3 * x")
    site.page.press("Enter")
    site.page.press("Shift+Tab")
    site.page.click("button", "Apply changes")
    site.page.wait_for_text("Applied: the page now uses your code.")
    site.page.fill("combobox", "Function", "tripled")
    site.page.expect_text("status", "Maximum", "30.00 at x = 10.00")


def test_the_network_is_trained(site):
    site.open_ready("#/loss-landscape")
    site.page.click("button", "Train the network")
    site.page.expect_text("status", "Verdict", "Stuck in a local minimum: loss 0.369, higher than the trained network's")
    site.page.wait_for_text("Step 100 of 100: a = -0.756, b = 0.301, loss = 0.3695")


def test_webkit_from_a_folder_says_what_to_do(webkit_from_a_folder):
    """WebKit refuses a worker's scripts on a page opened from a folder: the page says what works."""
    webkit_from_a_folder.open("#/optimization")
    webkit_from_a_folder.page.wait_for_text("serve the folder")
    # The plots drawn from build-time data stay usable.
    view = runs.landscape_view()
    webkit_from_a_folder.page.wait_for_text(f"Global max: x = {view['global_max']['x']:.3f}")
