"""Pages opened over http (under a sub-path) and from file://, watched for stray requests and errors,
and the helpers the browser tests share."""

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tools.chromium import CHROMIUM_FLAGS

ALLOWED_SCHEMES = ("data:", "blob:")
# Playwright starts Chromium with this switch, which turns off the browser's limit of 200
# history.replaceState calls in 10 s; a test of the page under that limit leaves it out.
IPC_FLOODING_PROTECTION_OFF = "--disable-ipc-flooding-protection"
# Upper bounds, not delays: each wait ends at its signal. They are generous because the suite
# must pass on a 2-core machine that is busy with other work, where a step can take seconds.
ACTION_TIMEOUT_MS = 60_000
expect.set_options(timeout=20_000)


class SiteGuard:
    """Aborts and records every request outside the site's folder; records page errors."""

    def __init__(self, root: str):
        self.root = root
        self.outside: list[str] = []
        self.errors: list[str] = []

    def route(self, route):
        if self.record(route.request):
            route.continue_()
        else:
            route.abort()

    def record(self, request) -> bool:
        """Whether `request` stays in the site's folder; records it if not."""
        inside = request.url.startswith(self.root) or request.url.startswith(ALLOWED_SCHEMES)
        if not inside:
            self.outside.append(request.url)
        return inside

    def console(self, message):
        if message.type == "error":
            self.errors.append(f"console: {message.text}")


def open_site(browser, root: str, *, viewport=None, bypass_csp=False, service_worker=False):
    """A new browser context and page guarded so that it never leaves `root`.

    bypass_csp lets a test inject its own tools (axe-core) or probe the guard itself.
    service_worker lets the site's service worker answer the page: Playwright bypasses it in
    a context whose requests it routes, so then requests outside `root` are only recorded.
    """
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, bypass_csp=bypass_csp)
    guard = SiteGuard(root)
    if service_worker:
        context.on("request", guard.record)
    else:
        context.route("**/*", guard.route)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    page = context.new_page()
    page.on("console", guard.console)
    page.on("pageerror", lambda error: guard.errors.append(f"page error: {error}"))
    return context, page, guard


def pytest_collection_modifyitems(config, items):
    """Runs a module's `site` tests over the schemes it names in SCHEMES (both unless it says).

    Opened from file://, the page differs in how it loads Python's runtime (script tags), in its
    storage and in its links; the modules of the pages, the editor, the stored progress and the
    links run both ways. A module about what a run shows (layout, replay, verdicts, parity) is the
    same either way once Python runs, and says SCHEMES = ("http",): the suite stays quick.
    """
    kept, dropped = [], []
    for item in items:
        # A hook sees every test collected: tests/engines has a `site` fixture of its own.
        mine = item.path.is_relative_to(Path(__file__).parent)
        scheme = mine and getattr(item, "callspec", None) and item.callspec.params.get("site")
        wanted = getattr(item.module, "SCHEMES", ("http", "file"))
        (dropped if scheme and scheme not in wanted else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(params=["http", "file"])
def site(request, browser, dist):
    """(page, url of index.html): the app over http under a sub-path, then from file://."""
    if request.param == "http":
        root = request.getfixturevalue("http_root")
        index = root + "index.html"
    else:
        root = dist.as_uri() + "/"
        index = root + "index.html"
    context, page, guard = open_site(browser, root)
    page.index_url = index
    yield page
    context.close()
    assert guard.outside == [], f"requests outside the site's folder: {guard.outside}"
    assert guard.errors == [], f"errors in the page: {guard.errors}"


@pytest.fixture
def throttled_browser(browser):
    """A Chromium of its own that limits history.replaceState as browsers do for learners."""
    throttled = browser.browser_type.launch(executable_path=shutil.which("chromium") or shutil.which("chromium-browser"),
                                            args=CHROMIUM_FLAGS, ignore_default_args=[IPC_FLOODING_PROTECTION_OFF])
    yield throttled
    throttled.close()


def wait_for_python(page, timeout: float = 90_000) -> None:
    """Waits for the real signal that Python answers: the status line says it is ready."""
    page.get_by_text("Python is ready").wait_for(timeout=timeout)


def settle_python(page) -> None:
    """Waits until Python has answered every call the page made so far (the worker answers in order)."""
    page.evaluate("() => mathFundamentals.call('python_memory')")
    page.evaluate("() => new Promise(requestAnimationFrame)")


def hold_python(page, timeout: float = 60_000):
    """Holds back the standard library, so that Python cannot start; returns a function that lets it go."""
    asked, held = [], []
    page.on("request", lambda request: request.url.endswith("/python_stdlib.zip") and asked.append(request))
    page.route("**/python_stdlib.zip", lambda route: held.append(route))

    def release():
        if not asked:
            page.wait_for_event("request", lambda request: request.url.endswith("/python_stdlib.zip"), timeout=timeout)
        # The route's handler runs as the browser's next messages arrive.
        for _ in range(100):
            if held:
                break
            page.evaluate("() => new Promise(requestAnimationFrame)")
        assert len(held) == 1, "the standard library was not held back"
        held[0].continue_()
    return release


def code_editor(page, module: str):
    """The code editor of `module`.py, reached as a learner reaches it: by scrolling to its panel.

    The page sets an editor up (once Python is ready) only when its panel comes near the screen;
    until then the panel shows the module as plain text, and there is no textbox.
    """
    page.get_by_role("region", name=f"Edit the Python: {module}.py").scroll_into_view_if_needed()
    return page.get_by_role("textbox", name=f"Python code of {module}.py")


def open_optimization(site, query=""):
    """The optimization page, with Python ready."""
    site.goto(site.index_url + "#/optimization" + query)
    wait_for_python(site)


def run_once(site, query="#/optimization?optimizer=hill_climbing&start=-12&scale=2&seed=5"):
    """Opens the optimization page and runs the optimizer once."""
    site.goto(site.index_url + query)
    wait_for_python(site)
    site.get_by_role("button", name="Run optimization").click()
    expect(site.get_by_label("Replay iteration")).to_be_enabled()


def replay_status(site):
    """The readout of the replayed iteration on the optimization page."""
    return site.get_by_role("status").filter(has_text=re.compile("^Iteration"))


def optimizer_picker(site):
    """The Optimizer picker of the page shown."""
    return site.get_by_label("Optimizer", exact=True).filter(visible=True)
