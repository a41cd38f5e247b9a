"""The state and its URL: the hash keeps up with quick replays, kept runs and settings survive a
visit to another page, and what a learner typed survives the arrival of live Python."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import hold_python, open_site, replay_status, run_once, settle_python, wait_for_python


# Arrow keys as a learner holding them down would press them, 25 to a frame: 100 steps back to
# iteration 0, then 199 times forth and back, then 2 forth; 500 steps in all, ending at 2.
QUICK_STEPS_JS = """async () => {
  const keys = [...Array(100).fill("ArrowLeft"), ...Array(199).fill(["ArrowRight", "ArrowLeft"]).flat(),
    "ArrowRight", "ArrowRight"];
  for (let i = 0; i < keys.length; i++) {
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: keys[i], bubbles: true }));
    if (i % 25 === 24) await new Promise(requestAnimationFrame);
  }
}"""


def test_the_url_keeps_up_with_500_quick_replay_steps(throttled_browser, http_root):
    context, page, guard = open_site(throttled_browser, http_root)
    page.index_url = http_root + "index.html"
    run_once(page)
    page.evaluate(QUICK_STEPS_JS)
    expect(replay_status(page)).to_contain_text("Iteration 2 of 100")
    expect(page).to_have_url(re.compile(r"&replay=2$"))
    context.close()
    assert guard.errors == [] and guard.outside == []


def test_kept_runs_and_settings_survive_a_visit_to_another_page(site):
    run_once(site)
    site.get_by_role("button", name="Keep this run to compare").click()
    compared = site.get_by_role("list", name="Compared runs")
    expect(compared.get_by_role("listitem")).to_have_count(1)
    site.get_by_role("link", name="1. Functions").click()
    expect(site.get_by_role("heading", name="What is a function?")).to_be_visible()
    site.get_by_role("link", name="2. Optimization").click()
    expect(site).to_have_url(re.compile(r"start=-12&scale=2&seed=5&replay=100"
                                        r"&compare=hill_climbing%2C-12%2Cscale%3D2%2Cseed%3D5$"))
    expect(compared.get_by_role("listitem")).to_have_count(1)
    expect(site.get_by_role("spinbutton", name="Scale")).to_have_value("2")
    plot = site.get_by_role("img", name=re.compile("bumpy landscape"))
    expect(plot).to_have_attribute("aria-label", re.compile(r"and 1 kept run to compare$"))
    expect(plot).to_have_accessible_description(re.compile(r"Shown at iteration 100: .* Kept to compare: "))
    site.get_by_role("button", name=re.compile("^Remove hill_climbing")).click()
    expect(compared.get_by_role("listitem")).to_have_count(0)
    expect(site).to_have_url(re.compile(r"seed=5&replay=100$"))
    expect(plot).not_to_have_attribute("aria-label", re.compile("kept run"))


@pytest.mark.parametrize("typed", ["1e", "1e400", "-"])
def test_what_is_typed_in_a_setting_survives_python_arriving(browser, http_root, typed):
    context, page, guard = open_site(browser, http_root)
    release = hold_python(page)
    page.goto(http_root + "index.html#/optimization")
    scale = page.get_by_role("spinbutton", name="Scale")
    scale.fill("")
    scale.press_sequentially(typed)
    expect(scale).to_have_attribute("aria-invalid", "true")
    release()
    wait_for_python(page)
    settle_python(page)  # the live catalog has arrived, and the settings form is rebuilt from it
    expect(scale).to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Run optimization").click()
    expect(page.get_by_text("Fix the highlighted field first.")).to_be_visible()
    expect(page.get_by_label("Replay iteration")).to_be_disabled()
    context.close()
    assert guard.errors == [] and guard.outside == []
