"""Installable and offline after one visit: the service worker keeps a release, a new release is
offered and replaces it whole, nothing of this happens from a folder, and the manifest is valid."""

import json
import shutil
import struct

from playwright.sync_api import expect

import build
from tests.conftest import SUB_PATH
from tests.e2e.conftest import open_site, wait_for_python
from tests.e2e.test_offline import run_gradient_ascent
from tools.service_worker import WAIT_UNTIL_ACTIVE_JS, read_release
from tools.static_server import serving

SNAPSHOT_CACHE = "math-fundamentals-snapshot"
# Counts the page's attempts to register a service worker, before any script of the page runs.
COUNT_REGISTRATIONS = """
globalThis.registrations = 0;
if (globalThis.ServiceWorkerContainer) {
  const register = ServiceWorkerContainer.prototype.register;
  ServiceWorkerContainer.prototype.register = function (...args) {
    globalThis.registrations += 1;
    return register.apply(this, args);
  };
}
"""


def wait_until_kept_for_offline(page, timeout: float = 60_000) -> None:
    """Waits until the service worker has kept every file of the release and is active."""
    page.evaluate(WAIT_UNTIL_ACTIVE_JS, timeout)


def cache_names(page) -> list[str]:
    return sorted(page.evaluate("() => caches.keys()"))


def test_after_one_visit_the_site_works_with_the_network_off(browser, dist):
    with serving(dist, SUB_PATH) as root:
        context, page, guard = open_site(browser, root, service_worker=True)
        page.goto(root + "index.html#/optimization")
        wait_for_python(page)
        wait_until_kept_for_offline(page)
    # The server is gone and the browser is offline; the app's address (the manifest's
    # start_url, the folder itself) still opens, and Python runs.
    context.set_offline(True)
    page.goto(root + "#/optimization")
    wait_for_python(page)
    run_gradient_ascent(page)
    context.close()
    assert guard.errors == [] and guard.outside == []


def test_a_new_release_is_offered_and_replaces_the_old_one_whole(browser, dist, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(dist, copy, ignore=shutil.ignore_patterns(build.OFFLINE_ZIP_NAME))
    first = read_release(copy)["release"]
    with serving(copy, SUB_PATH) as root:
        context, page, guard = open_site(browser, root, service_worker=True)
        page.goto(root + "index.html")
        wait_for_python(page)
        wait_until_kept_for_offline(page)
        page.reload()
        wait_for_python(page)
        page.wait_for_function("() => performance.getEntriesByName('snapshot-kept').length > 0", timeout=60_000)
        assert cache_names(page) == [f"math-fundamentals-release {root} {first}", SNAPSHOT_CACHE]

        # The next release changes one file.
        lesson_data = copy / "data" / "lesson-data.js"
        lesson_data.write_text(lesson_data.read_text() + 'globalThis.MF_TEST_RELEASE = "second";\n')
        build.service_worker(copy)
        second = read_release(copy)["release"]
        assert second != first

        page.reload()
        wait_for_python(page)
        expect(page.get_by_text("A new version is ready")).to_be_visible(timeout=60_000)
        # Until the learner says so, the page runs on the release it started with.
        assert page.evaluate("() => globalThis.MF_TEST_RELEASE") is None
        with page.expect_navigation(timeout=60_000):
            page.get_by_role("button", name="Reload").click()
        wait_for_python(page)
        assert page.evaluate("() => globalThis.MF_TEST_RELEASE") == "second"
        expect(page.get_by_text("A new version is ready")).to_have_count(0)
        assert cache_names(page) == [f"math-fundamentals-release {root} {second}", SNAPSHOT_CACHE]
        context.close()
    assert guard.errors == [] and guard.outside == []


def test_from_a_folder_no_service_worker_is_tried(browser, dist):
    root = dist.as_uri() + "/"
    context, page, guard = open_site(browser, root)
    page.add_init_script(COUNT_REGISTRATIONS)
    page.goto(root + "index.html#/optimization")
    wait_for_python(page)
    run_gradient_ascent(page)
    assert page.evaluate("() => globalThis.registrations") == 0
    assert context.service_workers == []
    context.close()
    assert guard.errors == [] and guard.outside == []


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_the_manifest_makes_the_site_installable(browser, http_root, dist):
    manifest = json.loads((dist / "manifest.webmanifest").read_text())
    assert manifest["name"] == "Math Fundamentals for Machine Learning" and manifest["short_name"]
    assert (manifest["start_url"], manifest["display"]) == (".", "standalone")
    sizes = set()
    for icon in manifest["icons"]:
        width, height = png_size(dist / icon["src"])
        assert icon["sizes"] == f"{width}x{height}" and icon["type"] == "image/png", icon
        sizes.add((icon["sizes"], icon["purpose"]))
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    # Chromium reads the same manifest from the page without a complaint, and finds it installable.
    context, page, guard = open_site(browser, http_root)
    page.goto(http_root + "index.html")
    wait_for_python(page)
    wait_until_kept_for_offline(page)
    cdp = context.new_cdp_session(page)
    read = cdp.send("Page.getAppManifest")
    assert read["url"] == http_root + "manifest.webmanifest" and read["errors"] == []
    # Playwright's contexts are incognito windows, where Chromium never offers to install.
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [error["errorId"] for error in errors if error["errorId"] != "in-incognito"] == []
    context.close()
    assert guard.errors == [] and guard.outside == []
