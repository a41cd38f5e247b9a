"""The drawing kit (site/js/plot.js): its pure helpers, tested in Node (tests/js/plot.test.mjs)."""

import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).parent / "js" / "plot.test.mjs"


def test_drawing_helpers_in_node():
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is not installed; the build needs it too (see the README).")
    done = subprocess.run([node, "--test", str(TESTS)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
