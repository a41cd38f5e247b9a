"""Training a network is walking downhill on its loss, one step at a time.

The network in ``neural_network.py`` has 33 parameters, so its loss is a
landscape over 33 variables: impossible to draw. We look at it through a
window instead. Take the trained parameters θ* and two directions d1 and d2
(lists of 33 numbers each) and, for every pair of numbers (a, b), set::

    θ = θ* + a·d1 + b·d2

The loss over (a, b) is a landscape with two inputs, like the bumpy curve of
the optimization page with one more dimension. At (0, 0) sits the trained
network. This picture is a *slice*: the full landscape has many more ways to
go downhill, and the slice keeps only two of them.

Every public function here is an optimizer for that slice and appears in the
page's picker. Each takes ``gradient``, a function that gives the slope of the
loss along a and along b at a point, and a ``start`` point ``(a, b)``, and
returns the points it stood on: the start, then one point per iteration.

Gradient *descent* steps against the slope, downhill, because a loss should
be small. It is gradient ascent on −loss: minimising the loss is maximising
its negative, so everything from the one-variable page applies again.

>>> bowl = lambda a, b: (2 * a, 2 * b)          # the slope of a² + b²
>>> path = gradient_descent(bowl, (1.0, -1.0), learning_rate=0.25, iterations=3)
>>> path
[(1.0, -1.0), (0.5, -0.5), (0.25, -0.25), (0.125, -0.125)]
"""

from typing import Callable

from math_fundamentals.neural_network import Point, loss_and_gradient

Gradient = Callable[[float, float], tuple[float, float]]


class LossSlice:
    """The loss of the network over the plane through ``center`` spanned by ``first`` and ``second``."""

    def __init__(self, center: list[float], first: list[float], second: list[float],
                 points: list[Point], labels: list[int]):
        self.center, self.first, self.second = center, first, second
        self.points, self.labels = points, labels

    def parameters(self, a: float, b: float) -> list[float]:
        """The network's parameters at (a, b): θ* + a·d1 + b·d2."""
        return [t + a * d1 + b * d2 for t, d1, d2 in zip(self.center, self.first, self.second)]

    def loss_and_slope(self, a: float, b: float) -> tuple[float, tuple[float, float]]:
        """The loss at (a, b) and its slope along a and along b.

        Moving a by a little moves every parameter by a little times d1, so (chain
        rule) the slope along a is the sum of gradient × d1 over all parameters.
        """
        value, gradient = loss_and_gradient(self.parameters(a, b), self.points, self.labels)
        slope_a = sum(g * d for g, d in zip(gradient, self.first))
        slope_b = sum(g * d for g, d in zip(gradient, self.second))
        return value, (slope_a, slope_b)

    def loss(self, a: float, b: float) -> float:
        """The loss at (a, b)."""
        return self.loss_and_slope(a, b)[0]

    def gradient(self, a: float, b: float) -> tuple[float, float]:
        """The slope of the loss along a and along b at (a, b)."""
        return self.loss_and_slope(a, b)[1]


def gradient_descent(gradient: Gradient, start: Point, iterations: int = 100,
                     learning_rate: float = 0.02) -> list[Point]:
    """Gradient descent: step downhill, against the slope, by ``learning_rate`` × slope.

    This is how neural networks are trained (with the slope measured on a few
    examples at a time). Where the loss is steep it takes big steps, near the
    bottom of a valley small ones. Too small a learning rate and it is still far
    from the bottom after 100 steps; too large and it jumps across the valley,
    back and forth, or right out of it.
    """
    a, b = start
    path = [(a, b)]
    for _ in range(iterations):
        slope_a, slope_b = gradient(a, b)
        a, b = a - learning_rate * slope_a, b - learning_rate * slope_b
        path.append((a, b))
    return path


def gradient_descent_with_momentum(gradient: Gradient, start: Point, iterations: int = 100,
                                   learning_rate: float = 0.02, momentum: float = 0.9) -> list[Point]:
    """Gradient descent with momentum: each step keeps ``momentum`` of the step before.

    Like a ball rolling downhill, it speeds up along a long gentle slope and can
    roll through a small dip, but it may also overshoot the bottom and swing
    around it before it settles. Most networks are trained with some momentum.
    """
    a, b = start
    velocity_a = velocity_b = 0.0
    path = [(a, b)]
    for _ in range(iterations):
        slope_a, slope_b = gradient(a, b)
        velocity_a = momentum * velocity_a - learning_rate * slope_a
        velocity_b = momentum * velocity_b - learning_rate * slope_b
        a, b = a + velocity_a, b + velocity_b
        path.append((a, b))
    return path
