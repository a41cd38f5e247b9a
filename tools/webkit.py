"""WebKit for the engine tests and the benchmark: WebKitGTK's MiniBrowser driven by its WebDriver (WebKitWebDriver,
through Selenium) on a virtual screen (Xvfb), with the same methods as firefox.FirefoxPage."""

import glob
import os
import shutil
import subprocess

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

MINIBROWSER = next(iter(glob.glob("/usr/lib/*/webkit2gtk-4.1/MiniBrowser")), None)
MISSING = ("WebKit is not installed: `apt-get install webkit2gtk-driver xvfb` (.ci/run does it)"
           if MINIBROWSER is None or not shutil.which("WebKitWebDriver") or not shutil.which("Xvfb") else None)
KEYS = {"Control": Keys.CONTROL, "Shift": Keys.SHIFT, "Home": Keys.HOME, "Enter": Keys.ENTER, "Tab": Keys.TAB,
        "ArrowLeft": Keys.ARROW_LEFT}
# WebDriver has no "find by accessible name", so a control is found where its name comes from:
# its own aria-label, a <label for> pointing at it, a button's text, or the element its
# aria-labelledby points at (a region's heading); then the name the
# browser computes for it (WebDriver's Get Computed Label) must be that name. The role is not
# compared: WebKitGTK reports some differently from the ARIA mapping (a <select> as "button",
# a number input as "textbox").
NAMED = ("//*[@aria-label={name}] | //button[normalize-space()={name}]"
         " | //*[@id=//label[normalize-space()={name}]/@for]"
         " | //*[@aria-labelledby=//*[normalize-space()={name}]/@id]")


class VirtualScreen:
    """An Xvfb display for MiniBrowser, which needs one even to print its help."""

    def __init__(self):
        read, write = os.pipe()
        # Xvfb writes its display number to this pipe once it accepts clients: the signal to go on.
        self.process = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24",
                                         "-nolisten", "tcp"], pass_fds=[write], stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()

    def close(self):
        self.process.terminate()
        self.process.wait()


def xpath_string(text: str) -> str:
    return f"'{text}'" if "'" not in text else f'"{text}"'


class WebKitPage:
    """A fresh MiniBrowser (its own storage) showing one page of the site."""

    def __init__(self, screen: VirtualScreen, timeout_s: float):
        options = webdriver.WebKitGTKOptions()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        service = webdriver.WebKitGTKService(env={**os.environ, "DISPLAY": screen.display})
        self.driver = webdriver.WebKitGTK(options=options, service=service)
        # The page may replace an element while a wait looks at it: then the wait looks again.
        self.wait = WebDriverWait(self.driver, timeout_s, poll_frequency=0.1,
                                  ignored_exceptions=[StaleElementReferenceException])
        self.driver.set_script_timeout(timeout_s)
        self.version = self.driver.capabilities.get("browserVersion")
        self.root = None

    def open(self, url: str, root: str) -> None:
        self.root = root
        self.driver.get(url)

    def close(self) -> list[str]:
        """Ends the browser; returns the requests that left the site's folder.

        WebKitWebDriver reports neither requests nor console messages, so the page's own Resource
        Timing entries list what it loaded (data: and blob: URLs are not in them).
        """
        loaded = self.driver.execute_script("return performance.getEntriesByType('resource').map((e) => e.name)")
        self.driver.quit()
        return [f"request outside: {url}" for url in loaded if not url.startswith(self.root)]

    def named(self, role: str, name: str):
        def shown(driver):
            found = driver.find_elements(By.XPATH, NAMED.format(name=xpath_string(name)))
            return next((element for element in found if element.is_displayed() and element.accessible_name == name),
                        False)
        return self.wait.until(shown, f"no control named {name!r} is shown")

    def act(self, role: str, name: str, action) -> None:
        """Does `action` on the named control (again, if the page replaced the control meanwhile or the
        action returned False)."""
        self.wait.until(lambda _: action(self.named(role, name)) is not False, f"could not act on {name!r}")

    def click(self, role: str, name: str) -> None:
        self.act(role, name, lambda element: element.click() if element.is_enabled() else False)

    def focus(self, role: str, name: str) -> None:
        self.act(role, name, lambda element: element.click())

    def scroll_to(self, role: str, name: str) -> None:
        """Scrolls the named element into view, as a learner scrolls down to it."""
        scroll = "arguments[0].scrollIntoView()"
        self.act(role, name, lambda element: self.driver.execute_script(scroll, element))

    def fill(self, role: str, name: str, text: str) -> None:
        def fill(element):
            if element.tag_name == "select":
                Select(element).select_by_visible_text(text)
            else:
                element.send_keys(Keys.CONTROL, "a")
                element.send_keys(text)
        self.act(role, name, fill)

    def press(self, keys: str) -> None:
        *held, key = [KEYS.get(part, part) for part in keys.split("+")]
        actions = ActionChains(self.driver)
        for modifier in held:
            actions.key_down(modifier)
        actions.send_keys(key)
        for modifier in reversed(held):
            actions.key_up(modifier)
        actions.perform()

    def type(self, text: str) -> None:
        ActionChains(self.driver).send_keys(text).perform()

    def expect_text(self, role: str, name: str, text: str) -> None:
        self.wait.until(lambda _: text in self.named(role, name).text, f"{name!r} never showed {text!r}")

    def expect_label(self, start: str, text: str) -> None:
        xpath = f"//*[starts-with(@aria-label, {xpath_string(start)})]"
        self.wait.until(lambda driver: any(text in element.get_attribute("aria-label")
                                           for element in driver.find_elements(By.XPATH, xpath)
                                           if element.is_displayed()), f"no {start!r} label with {text!r}")

    def wait_for_text(self, text: str) -> None:
        self.wait.until(lambda driver: text in driver.find_element(By.TAG_NAME, "body").text,
                        f"the page never showed {text!r}")

    def call(self, method: str, args: dict):
        return self.driver.execute_async_script(
            "const [method, args, done] = arguments;"
            "mathFundamentals.call(method, args).then(done, (error) => done({error: String(error)}));", method, args)

    def measure(self, expression: str):
        """The value of a JavaScript expression (awaited if a promise) evaluated in the page."""
        return self.driver.execute_async_script(
            f"const done = arguments[0]; Promise.resolve({expression}).then(done, (error) => done({{error: String(error)}}));")
