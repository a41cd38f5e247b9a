"""A race: several optimizers of ``training.py`` from the same start, on the same ground.

Each entrant is an optimizer with its settings; the answer holds every run as columns
and says, in words a screen reader can speak, where each ended and which reached a low
value first.
"""

from page_api import network, surface_view
from page_api.discovery import ITERATIONS

# More entrants than this would be too many paths to tell apart on the map.
MOST_ENTRANTS = 8
# A run has got "low" once its value is this much above the lowest known (see target_of).
TARGET_MARGIN = 0.01


def race(entrants: list, start: list[float], surface: str | None = None) -> dict:
    """Runs every entrant ``{"optimizer", "settings"}`` from ``start``; answers the runs and a summary."""
    if not isinstance(entrants, list) or not 1 <= len(entrants) <= MOST_ENTRANTS:
        raise ValueError(f"a race needs from 1 to {MOST_ENTRANTS} entrants, as a list; got {entrants!r}")
    runs = []
    for entrant in entrants:
        if not isinstance(entrant, dict) or not isinstance(entrant.get("optimizer"), str):
            raise ValueError(f"an entrant must be {{\"optimizer\": name, \"settings\": {{...}}}}, not {entrant!r}")
        run = network.descent(entrant["optimizer"], start, entrant.get("settings"), surface, accuracies=False)
        runs.append(run | {"optimizer": entrant["optimizer"], "settings": entrant.get("settings") or {}})
    target = target_of(lowest_of(surface))
    firsts = [first_below(run["losses"], target) for run in runs]
    return {"runs": runs, "target": target, "first_below": firsts,
            "summary": summary(runs, target, firsts), "outcome": _sentence(verdict(runs, target, firsts))}


def lowest_of(surface: str | None) -> float:
    """The lowest value known on the ground: the trained network's loss, or the surface's lowest."""
    if surface in (None, network.NETWORK):
        return network.trained_slice().loss(0.0, 0.0)
    return surface_view.surface_map(surface)["lowest"]


def target_of(lowest: float) -> float:
    """The value a run must get below to count as low: 0.01, or 0.01 above a lowest value that is
    not almost 0 (a surface whose minimum is 5 never gets below 0.01)."""
    return TARGET_MARGIN if 0 <= lowest < TARGET_MARGIN / 2 else lowest + TARGET_MARGIN


def first_below(values: list[float], target: float) -> int | None:
    """The first step whose value is below ``target``, or None."""
    return next((step for step, value in enumerate(values) if value < target), None)


def summary(runs: list[dict], target: float, firsts: list[int | None]) -> str:
    """"After 100 steps: adam 0.0014, sgd 0.021; first below 0.01: adam at step 23." and so on."""
    ends = []
    for run in runs:
        if run["outcome"]["kind"] == "diverged":
            ends.append(f"{run['optimizer']} diverged at step {run['outcome']['step']}")
        else:
            ends.append(f"{run['optimizer']} {run['losses'][-1]:.4g}")
    return f"After {ITERATIONS} steps: {', '.join(ends)}; {verdict(runs, target, firsts)['label']}"


def verdict(runs: list[dict], target: float, firsts: list[int | None]) -> dict:
    """Who got below the target first (ties share the step), or that none did."""
    reached = [(step, run["optimizer"]) for step, run in zip(firsts, runs) if step is not None]
    if not reached:
        best = min(runs, key=lambda run: run["losses"][-1] if run["outcome"]["kind"] != "diverged" else float("inf"))
        return {"kind": "race", "label": f"none got below {target:.4g}; lowest at the end: {best['optimizer']} "
                                         f"{best['losses'][-1]:.4g}."}
    step = min(found for found, _ in reached)
    winners = " and ".join(name for found, name in reached if found == step)
    return {"kind": "race", "label": f"first below {target:.4g}: {winners} at step {step}."}


def _sentence(found: dict) -> dict:
    """The verdict as a sentence of its own, with a capital letter (it ends the summary in lower case)."""
    return found | {"label": found["label"][0].upper() + found["label"][1:]}
