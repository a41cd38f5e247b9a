"""Editing the Python in the page: apply, mistakes explained, runaway code stopped, reset, persistence."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import code_editor, hold_python, optimizer_picker, wait_for_python

# The page's controls work the same from file://: test_optimization_page, test_network_page,
# test_experiments and test_course_code run there too (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)

TRIPLE = '''

def tripled(x: float) -> float:
    """Multiplies its input by three."""
    return 3 * x
'''


def open_editor(site, page="functions", module=None):
    site.goto(site.index_url + f"#/{page}")
    wait_for_python(site)
    editor = code_editor(site, module or page)
    expect(editor).to_be_visible()
    return editor


def append_code(site, editor, text):
    editor.click()
    site.keyboard.press("Control+End")
    site.keyboard.insert_text(text)


def replace_code(site, editor, text):
    editor.click()
    site.keyboard.press("Control+a")
    site.keyboard.insert_text(text)


def editor_end(site, editor):
    """CodeMirror renders only the lines in view: move to the end so they are in the page."""
    editor.click()
    site.keyboard.press("Control+End")
    return editor


def message(site, module="functions"):
    return site.get_by_role("region", name=f"Edit the Python: {module}.py").get_by_role("status")


def test_a_new_function_appears_in_the_picker_and_the_plot(site):
    editor = open_editor(site)
    append_code(site, editor, TRIPLE)
    site.get_by_role("button", name="Apply changes").first.click()
    expect(message(site)).to_have_text("Applied: the page now uses your code.")
    site.get_by_label("Function", exact=True).select_option("tripled")
    expect(site.get_by_label("Maximum", exact=True)).to_have_text("30.00 at x = 10.00")
    expect(site.get_by_role("note", name="About this function")).to_have_text("Multiplies its input by three.")


def test_ctrl_enter_applies(site):
    editor = open_editor(site)
    append_code(site, editor, TRIPLE)
    site.keyboard.press("Control+Enter")
    expect(site.get_by_label("Function", exact=True).locator("option")).to_contain_text(["tripled"])


def test_a_syntax_error_shows_its_line_and_the_old_code_stays(site):
    editor = open_editor(site)
    append_code(site, editor, "\n\ndef broken(x)\n    return x\n")
    site.keyboard.press("Control+Enter")
    expect(message(site)).to_contain_text(re.compile(r"Line \d+: SyntaxError: expected ':'"))
    expect(message(site)).to_contain_text("The last version that worked stays active.")
    expect(site.get_by_label("Function", exact=True).locator("option")).to_have_count(4)


def test_an_exception_shows_its_message(site):
    editor = open_editor(site)
    append_code(site, editor, "\n\ndef boom(x: float) -> float:\n    raise RuntimeError('the bridge is out')\n")
    site.keyboard.press("Control+Enter")
    expect(message(site)).to_contain_text("RuntimeError: the bridge is out")
    expect(message(site)).to_contain_text(re.compile(r"^Line \d+"))


def test_a_function_that_returns_text_is_explained(site):
    editor = open_editor(site)
    append_code(site, editor, "\n\ndef words(x: float) -> float:\n    return 'seven'\n")
    site.keyboard.press("Control+Enter")
    expect(message(site)).to_contain_text("returned 'seven' (str), not a number")
    expect(message(site)).to_contain_text("A function must return a number")


def test_an_endless_loop_is_stopped_and_the_app_recovers(site):
    editor = open_editor(site)
    append_code(site, editor, "\n\ndef forever(x: float) -> float:\n    while True:\n        pass\n")
    site.keyboard.press("Control+Enter")
    # The budget grows on a slow or busy device: the bound here is generous, the stop is the signal.
    expect(message(site)).to_contain_text("Python took too long and was stopped", timeout=90_000)
    expect(message(site)).to_contain_text("apply_edit ran for more than")
    expect(message(site)).to_contain_text("The last version that worked is active again")
    wait_for_python(site, timeout=60_000)
    site.get_by_label("Function", exact=True).select_option("square")
    expect(site.get_by_label("Maximum", exact=True)).to_have_text("100.00 at x = -10.00 and x = 10.00")
    site.get_by_role("link", name="2. Optimization").click()
    site.get_by_role("button", name="Run optimization").click()
    expect(site.get_by_label("Replay iteration")).to_be_enabled(timeout=60_000)


def test_reset_restores_the_original(site):
    editor = open_editor(site)
    append_code(site, editor, TRIPLE)
    site.keyboard.press("Control+Enter")
    expect(site.get_by_label("Function", exact=True).locator("option")).to_have_count(5)
    site.get_by_role("button", name="Reset to original").first.click()
    expect(site.get_by_label("Function", exact=True).locator("option")).to_have_count(4)
    expect(editor_end(site, editor)).to_contain_text("return math.cos(x)")
    expect(editor).not_to_contain_text("def tripled")


def test_edits_survive_a_reload(site):
    editor = open_editor(site)
    append_code(site, editor, TRIPLE)
    site.keyboard.press("Control+Enter")
    expect(message(site)).to_have_text("Applied: the page now uses your code.")
    site.reload()
    wait_for_python(site)
    editor = code_editor(site, "functions")
    expect(editor_end(site, editor)).to_contain_text("def tripled")
    expect(site.get_by_label("Function", exact=True).locator("option")).to_contain_text(["tripled"], timeout=60_000)


def test_a_new_optimizer_joins_the_picker(site):
    editor = open_editor(site, "optimization")
    append_code(site, editor, '''

def stand_still(function, start, iterations=100, patience=3):
    """Never moves: the worst optimizer."""
    x = start
    path = [x]
    for _ in range(iterations):
        path.append(x)
    return path
''')
    site.get_by_role("button", name="Apply changes").last.click()
    expect(message(site, "optimization")).to_have_text("Applied: the page now uses your code.")
    optimizer_picker(site).select_option("stand_still")
    expect(site.get_by_role("spinbutton", name="Patience")).to_have_value("3")
    site.get_by_role("button", name="Run optimization").click()
    expect(site.get_by_role("status", name="Verdict")).to_have_text("Did not move: it stayed at x = 0.000 all along")


def test_download_gives_the_edited_file(site):
    editor = open_editor(site)
    append_code(site, editor, TRIPLE)
    with site.expect_download() as download:
        site.get_by_role("button", name="Download functions.py").click()
    assert download.value.suggested_filename == "functions.py"
    assert "def tripled" in open(download.value.path()).read()


SIGN_DESCENT = '''

def sign_descent(gradient, start, iterations=100, learning_rate=0.02):
    """Steps a fixed distance against the sign of each slope."""
    a, b = start
    path = [(a, b)]
    for _ in range(iterations):
        slope_a, slope_b = gradient(a, b)
        a -= learning_rate * ((slope_a > 0) - (slope_a < 0))
        b -= learning_rate * ((slope_b > 0) - (slope_b < 0))
        path.append((a, b))
    return path
'''


def test_a_new_training_optimizer_joins_the_network_page(site):
    editor = open_editor(site, "loss-landscape", module="training")
    page = site.get_by_role("region", name="From one variable to a neural network")
    append_code(site, editor, SIGN_DESCENT)
    site.get_by_role("region", name="Edit the Python: training.py").get_by_role("button", name="Apply changes").click()
    expect(message(site, "training")).to_have_text("Applied: the page now uses your code.")
    page.get_by_label("Optimizer", exact=True).select_option("sign_descent")
    expect(page.get_by_role("note", name="About this optimizer")).to_have_text(
        "Steps a fixed distance against the sign of each slope.")
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_role("status").filter(has_text=re.compile("^Step 100 of 100"))).to_be_visible()


def test_a_training_optimizer_without_points_is_explained(site):
    editor = open_editor(site, "loss-landscape", module="training")
    append_code(site, editor, "\n\ndef broken(gradient, start, iterations=100):\n    return 3\n")
    site.get_by_role("region", name="Edit the Python: training.py").get_by_role("button", name="Apply changes").click()
    expect(message(site, "training")).to_contain_text("broken returned int, not the list of (a, b) points it visited")
    expect(message(site, "training")).to_contain_text("The last version that worked stays active.")


def test_the_editor_is_set_up_only_when_the_learner_scrolls_near_it(site):
    asked = []
    site.on("request", lambda request: request.url.endswith("/editor.js") and asked.append(request.url))
    site.goto(site.index_url + "#/optimization")
    wait_for_python(site)
    panel = site.get_by_role("region", name="Edit the Python: optimization.py")
    assert panel.bounding_box()["y"] > 2 * site.viewport_size["height"], "the panel starts far below the screen"
    # The tasks are set up once Python is ready, right where an editor set up regardless of the
    # screen would be: once they show, such an editor would have asked for CodeMirror's script.
    expect(site.get_by_text("0 of 3 tasks done")).to_be_visible()
    assert asked == []
    expect(site.get_by_role("textbox", name="Python code of optimization.py")).to_have_count(0)
    expect(panel).to_contain_text("def hill_climbing(")
    expect(code_editor(site, "optimization")).to_be_visible()
    assert len(asked) == 1


def test_a_panel_on_the_first_screen_gets_its_editor_without_scrolling(site):
    site.set_viewport_size({"width": 1280, "height": 2400})
    site.goto(site.index_url + "#/functions")
    wait_for_python(site)
    expect(site.get_by_role("textbox", name="Python code of functions.py")).to_be_visible()
    assert site.evaluate("window.scrollY") == 0


def test_each_page_sets_up_its_own_editors_as_the_learner_scrolls_to_them(site):
    open_editor(site)
    site.get_by_role("link", name="3. Neural network").click()
    for module in ["training", "surfaces"]:
        expect(code_editor(site, module)).to_be_visible()
    site.get_by_role("link", name="1. Functions").click()
    expect(code_editor(site, "functions")).to_be_visible()


def test_the_plain_text_hands_the_keyboard_focus_to_the_editor_that_replaces_it(site):
    release = hold_python(site)
    site.goto(site.index_url + "#/functions")
    # Before Python is ready the panel shows the module as plain text, which the keyboard can reach.
    site.get_by_label("functions.py as plain text").focus()
    release()
    wait_for_python(site)
    expect(site.get_by_role("textbox", name="Python code of functions.py")).to_be_focused()
