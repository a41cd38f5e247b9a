"""The neural network's loss landscape, computed once at build time with numpy.

Trains the small network of ``math_fundamentals.neural_network`` on its toy data,
picks two filter-normalised random directions in parameter space (Li et al., 2018,
"Visualizing the Loss Landscape of Neural Nets"), measures the loss over the plane
they span around the trained parameters, and draws it with matplotlib.

    python -m build_time.network_landscape OUTPUT_DIR SPAN

writes OUTPUT_DIR/network-landscape.json (the trained network and the two directions, which
the page's Python descends on, and the loss over a and b from -SPAN to SPAN, which the page
draws) and
OUTPUT_DIR/network-landscape.png (a 3-D surface and a contour plot of the same slice).
Everything comes from fixed seeds, so every build gives the same numbers.
"""

import json
import sys
from pathlib import Path

import numpy as np

from math_fundamentals.neural_network import HIDDEN, parameter_count, two_moons

TRAINING_SEED = 3
DIRECTION_SEED = 4
TRAINING_STEPS = 1000
TRAINING_RATE = 0.5
TRAINING_MOMENTUM = 0.9
RESOLUTION = 81       # grid points along each side
CONTOUR_LEVELS = 14
REFINING_STEPS = 3000
REFINING_RATE = 0.002


def data() -> tuple[np.ndarray, np.ndarray]:
    """The toy data set of the lesson module, as arrays."""
    points, labels = two_moons()
    return np.array(points, dtype=float), np.array(labels, dtype=float)


def unflatten(parameters: np.ndarray):
    """The flat parameters as w (hidden x 2), b, v and c, in the order of ``layers``."""
    w = parameters[: 2 * HIDDEN].reshape(HIDDEN, 2)
    b = parameters[2 * HIDDEN: 3 * HIDDEN]
    v = parameters[3 * HIDDEN: 4 * HIDDEN]
    return w, b, v, parameters[4 * HIDDEN]


