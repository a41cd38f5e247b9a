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

You may also write an optimizer the way many courses do, which returns only
where it ended::

    def hill_climbing(function, starting_point, steps=100, scale=1.0):
        ...
        return current

The page recognises that style by its ``starting_point`` and ``steps``: it calls
the optimizer once per iteration with ``steps=1`` and feeds each answer back in
as the next ``starting_point``, which gives it the same list of points to draw.
The list style shows more (every point, in one call); both climb the same hill.

>>> from math_fundamentals.landscape import bumpy
>>> path = gradient_ascent(bumpy, 0.0, step_size=0.1)
>>> round(path[-1], 2)
3.49
"""

import math
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


def gradient_ascent_with_momentum(function: Function, start: float, iterations: int = 100,
                                  step_size: float = 0.01, momentum: float = 0.9) -> list[float]:
    """Gradient ascent with momentum: a ball that keeps rolling.

    Plain gradient ascent forgets its past: each step depends only on the slope
    where it stands. With momentum, the climber keeps a *velocity*: every
    iteration the old velocity is kept in part (``momentum``, e.g. 0.9 keeps 90%)
    and the new slope is added to it. On a long steady climb the steps grow; in a
    small dip the built-up speed can carry it through, sometimes out of a local
    maximum's pull. Too much momentum overshoots and swings around the top.

    Most optimizers that train neural networks (SGD with momentum, Adam) use this idea.

    >>> path = gradient_ascent_with_momentum(lambda x: -(x - 2) ** 2, 0.0, iterations=300,
    ...                                      step_size=0.05, momentum=0.5)
    >>> round(path[-1], 6)
    2.0
    """
    x = start
    velocity = 0.0
    path = [x]
    for _ in range(iterations):
        slope = derivative(function, x)
        velocity = momentum * velocity + step_size * slope
        x = x + velocity
        path.append(x)
    return path


def simulated_annealing(function: Function, start: float, iterations: int = 100,
                        scale: float = 1.0, temperature: float = 10.0, cooling: float = 0.95,
                        seed: int = 0) -> list[float]:
    """Simulated annealing: hill climbing that sometimes dares to step down.

    Like hill climbing it tries a random step and always takes it when it goes
    up. But a step *down* is also taken sometimes, with probability
    ``exp(change / temperature)``: small drops often, big drops rarely. That lets
    it walk out of a local maximum. The temperature shrinks every iteration
    (multiplied by ``cooling``), so it explores boldly at first and settles down
    at the end, the way slowly cooled metal settles into a strong structure.

    >>> path = simulated_annealing(lambda x: -x * x, 5.0, iterations=200, seed=3)
    >>> abs(path[-1]) < 1
    True
    """
    x = start
    path = [x]
    rng = random.Random(seed)
    for _ in range(iterations):
        candidate = x + rng.gauss(0.0, scale)
        change = function(candidate) - function(x)
        if change > 0 or rng.random() < math.exp(change / temperature):
            x = candidate
        temperature = temperature * cooling
        path.append(x)
    return path


def random_restart_hill_climbing(function: Function, start: float, iterations: int = 100,
                                 scale: float = 1.0, restarts: int = 4, spread: float = 20.0,
                                 seed: int = 0) -> list[float]:
    """Hill climbing with random restarts: climb, then try again from somewhere else.

    One hill climber gets stuck on whatever peak is nearest. So split the
    iterations into ``restarts + 1`` climbs: the first from ``start``, each
    later one from a random point up to ``spread`` away from ``start``. Every
    climb ends on some peak; the best point over all climbs is the answer.
    The path jumps at each restart, and "best so far" remembers the highest
    point of every climb.

    >>> path = random_restart_hill_climbing(lambda x: -x * x, 5.0, seed=1)
    >>> len(path)
    101
    """
    rng = random.Random(seed)
    climbs = restarts + 1
    x = start
    path = [x]
    for climb in range(climbs):
        steps = iterations // climbs + (1 if climb < iterations % climbs else 0)
        for step in range(steps):
            if climb > 0 and step == 0:
                x = start + rng.uniform(-spread, spread)  # the restart: jump somewhere new
            else:
                candidate = x + rng.gauss(0.0, scale)
                if function(candidate) > function(x):
                    x = candidate
            path.append(x)
    return path
