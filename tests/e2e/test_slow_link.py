"""How Python starts: on a slow link the wasm binary in its smaller xz form and no memory snapshot,
the snapshot kept unpacked for a revisit, and the rest of the standard library loaded after the start."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import code_editor, open_site, wait_for_python

TEN_MBIT = {"offline": False, "latency": 40, "downloadThroughput": 10e6 / 8, "uploadThroughput": 10e6 / 8}


def open_on_a_slow_link(browser, http_root):
    """A page on a 10 Mbit/s link, and the names of the files it requests (the worker's too)."""
    context, page, guard = open_site(browser, http_root)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", TEN_MBIT)
    requested = []
    page.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[-1]))
    return context, page, guard, requested


def test_a_slow_link_takes_the_smaller_wasm_binary_skips_the_snapshot_and_python_still_works(browser, http_root):
    context, page, guard, requested = open_on_a_slow_link(browser, http_root)
    page.goto(http_root + "index.html#/optimization?optimizer=gradient_ascent&start=-5&step_size=0.1")
    wait_for_python(page, timeout=60_000)
    assert "python_stdlib.zip" in requested and "python-snapshot.bin.gz" not in requested
    assert "pyodide.asm.wasm.xz" in requested and "pyodide.asm.wasm" not in requested
    assert page.evaluate("() => performance.getEntriesByName('snapshot-skipped').length") == 1
    page.get_by_role("button", name="Run optimization").click()
    expect(page.get_by_role("status", name="Verdict")).to_contain_text("Reached the global max")
    context.close()
    assert guard.errors == [] and guard.outside == []


def test_a_python_restarted_on_a_slow_link_still_leaves_the_snapshot_out(browser, http_root):
    """A replacement worker gets its files from the browser's cache, which says nothing of the link:
    it keeps the first start's choice instead of downloading the 4.6 MiB it skipped."""
    context, page, guard, requested = open_on_a_slow_link(browser, http_root)
    page.goto(http_root + "index.html#/functions")
    wait_for_python(page, timeout=60_000)
    editor = code_editor(page, "functions")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.insert_text("\n\nimport os\nos.abort()\n")
    page.get_by_role("button", name="Apply changes").first.click()
    expect(page.get_by_text(re.compile("^Editor state: failed. Crashed"))).to_be_visible(timeout=60_000)
    wait_for_python(page, timeout=60_000)
    assert requested.count("python_stdlib.zip") == 2  # the second start did fetch its files
    assert "python-snapshot.bin.gz" not in requested
    context.close()


def test_a_damaged_xz_wasm_binary_is_reported_with_a_way_forward(browser, http_root, dist):
    context, page, guard = open_site(browser, http_root)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", TEN_MBIT)
    damaged = bytearray((dist / "pyodide" / "pyodide.asm.wasm.xz").read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    page.route("**/pyodide.asm.wasm.xz",
               lambda route: route.fulfill(body=bytes(damaged), content_type="application/x-xz"))
    page.goto(http_root + "index.html#/optimization")
    expect(page.get_by_role("alert")).to_contain_text("pyodide/pyodide.asm.wasm is damaged", timeout=60_000)
    expect(page.get_by_role("button", name="Retry")).to_be_visible()
    expect(page.get_by_role("button", name="Run optimization")).to_be_disabled()
    context.close()
    assert guard.outside == []


def test_a_fast_link_uses_the_snapshot(browser, http_root):
    context, page, guard = open_site(browser, http_root)
    requested = []
    page.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[-1]))
    page.goto(http_root + "index.html#/optimization")
    wait_for_python(page)
    assert "python-snapshot.bin.gz" in requested
    assert page.evaluate("() => performance.getEntriesByName('snapshot-skipped').length") == 0
    context.close()


def test_a_revisit_restores_the_unpacked_snapshot_kept_by_the_first_visit(browser, http_root):
    from tools.benchmark import WAIT_FOR_MARK

    context, page, guard = open_site(browser, http_root)
    page.goto(http_root + "index.html#/optimization")
    wait_for_python(page)
    assert page.evaluate("() => performance.getEntriesByName('snapshot-from-cache').length") == 0
    page.evaluate(WAIT_FOR_MARK, "snapshot-kept")
    page.close()
    again = context.new_page()
    again.on("console", guard.console)
    again.on("pageerror", lambda error: guard.errors.append(f"page error: {error}"))
    again.goto(http_root + "index.html#/optimization?optimizer=gradient_ascent&start=-5&step_size=0.1")
    wait_for_python(again)
    assert again.evaluate("() => performance.getEntriesByName('snapshot-from-cache').length") == 1
    again.get_by_role("button", name="Run optimization").click()
    expect(again.get_by_role("status", name="Verdict")).to_contain_text("Reached the global max")
    context.close()
    assert guard.errors == [] and guard.outside == []


SPREAD = '''

import statistics


def spread(x: float) -> float:
    """How far apart x, 0 and 1 are (their standard deviation)."""
    return statistics.pstdev([x, 0.0, 1.0])
'''


def test_runs_do_not_wait_for_the_rest_of_the_library_and_an_edit_that_needs_it_does(browser, http_root):
    context, page, guard = open_site(browser, http_root)
    held = []
    page.route("**/python_stdlib_more.zip", lambda route: held.append(route))
    with page.expect_request(lambda request: request.url.endswith("/python_stdlib_more.zip"), timeout=60_000):
        page.goto(http_root + "index.html#/optimization?optimizer=gradient_ascent&start=-5&step_size=0.1")
    page.get_by_role("button", name="Run optimization").click()
    expect(page.get_by_role("status", name="Verdict")).to_contain_text("Reached the global max")

    page.get_by_role("link", name="1. Functions").click()
    editor = code_editor(page, "functions")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.insert_text(SPREAD)
    page.get_by_role("button", name="Apply changes").filter(visible=True).click()
    status = page.get_by_role("region", name="Edit the Python: functions.py").get_by_role("status")
    expect(status).to_have_text("Applying…")
    assert len(held) == 1
    held[0].continue_()
    expect(status).to_have_text("Applied: the page now uses your code.")
    page.get_by_label("Function", exact=True).filter(visible=True).select_option("spread")
    expect(page.get_by_role("note", name="About this function")).to_have_text(
        "How far apart x, 0 and 1 are (their standard deviation).")
    context.close()
    assert guard.errors == [] and guard.outside == []
