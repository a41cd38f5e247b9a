"""Benchmark figure: a 100-step run of each optimizer of the network page, in the page (median of 5).

    uv run python -m tools.benchmark_optimizers [--repeat 5]

`python -m tools.benchmark` measures the same in its interactions and puts the rows in its table.
Each run is the call the page makes when Train is pressed (``descend`` through the worker, from
(-1, 1) with the optimizer's defaults), timed from the call to its answer in the page; then a
race of all six together, as the Race ticks make it.
"""

import argparse
import statistics

from playwright.sync_api import sync_playwright

import build
from tools import static_server
from tools.chromium import launch_chromium

OPTIMIZERS = ["gradient_descent", "gradient_descent_with_momentum", "sgd", "adagrad", "rmsprop", "adam"]
START = [-1, 1]

TIMES_JS = """async ([method, args, repeat]) => {
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await mathFundamentals.call(method, args);
    times.push(performance.now() - started);
  }
  return times;
}"""


def measure(page, repeat: int = 5) -> dict:
    """Median, min and max (ms) of `repeat` runs of each optimizer, and of a race of all of them."""
    page.evaluate(TIMES_JS, ["descend", {"optimizer": OPTIMIZERS[0], "start": START}, 1])  # warm-up
    figures = {}
    for optimizer in OPTIMIZERS:
        times = page.evaluate(TIMES_JS, ["descend", {"optimizer": optimizer, "start": START}, repeat])
        figures[optimizer] = {"median": statistics.median(times), "min": min(times), "max": max(times), "n": repeat}
    entrants = [{"optimizer": optimizer} for optimizer in OPTIMIZERS]
    times = page.evaluate(TIMES_JS, ["race", {"entrants": entrants, "start": START}, repeat])
    figures["race of all six"] = {"median": statistics.median(times), "min": min(times), "max": max(times), "n": repeat}
    return figures


def rows(figures: dict) -> list[str]:
    """Rows for the benchmark's interactions table (| what | p50 | p95 | columns: median, then min-max)."""
    return [f"| neural network, {name}: 100 steps, call to answer in the page (ms, median of {figure['n']}; "
            f"min-max in the last column) | {figure['median']:.0f} | {figure['min']:.0f}-{figure['max']:.0f} |"
            for name, figure in figures.items()]


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not (build.DIST / "index.html").exists():
        raise SystemExit("dist/ is missing: run `python3 build.py` first.")
    with static_server.serving(build.DIST, "/math-fundamentals/") as root, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.goto(root + "index.html#/loss-landscape")
        page.get_by_text("Python is ready").wait_for(timeout=90_000)
        figures = measure(page, args.repeat)
        browser.close()
    print("\n".join(["| run | median (ms) | min-max (ms) |", "|---|---|---|"]
                    + [f"| {name} | {figure['median']:.0f} | {figure['min']:.0f}-{figure['max']:.0f} |"
                       for name, figure in figures.items()]))
    return figures


if __name__ == "__main__":
    main()
