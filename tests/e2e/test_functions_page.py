"""The Function Visualizer, driven through accessible names, over http and file://."""

import re

import pytest
from playwright.sync_api import expect

from page_api import discovery, runs
from tests.e2e.conftest import wait_for_python
from tests.e2e.test_editor import append_code, open_editor

# The page's controls work the same from file://: test_optimization_page, test_network_page,
# test_experiments and test_course_code run there too (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)


# Every place each extreme is reached over the samples: square is 100 at both ends, cosine -1
# on both sides of 0 (checked against Python's answer below).
RANGES = {
    "f": ("-20.00 at x = -10.00", "20.00 at x = 10.00"),
    "square": ("0.00 at x = 0.00", "100.00 at x = -10.00 and x = 10.00"),
    "sqrt": ("0.00 at x = 0.00", "3.16 at x = 10.00"),
    "cosine": ("-1.00 at x = -3.142 and x = 3.142", "1.00 at x = 0.00"),
}


def expected_range(name):
    sample = runs.sample(name)
    for kind, text in zip(("min", "max"), RANGES[name]):
        places = [f"{place['from']:.3f}" for place in sample[kind]["places"]]
        assert [f"{float(x):.3f}" for x in re.findall(r"x = (-?[\d.]+)", text)] == places
        assert text.startswith(f"{sample[kind]['y']:.2f} at")
    return RANGES[name]


def test_picker_lists_the_functions_of_functions_py(site):
    site.goto(site.index_url + "#/functions")
    picker = site.get_by_label("Function", exact=True)
    expect(picker.locator("option")).to_have_text(["f", "square", "sqrt", "cosine"])


@pytest.mark.parametrize("name", ["f", "square", "sqrt", "cosine"])
def test_each_function_shows_its_range_doc_and_source(site, name):
    site.goto(site.index_url + "#/functions")
    wait_for_python(site)
    site.get_by_label("Function", exact=True).select_option(name)
    low, high = expected_range(name)
    expect(site.get_by_label("Minimum", exact=True)).to_have_text(low)
    expect(site.get_by_label("Maximum", exact=True)).to_have_text(high)
    source = discovery.describe(getattr(discovery.lesson("functions"), name))
    summary = " ".join(source["doc"].split("\n\n")[0].split()).replace("``", "")
    expect(site.get_by_role("note", name="About this function")).to_contain_text(summary)
    expect(site.get_by_role("region", name="Edit the Python: functions.py")).to_contain_text("What is a function?")


def test_sqrt_minimum_ignores_the_undefined_half(site):
    site.goto(site.index_url + "#/functions?function=sqrt")
    expect(site.get_by_label("Minimum", exact=True)).to_have_text("0.00 at x = 0.00")
    expect(site.get_by_role("img", name="Plot of sqrt(x)")).to_be_visible()


def test_pointer_readout_reads_x_and_f_of_x(site):
    site.goto(site.index_url + "#/functions?function=square")
    plot = site.get_by_role("img", name="Plot of square(x)")
    box = plot.bounding_box()
    # The plot area spans from 48 px on the left to 14 px before the right edge.
    right_edge = box["x"] + box["width"] - 14
    site.mouse.move(right_edge, box["y"] + box["height"] / 2)
    expect(site.get_by_label("Pointer", exact=True).filter(visible=True)).to_have_text("x = 10.00, f(x) = 100.000")
    site.mouse.move(box["x"] + 48 + (box["width"] - 62) * 0.25, box["y"] + box["height"] / 2)
    expect(site.get_by_label("Pointer", exact=True).filter(visible=True)).to_have_text("x = -5.00, f(x) = 25.000")


def pointer_reading(site):
    text = site.get_by_label("Pointer", exact=True).filter(visible=True).text_content()
    found = re.fullmatch(r"x = (-?[\d.]+), f\(x\) = (-?[\d.]+)", text)
    assert found, text
    return float(found[1]), float(found[2])


