"""The first views the page draws before live Python takes over, made small for the first download."""


def thinned(sample: dict, every: int = 10) -> dict:
    """A sample thinned to every tenth point, enough to draw until live Python takes over.

    The evenly spaced xs are left out (the page rebuilds them from x_range); the minimum
    and maximum stay those of the full sample.
    """
    return without_xs(sample | {"xs": sample["xs"][::every], "ys": sample["ys"][::every]})


def without_xs(columns: dict) -> dict:
    """Columns for drawing only: evenly spaced xs replaced by [first, last, count], ys rounded
    to 7 significant digits (far below a pixel). Live Python later sends the exact values."""
    xs = columns["xs"]
    ys = [None if y is None else float(f"{y:.7g}") for y in columns["ys"]]
    return ({key: value for key, value in columns.items() if key not in ("xs", "ys")}
            | {"x_range": [xs[0], xs[-1], len(xs)], "ys": ys})
