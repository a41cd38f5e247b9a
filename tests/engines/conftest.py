"""The core scenarios in Firefox and WebKit: one page object per test with the same methods in both
engines (firefox.FirefoxPage, webkit.WebKitPage), over http under a sub-path and from the
unpacked offline copy by file://."""

import zipfile

import pytest

import build
from tools import firefox, webkit

# An upper bound on every wait, not a delay: each wait ends at its signal. Generous, because the
# suite must pass on a 2-core machine busy with other work.
WAIT_S = 90
# WebKit refuses a worker's scripts on a page opened from a folder, so Python cannot start there
# (tests/engines/test_core_scenarios.py shows the page saying what to do instead).
ROUTES = [("firefox", "http"), ("firefox", "file"), ("webkit", "http")]


@pytest.fixture(scope="session")
def offline_folder(dist, tmp_path_factory):
    """The offline zip unpacked, as a learner unpacks it: its math-fundamentals/ folder."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(dist / build.OFFLINE_ZIP_NAME) as archive:
        archive.extractall(folder)
    return folder / "math-fundamentals"


@pytest.fixture(scope="session")
def firefox_bridge():
    if firefox.MISSING:
        pytest.skip(firefox.MISSING)
    bridge = firefox.FirefoxBridge(build.ROOT, WAIT_S)
    yield bridge
    bridge.close()


@pytest.fixture(scope="session")
def virtual_screen():
    if webkit.MISSING:
        pytest.skip(webkit.MISSING)
    screen = webkit.VirtualScreen()
    yield screen
    screen.close()


class Site:
    """A page object of one engine, opened on the site at `root`; fails the test on any request
    outside the site's folder (and, where the engine reports them, on errors in the page)."""

    def __init__(self, page, root: str):
        self.page = page
        self.root = root

    def open(self, fragment: str) -> None:
        self.page.open(self.root + "index.html" + fragment, self.root)

    def open_ready(self, fragment: str) -> None:
        """Opens the page and waits for the real signal that Python answers."""
        self.open(fragment)
        try:
            self.page.wait_for_text("Python is ready")
        except Exception as error:
            shown = self.page.measure("document.body.innerText.slice(0, 400)")
            raise AssertionError(f"Python did not get ready; the page shows: {shown}") from error


def engine_page(request, engine: str):
    if engine == "firefox":
        return firefox.FirefoxPage(request.getfixturevalue("firefox_bridge"))
    return webkit.WebKitPage(request.getfixturevalue("virtual_screen"), WAIT_S)


def route_root(request, route: str) -> str:
    if route == "http":
        return request.getfixturevalue("http_root")
    return request.getfixturevalue("offline_folder").as_uri() + "/"


@pytest.fixture(params=ROUTES, ids=["-".join(route) for route in ROUTES])
def site(request):
    """The site in one engine, by one route (see ROUTES)."""
    engine, route = request.param
    yield from guarded(request, engine, route)


@pytest.fixture
def webkit_from_a_folder(request):
    yield from guarded(request, "webkit", "file")


def guarded(request, engine: str, route: str):
    site = Site(engine_page(request, engine), route_root(request, route))
    yield site
    problems = site.page.close()
    assert problems == [], f"{engine} over {route}: {problems}"
