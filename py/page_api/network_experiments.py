"""The network page's experiment cards judged: descents on the loss slice, told in their own numbers.

A run is ``{optimizer, start: [a, b], settings}`` with the columns ``descend`` answers (``as``, ``bs``,
``losses``, ``slopes_a``, ``slopes_b``, ``accuracies``) and its ``outcome``; a card without the page's
run makes its own here. Every number in a sentence is read from a run or from the trained network.
"""

import math

from page_api import network

# Where a descent ended, as a card's choices name it, from the verdict's kind.
ENDINGS = {"global": "trained", "local": "local"}
# A start within this of the card's (in a and in b) counts as the card's start.
NEAR_START = 0.25
# A slope shorter than this is flat, as far as a page can tell.
FLAT = 1e-6


def run_of(card: dict, settings: dict | None = None) -> dict:
    """The card's own descent, with its settings (or those given), on the network's loss slice."""
    settings = dict(card["settings"] if settings is None else settings)
    return {"optimizer": card["optimizer"], "start": list(card["start"]), "settings": settings,
            **network.descend(card["optimizer"], list(card["start"]), settings)}


def _point(a: float, b: float) -> str:
    return f"(a, b) = ({a:.3f}, {b:.3f})"


def _opening(run: dict) -> str:
    steps = len(run["as"]) - 1
    return (f"It started at {_point(run['as'][0], run['bs'][0])} with loss {run['losses'][0]:.3f}, and after "
            f"{steps} steps it was at {_point(run['as'][-1], run['bs'][-1])}: loss {run['losses'][-1]:.4f}, "
            f"{round(run['accuracies'][-1] * 100)} % of the points sorted right.")


def _distance_to_trained(run: dict) -> str:
    trained = network.trained_slice().loss(0.0, 0.0)
    return (f"It ended {math.hypot(run['as'][-1], run['bs'][-1]):.3f} from the trained network at (0, 0), "
            f"whose loss is {trained:.4f}.")


def _slope_at_end(run: dict) -> str:
    slope_a, slope_b = run["slopes_a"][-1], run["slopes_b"][-1]
    rate = float(run["settings"].get("learning_rate", 0.02))
    length = math.hypot(slope_a, slope_b)
    if length < FLAT:
        # Rounding noise below this differs between CPython and Pyodide: only the bound is true of both.
        return (f"The slope at the end is ({slope_a:.6f}, {slope_b:.6f}), less than {FLAT:.6f} long: a step of "
                f"learning rate {rate:g} × slope moves it less than {rate * FLAT:.8f}, next to nothing, so it stays.")
    return (f"The slope at the end is ({slope_a:.4f}, {slope_b:.4f}), {length:.4f} long: a step of learning rate "
            f"{rate:g} × slope moves it {rate * length:.4f}.")


def _ending(run: dict) -> str:
    return ENDINGS.get(run["outcome"]["kind"], "bounces")


def _plain_stops(card: dict, run: dict) -> tuple[str, list[str]]:
    return _ending(run), [_opening(run), _slope_at_end(run), _distance_to_trained(run),
                          f"The verdict: {run['outcome']['label']}."]


def _momentum_escape(card: dict, run: dict) -> tuple[str, list[str]]:
    plain = network.descend("gradient_descent", run["start"], {"learning_rate": run["settings"].get("learning_rate", 0.02)})
    trapped = plain["losses"][-1]
    below = next((step for step, loss in enumerate(run["losses"]) if loss < trapped), None)
    if below is None:
        crossing = (f"Its loss never fell below {trapped:.4f}, where plain gradient descent stops from the same "
                    f"start (the local minimum): it did not cross the ridge.")
    else:
        crossing = (f"At step {below} its loss fell to {run['losses'][below]:.4f}, below the {trapped:.4f} where "
                    f"plain gradient descent stops from the same start (the local minimum): the speed it built "
                    f"up carried it over the ridge.")
    return _ending(run), [_opening(run), crossing, _distance_to_trained(run),
                          f"Its final loss, {run['losses'][-1]:.4f}, is {abs(run['losses'][-1] - trapped):.4f} "
                          f"{'below' if run['losses'][-1] < trapped else 'above'} the local minimum's."]


def _learning_rates(card: dict, run: dict) -> tuple[str, list[str]]:
    name = card["runs_prediction"]
    shown = {f"{run['settings'][name]:g}": run} if run else {}
    finished = {value: shown.get(value) or run_of(card, {**card["settings"], name: float(value)})
                for value, _ in card["choices"]}
    lowest = min(finished, key=lambda value: finished[value]["losses"][-1])
    start = finished[lowest]
    story = [f"From {_point(start['as'][0], start['bs'][0])}, loss {start['losses'][0]:.3f}, after "
             f"{len(start['as']) - 1} steps: "
             + ", ".join(f"learning rate {value} ended at loss {ran['losses'][-1]:.4f}" for value, ran in finished.items())
             + ".",
             f"Learning rate {lowest} ended lowest, with loss {start['losses'][-1]:.4f} and "
             f"{round(start['accuracies'][-1] * 100)} % of the points sorted right."]
    story += [f"With {value}: {ran['outcome']['label']}." for value, ran in finished.items()]
    return lowest, story


JUDGES = {"plain-stops": _plain_stops, "momentum-escape": _momentum_escape, "learning-rates": _learning_rates}


def judge(card: dict, prediction: str | None, run: dict | None) -> tuple[str, str, list[str]]:
    """The outcome of the card's experiment (the page's run, or the card's own), its label, its story."""
    if run is None and "runs_prediction" not in card:
        run = run_of(card)
    if run is None and prediction is not None:
        run = run_of(card, {**card["settings"], card["runs_prediction"]: float(prediction)})
    outcome, story = JUDGES[card["id"]](card, run)
    return outcome, dict(card["choices"])[outcome], story


def done_by(run: dict, cards: list[dict]) -> list[str]:
    """The cards (by id) that a descent the learner set up alone has done on the network's slice."""
    near = {card["id"]: all(abs(x - y) <= NEAR_START for x, y in zip(run["start"], card["start"])) for card in cards}
    kind, name = run["outcome"]["kind"], run["optimizer"]
    plain_rates = [float(value) for value, _ in next(card for card in cards if card["id"] == "learning-rates")["choices"]]
    done = {
        "plain-stops": name == "gradient_descent" and kind == "local",
        "momentum-escape": name == "gradient_descent_with_momentum" and near["momentum-escape"] and kind == "global",
        "learning-rates": name == "gradient_descent" and list(run["start"]) == [1, 1]
        and run["settings"].get("learning_rate") in plain_rates,
    }
    return [card for card, yes in done.items() if yes]
