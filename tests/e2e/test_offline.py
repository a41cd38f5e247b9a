"""Offline anywhere: the downloadable zip works by file://, and broken copies say what is wrong."""

import re
import shutil
import zipfile
from contextlib import nullcontext

import pytest
from playwright.sync_api import expect

import build
from tests.e2e.conftest import open_site, optimizer_picker, wait_for_python
from tools.static_server import serving


def run_gradient_ascent(page):
    optimizer_picker(page).select_option("gradient_ascent")
    page.get_by_label("Step size").fill("0.1")
    page.get_by_role("button", name="Run optimization").click()
    expect(page.get_by_role("status", name="Verdict")).to_contain_text("Reached the global max")


@pytest.mark.parametrize("opened", ["by double-click", "served over http"])
def test_downloaded_zip_works_from_its_folder(browser, dist, tmp_path, opened):
    with zipfile.ZipFile(dist / build.OFFLINE_ZIP_NAME) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / "math-fundamentals"
    with nullcontext(folder.as_uri() + "/") if opened == "by double-click" else serving(folder) as root:
        context, page, guard = open_site(browser, root)
        runtime_requests = []
        page.on("request", lambda request: "/pyodide/" in request.url and runtime_requests.append(request.url))
        page.goto(root + "index.html#/optimization")
        wait_for_python(page)
        run_gradient_ascent(page)
        expect(page.get_by_role("link", name="Download for offline use")).to_be_hidden()
        page.get_by_role("link", name="3. Neural network").click()
        page.get_by_role("button", name="Train the network").click()
        expect(page.get_by_role("status", name="Verdict")).to_contain_text("Stuck in a local minimum")
        figure = page.get_by_role("img", name=re.compile("matplotlib"))
        figure.scroll_into_view_if_needed()
        expect(figure).to_have_js_property("complete", True)
        assert figure.evaluate("(image) => image.naturalWidth") > 0
        context.close()
    assert guard.outside == [] and guard.errors == []
    # The zip has only the wrapped runtime files, and the page asked for nothing else.
    assert runtime_requests and all("/pyodide/offline/" in url for url in runtime_requests)


def test_download_link_is_offered_over_http(browser, http_root):
    context, page, guard = open_site(browser, http_root)
    page.goto(http_root + "index.html")
    link = page.get_by_role("link", name="Download for offline use")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == build.OFFLINE_ZIP_NAME
    context.close()


@pytest.fixture
def broken_copy(dist, tmp_path):
    """A copy of dist/ that a test may damage."""
    copy = tmp_path / "site"
    shutil.copytree(dist, copy, ignore=shutil.ignore_patterns(build.OFFLINE_ZIP_NAME))
    return copy


@pytest.mark.parametrize("scheme", ["http", "file"])
@pytest.mark.parametrize("damage, message", [
    ("missing", "is missing"),
    ("corrupt", "is damaged"),
])
def test_a_broken_runtime_file_is_reported_with_a_way_forward(browser, broken_copy, scheme, damage, message):
    for path in [broken_copy / "pyodide" / "python_stdlib.zip",
                 broken_copy / "pyodide" / "offline" / "python_stdlib.zip.js"]:
        if damage == "missing":
            path.unlink()
        else:
            data = bytearray(path.read_bytes())
            middle = len(data) // 2
            if path.suffix == ".zip":
                data[middle] ^= 0x01
            else:  # one base64 letter for another: still valid base64, other bytes
                data[middle] = ord("B") if data[middle] == ord("A") else ord("A")
            path.write_bytes(bytes(data))
    served = serving(broken_copy, "/app/") if scheme == "http" else nullcontext(broken_copy.as_uri() + "/")
    with served as root:
        context, page, guard = open_site(browser, root)
        page.goto(root + "index.html#/optimization")
        expect(page.get_by_role("alert")).to_contain_text(message, timeout=60_000)
        expect(page.get_by_role("alert")).to_contain_text("Reload the page or press Retry")
        expect(page.get_by_role("button", name="Retry")).to_be_visible()
        expect(page.get_by_role("button", name="Run optimization")).to_be_disabled()
        # The plots drawn from build-time data stay usable.
        expect(page.get_by_role("list", name="Legend")).to_contain_text("Global max: x = 3.489")
        context.close()
    assert guard.outside == []


def test_a_browser_without_webassembly_is_told_so(browser, http_root):
    context, page, guard = open_site(browser, http_root)
    page.add_init_script("delete globalThis.WebAssembly")
    page.goto(http_root + "index.html")
    expect(page.get_by_role("alert")).to_contain_text("cannot run WebAssembly")
    context.close()
