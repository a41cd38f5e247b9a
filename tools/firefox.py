"""Firefox for the engine tests and the benchmark: Debian's firefox-esr driven by Puppeteer over WebDriver BiDi,
in a Node process (puppeteer-bridge.mjs) that this module talks to by JSON lines, with the same
methods as webkit.WebKitPage."""

import itertools
import json
import selectors
import shutil
import subprocess
from pathlib import Path

BRIDGE = Path(__file__).with_name("puppeteer-bridge.mjs")
FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")
MISSING = ("Firefox is not installed: `apt-get install firefox-esr` (.ci/run does it)"
           if FIREFOX is None else None)
# Every wait in the browser has its own bound (timeout_s); this margin bounds the reply itself.
REPLY_MARGIN_S = 30


class BridgeError(AssertionError):
    """What Puppeteer reported for a request (a wait that ran out, a control not found)."""


class FirefoxBridge:
    """One Firefox for the session, behind the Node bridge."""

    def __init__(self, root: Path, timeout_s: float):
        self.timeout_s = timeout_s
        self.process = subprocess.Popen(["node", str(BRIDGE), FIREFOX, str(int(timeout_s * 1000))], cwd=root,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.ids = itertools.count()
        self.version = self.reply()["ready"]

    def reply(self) -> dict:
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            if not selector.select(self.timeout_s + REPLY_MARGIN_S):
                raise BridgeError("the Puppeteer bridge did not answer")
        line = self.process.stdout.readline()
        if not line:
            raise BridgeError(f"the Puppeteer bridge stopped (exit code {self.process.wait()})")
        return json.loads(line)

    def request(self, op: str, **args):
        request_id = next(self.ids)
        self.process.stdin.write(json.dumps({"id": request_id, "op": op, "args": args}) + "\n")
        self.process.stdin.flush()
        answer = self.reply()
        assert answer["id"] == request_id
        if "error" in answer:
            raise BridgeError(f"{op}({args}): {answer['error']}")
        return answer["value"]

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=self.timeout_s)


class FirefoxPage:
    """A fresh Firefox context (its own storage) showing one page of the site."""

    def __init__(self, bridge: FirefoxBridge):
        self.request = bridge.request
        self.version = bridge.version

    def open(self, url: str, root: str) -> None:
        self.request("open", url=url, root=root)

    def close(self) -> list[str]:
        """Closes the context; returns the requests that left the site's folder and the page's errors."""
        return self.request("close")

    def click(self, role: str, name: str) -> None:
        self.request("click", role=role, name=name)

    def focus(self, role: str, name: str) -> None:
        self.request("focus", role=role, name=name)

    def scroll_to(self, role: str, name: str) -> None:
        """Scrolls the named element into view, as a learner scrolls down to it."""
        self.request("scrollTo", role=role, name=name)

    def fill(self, role: str, name: str, text: str) -> None:
        self.request("fill", role=role, name=name, text=text)

    def press(self, keys: str) -> None:
        self.request("press", keys=keys)

    def type(self, text: str) -> None:
        self.request("type", text=text)

    def expect_text(self, role: str, name: str, text: str) -> None:
        self.request("expectText", role=role, name=name, text=text)

    def expect_label(self, start: str, text: str) -> None:
        self.request("expectLabel", start=start, text=text)

    def wait_for_text(self, text: str) -> None:
        self.request("waitForText", text=text)

    def call(self, method: str, args: dict):
        return self.request("call", method=method, args=args)

    def measure(self, expression: str):
        """The value of a JavaScript expression (awaited if a promise) evaluated in the page."""
        return self.request("measure", expression=expression)
