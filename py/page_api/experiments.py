"""Experiment cards: the learner predicts, runs, and reads what happened, in the run's own numbers.

``experiments(page)`` gives the cards of a page; ``experiment_review`` compares a prediction with
a run (the page's run, or the card's own when none is given: that is the last hint, the answer);
``experiment_notice`` tells which cards a run the learner set up alone has just done, and
``network_experiment_notice`` the same of a descent on the network page.
"""

import re

from page_api import network_experiments, runs
from page_api.checks import evaluate
from page_api.discovery import catalog, lookup
from page_api.experiment_cards import BEHAVIOUR, CARDS, COMPARE, LESSON_TITLES, SAME_OUTPUT, WHERE

# Two heights within this of each other count as "about as high" (the verdicts' tolerance).
SAME_HEIGHT = 0.5
PEAK_NAMES = ("the global maximum (green)", "the local maximum (orange)")
NEGATIVE_ZERO = re.compile(r"-(0\.0+)(?![0-9])")


def _card(card_id: str) -> dict:
    for card in CARDS:
        if card["id"] == card_id:
            return card
    raise ValueError(f"there is no experiment called {card_id!r}")


def _start_of(card: dict) -> float:
    if card["start"] == "local_top":
        return round(runs.terrain().peaks[1].x, 1)
    return card["start"]


def experiments(page: str) -> dict:
    """The cards of a page, ready to show: questions filled in, choices listed, lessons named."""
    cards = []
    for card in (card for card in CARDS if card["page"] == page):
        shown = {key: value for key, value in card.items() if key != "rival"}
        if "optimizer" in card:
            shown["start"] = _start_of(card)
            shown["question"] = card["question"].format(start=str(shown["start"]).replace("-", "−"))
        if card["kind"] == SAME_OUTPUT:
            shown["choices"] = [[function["name"], function["name"]] for function in catalog()["functions"]]
        cards.append(shown)
    return {"cards": cards, "lessons": LESSON_TITLES}


def _setup(card: dict, variant: float | None) -> tuple[str, float, dict]:
    start, settings = _start_of(card), dict(card["settings"])
    if variant is not None and "variants" in card:
        name, values = card["variants"]["name"], card["variants"]["values"]
        if variant not in values:
            raise ValueError(f"{card['id']} is run with {name} among {values}, not {variant!r}")
        if name == "start":
            start = variant
        else:
            settings[name] = variant
    return card["optimizer"], start, settings


def experiment_review(card: str, prediction: str | None = None, variant: float | None = None,
                      run: dict | None = None) -> dict:
    """Compares a prediction with a run and explains the run with its own numbers.

    ``run`` is the page's run ``{optimizer, start, settings, xs}`` (on the network page, the columns
    of ``network.descend``); without it the card's own run
    is made here. The answer is ``{outcome, outcome_label, correct, explanation, answer}``; the
    second sentence of every explanation is its key one, which the answer repeats.
    """
    chosen = _card(card)
    if chosen["page"] == "functions":
        outcome, label, explanation = (_same_output if chosen["kind"] == SAME_OUTPUT else _undefined)(prediction)
    elif chosen["page"] == "network":
        outcome, label, explanation = network_experiments.judge(chosen, prediction, run)
    else:
        if run is None:
            optimizer, start, settings = _setup(chosen, variant)
            xs = runs.run(optimizer, start, settings)["xs"]
        else:
            optimizer, start, settings, xs = run["optimizer"], run["start"], run.get("settings") or {}, run["xs"]
        outcome, label, explanation = _judge(chosen, optimizer, start, settings, runs.trace(xs))
    explanation = [NEGATIVE_ZERO.sub(r"\1", sentence) for sentence in explanation]
    correct = None if prediction is None else (prediction == outcome)
    return {"card": card, "outcome": outcome, "outcome_label": label, "correct": correct,
            "explanation": explanation, "answer": f"Answer: {label}. {explanation[1]}"}


def _ending(chosen: dict, kind: str) -> str:
    if chosen["kind"] == BEHAVIOUR:
        if kind in ("global", "local"):
            return "settles"
        return "crawls" if kind in ("climbing", "moving", "still") else "swings"
    return kind if kind in ("global", "local") else "elsewhere"


