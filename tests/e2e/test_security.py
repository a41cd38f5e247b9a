"""Nothing runs but the app's own code: the Content-Security-Policy holds on http and file://."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_site, optimizer_picker, wait_for_python


@pytest.fixture(params=["http", "file"])
def root(request, dist):
    return request.getfixturevalue("http_root") if request.param == "http" else dist.as_uri() + "/"


def test_inline_script_and_remote_connections_are_refused(browser, root):
    context, page, guard = open_site(browser, root)
    page.goto(root + "index.html")
    wait_for_python(page)
    page.evaluate("""() => document.body.insertAdjacentHTML('beforeend',
        '<img src="data:," onload="window.injected = true"><div id="probe"></div>')""")
    script_ran = page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.injected = true'; document.body.append(s); return window.injected === true; }""")
    blocked = page.evaluate("() => fetch('http://127.0.0.1:9/x').then(() => false, () => true)")
    context.close()
    assert not script_ran
    assert blocked
    assert any("Content Security Policy" in error for error in guard.errors)
    assert guard.outside == []  # refused by the page itself, before any request left


def test_script_like_values_in_a_link_are_shown_as_text_never_run(browser, root):
    context, page, guard = open_site(browser, root)
    hostile = "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
    page.goto(root + f"index.html#/optimization?optimizer={hostile}&start=1e999&step_size=-1&seed=__import__('os')")
    expect(page.get_by_role("alert")).to_contain_text('Unknown optimizer "<img src=x onerror=alert…"')
    expect(page.get_by_role("alert")).to_contain_text("Starting point")
    expect(optimizer_picker(page)).to_have_value("hill_climbing")
    expect(page.get_by_label("Seed")).to_have_value("0")
    wait_for_python(page)
    page.get_by_role("button", name="Run optimization").click()
    expect(page.get_by_label("Replay iteration")).to_be_enabled()
    assert page.locator("img[src=x]").count() == 0
    context.close()
    assert guard.errors == [] and guard.outside == []
