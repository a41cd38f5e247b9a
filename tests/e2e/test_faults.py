"""Faults a class will cause: code that crashes Python itself, and every control at its extremes."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import code_editor, open_site, wait_for_python

# What a run shows is the same over http and from file:// (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)

# Pyodide reports a fatal error on the console before the page replaces the worker.
PYODIDE_FATAL = ("Pyodide has suffered a fatal error", "The cause of the fatal error", "RuntimeError: unreachable")


def test_code_that_crashes_python_is_survived(browser, http_root):
    context, page, guard = open_site(browser, http_root)
    page.goto(http_root + "index.html#/functions")
    wait_for_python(page)
    editor = code_editor(page, "functions")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.insert_text("\n\nimport os\nos.abort()\n")
    page.get_by_role("button", name="Apply changes").first.click()
    crashed = re.compile(r"Python itself stopped working \(.+\) and is being restarted")
    expect(page.get_by_role("status").filter(has_text=crashed)).to_be_visible()
    expect(page.get_by_text(re.compile("^Editor state: failed. Crashed"))).to_be_visible()
    wait_for_python(page)
    page.get_by_label("Function", exact=True).select_option("square")
    expect(page.get_by_label("Maximum", exact=True)).to_have_text("100.00 at x = -10.00 and x = 10.00")
    page.goto(http_root + "index.html#/optimization?optimizer=gradient_ascent&start=-5&step_size=0.1")
    page.get_by_role("button", name="Run optimization").click()
    expect(page.get_by_role("status", name="Verdict")).to_contain_text("Reached the global max")
    context.close()
    assert guard.outside == []
    unexpected = [error for error in guard.errors if not any(text in error for text in PYODIDE_FATAL)]
    assert unexpected == []


def run_with(site, optimizer, start, settings):
    query = "&".join(f"{name}={value}" for name, value in settings.items())
    site.goto(site.index_url + f"#/optimization?optimizer={optimizer}&start={start}&{query}")
    wait_for_python(site)
    site.get_by_role("button", name="Run optimization").click()
    outcome = site.get_by_text(re.compile(
        r"^(Reached the global max|Stuck on the local max|Swinging back and forth|Still moving|Ended in a valley"
        r"|Did not move|Went downhill|Diverged at step \d+|Still climbing|Left the plotted range): .*$"))
    expect(outcome).to_be_visible()
    status = site.get_by_role("status").filter(has_text=re.compile(r"^Iteration \d+ of \d+"))
    expect(status).not_to_contain_text("NaN")
    return outcome.text_content()


# Every optimizer with every setting at its lowest and at its highest, from both ends of the range.
EXTREMES = {
    "hill_climbing": ["scale", "seed"],
    "gradient_ascent": ["step_size"],
    "gradient_ascent_with_momentum": ["step_size", "momentum"],
    "simulated_annealing": ["scale", "temperature", "cooling", "seed"],
    "random_restart_hill_climbing": ["scale", "restarts", "spread", "seed"],
}


@pytest.mark.parametrize("optimizer", EXTREMES)
def test_every_optimizer_at_every_extreme_gives_a_labelled_finite_run(site, optimizer):
    from page_api import discovery

    controls = next(entry for entry in discovery.catalog()["optimizers"] if entry["name"] == optimizer)["controls"]
    assert sorted(control["name"] for control in controls) == sorted(EXTREMES[optimizer])
    for end in ("min", "max"):
        settings = {control["name"]: control[end] for control in controls}
        for start in (-20, 20):
            assert run_with(site, optimizer, start, settings)


@pytest.mark.parametrize("learning_rate, momentum", [(0.001, 0), (1, 0.99), (1, 0), (0.001, 0.99)])
def test_network_descent_at_its_extremes_gives_a_labelled_finite_run(site, learning_rate, momentum):
    site.goto(site.index_url + f"#/loss-landscape?descent=gradient_descent_with_momentum&a=1.5&b=-1.5"
              f"&learning_rate={learning_rate}&momentum={momentum}")
    wait_for_python(site)
    expect(site.get_by_text(re.compile("^Local minimum: a ="))).to_be_visible()
    site.get_by_role("button", name="Train the network").click()
    expect(site.get_by_text(re.compile(r"^(Reached|Stuck|Bouncing|Ended|Still descending|Diverged at step) "))).to_be_visible()
    expect(site.get_by_role("status").filter(has_text=re.compile("^Step"))).not_to_contain_text("NaN")
