"""The editor always says whether what it shows is what the page runs, and shows an error's line."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import code_editor, wait_for_python
from tests.e2e.test_editor import append_code, editor_end, message, open_editor

# What a run shows is the same over http and from file:// (see conftest.pytest_collection_modifyitems).
SCHEMES = ("http",)


def editor_state(site, module="functions"):
    return site.get_by_role("region", name=f"Edit the Python: {module}.py").get_by_text(
        re.compile(r"^Editor state: "))


def test_the_state_line_follows_typing_and_applying(site):
    editor = open_editor(site)
    expect(editor_state(site)).to_have_text(
        "Editor state: applied. The page runs the code the editor shows (the original code).")
    expect(editor).to_have_accessible_description(re.compile("^Editor state: applied"))
    append_code(site, editor, "\n\ndef tripled(x: float) -> float:\n    return 3 * x\n")
    expect(editor_state(site)).to_have_text("Editor state: not applied yet. The page runs the original code, not what "
                                            "the editor shows; press Apply changes to use it.")
    site.keyboard.press("Control+Enter")
    expect(editor_state(site)).to_have_text("Editor state: applied. The page runs the code the editor shows.")
    append_code(site, editor, "\n")
    expect(editor_state(site)).to_contain_text("not applied yet. The page runs your last version that worked")


def test_a_draft_that_failed_says_so_after_a_reload(site):
    editor = open_editor(site)
    append_code(site, editor, "\n\ndef broken(x)\n    return x\n")
    site.keyboard.press("Control+Enter")
    expect(message(site)).to_contain_text("SyntaxError")
    failed = re.compile(r"^Editor state: failed\. Line \d+: SyntaxError: expected ':'\. What the editor shows is "
                        r"not in use: the page runs the original code\.$")
    expect(editor_state(site)).to_have_text(failed)
    site.reload()
    wait_for_python(site)
    editor = code_editor(site, "functions")
    expect(editor_end(site, editor)).to_contain_text("def broken(x)")
    expect(editor_state(site)).to_have_text(failed)
    expect(editor).to_have_accessible_description(failed)
    expect(site.get_by_label("Function", exact=True).locator("option")).to_have_count(4)


def test_an_error_scrolls_the_editor_to_its_line(site):
    editor = open_editor(site)
    # Called at the end of the file, square fails on its own line, far above the cursor.
    append_code(site, editor, "\n\nsquare('a')\n")
    site.keyboard.press("Control+Enter")
    expect(message(site)).to_contain_text(re.compile(r"^Line \d+: TypeError"))
    line = int(re.match(r"Line (\d+)", message(site).text_content())[1])
    host = site.locator("#functions-editor")
    assert line < 60
    # The line with the error is in the part of the editor that can be seen.
    error_line = host.locator(".cm-line").filter(has_text="return x * x")
    expect(error_line).to_be_in_viewport()
    box, frame = error_line.bounding_box(), host.bounding_box()
    assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"]
