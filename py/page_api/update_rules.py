"""The update rules of the optimizers the page ships, with the numbers of one recorded step.

A rule reads the optimizer's own variables at the end of an iteration (recorded by the
stepper) and the points before and after it (from the path), writes the rule as
equations with those numbers, and checks that the numbers really give the recorded step.
When they do not (a learner changed the optimizer), it raises ``Mismatch`` and the page
shows only the step that was taken.

Each rule returns ``(equations, values)``: the equations for the page, and the numbers
in them by name, for the tests.
"""

import math
from dataclasses import dataclass, field
from typing import Any, Callable

from math_fundamentals import calculus
from page_api.formula import equation, frac, name, number, op, plain, power, root, setting, term, words

SQUARED = [["mn", "2"]]


class Mismatch(ValueError):
    """The recorded step does not follow the rule the page knows for this optimizer."""


@dataclass
class Step:
    """One iteration of a run: the optimizer's numbers before and after it, and the points."""

    before: dict
    after: dict
    previous: Any
    point: Any
    surface: Callable
    # The network page only: what the gradient answered, by the point (a, b) it was asked at:
    # [(batch size or None, (slope_a, slope_b)), ...].
    slopes: dict = field(default_factory=dict)


def agree(predicted: float, recorded: float) -> None:
    """Raises Mismatch unless the rule's number is the recorded one (up to rounding)."""
    if math.isnan(predicted) and math.isnan(recorded):
        return
    if not math.isclose(predicted, recorded, rel_tol=1e-9, abs_tol=1e-12):
        raise Mismatch(f"the rule gives {predicted!r}, the run recorded {recorded!r}")


# The one-variable page: climbing the bumpy landscape f.

def _slope(step: Step) -> dict:
    x, slope = step.previous, step.after["slope"]
    agree(calculus.derivative(step.surface, x), slope)
    return equation(name("slope"), op("="), name("f′"), op("("), number(x), op(")"), op("="), number(slope))


def gradient_ascent(step: Step):
    x, slope, size = step.previous, step.after["slope"], step.after["step_size"]
    agree(x + size * slope, step.point)
    return [_slope(step), equation(name("x"), op("="), number(x), op("+"), setting(size), op("×"),
                                   term(number(slope)), op("="), number(step.point))], {"slope": slope}


def gradient_ascent_with_momentum(step: Step):
    x, slope, size = step.previous, step.after["slope"], step.after["step_size"]
    momentum, old, velocity = step.after["momentum"], step.before["velocity"], step.after["velocity"]
    agree(momentum * old + size * slope, velocity)
    agree(x + velocity, step.point)
    return [_slope(step),
            equation(name("velocity"), op("="), setting(momentum), op("×"), term(number(old)), op("+"),
                     setting(size), op("×"), term(number(slope)), op("="), number(velocity)),
            equation(name("x"), op("="), number(x), op("+"), term(number(velocity)), op("="), number(step.point))
            ], {"slope": slope, "velocity": velocity}


def _candidate(step: Step) -> dict:
    x, candidate = step.previous, step.after["candidate"]
    return equation(name("candidate"), op("="), number(x), op("+"), term(number(candidate - x)), op("="),
                    number(candidate), words(f" (a random step of scale {step.after['scale']:g})"))


def _verdict(accepted: bool, step: Step) -> list:
    where = plain(number(step.point))
    return [words(f": accepted, x = {where}" if accepted else f": rejected, x stays {where}")]


def hill_climbing(step: Step):
    x, candidate, f = step.previous, step.after["candidate"], step.surface
    higher = f(candidate) > f(x)
    agree(candidate if higher else x, step.point)
    return [_candidate(step),
            equation(name("f"), op("("), name("candidate"), op(")"), op("="), number(f(candidate)),
                     op(">" if higher else "≤"), number(f(x)), op("="), name("f"), op("("), name("x"), op(")"),
                     _verdict(higher, step))
            ], {"candidate": candidate, "f(candidate)": f(candidate), "f(x)": f(x)}


