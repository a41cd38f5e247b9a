"""The guard that fails tests on requests outside the site's folder can itself fail."""

from tests.e2e.conftest import open_site


def test_guard_catches_a_request_outside_the_folder(browser, http_root):
    # Without the page's CSP, which would refuse these requests before the guard sees them.
    context, page, guard = open_site(browser, http_root, bypass_csp=True)
    page.goto(http_root + "index.html")
    page.evaluate("() => fetch('http://127.0.0.1:9/elsewhere').catch(() => null)")
    page.evaluate("() => fetch('/not-the-site/file.js').catch(() => null)")
    context.close()
    assert guard.outside == ["http://127.0.0.1:9/elsewhere",
                             http_root.split("/math-fundamentals/")[0] + "/not-the-site/file.js"]
