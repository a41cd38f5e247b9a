"""Screenshots of every page at desktop size (1400 x 900) and on a phone (375 x 740), light and dark,
before and after a run, for looking at.

    uv run python -m tools.screenshots [output-folder]

Builds nothing: it serves the current dist/ and drives it as a learner would. Each page gets its
first screen and its whole length; a replay page also gets the screens a learner sees while
scrubbing the replay (the slider focused, stepped with the arrow keys) and while scrolling down.
"""

import re
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

import build
from tools.chromium import launch_chromium
from tools.static_server import serving

SIZES = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 375, "height": 740}}
# The pages with a run, replayed to a step: (name, URL hash, run button, replay slider, step).
REPLAYED = [("optimization", "#/optimization?optimizer=hill_climbing&start=-15&scale=1&seed=3",
             "Run optimization", "Replay iteration", "30"),
            ("network", "#/loss-landscape?descent=gradient_descent&a=-1&b=1",
             "Train the network", "Replay step", "40")]
# How far down the scrolling screenshots go, in screen heights.
SCROLLED_SCREENS = (1, 2, 3)


def shoot(page, path: Path, taken: list[Path], *, full_page=False) -> None:
    """One screenshot of `page` into `path`, recorded in `taken`."""
    page.screenshot(path=path, full_page=full_page)
    taken.append(path)


def show_editors(page) -> None:
    """Scrolls to each code editor of the page shown, as a learner does, until it is set up: the page
    shows the module as plain text until its panel comes near the screen."""
    for panel in page.get_by_role("region", name=re.compile("^Edit the Python: ")).all():
        panel.scroll_into_view_if_needed()
        panel.get_by_role("textbox").wait_for()


def shoot_scrolling(page, output: Path, stem: str, taken: list[Path]) -> None:
    """The screens a learner sees scrolling down the page from its top."""
    height = page.viewport_size["height"]
    for screens in SCROLLED_SCREENS:
        page.evaluate("(y) => window.scrollTo(0, y)", height * screens)
        shoot(page, output / f"{stem}-scrolled-{screens}.png", taken)
    page.evaluate("() => window.scrollTo(0, 0)")


def shoot_replay(page, index: str, output: Path, stem: str, taken: list[Path], replayed) -> None:
    """A replay page before a run, after one, while scrubbing and while scrolling."""
    name, url, button, slider_name, position = replayed
    page.goto(index + url)
    shoot(page, output / f"{stem}-before-run.png", taken)
    page.get_by_role("button", name=button).click()
    slider = page.get_by_label(slider_name)
    expect(slider).to_be_enabled()
    slider.fill(position)
    show_editors(page)
    page.evaluate("() => window.scrollTo(0, 0)")
    shoot(page, output / f"{stem}.png", taken)
    shoot(page, output / f"{stem}-whole.png", taken, full_page=True)
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    shoot(page, output / f"{stem}-scrubbing.png", taken)
    shoot_scrolling(page, output, stem, taken)


def take(output: Path) -> list[Path]:
    """Every page at each size in light and dark, written as PNG files into `output`."""
    output.mkdir(parents=True, exist_ok=True)
    taken: list[Path] = []
    with serving(build.DIST) as root, sync_playwright() as playwright:
        index = root + "index.html"
        browser = launch_chromium(playwright)
        for size_name, viewport in SIZES.items():
            for scheme in ("light", "dark"):
                page = browser.new_page(viewport=viewport, color_scheme=scheme, device_scale_factor=1)
                page.goto(index + "#/functions?function=sqrt")
                page.get_by_text("Python is ready").wait_for(timeout=30_000)
                show_editors(page)
                page.evaluate("() => window.scrollTo(0, 0)")
                page.mouse.move(viewport["width"] * 0.8, 260 if size_name == "desktop" else 200)
                stem = f"functions-{size_name}-{scheme}"
                shoot(page, output / f"{stem}.png", taken)
                shoot(page, output / f"{stem}-whole.png", taken, full_page=True)
                for replayed in REPLAYED:
                    shoot_replay(page, index, output, f"{replayed[0]}-{size_name}-{scheme}", taken, replayed)
                page.close()
        browser.close()
    return taken


if __name__ == "__main__":
    for path in take(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")):
        print(path)
