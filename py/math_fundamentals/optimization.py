"""Optimizers: step-by-step recipes for climbing to the top of a function.

An optimizer starts at some input ``start`` and moves it, one iteration at a
time, hoping to reach the input with the highest output (a maximum).

Every optimizer here has the same shape, so you can swap one for another:

* it takes the ``function`` to climb and a ``start`` point,
* its other settings are keyword arguments with sensible defaults,
* it returns the list of points it stood on: the start, then one point per
  iteration, so ``len(path) == iterations + 1``.

Every public function defined in this file appears in the page's "Optimizer"
picker. Its keyword arguments become the controls under it.

>>> from math_fundamentals.landscape import bumpy
>>> path = gradient_ascent(bumpy, 0.0, step_size=0.1)
>>> round(path[-1], 2)
3.49
"""

import random
from typing import Callable

from math_fundamentals.calculus import derivative

Function = Callable[[float], float]


def hill_climbing(function: Function, start: float, iterations: int = 100,
                  scale: float = 1.0, seed: int = 0) -> list[float]:
    """Hill climbing: try a random step; keep it only if it goes up.

    Imagine climbing a hill in thick fog. You cannot see the top, so at each
    iteration you try a step in a random direction, of random length around
    ``scale``. If the new spot is higher you move there; otherwise you stay.

    It never needs a slope, only the ability to compare two heights. But it
    never accepts a step down, so once it stands on a peak where every nearby
    step goes down, it stays there, even if a higher peak is further away:
    it is stuck on a local maximum. A larger ``scale`` tries longer jumps,
    which can leap across a valley to another hill.

    ``seed`` fixes the random numbers: the same seed always gives the same path.

    >>> path = hill_climbing(lambda x: -x * x, 5.0, iterations=50, seed=1)
    >>> abs(path[-1]) < abs(path[0])
    True
    """
    rng = random.Random(seed)
    x = start
    path = [x]
    for _ in range(iterations):
        candidate = x + rng.gauss(0.0, scale)
        if function(candidate) > function(x):
            x = candidate
        path.append(x)
    return path


def gradient_ascent(function: Function, start: float, iterations: int = 100,
                    step_size: float = 0.01) -> list[float]:
    """Gradient ascent: walk in the direction in which the slope points uphill.

    The derivative (slope) says which way is up and how steep it is here.
    Each iteration moves ``step_size × slope``: big steps where the curve is
    steep, small steps near the top, where it flattens out.

    * ``step_size`` too small: progress is very slow.
    * ``step_size`` too large: each step jumps over the top to the other side,
      the climber bounces back and forth (oscillates) or even flies away
      (diverges).

    Like hill climbing, it stops at the first peak it reaches: at any peak the
    slope is zero, so it cannot tell a local maximum from the global one.
    In machine learning we minimise a loss with *gradient descent*: the very
    same idea, stepping against the slope instead of along it.

    >>> path = gradient_ascent(lambda x: -(x - 2) ** 2, 0.0, iterations=200, step_size=0.1)
    >>> round(path[-1], 6)
    2.0
    """
    x = start
    path = [x]
    for _ in range(iterations):
        slope = derivative(function, x)
        x = x + step_size * slope
        path.append(x)
    return path
