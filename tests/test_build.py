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


def test_offline_zip_holds_everything_but_itself(dist):
    with zipfile.ZipFile(dist / build.OFFLINE_ZIP_NAME) as archive:
        names = set(archive.namelist())
    built = {f"math-fundamentals/{path.relative_to(dist).as_posix()}" for path in dist.rglob("*")
             if path.is_file() and path.name != build.OFFLINE_ZIP_NAME}
    assert names == built


def test_pages_workflow_builds_with_the_readme_command_and_uploads_dist():
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text()
    assert "run: python3 build.py\n" in workflow
    assert "actions/upload-pages-artifact" in workflow and "path: dist\n" in workflow
    assert "actions/deploy-pages" in workflow
    readme = (ROOT / "README.md").read_text()
    assert "python3 build.py serve" in readme and "python3 build.py test" in readme
