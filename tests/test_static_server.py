"""The static server answers as GitHub Pages does: under a sub-path, gzip on request, fixed types."""

import gzip
import urllib.error
import urllib.request
from email.message import Message

import pytest

from tools.static_server import serving


def fetch(url: str, **headers) -> tuple[Message, bytes]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.headers, response.read()


def test_files_are_served_under_the_prefix_gzipped_when_accepted(tmp_path):
    (tmp_path / "app.js").write_text("globalThis.answer = 42;\n" * 100)
    (tmp_path / "runtime.wasm").write_bytes(b"\0asm" + bytes(100))
    with serving(tmp_path, "/site/") as root:
        headers, body = fetch(root + "app.js", **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip" and headers["Content-Type"] == "text/javascript"
        assert gzip.decompress(body) == (tmp_path / "app.js").read_bytes()
        assert headers["Cache-Control"] == "max-age=600"
        headers, body = fetch(root + "runtime.wasm")
        assert headers["Content-Type"] == "application/wasm" and headers["Content-Encoding"] is None
        assert body == (tmp_path / "runtime.wasm").read_bytes()
        with pytest.raises(urllib.error.HTTPError, match="404"):
            fetch(root.removesuffix("site/") + "app.js")


def test_the_folder_index_is_gzipped_too(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>\n" * 50)
    with serving(tmp_path, "/site/") as root:
        headers, body = fetch(root, **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip" and headers["Content-Type"] == "text/html"
        assert gzip.decompress(body) == (tmp_path / "index.html").read_bytes()
