"""The build-time matplotlib figure: one for the light theme and one for the dark, the same size."""

import numpy as np
from PIL import Image

from build_time import network_landscape


def test_the_figure_comes_in_a_light_and_a_dark_variant(tmp_path):
    steps = np.linspace(-1.5, 1.5, 21)
    a, b = np.meshgrid(steps, steps)
    grid = 0.01 + (a - 0.2) ** 2 + b**2 * (1 + a**2)
    network_landscape.figure(steps, grid, [{"a": -0.8, "b": 0.3}], tmp_path / "network-landscape.png")
    light = Image.open(tmp_path / "network-landscape.png").convert("RGB")
    dark = Image.open(tmp_path / "network-landscape-dark.png").convert("RGB")
    assert light.size == dark.size == (1100, 484)  # the size index.html gives the <img>
    # The corners are the figure's background: white, and the dark theme's --surface.
    assert light.getpixel((2, 2)) == (255, 255, 255)
    assert dark.getpixel((2, 2)) == (0x1B, 0x20, 0x30)
