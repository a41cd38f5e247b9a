"""The page's text: fragments put together by the build, and lessons that name real optimizers."""

import re

import pytest
from playwright.sync_api import expect

import build
from page_api import discovery
from tests.e2e.conftest import code_editor, optimizer_picker, wait_for_python

STAND_STILL = '''

def stand_still(function, start, iterations=100, patience=3):
    """Never moves: the worst optimizer."""
    return [start] * (iterations + 1)
'''


def test_every_lesson_is_about_an_optimizer_of_the_catalog():
    text = "".join(path.read_text() for path in sorted(build.SITE.rglob("*.html")))
    lessons = re.findall(r'data-lesson="([^"]*)"', text)
    optimizers = [optimizer["name"] for optimizer in discovery.catalog()["optimizers"]]
    assert len(lessons) >= 5
    assert [name for name in lessons if name not in optimizers] == []


def test_an_optimizer_without_a_lesson_gets_the_general_one(site):
    site.goto(site.index_url + "#/optimization")
    wait_for_python(site)
    general = site.get_by_role("heading", name="An optimizer of your own")
    expect(general).to_be_hidden()
    editor = code_editor(site, "optimization")
    editor.click()
    site.keyboard.press("Control+End")
    site.keyboard.insert_text(STAND_STILL)
    site.keyboard.press("Control+Enter")
    optimizer_picker(site).select_option("stand_still")
    expect(general).to_be_visible()
    expect(site.get_by_role("heading", name="Hill climbing", exact=True)).to_be_hidden()
    optimizer_picker(site).select_option("hill_climbing")
    expect(general).to_be_hidden()
    expect(site.get_by_role("heading", name="Hill climbing", exact=True)).to_be_visible()


def test_the_built_page_holds_every_fragment(dist):
    html = (dist / "index.html").read_text()
    assert "<!-- include" not in html and "{{" not in html
    for heading in ["What is a function?", "Climbing to the top: optimization", "From one variable to a neural network",
                    "Edit the Python: training.py", "An optimizer of your own"]:
        assert heading in html


@pytest.fixture
def site_copy(tmp_path, monkeypatch):
    """site/ and dist/ in a temporary folder, for the build to assemble a page a test writes."""
    monkeypatch.setattr(build, "SITE", tmp_path / "site")
    monkeypatch.setattr(build, "DIST", tmp_path / "dist")
    (tmp_path / "site" / "parts").mkdir(parents=True)
    (tmp_path / "dist").mkdir()
    for name in (*build.STYLESHEETS, "manifest.webmanifest"):
        (tmp_path / "site" / name).write_text("")
    (tmp_path / "site" / "icons").mkdir()
    return tmp_path / "site"


def test_a_missing_fragment_stops_the_build_with_its_name(site_copy):
    (site_copy / "index.html").write_text("<main>\n<!-- include pages/gone.html -->\n</main>\n")
    with pytest.raises(build.BuildError, match=r"site/pages/gone\.html is missing \(site/index\.html includes it\)"):
        build.site_files()


def test_a_fragment_gets_its_values_and_a_missing_value_stops_the_build(site_copy):
    (site_copy / "parts" / "hello.html").write_text('<p id="{{prefix}}hello">Hello</p>\n')
    (site_copy / "index.html").write_text('<!-- include parts/hello.html prefix="descent-" -->\n')
    build.site_files()
    assert (build.DIST / "index.html").read_text() == '<p id="descent-hello">Hello</p>\n'
    (site_copy / "index.html").write_text("<!-- include parts/hello.html -->\n")
    with pytest.raises(build.BuildError, match=r"site/parts/hello\.html needs a value for \{\{prefix\}\}"):
        build.site_files()
