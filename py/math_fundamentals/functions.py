"""What is a function?

A function takes an input, usually called ``x``, and gives back exactly one output,
written ``f(x)``. Think of it as a machine: put a number in, get a number out.
The same input always gives the same output.

Every function defined in this file appears in the "Function" picker of the page,
in the order it is written here. Try adding your own, for example::

    def triple(x: float) -> float:
        return 3 * x

Some functions are not defined for every input: ``sqrt`` has no (real) answer for
negative numbers. Python tells us so by raising ``ValueError``; the plot then simply
leaves a gap there.
"""

import math


def f(x: float) -> float:
    """Doubles its input: f(x) = 2x.

    The simplest kind of function, a straight line through the origin.
    Each step of 1 to the right goes 2 up, so its slope is 2 everywhere.

    >>> f(3)
    6
    >>> f(-1.5)
    -3.0
    """
    return 2 * x


def square(x: float) -> float:
    """Multiplies its input by itself: square(x) = x².

    A U-shaped curve (a parabola). Negative and positive inputs of the same size
    give the same output, and the output is never below zero.
    Its lowest point, the minimum, is at x = 0.

    >>> square(3)
    9
    >>> square(-3)
    9
    """
    return x * x


def sqrt(x: float) -> float:
    """The square root: the number that, multiplied by itself, gives x.

    Only defined for x >= 0 when we stay with real numbers: no real number
    squared is negative. For a negative input ``math.sqrt`` raises ValueError,
    and the plot shows no curve on that side.

    >>> sqrt(9)
    3.0
    >>> sqrt(2)
    1.4142135623730951
    """
    return math.sqrt(x)


def cosine(x: float) -> float:
    """The cosine of x (x in radians): a wave that repeats every 2π ≈ 6.28.

    It swings between -1 and 1 forever, so it has many peaks (maxima) and
    valleys (minima), all of the same height.

    >>> cosine(0)
    1.0
    >>> round(cosine(math.pi), 6)
    -1.0
    """
    return math.cos(x)
