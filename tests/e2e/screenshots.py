"""Screenshots of every page at desktop size and at 375 px wide, for looking at.

    uv run python -m tests.e2e.screenshots [output-folder]

Builds nothing: it serves the current dist/ and drives it as a learner would.
"""

import shutil
import sys
import threading
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

import build
from tests.conftest import CHROMIUM_FLAGS

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 780}}
# Each page after a run, at this replay position: (name, link, run button, replay slider, position).
RUNS = [("optimization", "#/optimization?optimizer=hill_climbing&start=-15&scale=1&seed=3", "Run optimization",
         "Replay iteration", "30"),
        ("network", "#/loss-landscape?descent=gradient_descent&a=-1&b=1", "Train the network", "Replay step", "40")]


def take(output: Path) -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    server = build.make_server(build.DIST, 0, "/")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_port}/index.html"
    taken = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
        for size_name, viewport in SIZES.items():
            for scheme in ("light", "dark"):
                page = browser.new_page(viewport=viewport, color_scheme=scheme, device_scale_factor=1)
                page.goto(root + "#/functions?function=sqrt")
                page.get_by_text("Python is ready").wait_for(timeout=30_000)
                page.mouse.move(viewport["width"] * 0.8, 200 if size_name == "desktop" else 160)
                taken.append(output / f"functions-{size_name}-{scheme}.png")
                page.screenshot(path=taken[-1], full_page=size_name == "desktop")
                for name, link, button, slider, position in RUNS:
                    page.goto(root + link)
                    page.get_by_role("button", name=button).click()
                    expect(page.get_by_label(slider)).to_be_enabled()
                    page.get_by_label(slider).fill(position)
                    taken.append(output / f"{name}-{size_name}-{scheme}.png")
                    page.screenshot(path=taken[-1], full_page=size_name == "desktop" or name == "network")
                page.close()
        browser.close()
    server.shutdown()
    return taken


if __name__ == "__main__":
    for path in take(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")):
        print(path)
