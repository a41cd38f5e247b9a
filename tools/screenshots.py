"""Screenshots of every page at desktop size and at 375 px wide, for looking at.

    uv run python -m tools.screenshots [output-folder]

Builds nothing: it serves the current dist/ and drives it as a learner would.
"""

import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

import build
from tools.chromium import launch_chromium
from tools.static_server import serving

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 780}}
# The pages with a run, replayed to a step: (name, URL hash, run button, replay slider, step,
# whole page even on a phone).
REPLAYED = [("optimization", "#/optimization?optimizer=hill_climbing&start=-15&scale=1&seed=3",
             "Run optimization", "Replay iteration", "30", False),
            ("network", "#/loss-landscape?descent=gradient_descent&a=-1&b=1",
             "Train the network", "Replay step", "40", True)]


def take(output: Path) -> list[Path]:
    """Every page at each size in light and dark, written as PNG files into `output`."""
    output.mkdir(parents=True, exist_ok=True)
    taken = []
    with serving(build.DIST) as root, sync_playwright() as playwright:
        index = root + "index.html"
        browser = launch_chromium(playwright)
        for size_name, viewport in SIZES.items():
            desktop = size_name == "desktop"
            for scheme in ("light", "dark"):
                page = browser.new_page(viewport=viewport, color_scheme=scheme, device_scale_factor=1)
                page.goto(index + "#/functions?function=sqrt")
                page.get_by_text("Python is ready").wait_for(timeout=30_000)
                page.mouse.move(viewport["width"] * 0.8, 200 if desktop else 160)
                taken.append(output / f"functions-{size_name}-{scheme}.png")
                page.screenshot(path=taken[-1], full_page=desktop)
                for name, url, button, slider, position, whole_page in REPLAYED:
                    page.goto(index + url)
                    page.get_by_role("button", name=button).click()
                    expect(page.get_by_label(slider)).to_be_enabled()
                    page.get_by_label(slider).fill(position)
                    taken.append(output / f"{name}-{size_name}-{scheme}.png")
                    page.screenshot(path=taken[-1], full_page=whole_page or desktop)
                page.close()
        browser.close()
    return taken


if __name__ == "__main__":
    for path in take(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")):
        print(path)
