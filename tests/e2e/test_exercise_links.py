"""Exercise links for teachers: a link made from the page opens it with a card, locked and hidden
controls; hostile values in such a link are ignored with a notice that names them."""

import re
import zipfile

import pytest
from playwright.sync_api import expect

import build
from tests.e2e.conftest import open_site, wait_for_python
from tests.e2e.test_accessibility import violations

LOCKED_NOTE = "Locked by your teacher's link"
TRAP = "Trap it on the local maximum"


def make_link(page, card=None, choices=()):
    """Opens "For teachers", picks the card and each (control, shown/locked/hidden); returns the link."""
    page.get_by_text("For teachers: make an exercise link").click()
    if card:
        page.get_by_label("Experiment card to open").select_option(label=card)
    for control, choice in choices:
        page.get_by_role("group", name=control, exact=True).get_by_role("radio", name=choice, exact=True).check()
    page.get_by_role("button", name="Make an exercise link").click()
    return page.get_by_label("Exercise link", exact=True).input_value()


def exercise_banner(page):
    return page.get_by_role("region", name="Exercise", exact=True)


def test_a_link_made_from_the_page_opens_it_as_an_exercise(site):
    site.goto(site.index_url + "#/optimization?optimizer=hill_climbing&start=-12&scale=0.1&seed=5")
    wait_for_python(site)
    expect(site.get_by_role("heading", name=TRAP)).to_be_visible()
    link = make_link(site, card=TRAP, choices=[("Starting point", "locked"), ("Optimizer", "hidden"),
                                              ("Where do I end up?", "hidden")])
    assert link.startswith(site.index_url + "#/optimization?")
    for part in ["optimizer=hill_climbing", "start=-12", "scale=0.1", "seed=5", "card=hill-trap", "lock=start",
                 "hide=optimizer%2Csweep"]:
        assert part in link
    hash_part = site.get_by_label(re.compile("^On another computer"))
    if site.index_url.startswith("file:"):
        expect(hash_part).to_have_value(link[len(site.index_url):])
    else:
        expect(hash_part).to_be_hidden()
    site.get_by_role("button", name="Copy the link").click()
    expect(site.get_by_text(re.compile("^(Copied the link|The link is selected)"))).to_be_visible()

    site.goto("about:blank")
    site.goto(link)
    wait_for_python(site)
    banner = exercise_banner(site)
    expect(banner).to_contain_text(f"Experiment: {TRAP}. Locked: Starting point. Hidden: Optimizer, Where do I end up?")
    start = site.get_by_label("Starting point", exact=True)
    expect(start).to_be_disabled()
    expect(start).to_have_value("-12")
    expect(start).to_have_accessible_description(re.compile(LOCKED_NOTE))
    expect(site.get_by_role("combobox", name="Optimizer", exact=True)).to_have_count(0)
    expect(site.get_by_role("button", name="Where do I end up?")).to_have_count(0)
    expect(site.get_by_label("Scale", exact=True)).to_be_editable()
    card = site.get_by_role("article", name=TRAP)
    expect(card).to_contain_text("Your teacher chose this experiment.")
    expect(card).to_be_in_viewport()
    # The run and its replay still work, and a run does not unlock what the link locked.
    site.get_by_role("button", name="Run optimization").click()
    expect(site.get_by_label("Replay iteration")).to_be_enabled()
    expect(site.get_by_role("status").filter(has_text=re.compile("^Iteration 100 of 100"))).to_be_visible()
    expect(start).to_be_disabled()

    banner.get_by_role("button", name="Leave the exercise: show every control").click()
    expect(banner).to_be_hidden()
    expect(start).to_be_enabled()
    expect(site.get_by_role("combobox", name="Optimizer", exact=True)).to_be_visible()
    expect(site.get_by_role("button", name="Where do I end up?")).to_be_enabled()
    expect(site.get_by_text(LOCKED_NOTE)).to_have_count(0)
    site.wait_for_function("() => !location.hash.includes('lock=')")


