"""The editor's tasks: code typed into the optimization.py editor is applied, run and checked by Python."""

import inspect
import re

import pytest
from playwright.sync_api import expect

from math_fundamentals import optimization
from page_api import dispatch, editing, tasks
from tests.e2e.conftest import code_editor, open_optimization, open_site, wait_for_python
from tests.e2e.test_accessibility import violations
from tests.e2e.test_editor import append_code, replace_code
from tests.test_course_code import restore_lessons  # noqa: F401 - a fixture
from tests.test_tasks import DESCENT, FIXED, SCAN_THEN_CLIMB, WRONG_DESCENT

# What a run shows is the same over http and from file:// (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)

ORIGINAL = inspect.getsource(optimization)


def task(site, title):
    return site.get_by_role("article", name=re.compile(title))


def result(card):
    return card.get_by_role("status", name="Result of the task")


def editor(site):
    return code_editor(site, "optimization")


def expect_verdict(card, lead, code, task_id, **args):
    """The card says `lead` and every sentence of Python's own check of the same code."""
    editing.apply_edit("optimization", code)
    answer = dispatch.call("task_check", {"task": task_id, **args})
    expect(result(card)).to_contain_text(lead)
    for sentence in answer["verdict"]:
        expect(result(card)).to_contain_text(sentence)
    return answer


def test_gradient_descent_a_wrong_one_an_error_then_a_right_one(site, restore_lessons):
    open_optimization(site)
    card = task(site, "^Modify")
    check = card.get_by_role("button", name="Apply and check")
    expect(check).to_be_disabled()
    card.get_by_role("radio", name="At the bottom of a valley").check()
    append_code(site, editor(site), "\n\ndef gradient_descent(function, start)\n    return [start]\n")
    check.click()
    expect(result(card)).to_contain_text(re.compile(r"Your code did not apply: Line \d+: SyntaxError"))
    replace_code(site, editor(site), ORIGINAL + WRONG_DESCENT)
    check.click()
    answer = expect_verdict(card, "Not yet.", ORIGINAL + WRONG_DESCENT, "modify-descent", prediction="valley")
    assert answer["passed"] is False and "It went uphill" in answer["verdict"][1]
    replace_code(site, editor(site), ORIGINAL + DESCENT)
    check.click()
    answer = expect_verdict(card, "Passed.", ORIGINAL + DESCENT, "modify-descent", prediction="valley")
    assert answer["passed"] is True and answer["correct"] is True
    expect(card).to_contain_text("Done ✓")
    expect(site.get_by_text("1 of 3 tasks done")).to_be_visible()


def test_the_broken_optimizer_is_inserted_on_request_undone_and_fixed(site, restore_lessons):
    open_optimization(site)
    card = task(site, "^Fix")
    panel = site.get_by_role("region", name="Edit the Python: optimization.py")
    state = panel.get_by_text(re.compile("^Editor state:"))
    expect(state).to_contain_text("Editor state: applied")
    card.get_by_role("button", name="Insert broken_hill_climbing into the editor").click()
    expect(card).to_contain_text("Inserted broken_hill_climbing at the end of optimization.py")
    expect(editor(site)).to_contain_text("def broken_hill_climbing")
    expect(state).to_contain_text("Editor state: not applied yet")
    editor(site).focus()
    site.keyboard.press("Control+z")
    expect(state).to_contain_text("Editor state: applied. The page runs the code the editor shows (the original code)")
    card.get_by_role("button", name="Insert broken_hill_climbing into the editor").click()
    card.get_by_role("button", name="Apply and check").click()
    broken = expect_verdict(card, "Not yet.", ORIGINAL + tasks.BROKEN_CODE, "fix-hill-climbing")
    assert "went down" in broken["verdict"][1]
    card.get_by_role("button", name="Insert broken_hill_climbing into the editor").click()
    expect(card).to_contain_text("broken_hill_climbing is in the editor already")
    replace_code(site, editor(site), ORIGINAL + FIXED)
    card.get_by_role("button", name="Apply and check").click()
    expect_verdict(card, "Passed.", ORIGINAL + FIXED, "fix-hill-climbing")
    expect(site.get_by_text("1 of 3 tasks done")).to_be_visible()


def test_an_optimizer_of_the_learners_reaches_the_top_and_the_shipped_one_does_not(site, restore_lessons):
    open_optimization(site)
    card = task(site, "^Make")
    replace_code(site, editor(site), ORIGINAL + SCAN_THEN_CLIMB)
    site.keyboard.press("Control+Enter")
    expect(site.get_by_text("Applied: the page now uses your code.")).to_be_visible()
    picker = card.get_by_label("Optimizer to check")
    picker.select_option("gradient_ascent")
    card.get_by_role("button", name="Apply and check").click()
    stuck = expect_verdict(card, "Not yet.", ORIGINAL + SCAN_THEN_CLIMB, "make-global", optimizer="gradient_ascent")
    assert "orange peak" in stuck["verdict"][1]
    picker.select_option("scan_then_climb")
    card.get_by_role("button", name="Apply and check").click()
    made = expect_verdict(card, "Passed.", ORIGINAL + SCAN_THEN_CLIMB, "make-global", optimizer="scan_then_climb")
    assert made["passed"] is True
    site.reload()
    wait_for_python(site)
    expect(task(site, "^Make")).to_contain_text("Done ✓")
    expect(site.get_by_text("1 of 3 tasks done")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_the_tasks(browser, http_root, scheme):
    context, page, guard = open_site(browser, http_root, bypass_csp=True)
    page.emulate_media(color_scheme=scheme)
    page.goto(http_root + "index.html#/optimization")
    wait_for_python(page)
    card = task(page, "^Fix")
    card.get_by_role("button", name="Insert broken_hill_climbing into the editor").click()
    card.get_by_role("button", name="Apply and check").click()
    expect(result(card)).to_contain_text("Not yet.")
    task(page, "^Modify").get_by_role("radio", name="At the bottom of a valley").check()
    page.get_by_role("region", name="Tasks: modify, fix, make").scroll_into_view_if_needed()
    assert violations(page) == []
    context.close()
