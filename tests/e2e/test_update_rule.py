"""The update rule of the replayed step on both replay pages: the same equations CPython's
page_api writes for the same run, for every optimizer, over http and file://."""

import re

import pytest
from playwright.sync_api import expect

from page_api import network, runs, steps_explained
from tests.e2e.conftest import wait_for_python
from tests.e2e.test_editor import append_code, message, open_editor

# What a run shows is the same over http and from file:// (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)

# (optimizer, settings in the link, the same settings for CPython, iteration replayed)
ONE_VARIABLE = [
    ("gradient_ascent", {"step_size": 0.1}, 1),
    ("hill_climbing", {"scale": 1.0, "seed": 0}, 1),
    ("gradient_ascent_with_momentum", {"step_size": 0.05, "momentum": 0.8}, 9),
    ("simulated_annealing", {"seed": 3}, 12),
    ("random_restart_hill_climbing", {"seed": 2}, 21),
]
NETWORK = [
    ("gradient_descent", {"learning_rate": 0.02}),
    ("gradient_descent_with_momentum", {"learning_rate": 0.02, "momentum": 0.9}),
    ("sgd", {"learning_rate": 0.05, "batch_size": 16, "seed": 1}),
    ("adagrad", {"learning_rate": 0.1}),
    ("rmsprop", {"learning_rate": 0.01}),
    ("adam", {"learning_rate": 0.05}),
]


@pytest.fixture
def shipped_network(dist):
    """CPython descends on the very weights the page loads: the build's trained_network.json."""
    shipped = network.TRAINED_NETWORK
    network.TRAINED_NETWORK = dist / "py" / "page_api" / "trained_network.json"
    network.trained_slice.cache_clear()
    yield
    network.TRAINED_NETWORK = shipped
    network.trained_slice.cache_clear()


def link(settings):
    return "".join(f"&{name}={value:g}" for name, value in settings.items())


def expect_equations(rule, caption, equations):
    """The rule's caption, then each equation of CPython's, read by its accessible name."""
    expect(rule.get_by_text(caption)).to_be_visible()
    lines = rule.get_by_role("math")
    expect(lines).to_have_count(len(equations))
    for i, equation in enumerate(equations):
        expect(lines.nth(i)).to_have_accessible_name(equation["text"])


def test_each_optimizers_rule_has_pythons_numbers(site):
    site.goto(site.index_url + "#/optimization")
    wait_for_python(site)
    for optimizer, settings, i in ONE_VARIABLE:
        site.goto(site.index_url + f"#/optimization?optimizer={optimizer}&start=-5{link(settings)}&replay={i}")
        expect(site.get_by_role("status").filter(has_text=re.compile(f"^Iteration {i} of 100"))).to_be_visible()
        expected = steps_explained.explain_run(optimizer, -5.0, settings)["steps"][i]
        assert expected["known"]
        rule = site.get_by_role("group", name="Update rule").filter(visible=True)
        expect_equations(rule, f"Iteration {i}: the update rule, with this run's numbers", expected["equations"])
        # The rule ends where the run went: x after the step, as the run's own columns say.
        x = runs.run(optimizer, -5.0, settings)["xs"][i]
        assert f"{x:.3f}".replace("-", "−") in " ".join(equation["text"] for equation in expected["equations"])


def test_the_issues_example_reads_as_written(site):
    site.goto(site.index_url + "#/optimization?optimizer=gradient_ascent&start=0&step_size=0.1&replay=1")
    wait_for_python(site)
    rule = site.get_by_role("group", name="Update rule").filter(visible=True)
    expect(rule.get_by_role("math", name="x = 0.000 + 0.1 × 4.348 = 0.435", exact=True)).to_be_visible()
    site.get_by_label("Replay iteration").fill("0")
    expect(rule.get_by_text("The start: no step has been taken yet.")).to_be_visible()
    expect(rule.get_by_role("math", name="x = 0.000", exact=True)).to_be_visible()


def test_each_network_optimizers_rule_has_pythons_numbers(site, shipped_network):
    site.goto(site.index_url + "#/loss-landscape")
    wait_for_python(site)
    for optimizer, settings in NETWORK:
        site.goto(site.index_url + f"#/loss-landscape?descent={optimizer}&a=-1&b=1{link(settings)}&replay=3")
        expect(site.get_by_role("status").filter(has_text=re.compile("^Step 3 of 100"))).to_be_visible()
        expected = steps_explained.explain_descent(optimizer, [-1.0, 1.0], settings)["steps"][3]
        assert expected["known"]
        rule = site.get_by_role("group", name="Update rule").filter(visible=True)
        expect_equations(rule, "Step 3: the update rule, with this run's numbers", expected["equations"])


def test_a_learners_own_optimizer_shows_the_step_it_took(site):
    editor = open_editor(site, "optimization")
    append_code(site, editor, '''

def leap(function, start, iterations=100, factor=0.5):
    """Halves the distance to 3 every time."""
    path = [start]
    while len(path) <= iterations:
        path.append(3 + (path[-1] - 3) * factor)
    return path
''')
    site.get_by_role("button", name="Apply changes").last.click()
    expect(message(site, "optimization")).to_have_text("Applied: the page now uses your code.")
    site.goto(site.index_url + "#/optimization?optimizer=leap&start=-5&replay=1")
    rule = site.get_by_role("group", name="Update rule").filter(visible=True)
    expect(rule.get_by_text("No update rule is known for leap: here is the step it took.")).to_be_visible()
    expect(rule.get_by_role("math", name="Δx = −1.000 − (−5.000) = 4.000", exact=True)).to_be_visible()
