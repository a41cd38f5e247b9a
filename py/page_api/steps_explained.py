"""Every step of a run explained by its update rule, with the run's own numbers filled in.

Under the replay the page shows, for the step it replays, the rule that made it:
``x = 0.000 + 0.1 × 4.348 = 0.435``. The numbers are the run's: the optimizer runs again
under the stepper (the code view's tool), which records its variables at the end of
every iteration, and ``update_rules`` writes them into the rule and checks that they
give the recorded step. For an optimizer whose rule the page does not know (a learner's
own), or one that no longer follows it, the page says so and shows the step it took.
"""

import sys
from dataclasses import dataclass, field
from typing import Any, Callable

from math_fundamentals import landscape
from page_api import driving, network, runs, stepper, surface_view, update_rules
from page_api.checks import checked, checked_point, checked_settings, path_of
from page_api.discovery import ITERATIONS, SLICE_SPAN, lookup
from page_api.formula import equation, name, number, op, term


@dataclass
class Explanation:
    """One step of a run: a note in words, the equations, and (for the tests) the numbers in them."""

    note: str
    equations: list[dict]
    known: bool = False
    values: dict = field(default_factory=dict)


def explain_run(optimizer: str, start: float, settings: dict | None = None) -> dict:
    """The update rule of every step of a run on the bumpy landscape, as the page asks for it."""
    chosen = lookup("optimization", optimizer, "optimizer")
    settings = checked_settings(chosen, settings)
    steps = explained(chosen, landscape.bumpy, checked(start, runs.START), settings, update_rules.ONE_VARIABLE)
    return _for_page(optimizer, steps)


def explain_descent(optimizer: str, start: list[float], settings: dict | None = None,
                    surface: str | None = None) -> dict:
    """The update rule of every step of a descent on the network's loss slice, or on the test
    surface of ``surfaces.py`` called ``surface``."""
    chosen = lookup("training", optimizer, "optimizer")
    settings = checked_settings(chosen, settings)
    if surface in (None, network.NETWORK):
        start = checked_point(start, ("Start a", "Start b"), SLICE_SPAN)
        gradient = network.trained_slice().gradient
    else:
        ground = surface_view.surface_named(surface)
        start = surface_view.checked_start(ground, start)
        gradient = ground.gradient
    steps = explained(chosen, gradient, start, settings, update_rules.NETWORK)
    return _for_page(optimizer, steps)


def explained(optimizer: Callable, surface: Callable, start: Any, settings: dict, rules: dict) -> list[Explanation]:
    """Runs the optimizer watched by the stepper and explains each of its steps."""
    answers: dict = {}
    quiet = _untraced(surface, answers)
    dimensions = 1 if isinstance(start, (int, float)) else 2
    if dimensions == 2 and driving.is_stepwise(optimizer):
        path, steps = driving.path(optimizer, quiet, start, ITERATIONS, settings, dimensions), None
    else:
        path, steps = stepper.run_with_steps(optimizer, quiet, start, ITERATIONS, settings)
    path = path_of(path, optimizer, dimensions)
    rule = rules.get(optimizer.__name__)
    explanations = [_start(path[0])]
    for i in range(1, len(path)):
        if steps is None:
            explanations.append(_step_taken(path[i - 1], path[i], f"The iterations of {optimizer.__name__} could "
                                            "not be followed line by line, so here is the step it took."))
            continue
        if rule is None:
            explanations.append(_step_taken(path[i - 1], path[i], f"No update rule is known for "
                                            f"{optimizer.__name__}: here is the step it took."))
            continue
        step = update_rules.Step(steps["steps"][i - 1]["locals"], steps["steps"][i]["locals"], path[i - 1],
                                 path[i], surface, answers)
        try:
            equations, values = rule(step)
        except (update_rules.Mismatch, KeyError, TypeError, ArithmeticError):
            explanations.append(_step_taken(path[i - 1], path[i], f"This {optimizer.__name__} does not follow the "
                                            "update rule the page knows for it, so here is the step it took."))
            continue
        explanations.append(Explanation("", equations, True, values))
    return explanations


def _untraced(function: Callable, answers: dict) -> Callable:
    """``function`` run without the stepper's tracing, which would make it 3 times slower; its
    answers are kept by the point asked (with the size of the batch, if any)."""
    def untraced(*args):
        tracing = sys.gettrace()
        sys.settrace(None)
        try:
            answer = function(*args)
        finally:
            sys.settrace(tracing)
        batch = args[2] if len(args) > 2 else None
        answers.setdefault(tuple(args[:2]), []).append((None if batch is None else len(batch), answer))
        return answer
    untraced.__name__ = getattr(function, "__name__", "function")
    return untraced


def _start(point: Any) -> Explanation:
    if isinstance(point, tuple):
        shown = equation(op("("), name("a"), op(","), name("b"), op(")"), op("="), op("("), number(point[0]),
                         op(","), number(point[1]), op(")"))
    else:
        shown = equation(name("x"), op("="), number(point))
    return Explanation("The start: no step has been taken yet.", [shown])


def _step_taken(previous: Any, point: Any, note: str) -> Explanation:
    """The step as it happened: Δx = x after − x before (Δa and Δb on the network page)."""
    if isinstance(point, tuple):
        pairs = zip(("a", "b"), previous, point)
    else:
        pairs = [("x", previous, point)]
    return Explanation(note, [equation(name(f"Δ{axis}"), op("="), number(after), op("−"), term(number(before)),
                                       op("="), number(after - before)) for axis, before, after in pairs])


def _for_page(optimizer: str, steps: list[Explanation]) -> dict:
    return {"optimizer": optimizer, "steps": [{"note": step.note, "known": step.known, "equations": step.equations}
                                              for step in steps]}