def loss_and_gradient(parameters: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """The mean cross-entropy and its gradient, vectorised over the data."""
    w, b, v, c = unflatten(parameters)
    h = np.tanh(x @ w.T + b)
    z = h @ v + c
    value = np.mean(np.logaddexp(0.0, z) - y * z)
    dz = (1.0 / (1.0 + np.exp(-z)) - y) / len(y)
    d_pre = np.outer(dz, v) * (1.0 - h * h)
    gradient = np.concatenate([(d_pre.T @ x).ravel(), d_pre.sum(axis=0), h.T @ dz, [dz.sum()]])
    return float(value), gradient


def loss(parameters: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    return loss_and_gradient(parameters, x, y)[0]


def accuracy(parameters: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    """The share of points on the right side of 50 % (a score above 0)."""
    w, b, v, c = unflatten(parameters)
    return float(np.mean((np.tanh(x @ w.T + b) @ v + c > 0) == (y == 1)))


def train(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Full-batch gradient descent with momentum from a seeded random start."""
    rng = np.random.default_rng(TRAINING_SEED)
    parameters = rng.normal(0.0, 1.0, parameter_count())
    velocity = np.zeros_like(parameters)
    for _ in range(TRAINING_STEPS):
        velocity = TRAINING_MOMENTUM * velocity - TRAINING_RATE * loss_and_gradient(parameters, x, y)[1]
        parameters = parameters + velocity
    return parameters


def filter_normalised_direction(parameters: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A random direction scaled filter by filter to the size of the trained weights.

    Each neuron's incoming weights (a "filter") get the norm of the trained neuron's
    weights, so a step of 1 means the same relative change for every neuron. Biases
    get no component, as in Li et al.
    """
    direction = rng.normal(0.0, 1.0, parameters.size)
    w, _, v, _ = unflatten(parameters)
    d_w, d_b, d_v, _ = unflatten(direction)
    d_w *= (np.linalg.norm(w, axis=1) / np.linalg.norm(d_w, axis=1))[:, None]
    d_v *= np.linalg.norm(v) / np.linalg.norm(d_v)
    d_b[:] = 0.0
    direction[4 * HIDDEN] = 0.0
    return direction


def surface(center: np.ndarray, first: np.ndarray, second: np.ndarray, x: np.ndarray,
            y: np.ndarray, span: float) -> tuple[np.ndarray, np.ndarray]:
    """The grid of a (and b) values from -span to span and the loss at every (a, b): rows are b,
    columns are a."""
    steps = np.linspace(-span, span, RESOLUTION)
    grid = np.array([[loss(center + a * first + b * second, x, y) for a in steps] for b in steps])
    return steps, grid


def local_minima(center: np.ndarray, first: np.ndarray, second: np.ndarray, steps: np.ndarray,
                 grid: np.ndarray, x: np.ndarray, y: np.ndarray) -> list[dict]:
    """The slice's minima other than the trained network: grid cells lower than their eight
    neighbours, each refined by a slow gradient descent within the slice until it rests."""
    found = []
    for row in range(1, len(steps) - 1):
        for column in range(1, len(steps) - 1):
            around = grid[row - 1: row + 2, column - 1: column + 2].ravel()
            if grid[row, column] > np.delete(around, 4).min():
                continue
            point = np.array([steps[column], steps[row]])
            for _ in range(REFINING_STEPS):
                gradient = loss_and_gradient(center + point[0] * first + point[1] * second, x, y)[1]
                point = point - REFINING_RATE * np.array([gradient @ first, gradient @ second])
            if np.hypot(*point) > 0.1 and not any(np.hypot(point[0] - m["a"], point[1] - m["b"]) < 0.05
                                                  for m in found):
                found.append({"a": round(float(point[0]), 4), "b": round(float(point[1]), 4),
                              "loss": loss(center + point[0] * first + point[1] * second, x, y)})
    return found


def contour_lines(steps: np.ndarray, grid: np.ndarray) -> list[dict]:
    """Contour lines at levels spaced evenly in log(loss), as polylines in (a, b)."""
    import contourpy

    generator = contourpy.contour_generator(steps, steps, grid, line_type="Separate")
    levels = np.geomspace(grid.min() * 1.15, grid.max() * 0.95, CONTOUR_LEVELS)
    return [{"level": round(float(level), 6),
             "lines": [np.round(line, 4).ravel().tolist() for line in generator.lines(level)]}
            for level in levels]


def figure(steps: np.ndarray, grid: np.ndarray, minima: list[dict], path: Path) -> None:
    """The slice as a 3-D surface and as a contour plot, side by side, drawn twice: at ``path`` in
    matplotlib's own colours for the page's light theme, and beside it, with ``-dark`` added to its
    name, on the dark theme's surface in its text colours (see site/style.css)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import LogNorm

    surface, text, muted, border = "#1b2030", "#e6e9f2", "#a3abbf", "#2e3548"
    dark = {"figure.facecolor": surface, "axes.facecolor": surface, "savefig.facecolor": surface,
            "text.color": text, "axes.labelcolor": text, "axes.edgecolor": muted, "xtick.color": muted,
            "ytick.color": muted, "legend.facecolor": surface, "legend.edgecolor": border,
            # The walls of the 3-D box: a shade of the surface, not matplotlib's light grey.
            **{f"axes3d.{axis}.panecolor": (*matplotlib.colors.to_rgb(border), 0.5)
               for axis in ("xaxis", "yaxis", "zaxis")}}
    a, b = np.meshgrid(steps, steps)
    for target, style in ((path, {}), (path.with_name(f"{path.stem}-dark{path.suffix}"), dark)):
        with plt.rc_context(style):
            fig = plt.figure(figsize=(10, 4.4), dpi=110)
            surface_axes = fig.add_subplot(1, 2, 1, projection="3d")
            surface_axes.plot_surface(a, b, grid, cmap="viridis", norm=LogNorm(), linewidth=0, antialiased=True)
            surface_axes.set(xlabel="a (direction 1)", ylabel="b (direction 2)", zlabel="loss",
                             title="Loss over a 2-D slice of weight space")
            contour_axes = fig.add_subplot(1, 2, 2)
            filled = contour_axes.contourf(a, b, grid, levels=np.geomspace(grid.min(), grid.max(), 30),
                                           cmap="viridis", norm=LogNorm())
            contour_axes.contour(a, b, grid, levels=np.geomspace(grid.min() * 1.15, grid.max() * 0.95,
                                                                 CONTOUR_LEVELS), colors="white", linewidths=0.6)
            contour_axes.plot([0], [0], marker="*", color="white", markeredgecolor="black", markersize=13,
                              linestyle="none", label="trained network")
            contour_axes.plot([m["a"] for m in minima], [m["b"] for m in minima], marker="o", color="#ff9f1c",
                              markeredgecolor="black", markersize=8, linestyle="none", label="local minimum")
            contour_axes.set(xlabel="a (direction 1)", ylabel="b (direction 2)", aspect="equal",
                             title="The same slice from above")
            contour_axes.legend(loc="upper right", fontsize=8)
            fig.colorbar(filled, ax=contour_axes, label="loss (log scale)", format="%.2g")
            fig.tight_layout()
            fig.savefig(target, metadata={"Software": None})
            plt.close(fig)


def viridis() -> list[list[int]]:
    """matplotlib's viridis colour map as 256 RGB triples, for the page's heat map."""
    from matplotlib import colormaps

    return (np.round(colormaps["viridis"](np.linspace(0, 1, 256))[:, :3] * 255)).astype(int).tolist()


def compute(span: float) -> tuple[dict, np.ndarray, np.ndarray]:
    """Trains and slices: the page's data, and the grid (steps, loss) for the figure."""
    x, y = data()
    center = train(x, y)
    rng = np.random.default_rng(DIRECTION_SEED)
    first = filter_normalised_direction(center, rng)
    second = filter_normalised_direction(center, rng)
    steps, grid = surface(center, first, second, x, y, span)
    result = {
        "network": {"center": center.tolist(), "first": first.tolist(), "second": second.tolist()},
        "trained": {"loss": loss(center, x, y), "accuracy": accuracy(center, x, y)},
        "span": span,
        "steps": [round(float(step), 6) for step in steps],
        "loss": [[float(f"{value:.6g}") for value in row] for row in grid],
        "local_minima": local_minima(center, first, second, steps, grid, x, y),
        "contours": contour_lines(steps, grid),
        "colormap": viridis(),
    }
    return result, steps, grid


def build(output: Path, span: float) -> dict:
    """Writes network-landscape.json and network-landscape.png into ``output``."""
    result, steps, grid = compute(span)
    output.mkdir(parents=True, exist_ok=True)
    (output / "network-landscape.json").write_text(json.dumps(result, separators=(",", ":")))
    figure(steps, grid, result["local_minima"], output / "network-landscape.png")
    return result


if __name__ == "__main__":
    summary = build(Path(sys.argv[1]), float(sys.argv[2]))
    print(f"trained loss {summary['trained']['loss']:.4f}, accuracy {summary['trained']['accuracy']:.0%}")
