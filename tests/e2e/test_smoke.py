from playwright.sync_api import expect

from tests.e2e.conftest import wait_for_python


def test_gradient_ascent_runs(site):
    site.goto(site.index_url + "#/optimization")
    wait_for_python(site)
    site.get_by_label("Optimizer").select_option("gradient_ascent")
    site.get_by_label("Step size").fill("0.1")
    site.get_by_role("button", name="Run optimization").click()
    expect(site.get_by_role("status").filter(has_text="Iteration")).to_contain_text("Iteration 100 of 100")
    site.screenshot(path="/tmp/opt.png")
