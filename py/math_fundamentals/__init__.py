"""Math fundamentals for machine learning: functions, slopes and optimizers.

The modules of this package are the lessons themselves. Read them in this order:

1. ``functions.py``: what a function is.
2. ``landscape.py``: a bumpy function with a high peak and a lower one.
3. ``calculus.py``: the slope (derivative) of a function at a point.
4. ``optimization.py``: optimizers that climb towards a maximum.

``page_api.py`` is the thin layer the web page talks to; it is plumbing, not a lesson.
Everything here uses only Python's standard library, so the very same files run in
your browser (through Pyodide) and on your computer.
"""
