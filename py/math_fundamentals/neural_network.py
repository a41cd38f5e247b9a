"""A tiny neural network, and how wrong it is: its loss.

The network looks at a point (x, y) of the plane and says how sure it is that
the point belongs to the "upper moon" of two interleaving half-circles. It has
two layers:

* a hidden layer of ``HIDDEN`` neurons; neuron j computes
  ``tanh(w[j][0] * x + w[j][1] * y + b[j])``, a soft on/off switch;
* an output neuron that adds up the hidden neurons with its own weights ``v``
  and a bias ``c``, and squashes the sum into a probability between 0 and 1
  with the sigmoid function.

All those numbers (the weights and biases) are the network's **parameters**:
``parameter_count()`` of them, kept in one flat list. Training means finding
parameters that make the **loss** small. The loss here is the average
"cross-entropy": for each point, −log of the probability the network gave to
the right answer. Sure and right costs almost nothing; sure and wrong costs a lot.

So training is optimization, exactly like on the one-variable page, only
with many variables at once: minimising the loss is maximising −loss.
``loss_and_gradient`` gives the loss and its slope along every parameter
(the gradient), computed by the chain rule, backwards through the layers
("backpropagation").

>>> points, labels = two_moons()
>>> len(points), sum(labels)
(80, 40)
>>> round(loss([0.0] * parameter_count(), points, labels), 6)  # no idea: 50/50 everywhere
0.693147
"""

import math
import random

HIDDEN = 8
POINTS_PER_MOON = 40
Point = tuple[float, float]


def two_moons(points_per_moon: int = POINTS_PER_MOON, noise: float = 0.15,
              seed: int = 0) -> tuple[list[Point], list[int]]:
    """A toy data set: two interleaving half-circles, labelled 1 (upper) and 0 (lower).

    No straight line can separate them, which is why the network needs its hidden layer.
    ``seed`` fixes the random noise, so the same data comes back every time.
    """
    rng = random.Random(seed)
    points, labels = [], []
    for i in range(points_per_moon):
        angle = math.pi * i / (points_per_moon - 1)
        points.append((math.cos(angle) + rng.gauss(0.0, noise), math.sin(angle) + rng.gauss(0.0, noise)))
        labels.append(1)
        points.append((1.0 - math.cos(angle) + rng.gauss(0.0, noise),
                       0.5 - math.sin(angle) + rng.gauss(0.0, noise)))
        labels.append(0)
    return points, labels


def parameter_count(hidden: int = HIDDEN) -> int:
    """How many numbers the network has: 2 weights and a bias per hidden neuron, then the output's."""
    return 3 * hidden + hidden + 1


def layers(parameters: list[float], hidden: int = HIDDEN):
    """The flat parameter list cut into its named pieces: w (hidden x 2), b, v and c."""
    w = [parameters[2 * j: 2 * j + 2] for j in range(hidden)]
    b = parameters[2 * hidden: 3 * hidden]
    v = parameters[3 * hidden: 4 * hidden]
    c = parameters[4 * hidden]
    return w, b, v, c


def softplus(z: float) -> float:
    """log(1 + e^z), written so that a large z cannot overflow."""
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def sigmoid(z: float) -> float:
    """1 / (1 + e^−z): any number squashed into a probability between 0 and 1."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def predict(parameters: list[float], point: Point) -> float:
    """The network's probability that ``point`` belongs to the upper moon (label 1)."""
    w, b, v, c = layers(parameters)
    x, y = point
    z = c + sum(v[j] * math.tanh(w[j][0] * x + w[j][1] * y + b[j]) for j in range(len(b)))
    return sigmoid(z)


def loss(parameters: list[float], points: list[Point], labels: list[int]) -> float:
    """The average cross-entropy of the network's answers: 0 is perfect, log 2 is a coin toss."""
    return loss_and_gradient(parameters, points, labels)[0]


def loss_and_gradient(parameters: list[float], points: list[Point],
                      labels: list[int]) -> tuple[float, list[float]]:
    """The loss, and its slope along every parameter (in the flat order of ``layers``).

    Forward: each hidden neuron's output h, then the output's score z. The loss of
    one point is softplus(z) − label·z, which equals −log(probability of the right label).
    Backward: the slope of that loss along z is sigmoid(z) − label; the chain rule
    carries it back to v and c, through tanh (whose slope is 1 − h²) to w and b.
    """
    w, b, v, c = layers(parameters)
    hidden = len(b)
    grad_w = [[0.0, 0.0] for _ in range(hidden)]
    grad_b = [0.0] * hidden
    grad_v = [0.0] * hidden
    grad_c = 0.0
    total = 0.0
    n = len(points)
    for (x, y), label in zip(points, labels):
        h = [math.tanh(w[j][0] * x + w[j][1] * y + b[j]) for j in range(hidden)]
        z = c + sum(v[j] * h[j] for j in range(hidden))
        total += softplus(z) - label * z
        dz = (sigmoid(z) - label) / n
        grad_c += dz
        for j in range(hidden):
            grad_v[j] += dz * h[j]
            d_pre = dz * v[j] * (1.0 - h[j] * h[j])
            grad_w[j][0] += d_pre * x
            grad_w[j][1] += d_pre * y
            grad_b[j] += d_pre
    gradient = [g for pair in grad_w for g in pair] + grad_b + grad_v + [grad_c]
    return total / n, gradient


def accuracy(parameters: list[float], points: list[Point], labels: list[int]) -> float:
    """The share of points the network puts on the right side of 50 %."""
    right = sum((predict(parameters, point) > 0.5) == bool(label) for point, label in zip(points, labels))
    return right / len(points)
