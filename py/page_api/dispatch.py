"""The one door between the web page and Python: a method name and JSON in, JSON out.

The answer is ``{"value": ...}`` or ``{"error": {...}}``, made only of dicts, lists,
strings, numbers and ``None``; a Python error comes back as data, never lost.
"""

import json

from page_api import (derivatives, discovery, editing, experiments, network, race, runs, runtime,
                      steps_explained, surface_view, tasks)

METHODS = {
    "catalog": discovery.catalog,
    "sample": runs.sample,
    "landscape": runs.landscape_view,
    "run": runs.run,
    "run_steps": runs.run_steps,
    "sweep": runs.sweep,
    "step_size_map": runs.step_size_map,
    "descend": network.descend,
    "decision": network.decision,
    "race": race.race,
    "surface_map": surface_view.surface_map,
    "apply_edit": editing.apply_edit,
    "importable": runtime.importable,
    "python_memory": runtime.python_memory,
    "explain_run": steps_explained.explain_run, "explain_descent": steps_explained.explain_descent,
    "derivative_curve": derivatives.derivative_curve, "secant": derivatives.secant,
    "experiments": experiments.experiments,
    "experiment_review": experiments.experiment_review,
    "experiment_notice": experiments.experiment_notice,
    "network_experiment_notice": experiments.network_experiment_notice,
    "tasks": tasks.tasks, "task_check": tasks.task_check,
}


def call(method: str, args: dict | None = None):
    """Runs one method of the page API with keyword arguments, as the page asks for it."""
    if method not in METHODS:
        raise ValueError(f"there is no method called {method!r}; the page API has: {', '.join(METHODS)}")
    if not isinstance(args, dict):
        raise ValueError(f"the arguments of {method} must be an object, not {args!r}")
    return METHODS[method](**args)


def dispatch(request: str) -> str:
    """Runs ``{"method": ..., "args": {...}}`` and answers ``{"value": ...}`` or ``{"error": ...}``."""
    try:
        message = json.loads(request)
        value = call(message.get("method"), message.get("args", {}))
        return json.dumps({"value": value}, allow_nan=False)
    except Exception as error:  # every error goes back to the page as data, never lost
        return json.dumps({"error": editing.explain(error)})
