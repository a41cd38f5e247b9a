"""The page's side of the Python code: plumbing, not a lesson.

The web page talks to Python through one function, ``dispatch.dispatch``: a method
name and JSON arguments in, JSON out. Behind it, one module per job:

- ``discovery``: finds the lessons' functions and optimizers and lists them (the catalog);
- ``checks``: turns what comes from the page, or from a learner's code, into checked numbers;
- ``runs``: the curves, runs, sweeps and maps of the one-variable pages;
- ``outcomes``: the honest one-line verdicts on a run;
- ``network``: the neural-network page: its loss slice, descents and the network's answers;
- ``editing``: applies a learner's edited lesson and explains Python's errors;
- ``stepper``: watches an optimizer line by line, for the code view;
- ``runtime``: what the page's Python itself needs (its library, its memory).

The lessons in ``math_fundamentals`` import nothing from here: a learner may rewrite them.
"""
