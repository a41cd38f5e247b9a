"""The Function Visualizer, driven through accessible names, over http and file://."""

import pytest
from playwright.sync_api import expect

from page_api import discovery, runs
from tests.e2e.conftest import wait_for_python


def expected_range(name):
    sample = runs.sample(name)
    return (f"{sample['min']['y']:.2f} at x = {sample['min']['x']:.2f}",
            f"{sample['max']['y']:.2f} at x = {sample['max']['x']:.2f}")


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
    summary = source["doc"].split("\n\n")[0]
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
