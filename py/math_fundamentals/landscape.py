"""A landscape to climb: one high peak, one lower peak, and valleys between.

Optimizing a function means finding the input ``x`` that gives the largest
(or smallest) output. Picture the curve as a mountain range seen from the side:
we want the top of the highest mountain.

``bumpy`` below is such a range on [-20, 20]. It has

* a **global maximum**: the highest point of all, and
* a **local maximum**: a peak that is higher than everything *near* it,
  but lower than the global maximum.

A climber who only ever walks uphill and starts near the lower peak will reach
its top and stop there, believing the job is done. That is the
local-optimum problem that every optimizer in machine learning has to face.

>>> peaks = find_maxima(bumpy, -20, 20)
>>> round(peaks[0].x, 2), round(peaks[1].x, 2)
(3.49, -16.2)
"""

import math
from dataclasses import dataclass
from typing import Callable

LOW = -20.0
HIGH = 20.0


def bumpy(x: float) -> float:
    """The bumpy function we optimize: -(x·sin(x/2 − 3) + 0.15x² − 20·cos((x/2 − 2)/2)).

    Why so complicated? The ``0.15x²`` part pulls the ends down, so the
    function has a top somewhere in the middle. The sine and cosine parts add
    waves, so the curve gets bumps: one tall peak and one smaller one.

    >>> round(bumpy(0), 3)
    10.806
    """
    return -(x * math.sin(x / 2 - 3) + 0.15 * x**2 - 20 * math.cos(0.5 * (x / 2 - 2)))


@dataclass(frozen=True)
class Peak:
    """A local maximum: the input ``x`` and the height ``y`` there."""

    x: float
    y: float


def find_maxima(function: Callable[[float], float], low: float, high: float,
                samples: int = 4001) -> list[Peak]:
    """Finds every peak of ``function`` between ``low`` and ``high``, highest first.

    How: look at the function at many evenly spaced points. A point higher than
    both neighbours is near a peak; then narrow the search down around it with a
    golden-section search until the peak is pinned to about 1e-9.

    The first peak of the list is the global maximum; the others are local maxima.
    Peaks at the very ends of the interval are not counted: there the curve is
    only cut off by the plot, it has not turned.
    """
    step = (high - low) / (samples - 1)
    xs = [low + i * step for i in range(samples)]
    ys = [function(x) for x in xs]
    peaks = []
    for i in range(1, samples - 1):
        if ys[i - 1] < ys[i] >= ys[i + 1]:
            x = _golden_section_maximum(function, xs[i - 1], xs[i + 1])
            peaks.append(Peak(x, function(x)))
    return sorted(peaks, key=lambda peak: peak.y, reverse=True)


def _golden_section_maximum(function: Callable[[float], float], low: float,
                            high: float, tolerance: float = 1e-10) -> float:
    """Shrinks [low, high] around its single peak, keeping the higher side each time."""
    ratio = (math.sqrt(5) - 1) / 2
    a, b = low, high
    while b - a > tolerance:
        left = b - ratio * (b - a)
        right = a + ratio * (b - a)
        if function(left) < function(right):
            a = left
        else:
            b = right
    return (a + b) / 2
