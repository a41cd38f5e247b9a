"""The course's own code pasted into the editor: numpy is explained and rewritten, step-wise optimizers run."""

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.conftest import optimizer_picker
from tests.e2e.test_editor import message, open_editor, replace_code

COURSE_OPTIMIZATION = (Path(__file__).parent.parent / "fixtures" / "course_optimization.py").read_text()


def test_course_optimizers_are_explained_rewritten_and_run(site):
    editor = open_editor(site, "optimization")
    replace_code(site, editor, COURSE_OPTIMIZATION)
    site.get_by_role("button", name="Apply changes").filter(visible=True).click()
    status = message(site, "optimization")
    expect(status).to_contain_text("numpy is not available in the page's Python")
    expect(status).to_contain_text("it is used on lines 7, 13.")
    expect(status).to_contain_text("np.random.normal → random.gauss")
    expect(editor).to_contain_text("import numpy as np")

    site.get_by_role("button", name="Rewrite with math and random").click()
    expect(editor).to_contain_text("random.gauss(mu=current, sigma=scale)")
    expect(site.get_by_role("button", name="Rewrite with math and random")).to_be_hidden()
    # The rewrite is one step of the editor's history: undo brings numpy back, redo the rewrite.
    editor.click()
    site.keyboard.press("Control+z")
    expect(editor).to_contain_text("np.random.normal(loc=current, scale=scale)")
    site.keyboard.press("Control+y")
    expect(editor).to_contain_text("random.gauss(mu=current, sigma=scale)")
    site.get_by_role("button", name="Apply changes").filter(visible=True).click()
    expect(status).to_have_text("Applied: the page now uses your code.")

    optimizer_picker(site).select_option("gradient_ascent")
    site.get_by_label("Step size").fill("0.1")
    site.get_by_label("Starting point").fill("-15")
    site.get_by_role("button", name="Run optimization").click()
    expect(site.get_by_text(re.compile(r"^Stuck on the local max: it ended at x = -16\.20"))).to_be_visible()
    expect(site.get_by_role("status").filter(has_text=re.compile("^Iteration 100 of 100"))).to_be_visible()
