"""Shared fixtures: the built site, and a browser that refuses to leave it."""

from pathlib import Path

import pytest

import build
from tools.chromium import launch_chromium
from tools.static_server import serving

SUB_PATH = "/math-fundamentals/"


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
    with serving(dist, SUB_PATH) as root:
        yield root


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = launch_chromium(playwright)
        except FileNotFoundError as error:
            pytest.fail(str(error))
        yield browser
        browser.close()
