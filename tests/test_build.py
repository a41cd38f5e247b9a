"""The build: what dist/ holds, and that the Pages workflow builds it the README's way."""

import json
import lzma
import re
import zipfile
import zlib
from pathlib import Path

import build
from tools import pyodide_runtime

ROOT = Path(build.__file__).parent


def test_dist_has_the_site_runtime_and_lessons(dist):
    for name in ["index.html", "style.css", "app.js", "data/lesson-data.js", "data/python-files.js",
                 "pyodide/pyodide.asm.wasm", "pyodide/offline/pyodide.asm.wasm.js",
                 "py/math_fundamentals/functions.py", build.OFFLINE_ZIP_NAME]:
        assert (dist / name).is_file(), name


def test_every_url_in_the_page_is_relative(dist):
    html = (dist / "index.html").read_text()
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not re.match(r"^(https?:)?//|^/", url), url


def test_runtime_manifest_matches_the_files(dist):
    text = (dist / "data" / "runtime-manifest.js").read_text()
    manifest = json.loads(text[text.index("{"):text.rindex("}") + 1])
    for name, expected in manifest.items():
        data = (dist / "pyodide" / name).read_bytes()
        assert (len(data), zlib.crc32(data)) == (expected["size"], expected["crc32"]), name
        if "packed" in expected:  # the smaller form a slow link gets unpacks to the very same bytes
            packed = (dist / "pyodide" / (name + pyodide_runtime.PACKED_SUFFIX)).read_bytes()
            assert len(packed) == expected["packed"] and lzma.decompress(packed) == data, name
    assert "packed" in manifest[build.WASM_NAME]


def test_offline_zip_holds_everything_but_itself_and_the_raw_runtime(dist):
    with zipfile.ZipFile(dist / build.OFFLINE_ZIP_NAME) as archive:
        names = set(archive.namelist())
        manifest = archive.read("math-fundamentals/data/runtime-manifest.js").decode()
    raw_runtime = {path for path in (dist / "pyodide").iterdir() if path.is_file()}
    built = {f"math-fundamentals/{path.relative_to(dist).as_posix()}" for path in dist.rglob("*")
             if path.is_file() and path.name != build.OFFLINE_ZIP_NAME and path not in raw_runtime}
    assert names == built
    assert manifest.endswith("globalThis.MF_OFFLINE_COPY = true;\n")
    assert (dist / build.OFFLINE_ZIP_NAME).stat().st_size <= 15 * 2**20
