"""The verdict on a run, on the page: in a live region, and the same rules as on CPython."""

import re

import pytest
from playwright.sync_api import expect

from page_api import runs
from tests.e2e.conftest import open_site, wait_for_python

CASES = [
    ("hill_climbing", 10, {"scale": 5, "seed": 0}),
    ("gradient_ascent_with_momentum", -15, {"momentum": 0.99}),
    ("gradient_ascent", 0, {"step_size": 1}),
    ("gradient_ascent", -15, {"step_size": 0.1}),
]


@pytest.mark.parametrize("optimizer, start, settings", CASES)
def test_the_verdict_is_announced_and_matches_python(browser, http_root, optimizer, start, settings):
    expected = runs.run(optimizer, float(start), {name: float(value) for name, value in settings.items()})
    context, page, guard = open_site(browser, http_root)
    query = "&".join(f"{name}={value}" for name, value in settings.items())
    page.goto(http_root + f"index.html#/optimization?optimizer={optimizer}&start={start}&{query}")
    wait_for_python(page)
    page.get_by_role("button", name="Run optimization").click()
    verdict = page.get_by_role("status", name="Verdict")
    expect(verdict).to_have_text(expected["outcome"]["label"])
    expect(verdict).to_have_attribute("aria-live", "polite")
    assert re.match(r"^(Reached|Still moving|Swinging|Stuck)", expected["outcome"]["label"])
    context.close()
    assert guard.outside == [] and guard.errors == []
