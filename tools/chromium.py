"""Headless Chromium from the system's packages, as the tests, the benchmark and the screenshots
start it."""

import shutil

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch_chromium(playwright):
    """A Chromium browser under Playwright; FileNotFoundError, saying how to install it, if missing."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        raise FileNotFoundError("Chromium is not installed: `apt-get install chromium` "
                                "(or run `python3 build.py test`).")
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
