"""The app's icons for its web app manifest: the bumpy landscape with its two peaks.

    PYTHONPATH=py uv run python -m build_time.app_icons site/icons

writes icon-192.png and icon-512.png (a rounded tile, transparent corners) and maskable-192.png
and maskable-512.png (the tile's colour to every edge, the drawing inside the central circle of
80 % that a phone's mask always keeps). They are committed; run this again only to redraw them.
"""

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend is chosen first
from matplotlib.patches import FancyBboxPatch  # noqa: E402

from math_fundamentals.landscape import HIGH, LOW, bumpy, find_maxima  # noqa: E402

TILE = "#2f5bd3"      # the page's accent colour (--accent)
CURVE = "#ffffff"
GLOBAL_MAX = "#3ddc84"
LOCAL_MAX = "#ffa94d"
SIZES = (192, 512)
# The figure is one inch wide at every size, so widths in points are fractions of the icon.
POINTS = 72


def draw(path: Path, size: int, *, maskable: bool) -> None:
    """One icon of size x size pixels."""
    figure = plt.figure(figsize=(1, 1), dpi=size)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.axis("off")
    if maskable:
        axes.add_patch(plt.Rectangle((0, 0), 1, 1, color=TILE))
        inset = 0.2   # inside the safe circle of radius 0.4
    else:
        axes.add_patch(FancyBboxPatch((0.02, 0.02), 0.96, 0.96, boxstyle="round,pad=0,rounding_size=0.18",
                                      color=TILE))
        inset = 0.12
    xs = [LOW + (HIGH - LOW) * i / 400 for i in range(401)]
    ys = [bumpy(x) for x in xs]
    low, high = min(ys), max(ys)

    def place(x: float, y: float) -> tuple[float, float]:
        return (inset + (1 - 2 * inset) * (x - LOW) / (HIGH - LOW),
                inset + 0.1 + (1 - 2 * inset - 0.2) * (y - low) / (high - low))

    points = [place(x, y) for x, y in zip(xs, ys)]
    axes.plot(*zip(*points), color=CURVE, linewidth=0.045 * POINTS, solid_capstyle="round")
    highest, lower = find_maxima(bumpy, LOW, HIGH)[:2]
    for peak, colour in ((highest, GLOBAL_MAX), (lower, LOCAL_MAX)):
        axes.plot(*place(peak.x, peak.y), "o", color=colour, markersize=0.13 * POINTS, markeredgecolor=CURVE,
                  markeredgewidth=0.02 * POINTS)
    figure.savefig(path, dpi=size, transparent=True)
    plt.close(figure)


def main(folder: str) -> None:
    output = Path(folder)
    output.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw(output / f"icon-{size}.png", size, maskable=False)
        draw(output / f"maskable-{size}.png", size, maskable=True)


if __name__ == "__main__":
    main(sys.argv[1])
