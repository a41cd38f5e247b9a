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

from math_fundamentals.neural_network import Point

Gradient = Callable[[float, float], tuple[float, float]]


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