def simulated_annealing(step: Step):
    x, candidate, f = step.previous, step.after["candidate"], step.surface
    change, temperature = step.after["change"], step.before["temperature"]
    cooling = step.after["cooling"]
    agree(f(candidate) - f(x), change)
    agree(temperature * cooling, step.after["temperature"])
    accepted = step.point == candidate
    agree(candidate if accepted else x, step.point)
    equations = [_candidate(step),
                 equation(name("change"), op("="), number(f(candidate)), op("−"), term(number(f(x))),
                          op("="), number(change))]
    values = {"candidate": candidate, "change": change, "temperature": temperature}
    if change > 0:
        if not accepted:
            raise Mismatch("a step uphill was rejected")
        equations.append(equation(name("change"), op(">"), ["mn", "0"], words(", uphill"), _verdict(True, step)))
    else:
        values["p"] = probability = math.exp(change / temperature)
        equations.append(equation(name("p"), op("="), name("exp"), op("("), number(change), op("/"),
                                  number(temperature), op(")"), op("="), number(probability),
                                  words(" (a random number fell below p)" if accepted else
                                        " (a random number came out at p or above)"), _verdict(accepted, step)))
    equations.append(equation(name("temperature"), op("="), number(temperature), op("×"), setting(cooling),
                              op("="), number(step.after["temperature"])))
    return equations, values


def random_restart_hill_climbing(step: Step):
    after = step.after
    if after["step"] != 0 or after["climb"] == 0:
        return hill_climbing(step)
    jump = step.point - after["start"]
    if abs(jump) > after["spread"]:
        raise Mismatch("the restart jumped further than spread")
    return [equation(name("x"), op("="), name("start"), op("+"), words("a random jump"), op("="),
                     number(after["start"]), op("+"), term(number(jump)), op("="), number(step.point),
                     words(f" (restart {after['climb']:g} of {after['restarts']:g}: anywhere up to "
                           f"{after['spread']:g} from the start)"))], {"jump": jump}


ONE_VARIABLE = {rule.__name__: rule for rule in (hill_climbing, gradient_ascent, gradient_ascent_with_momentum,
                                                 simulated_annealing, random_restart_hill_climbing)}


# The network page: descending the loss over (a, b), given the gradient of the loss.

def _slope_pair(step: Step) -> dict:
    """The slope the optimizer was given, checked against what the gradient answered at (a, b)."""
    slope = (step.after["slope_a"], step.after["slope_b"])
    sizes = [size for size, answer in step.slopes.get(tuple(step.previous), [])
             if all(math.isclose(s, t, rel_tol=1e-12, abs_tol=0) for s, t in zip(answer, slope))]
    if not sizes:
        raise Mismatch("the slope is not what the gradient answered at the point before the step")
    where = "" if sizes[0] is None else f" on a batch of {sizes[0]} examples"
    return equation(op("("), name("slope_a"), op(","), name("slope_b"), op(")"), op("="), op("("),
                    number(slope[0]), op(","), number(slope[1]), op(")"),
                    words(f": the slope of the loss{where} at ({plain(number(step.previous[0]))}, "
                          f"{plain(number(step.previous[1]))})"))


def _axes(step: Step, lines: Callable) -> tuple[list[dict], dict]:
    """The slope, then lines(axis, i, old, new, slope) for a and then for b."""
    equations, values = [_slope_pair(step)], {}
    for i, axis in enumerate("ab"):
        slope = step.after[f"slope_{axis}"]
        more, found = lines(axis, step.previous[i], step.point[i], slope)
        equations += more
        values |= {f"{key}_{axis}": value for key, value in found.items()}
    return equations, values


def _descent(axis: str, old: float, new: float, rate: float, change: list) -> dict:
    return equation(name(axis), op("="), number(old), op("−"), setting(rate), op("×"), change, op("="), number(new))


def _scaled(slope: float, average: float, epsilon: float) -> list:
    """slope / (√average + epsilon), the step of AdaGrad, RMSProp and Adam."""
    return [frac(term(number(slope)), [root(number(average)), op("+"), setting(epsilon)])]


