"""Modify, fix and make: tasks a learner solves by writing code in optimization.py.

``tasks()`` lists them; ``task_check(task, ...)`` runs the learner's applied code the page's way
(``runs.run``) and says whether the task's stated property holds, in the run's own numbers,
with what to try next. The places it compares against (the valley bottom, the peaks) are
those the page finds on the landscape (``runs.terrain``).
"""

from page_api import runs
from page_api.discovery import catalog

# How close the end of a run must be to its target, per task.
VALLEY_TOLERANCE = 0.01
PEAK_TOLERANCE = 0.05
TOP_TOLERANCE = 0.01
# A height may wobble by rounding this much and still count as "never went down".
ROUNDING = 1e-12

BROKEN_CODE = '''

def broken_hill_climbing(function, start: float, iterations: int = 100,
                         scale: float = 1.0, seed: int = 0) -> list[float]:
    """Hill climbing with one bug in it: find it and fix it.

    It should try a random step and keep it only if it goes up.
    """
    rng = random.Random(seed)
    x = start
    path = [x]
    for _ in range(iterations):
        candidate = x + rng.gauss(0.0, scale)
        if function(candidate) < function(x):
            x = candidate
        path.append(x)
    return path
'''

ENDINGS = [["global", "On the global maximum (the green peak)"],
           ["local", "On the local maximum (the orange peak)"],
           ["valley", "At the bottom of a valley"],
           ["elsewhere", "Somewhere else"]]

TASKS = [
    {"id": "modify-descent", "kind": "Modify", "optimizer": "gradient_descent", "start": 0.0,
     "settings": {"step_size": 0.1}, "choices": ENDINGS,
     "title": "Turn gradient ascent into gradient descent",
     "question": "Copy gradient_ascent in the editor, name the copy gradient_descent, and make it step "
                 "downhill instead of uphill. From x = 0 with step size 0.1, where will it end after 100 "
                 "iterations? Predict, then check."},
    {"id": "fix-hill-climbing", "kind": "Fix", "optimizer": "broken_hill_climbing", "start": -5.0, "settings": {},
     "code": BROKEN_CODE, "title": "Fix this broken optimizer",
     "question": "Insert broken_hill_climbing into the editor, find its bug and fix it. It is fixed when "
                 "f(x) never goes down along its path and, from x = −5, it ends within 0.05 of a peak."},
    {"id": "make-global", "kind": "Make", "start": -15.0, "settings": {},
     "title": "Reach the global maximum from −15",
     "question": "Write an optimizer (or change one) that, from x = −15 with its default settings, ends "
                 "within 0.01 of the global maximum after 100 iterations. Pick it, then check."},
]


def _task(task_id: str) -> dict:
    for task in TASKS:
        if task["id"] == task_id:
            return task
    raise ValueError(f"there is no task called {task_id!r}")


def tasks() -> dict:
    """The tasks, and the optimizers there are now (the Make task's choices)."""
    return {"tasks": TASKS, "optimizers": [optimizer["name"] for optimizer in catalog()["optimizers"]]}


def _needs(name: str) -> None:
    names = [optimizer["name"] for optimizer in catalog()["optimizers"]]
    if name not in names:
        raise ValueError(f"optimization.py has no optimizer called {name} yet (it has {', '.join(names)}): "
                         f"write def {name}(...) in the editor and apply it")


def task_check(task: str, optimizer: str | None = None, prediction: str | None = None) -> dict:
    """Checks a task on the learner's applied code: ``{passed, correct, x, verdict: [sentences]}``."""
    chosen = _task(task)
    name = optimizer if chosen["id"] == "make-global" else chosen["optimizer"]
    if not name:
        raise ValueError("choose the optimizer to check first")
    _needs(name)
    traced = runs.run(name, chosen["start"], chosen["settings"])
    check = {"modify-descent": _descends, "fix-hill-climbing": _never_down, "make-global": _reaches_top}
    passed, verdict = check[chosen["id"]](name, traced)
    start = f"{name} started at x = {chosen['start']:g} and after {len(traced['xs']) - 1} iterations ended at " \
            f"x = {traced['xs'][-1]:.3f}, f(x) = {traced['ys'][-1]:.3f}."
    answer = {"task": task, "optimizer": name, "passed": passed, "x": traced["xs"][-1], "correct": None,
              "verdict": [start, *verdict]}
    if "choices" in chosen and prediction is not None:
        kind = traced["outcome"]["kind"]
        ending = kind if kind in ("global", "local", "valley") else "elsewhere"
        answer["correct"] = prediction == ending
        said = dict(chosen["choices"])
        answer["verdict"].append(f"You predicted: {said.get(prediction, prediction)}. It ended: {said[ending]}"
                                 f" ({'right' if answer['correct'] else 'not right'}).")
    return answer


def _descends(name: str, traced: dict) -> tuple[bool, list[str]]:
    bottom = runs.terrain().valleys[0]
    gap = abs(traced["xs"][-1] - bottom.x)
    told = f"That is {gap:.3f} from the bottom of the valley at x = {bottom.x:.3f}"
    if gap <= VALLEY_TOLERANCE:
        return True, [f"{told}, within {VALLEY_TOLERANCE}: done. Downhill from 0 is to the left, into the valley."]
    climbed = traced["ys"][-1] > traced["ys"][0]
    advice = ("It went uphill: a descent steps against the slope, x = x − step_size × slope."
              if climbed else "Check the update: x = x − step_size × slope, once per iteration.")
    return False, [f"{told}, more than {VALLEY_TOLERANCE}: not yet. {advice}"]


def _never_down(name: str, traced: dict) -> tuple[bool, list[str]]:
    ys = traced["ys"]
    for i, (before, after) in enumerate(zip(ys, ys[1:]), start=1):
        if before is None or after is None or after < before - ROUNDING:
            fell = "left the landscape" if after is None or before is None else \
                f"went down from f(x) = {before:.3f} to {after:.3f}"
            return False, [f"At iteration {i} it {fell}: a hill climber must never keep a step down. "
                           "Not fixed yet: look at the comparison that decides whether to keep a step."]
    x = traced["xs"][-1]
    peak = min(runs.terrain().peaks, key=lambda top: abs(top.x - x))
    gap = abs(x - peak.x)
    told = f"f(x) never went down, and it ended {gap:.3f} from the peak at x = {peak.x:.3f}"
    if gap <= PEAK_TOLERANCE:
        return True, [f"{told}, within {PEAK_TOLERANCE}: fixed."]
    return False, [f"{told}, more than {PEAK_TOLERANCE}: not fixed yet. Does it keep every step that goes up?"]


def _reaches_top(name: str, traced: dict) -> tuple[bool, list[str]]:
    terrain = runs.terrain()
    top = terrain.peaks[0]
    gap = abs(traced["xs"][-1] - top.x)
    told = f"That is {gap:.3f} from the global maximum at x = {top.x:.3f}"
    if gap <= TOP_TOLERANCE:
        return True, [f"{told}, within {TOP_TOLERANCE}: done."]
    kind = traced["outcome"]["kind"]
    if kind == "local":
        advice = (f"It stopped on the orange peak: something must carry it across the valley at "
                  f"x = {terrain.valleys[0].x:.3f}: longer jumps, restarts from other places, or looking "
                  "at many points first, then climbing from the best.")
    elif kind == "global":
        advice = "It is on the right hill but not close enough to the top: finish with small steps uphill."
    else:
        advice = "Try looking at many points across the range first, then climbing from the highest."
    return False, [f"{told}, more than {TOP_TOLERANCE}: not yet. {advice}"]