HOSTILE = [
    ("#/optimization?lock=xyz", ["This link asked to lock 'xyz', which this page does not have; ignored."]),
    ("#/optimization?hide=<script>alert(1)</script>", ["This link asked to hide '<script>alert(1)</script…'"]),
    ("#/optimization?card=__proto__&lock=__proto__,constructor",
     ["asked to open the experiment '__proto__'", "asked to lock '__proto__'", "asked to lock 'constructor'"]),
    ("#/optimization?lock=" + "a" * 5000, ["asked to lock 'aaaaaaaaaaaaaaaaaaaaaaaa…'"]),
    ("#/optimization?card=no-such-card&hide=toString", ["asked to open the experiment 'no-such-card'",
                                                         "asked to hide 'toString'"]),
    ("#/loss-landscape?card=hill-trap&lock=a,%22onmouseover=alert(1)", ["open the experiment 'hill-trap'",
                                                                         "asked to lock 'a'", "'\"onmouseover=alert(1)'"]),
    ("#/functions?lock=function<b>&hide=scale", ["asked to lock 'function<b>'", "asked to hide 'scale'"]),
]


def test_hostile_exercise_links_are_ignored_with_a_notice(site):
    site.goto(site.index_url + "#/optimization")
    wait_for_python(site)
    expect(site.get_by_role("heading", name=TRAP)).to_be_visible()
    notice = site.get_by_role("alert")
    for hash_part, expected in HOSTILE:
        site.goto(site.index_url + hash_part)
        for text in expected:
            expect(notice).to_contain_text(text)
        expect(site.get_by_role("heading", level=1)).to_be_visible()
    assert site.evaluate("document.querySelectorAll('main script, footer script').length") == 0
    # What was ignored leaves the page whole: no exercise, every control there, and a run works.
    site.goto(site.index_url + "#/optimization?lock=start,bogus")
    expect(notice).to_contain_text("asked to lock 'bogus'")
    expect(site.get_by_label("Starting point", exact=True)).to_be_disabled()
    site.get_by_role("button", name="Run optimization").click()
    expect(site.get_by_label("Replay iteration")).to_be_enabled()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_exercise_mode_has_no_axe_violations(browser, http_root, scheme):
    context, page, guard = open_site(browser, http_root, bypass_csp=True)
    page.emulate_media(color_scheme=scheme)
    page.goto(http_root + "index.html#/optimization?optimizer=hill_climbing&start=-12&scale=0.1&card=hill-trap"
              "&lock=start,scale&hide=sweep")
    wait_for_python(page)
    expect(page.get_by_role("article", name=TRAP)).to_contain_text("Your teacher chose this experiment.")
    make_link(page, card=TRAP, choices=[("Seed", "locked")])
    expect(exercise_banner(page)).to_contain_text("Locked: Starting point, Scale.")
    assert violations(page) == []
    context.close()
    assert guard.errors == []


def test_an_exercise_link_works_in_the_unzipped_offline_copy(browser, dist, tmp_path):
    with zipfile.ZipFile(dist / build.OFFLINE_ZIP_NAME) as archive:
        archive.extractall(tmp_path)
    root = (tmp_path / "math-fundamentals").as_uri() + "/"
    context, page, guard = open_site(browser, root)
    page.goto(root + "index.html#/loss-landscape?descent=gradient_descent&a=1&b=1&lock=start_a,start_b&hide=race")
    wait_for_python(page)
    expect(exercise_banner(page)).to_contain_text("Locked: Start a, Start b. Hidden: Race.")
    expect(page.get_by_label("Start a", exact=True)).to_be_disabled()
    expect(page.get_by_role("group", name="Race", exact=True)).to_have_count(0)
    link = make_link(page, choices=[("Start b", "shown")])
    assert link.startswith(root) and "lock=start_a&" in link
    expect(page.get_by_label(re.compile("^On another computer"))).to_have_value(link[len(root + "index.html"):])
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_label("Replay step")).to_be_enabled()
    context.close()
    assert guard.outside == [] and guard.errors == []
