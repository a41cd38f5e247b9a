"""What is a derivative? The slope of a function at one point.

Zoom in far enough on a smooth curve and it looks like a straight line. The
slope of that line is the **derivative**: how much the output changes for a
tiny change of the input.

* A large positive slope: the curve climbs steeply to the right.
* A slope near zero: the curve is flat here (the top of a peak, the bottom of a valley).
* A negative slope: the curve goes down to the right, so uphill is to the left.

So the sign of the slope tells an optimizer which way is uphill.

We estimate it by looking a tiny step ``h`` to each side (a "central difference")::

    slope ≈ (f(x + h) − f(x − h)) / (2h)

>>> round(derivative(lambda x: x * x, 3.0), 6)
6.0
"""

from typing import Callable


def derivative(function: Callable[[float], float], x: float, h: float = 1e-6) -> float:
    """Estimates the slope of ``function`` at ``x`` from two nearby points.

    ``h`` is how far we look to each side. Too big and we measure the slope of
    a wider stretch of curve; too small and rounding errors of the computer
    take over. 1e-6 is a good middle ground for functions like ours.

    >>> round(derivative(lambda x: 2 * x, 10.0), 6)
    2.0
    """
    return (function(x + h) - function(x - h)) / (2 * h)


def secant_slope(function: Callable[[float], float], x: float, h: float) -> float:
    """The slope of the straight line through the curve at ``x`` and at ``x + h``.

    A line that cuts a curve at two points is called a *secant*. Its slope is
    "rise over run": how much the output changes, divided by how much the input
    changed::

        slope = (f(x + h) − f(x)) / h

    Now let ``h`` shrink. The second point slides along the curve towards the
    first, and the secant turns into the *tangent*, the line that just touches
    the curve at ``x``. The slope of the tangent is the derivative. So the
    derivative is what the secant's slope gets closer and closer to as ``h``
    shrinks to zero.

    ``derivative`` above looks a tiny step to *both* sides instead, which is the
    average of a secant to the right and one to the left; for the same ``h`` it
    lands much closer to the tangent's slope.

    >>> secant_slope(lambda x: x * x, 3.0, 1.0)    # through (3, 9) and (4, 16)
    7.0
    >>> round(secant_slope(lambda x: x * x, 3.0, 0.001), 6)    # closer to the derivative, 6
    6.001
    """
    return (function(x + h) - function(x)) / h
