"""The derivative explorer on the functions page: the secant's slope approaches the derivative
CPython computes as h shrinks, the point moves by keyboard and pointer, undefined is said so."""

import re

from playwright.sync_api import expect

from page_api import derivatives
from tests.e2e.conftest import wait_for_python

# What a run shows is the same over http and from file:// (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)

STEPS = [5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001]


def open_explorer(site, function):
    site.goto(site.index_url + f"#/functions?function={function}")
    wait_for_python(site)
    explorer = site.get_by_role("region", name="What is a derivative?")
    expect(explorer.get_by_label("Point x")).to_be_enabled()
    return explorer


def shown(value):
    return f"{value:.4f}".replace("-0.0000", "0.0000")


def test_the_secant_slope_approaches_pythons_derivative_as_h_shrinks(site):
    explorer = open_explorer(site, "cosine")
    explorer.get_by_label("Point x").fill("1")
    step = explorer.get_by_label("Step h")
    step.fill("0")
    step.focus()
    errors = []
    for notch, h in enumerate(STEPS):
        if notch:
            site.keyboard.press("ArrowRight")
        expect(step).to_have_attribute("aria-valuetext", f"h = {h:g}".replace("1e-04", "0.0001"))
        expected = derivatives.secant("cosine", 1.0, h)
        expect(explorer.get_by_label("Secant slope")).to_have_text(f"{shown(expected['secant'])} (h = {h:g})"
                                                                    .replace("1e-04", "0.0001"))
        expect(explorer.get_by_label("Derivative f′(x)")).to_have_text(shown(expected["derivative"]))
        page_slope = float(explorer.get_by_label("Secant slope").text_content().split(" ")[0])
        errors.append(abs(page_slope - expected["derivative"]))
    # Once h is below the wave's bends (h ≤ 1), every notch brings the secant closer to the tangent.
    assert errors[2:] == sorted(errors[2:], reverse=True)
    assert errors[-1] < 1e-3
    expect(explorer.get_by_text(re.compile(r"^Secant slope -0\.84\d\d → derivative -0\.8415 as h shrinks\. "
                                           r"f′\(1\.00\) < 0: f falls to the right here, so uphill is to the left\.$"))
           ).to_be_visible()


def test_the_point_moves_with_the_keyboard_and_the_pointer(site):
    explorer = open_explorer(site, "square")
    point = explorer.get_by_label("Point x")
    point.fill("1")
    expect(explorer.get_by_label("Derivative f′(x)")).to_have_text("2.0000")
    point.focus()
    site.keyboard.press("ArrowRight")
    expect(point).to_have_attribute("aria-valuetext", "x = 1.01")
    expect(explorer.get_by_label("Derivative f′(x)")).to_have_text(shown(derivatives.secant("square", 1.01, 1)["derivative"]))
    plot = explorer.get_by_role("img", name=re.compile(r"^Secant and tangent on the curve of square\(x\)"))
    box = plot.bounding_box()
    # The plot area ends 14 px before the canvas's right edge: a press there is x = 10.
    site.mouse.click(box["x"] + box["width"] - 14, box["y"] + box["height"] / 2)
    expect(point).to_have_attribute("aria-valuetext", "x = 10.00")
    expect(explorer.get_by_label("f(x)", exact=True)).to_have_text("100.000")
    expect(plot).to_have_accessible_name(re.compile(r"the tangent at x = 10\.00, slope 20\.0000$"))
    expect(explorer.get_by_role("img", name=re.compile(r"^The derivative square′\(x\)"))).to_have_accessible_name(
        re.compile(r"at x = 10\.00 it is 20\.0000$"))


def test_left_of_zero_sqrt_is_undefined_here(site):
    explorer = open_explorer(site, "sqrt")
    explorer.get_by_label("Point x").fill("-2")
    for label in ("f(x)", "Secant slope", "Derivative f′(x)"):
        expect(explorer.get_by_label(label, exact=True)).to_have_text("undefined here")
    expect(explorer.get_by_text("sqrt is undefined at x = -2, so there is no secant and no derivative here.")
           ).to_be_visible()
    explorer.get_by_label("Point x").fill("0")
    expect(explorer.get_by_label("Secant slope")).to_have_text("1.0000 (h = 1)")
    expect(explorer.get_by_label("Derivative f′(x)")).to_have_text("undefined here")


def test_pythons_answers_to_the_questions(site):
    explorer = open_explorer(site, "cosine")
    explorer.get_by_text("Python's answers for this function").click()
    zeros = ", ".join(f"{x:.3f}" for x in derivatives.derivative_curve("cosine")["zeros"])
    expect(explorer.get_by_role("listitem").filter(has_text="f′ is zero at")).to_contain_text(zeros)
    site.get_by_label("Function", exact=True).select_option("f")
    expect(explorer.get_by_role("listitem").filter(has_text="f′ is the same everywhere")).to_contain_text("2.000")
