"""A class of thirty for an hour: many runs and replay steps keep working, memory stays flat."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import open_site, wait_for_python

RUNS_JS = """async (count) => {
  const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Run optimization");
  for (let i = 0; i < count; i++) {
    const before = performance.getEntriesByName("draw-run").length;
    button.click();
    await new Promise((resolve) => {
      const check = () => performance.getEntriesByName("draw-run").length > before ? resolve() : setTimeout(check, 0);
      check();
    });
    performance.clearMeasures();
  }
}"""

REPLAY_JS = """async (count) => {
  const slider = document.getElementById("replay-slider");
  for (let i = 0; i < count; i++) {
    slider.value = String(i % 101);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    if (i % 100 === 0) await new Promise(requestAnimationFrame);
  }
  await new Promise(requestAnimationFrame);
}"""


def heap_mb(cdp):
    cdp.send("HeapProfiler.collectGarbage")
    return cdp.send("Runtime.getHeapUsage")["usedSize"] / 2**20


def test_a_thousand_runs_and_ten_thousand_replay_steps(browser, http_root):
    context, page, guard = open_site(browser, http_root)
    page.goto(http_root + "index.html#/optimization?optimizer=hill_climbing&start=-3&scale=1&seed=1")
    wait_for_python(page)
    cdp = context.new_cdp_session(page)
    page.evaluate(RUNS_JS, 20)  # warm up: first runs fill caches
    before = heap_mb(cdp)
    python_before = page.evaluate("() => mathFundamentals.call('python_memory')")
    page.evaluate(RUNS_JS, 1000)
    page.evaluate(REPLAY_JS, 10_000)
    after = heap_mb(cdp)
    python_after = page.evaluate("() => mathFundamentals.call('python_memory')")
    print(f"JS heap: {before:.1f} MiB after 20 runs, {after:.1f} MiB after 1,020 runs and 10,000 replay steps; "
          f"Python objects {python_before['objects']} -> {python_after['objects']}, "
          f"JavaScript proxies {python_before['js_proxies']} -> {python_after['js_proxies']}")
    assert after - before < 10
    # Only JSON strings cross into Python: no proxy is made per call, and nothing piles up.
    assert python_after["js_proxies"] <= python_before["js_proxies"]
    assert python_after["objects"] - python_before["objects"] < 1000
    expect(page.get_by_role("status").filter(has_text=re.compile(r"^Iteration \d+ of"))).to_contain_text("Iteration 0 of 100")  # 9,999 % 101
    page.get_by_role("button", name="Run optimization").click()
    expect(page.get_by_role("status", name="Verdict")).to_contain_text("Reached the global max")
    context.close()
    assert guard.errors == [] and guard.outside == []


def test_pressing_run_many_times_quickly_keeps_the_latest(browser, http_root):
    context, page, guard = open_site(browser, http_root)
    page.goto(http_root + "index.html#/optimization?optimizer=gradient_ascent&start=0&step_size=0.1")
    wait_for_python(page)
    page.evaluate("""() => {
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Run optimization");
      const start = document.getElementById("start-input");
      for (const value of ["-15", "10", "-15", "0", "-15"]) {
        start.value = value;
        start.dispatchEvent(new Event("input"));
        button.click();
      }
    }""")
    expect(page.get_by_role("status", name="Verdict")).to_contain_text("Stuck on the local max")
    expect(page.get_by_role("status").filter(has_text=re.compile(r"^Iteration \d+ of"))).to_contain_text("x = -16.202")
    context.close()
