"""Chromium from the system's packages: installed for `build.py test` if missing, and launched
headless as the tests, the benchmark and the screenshots start it."""

import os
import shutil

from tools.programs import BuildError, run_program, step

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch_chromium(playwright):
    """A Chromium browser under Playwright; FileNotFoundError, saying how to install it, if missing."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        raise FileNotFoundError("Chromium is not installed: `apt-get install chromium` "
                                "(or run `python3 build.py test`).")
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)


def install_chromium() -> None:
    """Chromium (for the browser tests), if missing."""
    if shutil.which("chromium") is None:
        if os.geteuid() != 0:
            raise BuildError("Chromium is needed for the browser tests: "
                             "`sudo apt-get install chromium`, then run again.")
        step("installing Chromium from Debian's packages")
        advice = "Install Chromium yourself (`apt-get install chromium`) and run again."
        run_program(["apt-get", "update", "-qq"], step="installing Chromium (apt-get update)", advice=advice)
        run_program(["apt-get", "install", "-y", "-qq", "chromium"], step="installing Chromium", advice=advice,
                    env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
