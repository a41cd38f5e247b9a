"""Shared fixtures: the built site, and a browser that refuses to leave it."""

import shutil
import threading
from pathlib import Path

import pytest

import build

SUB_PATH = "/math-fundamentals/"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def dist() -> Path:
    """dist/ built once per test session from the current sources."""
    return build.build()


@pytest.fixture(scope="session")
def trained_network(tmp_path_factory):
    """The build's network slice, computed once with numpy; the page API descends on its weights."""
    import json

    from build_time import network_landscape
    from page_api import discovery, network

    result, _, _ = network_landscape.compute(discovery.SLICE_SPAN)
    weights = tmp_path_factory.mktemp("network") / "trained_network.json"
    weights.write_text(json.dumps(result["network"]))
    shipped = network.TRAINED_NETWORK
    network.TRAINED_NETWORK = weights
    network.trained_slice.cache_clear()
    yield result
    network.TRAINED_NETWORK = shipped
    network.trained_slice.cache_clear()


@pytest.fixture(scope="session")
def http_root(dist):
    """dist/ served on 127.0.0.1 under a sub-path, as GitHub Pages serves a project site."""
    server = build.make_server(dist, 0, SUB_PATH)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is not installed: `apt-get install chromium` (or run `python3 build.py test`).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
