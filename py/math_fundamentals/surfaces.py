"""Test surfaces: landscapes over two numbers (a, b), made to test optimizers.

The loss of a neural network is a landscape we cannot write down: we only get
it point by point, by running the network. Before trusting an optimizer with
such a landscape, people try it on small surfaces whose every hill and valley is
known, each made to show one way an optimizer can go wrong:

* ``rosenbrock``: a long, narrow, curved valley. Finding the valley is easy,
  following it to the bottom is slow.
* ``himmelblau``: four minima, all equally low. Where you end depends on
  where you start.
* ``saddle``: a point where the ground is flat but which is no minimum:
  downhill one way, uphill the other, like a horse's saddle.

Every public function here is a surface on the network page's Surface picker.
A surface takes the two numbers ``a`` and ``b`` and returns one number, the
height of the ground there. The optimizers of ``training.py`` walk downhill on
it: the page measures the slope by looking a tiny step to each side, as
``calculus.derivative`` does, once along a and once along b.

>>> rosenbrock(1.0, 1.0)
0.0
>>> himmelblau(3.0, 2.0)
0.0

Add your own: any ``def name(a: float, b: float) -> float`` joins the picker.
"""


def rosenbrock(a: float, b: float) -> float:
    """Rosenbrock's banana: a long curved valley along b = a², with its bottom at (1, 1).

    The first term, (1 − a)², pulls a towards 1. The second, 100 × (b − a²)², is
    zero on the parabola b = a² and rises very steeply away from it: the walls
    of the valley. An optimizer drops into the valley in a few steps, then has
    to crawl along its gently sloping floor, which curves, so a straight step
    soon hits a wall. Howard Rosenbrock made it in 1960 to test exactly that.

    >>> rosenbrock(0.0, 0.0)
    1.0
    >>> rosenbrock(-1.0, 1.0)    # on the valley floor, far from the bottom
    4.0
    """
    return (1 - a) ** 2 + 100 * (b - a * a) ** 2


def himmelblau(a: float, b: float) -> float:
    """Himmelblau's function: four valleys, each exactly 0 deep.

    It is the sum of two squares, (a² + b − 11)² and (a + b² − 7)², so it is
    never below 0, and it is 0 where both brackets are 0 at once: at four
    points, (3, 2) and three others near (−2.81, 3.13), (−3.78, −3.28) and
    (3.58, −1.85). Every minimum is as good as any other; which one an
    optimizer finds depends on where it starts, like the two peaks of page 2.

    >>> himmelblau(0.0, 0.0)
    170.0
    """
    return (a * a + b - 11) ** 2 + (a + b * b - 7) ** 2


def saddle(a: float, b: float) -> float:
    """A saddle point at (0, 0) between two valleys, at (0, √2) and (0, −√2).

    Along a the ground is a valley (a²); along b it is a hill at 0 with a valley
    on each side ((b² − 2)² / 4). At (0, 0) it is flat: the slope is 0 both
    ways, yet it is no minimum. Gradient descent started exactly on the line
    b = 0 slides to (0, 0) and stops there for ever; started a hair off it,
    it rolls off the saddle into a valley, slowly at first, because the ground
    near a saddle is nearly flat.

    >>> saddle(0.0, 0.0)
    1.0
    >>> saddle(0.0, 2 ** 0.5) < 1e-15
    True
    """
    return a * a + (b * b - 2) ** 2 / 4
