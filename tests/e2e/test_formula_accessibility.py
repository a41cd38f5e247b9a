"""axe-core on the update rule and the derivative explorer once they show Python's numbers,
at desktop size and on a phone, light and dark; neither makes the page scroll sideways.
(tests/e2e/test_accessibility.py runs axe over whole pages.)"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_site, wait_for_python
from tests.e2e.test_accessibility import AXE

PARTS = [".update-rule", ".derivative-explorer"]


def violations(page):
    """axe-core's violations inside the update rule and the derivative explorer."""
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate("(parts) => axe.run({include: parts.map((part) => [part])}, "
                           "{resultTypes: ['violations']})", PARTS)
    return [(v["id"], v["help"], [node["target"] for node in v["nodes"]][:3]) for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width, height", [(1400, 900), (375, 740)])
def test_no_axe_violations_with_the_rule_and_the_explorer_shown(browser, http_root, scheme, width, height):
    context, page, guard = open_site(browser, http_root, viewport={"width": width, "height": height}, bypass_csp=True)
    page.emulate_media(color_scheme=scheme)
    page.goto(http_root + "index.html#/functions?function=sqrt")
    wait_for_python(page)
    explorer = page.get_by_role("region", name="What is a derivative?")
    explorer.get_by_label("Point x").fill("-1")
    expect(explorer.get_by_label("Derivative f′(x)")).to_have_text("undefined here")
    explorer.get_by_text("Python's answers for this function").click()
    expect(explorer.get_by_role("listitem").filter(has_text="f′ is undefined at")).to_be_visible()
    assert violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.goto(http_root + "index.html#/optimization?optimizer=simulated_annealing&start=-5&seed=3&replay=12")
    rule = page.get_by_role("group", name="Update rule").filter(visible=True)
    expect(rule.get_by_role("math", name=re.compile("^temperature = "))).to_be_visible()
    assert violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.goto(http_root + "index.html#/loss-landscape?descent=adam&a=-1&b=1&replay=3")
    rule = page.get_by_role("group", name="Update rule").filter(visible=True)
    expect(rule.get_by_role("math", name=re.compile("^b = "))).to_be_visible()
    assert violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
    assert guard.errors == []
