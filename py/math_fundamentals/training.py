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
``gradient(a, b)`` measures the slope on all 80 examples the network learns
from; ``gradient(a, b, batch)`` on only the examples whose numbers are in the
list ``batch``, which is what stochastic gradient descent does.

The same optimizers walk on the test surfaces of ``surfaces.py`` (Rosenbrock's
valley, Himmelblau's four minima, a saddle), where ``gradient(a, b)`` is the
slope of the surface, and a ``batch`` changes nothing: a surface has no
examples, so there ``sgd`` is plain gradient descent.

Gradient *descent* steps against the slope, downhill, because a loss should
be small. It is gradient ascent on −loss: minimising the loss is maximising
its negative, so everything from the one-variable page applies again.

>>> bowl = lambda a, b: (2 * a, 2 * b)          # the slope of a² + b²
>>> path = gradient_descent(bowl, (1.0, -1.0), learning_rate=0.25, iterations=3)
>>> path
[(1.0, -1.0), (0.5, -0.5), (0.25, -0.25), (0.125, -0.125)]
"""

import math
import random
from typing import Callable

from math_fundamentals.neural_network import POINTS_PER_MOON, Point

Gradient = Callable[..., tuple[float, float]]
# The examples the network learns from: two moons of points, numbered 0 to 79.
EXAMPLES = 2 * POINTS_PER_MOON


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


def sgd(gradient: Gradient, start: Point, iterations: int = 100, learning_rate: float = 0.05,
        batch_size: int = 16, seed: int = 0) -> list[Point]:
    """Stochastic gradient descent: each step measures the slope on a few examples only.

    Measuring the slope on every example is slow when there are millions of them,
    so each step uses a *mini-batch* of ``batch_size`` examples, drawn without
    repeats until every example has been used once (an *epoch*), then shuffled
    again. The slope of a batch points roughly downhill, with some noise: the
    path wobbles, and the noise can even shake it out of a small dip. With
    ``batch_size`` = 80 it is plain gradient descent again.

    >>> bowl = lambda a, b, batch=None: (2 * a, 2 * b)
    >>> sgd(bowl, (1.0, 0.0), iterations=1, learning_rate=0.25)
    [(1.0, 0.0), (0.5, 0.0)]
    """
    rng = random.Random(seed)
    unused: list[int] = []
    a, b = start
    path = [(a, b)]
    for _ in range(iterations):
        if len(unused) < batch_size:  # a new epoch: every example again, in a new order
            unused = list(range(EXAMPLES))
            rng.shuffle(unused)
        batch, unused = unused[:batch_size], unused[batch_size:]
        slope_a, slope_b = gradient(a, b, batch)
        a, b = a - learning_rate * slope_a, b - learning_rate * slope_b
        path.append((a, b))
    return path


def adagrad(gradient: Gradient, start: Point, iterations: int = 100, learning_rate: float = 0.1,
            epsilon: float = 1e-8) -> list[Point]:
    """AdaGrad: each direction gets its own step size, smaller where the slope has been steep.

    It adds up the squares of all slopes seen so far along a (and along b) and
    divides each step by the square root of that sum::

        total_a = total_a + slope_a²
        a = a − learning_rate × slope_a / (√total_a + epsilon)

    A direction that was steep takes small steps, a gentle one larger steps.
    The sums only grow, so the steps keep shrinking: AdaGrad can stop too early.
    """
    a, b = start
    total_a = total_b = 0.0
    path = [(a, b)]
    for _ in range(iterations):
        slope_a, slope_b = gradient(a, b)
        total_a += slope_a ** 2
        total_b += slope_b ** 2
        a -= learning_rate * slope_a / (math.sqrt(total_a) + epsilon)
        b -= learning_rate * slope_b / (math.sqrt(total_b) + epsilon)
        path.append((a, b))
    return path


def rmsprop(gradient: Gradient, start: Point, iterations: int = 100, learning_rate: float = 0.01,
            decay: float = 0.9, epsilon: float = 1e-8) -> list[Point]:
    """RMSProp: like AdaGrad, but it remembers recent slopes more than old ones.

    Instead of a growing sum it keeps a running average of the squared slopes,
    where each step keeps ``decay`` of the old average::

        average_a = decay × average_a + (1 − decay) × slope_a²
        a = a − learning_rate × slope_a / (√average_a + epsilon)

    So the steps do not shrink for ever: on a long gentle slope they grow again.
    """
    a, b = start
    average_a = average_b = 0.0
    path = [(a, b)]
    for _ in range(iterations):
        slope_a, slope_b = gradient(a, b)
        average_a = decay * average_a + (1 - decay) * slope_a ** 2
        average_b = decay * average_b + (1 - decay) * slope_b ** 2
        a -= learning_rate * slope_a / (math.sqrt(average_a) + epsilon)
        b -= learning_rate * slope_b / (math.sqrt(average_b) + epsilon)
        path.append((a, b))
    return path


def adam(gradient: Gradient, start: Point, iterations: int = 100, learning_rate: float = 0.05,
         beta1: float = 0.9, beta2: float = 0.999, epsilon: float = 1e-8) -> list[Point]:
    """Adam: momentum and RMSProp together, the most used optimizer for networks today.

    It keeps two running averages: of the slopes (``m``, like momentum's velocity)
    and of the squared slopes (``v``, like RMSProp). Both start at 0, so early on
    they are too small; dividing by ``1 − beta^t`` corrects that (*bias correction*)::

        m = beta1 × m + (1 − beta1) × slope          v = beta2 × v + (1 − beta2) × slope²
        m̂ = m / (1 − beta1^t)                        v̂ = v / (1 − beta2^t)
        a = a − learning_rate × m̂ / (√v̂ + epsilon)

    Each step is about ``learning_rate`` long whatever the size of the slope.
    """
    a, b = start
    m_a = m_b = v_a = v_b = 0.0
    path = [(a, b)]
    for t in range(1, iterations + 1):
        slope_a, slope_b = gradient(a, b)
        m_a = beta1 * m_a + (1 - beta1) * slope_a
        m_b = beta1 * m_b + (1 - beta1) * slope_b
        v_a = beta2 * v_a + (1 - beta2) * slope_a ** 2
        v_b = beta2 * v_b + (1 - beta2) * slope_b ** 2
        a -= learning_rate * (m_a / (1 - beta1 ** t)) / (math.sqrt(v_a / (1 - beta2 ** t)) + epsilon)
        b -= learning_rate * (m_b / (1 - beta1 ** t)) / (math.sqrt(v_b / (1 - beta2 ** t)) + epsilon)
        path.append((a, b))
    return path
