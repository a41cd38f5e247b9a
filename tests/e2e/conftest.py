"""Pages opened over http (under a sub-path) and from file://, watched for stray requests and errors."""

import pytest

ALLOWED_SCHEMES = ("data:", "blob:")


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
    page = context.new_page()
    page.on("console", guard.console)
    page.on("pageerror", lambda error: guard.errors.append(f"page error: {error}"))
    return context, page, guard


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


def wait_for_python(page, timeout: float = 30_000) -> None:
    """Waits for the real signal that Python answers: the status line says it is ready."""
    page.get_by_text("Python is ready").wait_for(timeout=timeout)
