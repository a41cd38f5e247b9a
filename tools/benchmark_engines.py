"""The benchmark's start and run figures in other browsers, and in Chromium on a busy machine:
time to interactive ("Python is ready") and run latency (a gradient ascent run, click to the
verdict shown), a fresh page for each repetition. Firefox and WebKit are driven as the engine
tests drive them (tools/firefox.py, tools/webkit.py); Chromium by Playwright, with two CPU-bound
processes beside it."""

import subprocess
import sys

import build
from tools import firefox, webkit

PAGE = "index.html#/optimization?optimizer=gradient_ascent&start=-15&step_size=0.1"
WAIT_S = 120
# By the page's own clock, so that no driver's round trips are counted.
INTERACTIVE_JS = "performance.getEntriesByName('interactive')[0].startTime"
# The run is measured once Python has answered every call the page made at its start (the worker
# answers in order): the latency of a run, not of the work that follows the start.
RUN_JS = """(async () => {
  await mathFundamentals.call("python_memory");
  const button = [...document.querySelectorAll("button")]
    .find((element) => element.textContent.trim() === "Run optimization" && element.checkVisibility());
  const verdict = [...document.querySelectorAll('[aria-label="Verdict"]')].find((element) => !element.closest("[hidden]"));
  const shown = new Promise((resolve) => new MutationObserver((records, observer) => {
    if (!verdict.textContent) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now()));
  }).observe(verdict, { childList: true, characterData: true, subtree: true }));
  const clicked = performance.now();
  button.click();
  return (await shown) - clicked;
})()"""
BUSY_PROCESSES = 2
# Each busy process ends by itself after this long, should the benchmark be killed.
BUSY_LOOP = "import time\nend = time.monotonic() + 900\nwhile time.monotonic() < end:\n    pass\n"


class ChromiumPage:
    """A fresh Playwright context, with the methods of firefox.FirefoxPage that the benchmark uses."""

    def __init__(self, browser):
        self.context = browser.new_context()
        self.page = self.context.new_page()

    def open(self, url: str, root: str) -> None:
        self.page.goto(url)

    def wait_for_text(self, text: str) -> None:
        self.page.get_by_text(text).wait_for(timeout=WAIT_S * 1000)

    def measure(self, expression: str):
        return self.page.evaluate(expression)

    def close(self) -> list[str]:
        self.context.close()
        return []


def measured(page, root: str) -> dict:
    """One cold load of the optimization page and its first run, in `page`."""
    page.open(root + PAGE, root)
    page.wait_for_text("Python is ready")
    figures = {"interactive_ms": page.measure(INTERACTIVE_JS), "run_ms": page.measure(RUN_JS)}
    problems = page.close()
    if problems:
        raise RuntimeError(f"the page went wrong: {problems}")
    return figures


def firefox_runs(root: str, repeat: int) -> tuple[str, list[dict]]:
    bridge = firefox.FirefoxBridge(build.ROOT, WAIT_S)
    try:
        return f"Firefox {bridge.version.split('/')[-1]}", [measured(firefox.FirefoxPage(bridge), root)
                                                           for _ in range(repeat)]
    finally:
        bridge.close()


def webkit_runs(root: str, repeat: int) -> tuple[str, list[dict]]:
    screen = webkit.VirtualScreen()
    try:
        runs = []
        for _ in range(repeat):
            page = webkit.WebKitPage(screen, WAIT_S)
            version = page.version
            runs.append(measured(page, root))
        return f"WebKitGTK {version} (MiniBrowser, on Xvfb)", runs
    finally:
        screen.close()


def busy_chromium_runs(browser, root: str, repeat: int) -> tuple[str, list[dict]]:
    busy = [subprocess.Popen([sys.executable, "-c", BUSY_LOOP]) for _ in range(BUSY_PROCESSES)]
    try:
        return (f"Chromium {browser.version}, {BUSY_PROCESSES} CPU-bound processes beside it",
                [measured(ChromiumPage(browser), root) for _ in range(repeat)])
    finally:
        for process in busy:
            process.kill()
            process.wait()


def engine_report(browser, root: str, repeat: int) -> dict:
    """{browser: [{interactive_ms, run_ms}, ...]}, over http at `root`; a browser not installed is
    left out, with the reason under "missing"."""
    report, missing = {}, []
    for absent, runs in [(firefox.MISSING, firefox_runs), (webkit.MISSING, webkit_runs)]:
        if absent:
            missing.append(absent)
        else:
            name, figures = runs(root, repeat)
            report[name] = figures
    name, figures = busy_chromium_runs(browser, root, repeat)
    report[name] = figures
    return {"browsers": report, "missing": missing}


def main() -> None:
    """Only these figures: `uv run python -m tools.benchmark_engines [--repeat 5]` (after a build)."""
    import argparse
    import json

    from playwright.sync_api import sync_playwright

    from tools.benchmark import SUB_PATH
    from tools.benchmark_report import engine_lines
    from tools.chromium import launch_chromium
    from tools.static_server import serving, warm_up

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    warm_up(build.DIST)
    with serving(build.DIST, SUB_PATH) as root, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        report = engine_report(browser, root, repeat)
        browser.close()
    print(json.dumps(report))
    print("\n".join(engine_lines(report)))


if __name__ == "__main__":
    main()
