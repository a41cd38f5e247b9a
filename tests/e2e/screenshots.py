"""Screenshots of every page at desktop size and at 375 px wide, for looking at.

    uv run python -m tests.e2e.screenshots [output-folder]

Builds nothing: it serves the current dist/ and drives it as a learner would.
"""

import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

import build
from tools.chromium import launch_chromium
from tools.static_server import serving

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 780}}


def take(output: Path) -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    taken = []
    with serving(build.DIST) as root, sync_playwright() as playwright:
        index = root + "index.html"
        browser = launch_chromium(playwright)
        for size_name, viewport in SIZES.items():
            for scheme in ("light", "dark"):
                page = browser.new_page(viewport=viewport, color_scheme=scheme, device_scale_factor=1)
                page.goto(index + "#/functions?function=sqrt")
                page.get_by_text("Python is ready").wait_for(timeout=30_000)
                page.mouse.move(viewport["width"] * 0.8, 200 if size_name == "desktop" else 160)
                taken.append(output / f"functions-{size_name}-{scheme}.png")
                page.screenshot(path=taken[-1], full_page=size_name == "desktop")
                page.goto(index + "#/optimization?optimizer=hill_climbing&start=-15&scale=1&seed=3")
                page.get_by_role("button", name="Run optimization").click()
                expect(page.get_by_label("Replay iteration")).to_be_enabled()
                page.get_by_label("Replay iteration").fill("30")
                taken.append(output / f"optimization-{size_name}-{scheme}.png")
                page.screenshot(path=taken[-1], full_page=size_name == "desktop")
                page.goto(index + "#/loss-landscape?descent=gradient_descent&a=-1&b=1")
                page.get_by_role("button", name="Train the network").click()
                expect(page.get_by_label("Replay step")).to_be_enabled()
                page.get_by_label("Replay step").fill("40")
                taken.append(output / f"network-{size_name}-{scheme}.png")
                page.screenshot(path=taken[-1], full_page=True)
                page.close()
        browser.close()
    return taken


if __name__ == "__main__":
    for path in take(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")):
        print(path)