def _judge(chosen: dict, optimizer: str, start: float, settings: dict, traced: dict) -> tuple[str, str, list[str]]:
    explanation = _climb_story(settings, traced)
    if chosen["kind"] == COMPARE:
        return _compare(chosen, start, traced, explanation)
    outcome = _ending(chosen, traced["outcome"]["kind"])
    return outcome, dict(chosen["choices"])[outcome], explanation


def _hill_name(x: float) -> str:
    low, high = runs.terrain().hill_of(x)
    named = [name for peak, name in zip(runs.terrain().peaks, PEAK_NAMES) if low <= peak.x <= high]
    return f"the hill of {named[0]}" if named else "a hill with no peak of its own"


def _climb_story(settings: dict, traced: dict) -> list[str]:
    """What a run did, sentence by sentence, each with the run's numbers."""
    terrain = runs.terrain()
    top, valley = terrain.peaks[0], terrain.valleys[0]
    xs, ys, slopes = traced["xs"], traced["ys"], traced["slopes"]
    x, y, slope, kind = xs[-1], ys[-1], slopes[-1], traced["outcome"]["kind"]
    story = [f"It started at x = {xs[0]:.3f}, on {_hill_name(xs[0])}, and after {len(xs) - 1} iterations "
             f"it was at x = {x:.3f}, f(x) = {y:.3f}."]
    story += _crossing(xs, valley.x)
    last = abs(xs[-1] - xs[-2]) if len(xs) > 1 else 0.0
    if kind == "global":
        story.append(f"That is the highest peak: its top is at x = {top.x:.3f}, f(x) = {top.y:.3f}, "
                     f"{max(0.0, top.y - y):.3f} above where it ended.")
    elif kind == "local":
        lower = terrain.peaks[1]
        story.append(_why_it_stays(x, y, slope, settings))
        story.append(f"That is the lower peak: its top, x = {lower.x:.3f}, f(x) = {lower.y:.3f}, is "
                     f"{top.y - lower.y:.3f} below the global maximum at x = {top.x:.3f}.")
        story.append(f"To reach the green peak it would have to cross the valley at x = {valley.x:.3f}, "
                     f"where f(x) = {valley.y:.3f}, {lower.y - valley.y:.3f} below the orange top.")
    elif kind == "oscillating":
        step = xs[-1] - xs[-2]
        story.append(f"Its last step jumped {step:.3f}: the slope at x = {xs[-2]:.3f} was {slopes[-2]:.3f}, "
                     f"so step size {settings.get('step_size', 0):g} × slope overshoots the top, one way then back.")
    elif kind in ("climbing", "moving", "still"):
        story.append(f"Its last step was {last:.4f} long, and the slope there is {slope:.3f}: it is still on its "
                     f"way, {abs(top.x - x):.3f} from the top of the green peak at x = {top.x:.3f}.")
    else:
        story.append(traced["outcome"]["label"] + ".")
    return story


def _crossing(xs: list[float], valley_x: float) -> list[str]:
    """The first step that jumped across the valley, if one did."""
    for i, (before, after) in enumerate(zip(xs, xs[1:]), start=1):
        if (before - valley_x) * (after - valley_x) < 0:
            return [f"At iteration {i} one step of {after - before:.3f} took it from x = {before:.3f} to "
                    f"x = {after:.3f}, across the valley at x = {valley_x:.3f}."]
    return []


def _why_it_stays(x: float, y: float, slope: float, settings: dict) -> str:
    if "step_size" in settings:
        return (f"It stays because the slope there is {slope:.3f}: a step of step size {settings['step_size']:g} "
                f"× slope is {abs(settings['step_size'] * slope):.4f} long, next to nothing.")
    reach = float(settings.get("scale", 1.0))
    left, right = evaluate(runs.landscape.bumpy, x - reach), evaluate(runs.landscape.bumpy, x + reach)
    lower = "both lower" if max(left, right) < y else "not both lower"
    return (f"It stopped there because every step from there goes down: the slope is {slope:.3f}, and the "
            f"neighbours one scale ({reach:g}) away are {lower}: f({x - reach:.3f}) = {left:.3f} and "
            f"f({x + reach:.3f}) = {right:.3f}, against f(x) = {y:.3f}.")