def test_pointer_readout_shows_f_at_the_x_it_shows(site):
    site.goto(site.index_url + "#/functions?function=square")
    wait_for_python(site)
    box = site.get_by_role("img", name="Plot of square(x)").bounding_box()
    for share in (0.1003, 0.3507, 0.6011, 0.8519):
        site.mouse.move(box["x"] + 48 + (box["width"] - 62) * share, box["y"] + box["height"] / 2)
        expect(site.get_by_label("Pointer", exact=True).filter(visible=True)).not_to_have_text(re.compile("Point at"))
        x, y = pointer_reading(site)
        assert f"{x * x:.3f}" == f"{y:.3f}", (x, y)


def test_pointer_readout_follows_a_change_of_function(site):
    site.goto(site.index_url + "#/functions?function=square")
    wait_for_python(site)
    box = site.get_by_role("img", name="Plot of square(x)").bounding_box()
    site.mouse.move(box["x"] + 48 + (box["width"] - 62) * 0.65, box["y"] + box["height"] / 2)
    pointer = site.get_by_label("Pointer", exact=True).filter(visible=True)
    expect(pointer).not_to_have_text(re.compile("Point at"))
    x, _ = pointer_reading(site)
    shown_x = pointer.text_content().split(",")[0]
    site.get_by_label("Function", exact=True).select_option("sqrt")
    expect(pointer).to_have_text(f"{shown_x}, f(x) = {x ** 0.5:.3f}")


def test_a_function_without_a_minimum_says_so(site):
    editor = open_editor(site)
    append_code(site, editor, '\n\ndef inverse(x: float) -> float:\n    """One divided by x."""\n    return 1 / x\n')
    site.get_by_role("button", name="Apply changes").first.click()
    site.get_by_label("Function", exact=True).select_option("inverse")
    expect(site.get_by_label("Minimum", exact=True)).to_have_text("no minimum: f falls without bound near x = 0")
    expect(site.get_by_label("Maximum", exact=True)).to_have_text("no maximum: f rises without bound near x = 0")
    expect(site.get_by_role("img", name="Plot of inverse(x)")).to_have_accessible_description(
        re.compile("Minimum: no minimum: f falls without bound near x = 0"))


def test_docstrings_are_text_with_code_and_paragraphs(site):
    site.goto(site.index_url + "#/functions?function=sqrt")
    note = site.get_by_role("note", name="About this function")
    expect(note.locator("code")).to_have_text(["math.sqrt"])
    expect(note.locator("p")).to_have_count(2)
    expect(note).not_to_contain_text("``")
    expect(note).not_to_contain_text(">>>")
    # The hard line breaks of the source are joined into one paragraph.
    expect(note.locator("p").nth(1)).to_contain_text("when we stay with real numbers: no real number squared is negative.")


def test_pointer_over_undefined_part_says_so(site):
    site.goto(site.index_url + "#/functions?function=sqrt")
    box = site.get_by_role("img", name="Plot of sqrt(x)").bounding_box()
    site.mouse.move(box["x"] + 60, box["y"] + 40)
    expect(site.get_by_label("Pointer", exact=True).filter(visible=True)).to_contain_text("f(x) = undefined here")


def test_deep_link_and_picker_write_the_hash(site):
    site.goto(site.index_url + "#/functions?function=cosine")
    expect(site.get_by_label("Function", exact=True)).to_have_value("cosine")
    site.get_by_label("Function", exact=True).select_option("square")
    expect(site).to_have_url(site.index_url + "#/functions?function=square")


def test_unknown_function_in_link_falls_back_with_a_notice(site):
    site.goto(site.index_url + "#/functions?function=%3Cscript%3E")
    expect(site.get_by_role("alert")).to_contain_text('Unknown function "<script>"')
    expect(site.get_by_label("Function", exact=True)).to_have_value("f")


def test_navigation_between_pages(site):
    site.goto(site.index_url)
    expect(site.get_by_role("heading", name="What is a function?")).to_be_visible()
    site.get_by_role("link", name="2. Optimization").click()
    expect(site.get_by_role("heading", name="Climbing to the top: optimization")).to_be_visible()
    expect(site.get_by_role("link", name="2. Optimization")).to_have_attribute("aria-current", "page")
