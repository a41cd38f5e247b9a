"""The build: what dist/ holds, and that the Pages workflow builds it the README's way."""

import base64
import hashlib
import json
import lzma
import re
import zipfile
import zlib
from pathlib import Path

import build
from tools import pyodide_runtime, service_worker

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
             if path.is_file() and path.name not in (build.OFFLINE_ZIP_NAME, service_worker.NAME)
             and path not in raw_runtime}
    assert names == built
    assert manifest.endswith("globalThis.MF_OFFLINE_COPY = true;\n")
    assert (dist / build.OFFLINE_ZIP_NAME).stat().st_size <= 15 * 2**20


def test_the_service_worker_keeps_what_an_http_page_loads_and_nothing_else(dist):
    files = service_worker.read_release(dist)["files"]
    for name, integrity in files.items():
        digest = hashlib.sha256((dist / name).read_bytes()).digest()
        assert integrity == "sha256-" + base64.b64encode(digest).decode(), name
    assert build.OFFLINE_ZIP_NAME not in files and service_worker.NAME not in files
    assert not [name for name in files if name.startswith("pyodide/offline/") or name.endswith(".xz")]
    assert {"index.html", "manifest.webmanifest", "icons/maskable-512.png", "app.js", "editor.js",
            "data/lesson-data.js", "data/network-landscape.js", "pyodide/pyodide.asm.wasm",
            "pyodide/python-snapshot.bin.gz", "pyodide/python_stdlib_more.zip"} <= set(files)


def test_any_shipped_file_but_the_offline_zip_makes_a_new_release(tmp_path):
    site = tmp_path / "site"
    (site / "pyodide" / "offline").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html>")
    (site / "pyodide" / "offline" / "python_stdlib.zip.js").write_text("one")
    (site / build.OFFLINE_ZIP_NAME).write_bytes(b"zip")
    template = build.SITE / service_worker.NAME
    first = service_worker.write_service_worker(template, site, build.OFFLINE_ZIP_NAME)
    assert set(first.precache) == {"index.html"}
    assert service_worker.read_release(site) == {"release": first.id, "files": first.precache}
    (site / build.OFFLINE_ZIP_NAME).write_bytes(b"zipped again, at another time")
    assert service_worker.write_service_worker(template, site, build.OFFLINE_ZIP_NAME).id == first.id
    (site / "pyodide" / "offline" / "python_stdlib.zip.js").write_text("two")
    assert service_worker.write_service_worker(template, site, build.OFFLINE_ZIP_NAME).id != first.id