def _compare(chosen: dict, start: float, traced: dict, story: list[str]) -> tuple[str, str, list[str]]:
    rival = chosen["rival"]
    other = runs.run(rival["optimizer"], start, rival["settings"])
    mine_y, other_y = traced["ys"][-1], other["ys"][-1]
    if abs(mine_y - other_y) <= SAME_HEIGHT:
        outcome = "same"
    else:
        outcome = "gradient" if mine_y > other_y else "hill"
    settings = ", ".join(f"{name} {value}" for name, value in rival["settings"].items())
    story = [story[0].replace("It started", "Gradient ascent started", 1),
             f"Hill climbing ({settings}), from the same start, ended at x = {other['xs'][-1]:.3f}, "
             f"f(x) = {other_y:.3f}: {abs(mine_y - other_y):.3f} "
             f"{'higher' if other_y > mine_y else 'lower'} than gradient ascent.", *story[1:]]
    return outcome, dict(chosen["choices"])[outcome], story


def _same_output(prediction: str | None) -> tuple[str, str, list[str]]:
    story, same = [], []
    for name in [function["name"] for function in catalog()["functions"]]:
        function = lookup("functions", name, "function")
        left, right = evaluate(function, -3.0), evaluate(function, 3.0)
        shown = [("undefined" if value is None else f"{value:.3f}") for value in (left, right)]
        alike = left is not None and left == right
        same += [name] if alike else []
        story.append(f"{name}(-3) = {shown[0]} and {name}(3) = {shown[1]}: "
                     f"{'the same' if alike else 'different'}.")
    if not same:
        return "none", "none of the functions gives the same output for -3 and 3", story
    outcome = prediction if prediction in same else same[0]
    return outcome, f"{' and '.join(same)} {'gives' if len(same) == 1 else 'give'} the same output for -3 and 3", story


def _undefined(prediction: str | None) -> tuple[str, str, list[str]]:
    curve = runs.sample("sqrt")
    left = [(x, y) for x, y in zip(curve["xs"], curve["ys"]) if x < 0]
    missing = [x for x, y in left if y is None]
    try:
        said = f"gives {lookup('functions', 'sqrt', 'function')(-4.0)!r}"
    except Exception as error:  # the lesson's own error is what the learner should read
        said = f"raises {type(error).__name__}: {error}"
    story = [f"Python's sqrt(-4) {said}.",
             f"(-2) × (-2) = {(-2) * (-2)} and 2 × 2 = {2 * 2}: a number times itself is never negative, "
             "so no number gives -4, and sqrt has no value to draw there.",
             f"Of the {len(left)} inputs plotted left of zero, {len(missing)} have no value"
             + (f", the last at x = {max(missing):.3f}." if missing else ".")]
    if missing:
        return "no-square", "No number multiplied by itself gives a negative number", story
    return "hidden", "Your sqrt gives a value left of zero, so the curve is drawn there", story


def experiment_notice(optimizer: str, start: float, settings: dict, xs: list[float]) -> list[dict]:
    """The reviews of the cards that a run the learner set up alone has done (none, one, or more)."""
    kind = runs.trace(xs)["outcome"]["kind"]
    terrain = runs.terrain()
    low, high = terrain.hill_of(start)
    on_orange_hill = len(terrain.peaks) > 1 and low <= terrain.peaks[1].x <= high
    done = {
        "top-of-orange": optimizer == "hill_climbing" and kind == "local" and abs(start - terrain.peaks[1].x) <= 0.5,
        # 0 is where every visit starts: only a start the learner chose counts.
        "hill-where": optimizer == "hill_climbing" and start != 0 and start in _card("hill-where")["variants"]["values"],
        "hill-trap": optimizer == "hill_climbing" and kind == "local",
        "hill-escape": optimizer == "hill_climbing" and on_orange_hill and kind == "global",
        "step-sizes": optimizer == "gradient_ascent" and start == _card("step-sizes")["start"]
        and settings.get("step_size") in _card("step-sizes")["variants"]["values"],
        "gradient-stuck": optimizer == "gradient_ascent" and kind == "local",
    }
    run = {"optimizer": optimizer, "start": start, "settings": settings, "xs": xs}
    return [experiment_review(card, run=run) for card, yes in done.items() if yes]


def network_experiment_notice(run: dict) -> list[dict]:
    """The reviews of the network cards that a descent the learner set up alone has done."""
    cards = [card for card in CARDS if card["page"] == "network"]
    return [experiment_review(card, run=run) for card in network_experiments.done_by(run, cards)]
