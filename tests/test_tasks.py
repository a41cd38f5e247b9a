"""The editor's tasks: each check accepts a right solution and refuses a wrong one, with true numbers."""

import inspect

import numpy as np
import pytest

from math_fundamentals import optimization
from page_api import dispatch, editing, tasks
from tests.test_course_code import restore_lessons  # noqa: F401 - a fixture

# Read once: after an edit, inspect would read the edited text back from linecache.
ORIGINAL = inspect.getsource(optimization)
DESCENT = '''

def gradient_descent(function, start, iterations=100, step_size=0.01):
    x = start
    path = [x]
    for _ in range(iterations):
        x = x - step_size * derivative(function, x)
        path.append(x)
    return path
'''
# Still climbing: the sign was not changed.
WRONG_DESCENT = DESCENT.replace("x - step_size", "x + step_size")
FIXED = tasks.BROKEN_CODE.replace("function(candidate) < function(x)", "function(candidate) > function(x)")
SCAN_THEN_CLIMB = '''

def scan_then_climb(function, start, iterations=100, step_size=0.1):
    path = [start]
    best = start
    for i in range(50):
        x = -20 + 40 * i / 49
        if function(x) > function(best):
            best = x
        path.append(best)
    x = best
    for _ in range(iterations - 50):
        x = x + step_size * derivative(function, x)
        path.append(x)
    return path
'''


def bumpy(x):
    """The landscape again, in numpy: the reference the checks are compared with."""
    return -(x * np.sin(x / 2 - 3) + 0.15 * x**2 - 20 * np.cos(0.5 * (x / 2 - 2)))


XS = np.linspace(-20, 20, 4_000_001)
YS = bumpy(XS)
GLOBAL_TOP = XS[np.argmax(YS)]
# The valley between the two peaks: the lowest point between x = -16 and x = 3.
BETWEEN = (XS > -16) & (XS < 3)
VALLEY = XS[BETWEEN][np.argmin(YS[BETWEEN])]


def apply(code):
    editing.apply_edit("optimization", ORIGINAL + code)


def check(task, **args):
    return dispatch.call("task_check", {"task": task, **args})


def numpy_descent(x, step_size, iterations=100, h=1e-6):
    for _ in range(iterations):
        x = x - step_size * (bumpy(x + h) - bumpy(x - h)) / (2 * h)
    return x


def test_gradient_descent_into_the_valley_passes_and_a_right_prediction_is_told(restore_lessons):
    apply(DESCENT)
    answer = check("modify-descent", prediction="valley")
    end = numpy_descent(0.0, 0.1)
    assert answer["passed"] is True and answer["correct"] is True
    assert answer["x"] == pytest.approx(end, abs=1e-6) and abs(end - VALLEY) < 0.01
    text = " ".join(answer["verdict"])
    assert f"ended at x = {end:.3f}" in text
    assert f"{abs(answer['x'] - VALLEY):.3f} from the bottom of the valley at x = {VALLEY:.3f}" in text
    assert "done" in text and "(right)" in text


def test_a_descent_that_still_climbs_fails_with_its_numbers(restore_lessons):
    apply(WRONG_DESCENT)
    answer = check("modify-descent", prediction="global")
    assert answer["passed"] is False and answer["correct"] is True
    assert answer["x"] == pytest.approx(GLOBAL_TOP, abs=1e-3)
    text = " ".join(answer["verdict"])
    assert f"{abs(answer['x'] - VALLEY):.3f} from the bottom of the valley" in text
    assert "It went uphill" in text and "not yet" in text


def test_a_missing_function_is_a_readable_error():
    with pytest.raises(ValueError, match="no optimizer called gradient_descent yet"):
        check("modify-descent", prediction="valley")


def test_the_broken_hill_climber_goes_down_and_the_fixed_one_climbs(restore_lessons):
    apply(tasks.BROKEN_CODE)
    broken = check("fix-hill-climbing")
    assert broken["passed"] is False
    path = optimization.hill_climbing(bumpy, -5.0)  # the same random steps, kept the right way
    assert "went down from f(x) = " in broken["verdict"][1] and "Not fixed yet" in broken["verdict"][1]
    apply(FIXED)
    fixed = check("fix-hill-climbing")
    assert fixed["passed"] is True
    assert fixed["x"] == pytest.approx(path[-1], abs=1e-9)
    assert np.all(np.diff(bumpy(np.array(path))) >= 0)
    assert f"ended {abs(path[-1] - GLOBAL_TOP):.3f} from the peak at x = {GLOBAL_TOP:.3f}" in fixed["verdict"][1]


def test_making_an_optimizer_that_reaches_the_top_from_minus_15(restore_lessons):
    apply(SCAN_THEN_CLIMB)
    made = check("make-global", optimizer="scan_then_climb")
    assert made["passed"] is True and abs(made["x"] - GLOBAL_TOP) < 0.01
    assert f"{abs(made['x'] - GLOBAL_TOP):.3f} from the global maximum at x = {GLOBAL_TOP:.3f}" in made["verdict"][1]
    stuck = check("make-global", optimizer="gradient_ascent")
    end = optimization.gradient_ascent(bumpy, -15.0)[-1]
    assert stuck["passed"] is False and stuck["x"] == pytest.approx(end, abs=1e-6)
    assert "orange peak" in stuck["verdict"][1]
    assert "scan_then_climb" in tasks.tasks()["optimizers"]


def test_every_task_is_listed_and_an_unknown_one_is_refused():
    assert [task["kind"] for task in tasks.tasks()["tasks"]] == ["Modify", "Fix", "Make"]
    with pytest.raises(ValueError, match="no task called"):
        check("nothing")
    with pytest.raises(ValueError, match="choose the optimizer"):
        check("make-global")
