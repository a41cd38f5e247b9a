"""A slow or busy device: the watchdog stops runaway learner code, never the app's own work.

CPU-bound processes, one per core, run beside the browser for these tests (Chromium's own
CPU throttling slows the page's main thread but not the worker, where Python runs).
"""

import os
import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import code_editor, open_site, wait_for_python

# Each busy process ends by itself after this long, should a test run be killed.
BUSY_SECONDS = 900
BUSY_LOOP = f"import time\nend = time.monotonic() + {BUSY_SECONDS}\nwhile time.monotonic() < end:\n    pass\n"
# Bounds for waits on a machine made slow on purpose: the signal, not the time, ends each wait.
SLOW = 180_000


@pytest.fixture
def busy_machine():
    processes = [subprocess.Popen([sys.executable, "-c", BUSY_LOOP]) for _ in range(os.cpu_count() or 2)]
    yield
    for process in processes:
        process.kill()
        process.wait()


@pytest.fixture
def busy_page(busy_machine, browser, http_root):
    context, page, guard = open_site(browser, http_root)
    page.goto(http_root + "index.html#/optimization")
    wait_for_python(page, timeout=SLOW)
    yield page
    context.close()
    assert guard.outside == [] and guard.errors == []


SHIPPED_CALLS = [
    ("step_size_map", {"optimizer": "gradient_ascent"}),
    *[("sweep", {"optimizer": name}) for name in ["hill_climbing", "gradient_ascent", "simulated_annealing",
                                                  "random_restart_hill_climbing"]],
    *[("descend", {"optimizer": name, "start": [-1, 1]}) for name in ["gradient_descent", "sgd", "adam"]],
    ("importable", {"modules": ["statistics", "fractions", "unittest", "doctest"]}),
]


def test_the_apps_own_work_is_never_stopped_on_a_busy_machine(busy_page):
    # All at once, so later calls wait in the worker's queue: waiting must not count as running.
    outcomes = busy_page.evaluate("""(calls) => Promise.all(calls.map(([method, args]) =>
        mathFundamentals.call(method, args).then(() => "ok", (error) => `${error.name}: ${error.message}`)))""",
                                  SHIPPED_CALLS)
    assert outcomes == ["ok"] * len(SHIPPED_CALLS)
    busy_page.get_by_role("button", name="Run optimization").click()
    expect(busy_page.get_by_role("status").filter(has_text="Iteration 100 of 100")).to_be_visible(timeout=SLOW)


def test_an_endless_loop_is_still_stopped_on_a_busy_machine_and_the_app_recovers(busy_page):
    busy_page.goto(busy_page.url.split("#")[0] + "#/functions")
    editor = code_editor(busy_page, "functions")
    expect(editor).to_be_visible(timeout=SLOW)
    editor.click()
    busy_page.keyboard.press("Control+End")
    busy_page.keyboard.insert_text("\n\ndef forever(x: float) -> float:\n    while True:\n        pass\n")
    busy_page.keyboard.press("Control+Enter")
    # The editor's message (a status); its state line repeats it.
    message = busy_page.get_by_role("status").filter(has_text="Python took too long and was stopped")
    expect(message).to_contain_text(re.compile("apply_edit ran for more than"), timeout=SLOW)
    expect(message).to_contain_text("The last version that worked is active again", timeout=SLOW)
    wait_for_python(busy_page, timeout=SLOW)
    busy_page.get_by_label("Function", exact=True).select_option("square")
    expect(busy_page.get_by_label("Maximum", exact=True)).to_have_text("100.00 at x = -10.00 and x = 10.00", timeout=SLOW)
