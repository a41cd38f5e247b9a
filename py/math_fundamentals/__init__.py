"""Math fundamentals for machine learning: functions, slopes and optimizers.

The modules of this package are the lessons themselves. Read them in this order:

1. ``functions.py``: what a function is.
2. ``landscape.py``: a bumpy function with a high peak and a lower one.
3. ``calculus.py``: the slope (derivative) of a function at a point.
4. ``optimization.py``: optimizers that climb towards a maximum.
5. ``neural_network.py``: a tiny neural network, and how wrong it is: its loss.
6. ``training.py``: optimizers that walk downhill on that loss, as networks are trained.

Everything here uses only Python's standard library, so the very same files run in
your browser (through Pyodide) and on your computer. The web page's own plumbing
lives in the separate package ``page_api``; nothing here depends on it.
"""