def gradient_descent(step: Step):
    rate = step.after["learning_rate"]

    def lines(axis, old, new, slope):
        agree(old - rate * slope, new)
        return [_descent(axis, old, new, rate, term(number(slope)))], {"slope": slope}
    return _axes(step, lines)


sgd = gradient_descent


def gradient_descent_with_momentum(step: Step):
    rate, momentum = step.after["learning_rate"], step.after["momentum"]

    def lines(axis, old, new, slope):
        before, velocity = step.before[f"velocity_{axis}"], step.after[f"velocity_{axis}"]
        agree(momentum * before - rate * slope, velocity)
        agree(old + velocity, new)
        return [equation(name(f"velocity_{axis}"), op("="), setting(momentum), op("×"), term(number(before)),
                         op("−"), setting(rate), op("×"), term(number(slope)), op("="), number(velocity)),
                equation(name(axis), op("="), number(old), op("+"), term(number(velocity)), op("="), number(new))
                ], {"velocity": velocity}
    return _axes(step, lines)


def _adaptive(step: Step, kind: str):
    """AdaGrad (a growing sum of squared slopes) and RMSProp (a running average of them)."""
    rate, epsilon = step.after["learning_rate"], step.after["epsilon"]
    decay = step.after["decay"] if kind == "average" else None

    def lines(axis, old, new, slope):
        label = f"{kind}_{axis}"
        before, total = step.before[label], step.after[label]
        squared = power(term(number(slope)), SQUARED)
        if decay is None:
            agree(before + slope ** 2, total)
            rule = [number(before), op("+"), squared]
        else:
            agree(decay * before + (1 - decay) * slope ** 2, total)
            rule = [setting(decay), op("×"), term(number(before)), op("+"), op("("), ["mn", "1"], op("−"),
                    setting(decay), op(")"), op("×"), squared]
        agree(old - rate * slope / (math.sqrt(total) + epsilon), new)
        return [equation(name(label), op("="), rule, op("="), number(total)),
                _descent(axis, old, new, rate, _scaled(slope, total, epsilon))], {kind: total}
    return _axes(step, lines)


def adagrad(step: Step):
    return _adaptive(step, "total")


def rmsprop(step: Step):
    return _adaptive(step, "average")


def adam(step: Step):
    after, t = step.after, step.after["t"]
    rate, epsilon, beta1, beta2 = after["learning_rate"], after["epsilon"], after["beta1"], after["beta2"]

    def average(label, beta, before, value, sample):
        return equation(name(label), op("="), setting(beta), op("×"), term(number(before)), op("+"), op("("),
                        ["mn", "1"], op("−"), setting(beta), op(")"), op("×"), sample, op("="), number(value))

    def corrected(label, value, beta, result):
        return equation(name(label), op("="), frac(number(value), [["mn", "1"], op("−"), power(setting(beta),
                        [["mn", f"{t:g}"]])]), op("="), number(result))

    def lines(axis, old, new, slope):
        m, v = after[f"m_{axis}"], after[f"v_{axis}"]
        m_before, v_before = step.before[f"m_{axis}"], step.before[f"v_{axis}"]
        agree(beta1 * m_before + (1 - beta1) * slope, m)
        agree(beta2 * v_before + (1 - beta2) * slope ** 2, v)
        m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
        agree(old - rate * m_hat / (math.sqrt(v_hat) + epsilon), new)
        return [average(f"m_{axis}", beta1, m_before, m, term(number(slope))),
                average(f"v_{axis}", beta2, v_before, v, power(term(number(slope)), SQUARED)),
                corrected(f"m̂_{axis}", m, beta1, m_hat), corrected(f"v̂_{axis}", v, beta2, v_hat),
                _descent(axis, old, new, rate, _scaled(m_hat, v_hat, epsilon))
                ], {"m": m, "v": v, "m_hat": m_hat, "v_hat": v_hat}
    return _axes(step, lines)


NETWORK = {rule.__name__: rule for rule in (gradient_descent, gradient_descent_with_momentum, adagrad,
                                            rmsprop, adam)} | {"sgd": sgd}
