"""Builds the deployable site into dist/, and serves or tests it.

    python3 build.py          build dist/
    python3 build.py serve    build, then serve dist/ on http://127.0.0.1:8000/
    python3 build.py test     build, install what the tests need, run the whole test suite

Each step below is a small function named for what it produces, printing a line; the recipe
is `build()`. The machinery the steps use lives in tools/.
"""

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

from tools import first_views, offline_copy, page_assembly, pyodide_runtime, static_server
from tools.chromium import install_chromium
from tools.programs import BuildError, run_program, step, uv_command
from tools.pyodide_runtime import STDLIB_NAME, WASM_NAME
from tools.service_worker import write_service_worker

ROOT = Path(__file__).resolve().parent
SITE = ROOT / "site"
PYTHON_ROOT = ROOT / "py"
# The packages the page's Python runs: the lessons, and the plumbing the page calls.
PYTHON_PACKAGES = ("math_fundamentals", "page_api")
TRAINED_NETWORK = "page_api/trained_network.json"
NODE_MODULES = ROOT / "node_modules"
ESBUILD = NODE_MODULES / ".bin" / "esbuild"
PYODIDE = NODE_MODULES / "pyodide"
DIST = ROOT / "dist"
# The stylesheets of site/, served as one style.css: the look, where things stand, the features.
STYLESHEETS = ("style.css", "layout.css", "features.css", "tasks.css", "links.css")
OFFLINE_ZIP_NAME = "math-fundamentals-offline.zip"
SNAPSHOT_NAME = "python-snapshot.bin.gz"
MORE_STDLIB_NAME = "python_stdlib_more.zip"
# The wasm binary is also shipped xz-compressed, 0.9 MB (a quarter) smaller than a server's gzip
# makes it: the page takes that form on slow links, where the saved bytes outweigh the time
# to unpack it.
PACKED = {WASM_NAME}
# Standard-library modules a learner may reasonably import in edited code, on top of
# what Python and the lessons import when they start. Everything else is left out.
LEARNER_MODULES = ["statistics", "fractions", "decimal", "numbers", "cmath", "datetime", "calendar",
                   "pprint", "string", "textwrap", "itertools", "functools", "operator", "collections",
                   "heapq", "bisect", "array", "copy", "time", "timeit", "difflib", "doctest",
                   "unittest", "colorsys", "graphlib", "secrets", "hashlib", "csv", "html", "queue"]
# Modules whose docstrings the compiled library keeps, for help() in a learner's code.
DOCUMENTED_MODULES = {*LEARNER_MODULES, "random", "json", "re", "typing", "dataclasses", "enum"}
# Where the Python files live inside Pyodide's file system (its working directory).
PYTHON_HOME = "/home/pyodide"

sys.path.insert(0, str(PYTHON_ROOT))


def require_node() -> None:
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise BuildError("Node.js and npm are needed to vendor Pyodide and bundle the page. "
                         "Install them (for example `apt-get install nodejs npm`) and run again.")


def npm_packages() -> None:
    """node_modules/ as package-lock.json pins it (pyodide, esbuild)."""
    lock = ROOT / "package-lock.json"
    marker = NODE_MODULES / ".package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        step("npm packages already installed as package-lock.json pins them")
        return
    step("installing the pinned npm packages (npm ci)")
    run_program(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, step="installing the npm packages (npm ci)",
                advice="Check the network and package-lock.json, then run again.")


def clean_dist() -> None:
    """An empty dist/ (with its data/ folder)."""
    shutil.rmtree(DIST, ignore_errors=True)
    (DIST / "data").mkdir(parents=True)
    step(f"emptied {DIST.name}/")


def site_files() -> None:
    """index.html with its fragments put in (tools/page_assembly.py), style.css with layout.css
    after it (one request), and the web app manifest with its icons, as written."""
    (DIST / "index.html").write_text(page_assembly.assembled(SITE, "index.html", {}, "the build"))
    (DIST / "style.css").write_text("\n".join((SITE / name).read_text() for name in STYLESHEETS))
    shutil.copy2(SITE / "manifest.webmanifest", DIST / "manifest.webmanifest")
    shutil.copytree(SITE / "icons", DIST / "icons")
    step("assembled index.html from site/pages and site/parts, and style.css from "
         f"{' and '.join(STYLESHEETS)}; copied the manifest and icons")


def javascript_bundle() -> None:
    """app.js: the ES modules of site/js bundled into one classic script.

    A classic script because Chromium refuses module scripts on file:// pages.
    The Python worker is bundled first, and then into app.js as text, to be started from a Blob URL.
    """
    # module first: gifenc's "browser" entry is its larger CommonJS build.
    main_fields = "--main-fields=module,browser,main"
    with tempfile.TemporaryDirectory() as folder:
        # Named *.worker.js, so that app.js takes it in as text (the loader below), not as code.
        worker = Path(folder) / "python.worker.js"
        esbuild_bundle(SITE / "js" / "python.worker.js", worker, main_fields, '--banner:js="use strict";')
        esbuild_bundle(SITE / "js" / "main.js", DIST / "app.js",
                       "--loader:.worker.js=text", f"--alias:python-worker={worker}", main_fields)
    esbuild_bundle(SITE / "js" / "code-editor.js", DIST / "editor.js", "--minify")
    step(f"bundled site/js into app.js ({(DIST / 'app.js').stat().st_size // 1024} KiB) and the "
         f"CodeMirror editor into editor.js ({(DIST / 'editor.js').stat().st_size // 1024} KiB)")


def esbuild_bundle(entry: Path, output: Path, *options: str) -> None:
    """One classic script (an IIFE) bundled by esbuild from an ES module and all it imports."""
    run_program([str(ESBUILD), str(entry), "--bundle", "--format=iife", "--target=es2022",
                 "--log-level=warning", *options, f"--outfile={output}"],
                step=f"bundling {entry.relative_to(ROOT)} with esbuild",
                advice="Fix the code it points at; if esbuild itself is missing, run `npm ci`.")


def python_runtime() -> None:
    """pyodide/: the Pyodide core, the standard library in two parts and a memory snapshot of
    Python started with the lessons imported, each also wrapped in a classic script for file://
    pages (tools/pyodide_runtime.py does the work).

    The first part holds what Python and the lessons import when they start, compiled to
    bytecode (compiling the sources was most of a cold start without the snapshot). The second
    holds the further modules a learner may import, as sources; the page loads it once Python
    is ready, so it is never on the way to the first run.
    """
    pyodide = pyodide_under_node()
    startup_sources, more_stdlib = standard_library(pyodide)
    stdlib = compiled_stdlib(pyodide, startup_sources)
    snapshot = python_snapshot(pyodide, stdlib)
    runtime_files({STDLIB_NAME: stdlib, MORE_STDLIB_NAME: more_stdlib, SNAPSHOT_NAME: snapshot})


def pyodide_under_node() -> pyodide_runtime.PyodideUnderNode:
    """Pyodide from node_modules, to be run under Node with the lessons in its file system."""
    if not PYODIDE.exists():
        raise BuildError("node_modules/pyodide is missing: run `npm ci`.")
    return pyodide_runtime.PyodideUnderNode(PYODIDE, python_sources())


def standard_library(pyodide) -> tuple[bytes, bytes]:
    """The standard library's two parts, as sources: what Python and the lessons load when they
    start, and what else a learner may import (LEARNER_MODULES)."""
    startup_sources, more_stdlib = pyodide_runtime.split_library(pyodide, LEARNER_MODULES)
    files = len(zipfile.ZipFile(io.BytesIO(startup_sources)).namelist())
    step(f"found the {files} library files Python starts with; {len(more_stdlib) / 2**20:.2f} MiB "
         "more for learners")
    return startup_sources, more_stdlib


def compiled_stdlib(pyodide, startup_sources: bytes) -> bytes:
    """python_stdlib.zip: the start-up part compiled to bytecode by Pyodide's own Python."""
    stdlib = pyodide_runtime.compiled_library(pyodide, startup_sources, DOCUMENTED_MODULES)
    step(f"compiled them to bytecode with Pyodide's Python ({len(stdlib) / 2**20:.2f} MiB)")
    return stdlib


def python_snapshot(pyodide, stdlib: bytes) -> bytes:
    """python-snapshot.bin.gz: Python's memory once started with `stdlib` and the lessons imported."""
    snapshot = pyodide_runtime.memory_snapshot(pyodide, stdlib)
    step(f"saved a memory snapshot of Python with the lessons imported ({len(snapshot) / 2**20:.1f} MiB gzipped)")
    return snapshot


def runtime_files(made: dict[str, bytes]) -> None:
    """pyodide/ and data/runtime-manifest.js: the core's files and the `made` ones, the wasm binary
    also xz-compressed, each also wrapped for file:// pages."""
    files = pyodide_runtime.core_files(PYODIDE) | made
    manifest = pyodide_runtime.write_runtime(files, DIST / "pyodide", packed=PACKED)
    write_data_script("runtime-manifest.js", "MF_RUNTIME_MANIFEST", manifest)
    step(f"vendored the Pyodide runtime ({sum(len(content) for content in files.values()) / 2**20:.1f} MiB)")


def python_sources() -> dict[str, str]:
    """The lessons and the page's plumbing by their path in Pyodide's file system."""
    return {f"{PYTHON_HOME}/{package}/{path.name}": path.read_text()
            for package in PYTHON_PACKAGES for path in sorted((PYTHON_ROOT / package).glob("*.py"))}


def python_files() -> dict[str, str]:
    """py/: the Python files, readable in the folder and bundled for the worker, with the
    network trained at build time beside the plumbing that descends on it."""
    for package in PYTHON_PACKAGES:
        (DIST / "py" / package).mkdir(parents=True, exist_ok=True)
        for path in sorted((PYTHON_ROOT / package).glob("*.py")):
            shutil.copy2(path, DIST / "py" / package / path.name)
    sources = python_sources() | {f"{PYTHON_HOME}/{TRAINED_NETWORK}": (DIST / "py" / TRAINED_NETWORK).read_text()}
    write_data_script("python-files.js", "MF_PYTHON_FILES", sources)
    step(f"packed {len(sources)} Python modules")
    return sources


def network_landscape() -> None:
    """figures/network-landscape.png and data/network-landscape.js: the neural network's loss
    over a 2-D slice of its weights, trained and measured with numpy, drawn with matplotlib.

    Runs in the project's own environment (uv), where numpy and matplotlib are pinned.
    """
    from page_api.discovery import SLICE_SPAN

    output = DIST / "figures"
    done = run_program([uv_command(), "run", "--frozen", "python", "-m", "build_time.network_landscape",
                        str(output), str(SLICE_SPAN)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                       env={**os.environ, "PYTHONPATH": str(PYTHON_ROOT)},
                       step="computing the network's loss landscape (uv run)",
                       advice="Fix the Python error it printed; if uv could not install numpy, check the network.")
    result = json.loads((output / "network-landscape.json").read_text())
    (output / "network-landscape.json").unlink()
    # The trained weights go with the Python that descends on them; the page draws the rest.
    (DIST / "py" / TRAINED_NETWORK).parent.mkdir(parents=True, exist_ok=True)
    (DIST / "py" / TRAINED_NETWORK).write_text(json.dumps(result.pop("network")))
    write_data_script("network-landscape.js", "MF_NETWORK_LANDSCAPE", result)
    step(f"trained the network with numpy and drew its loss landscape ({done.stdout.strip()})")


def lesson_data() -> None:
    """data/lesson-data.js: the first views, computed at build time by the same Python code."""
    from page_api import discovery, runs

    catalog = discovery.catalog()
    data = {"catalog": catalog,
            # Names this build's Python, so edits a learner saved in the browser belong to it.
            "release": f"{zlib.crc32(json.dumps(python_sources(), sort_keys=True).encode()):08x}",
            "samples": {entry["name"]: first_views.thinned(runs.sample(entry["name"]))
                        for entry in catalog["functions"]},
            "landscape": first_views.without_xs(runs.landscape_view())}
    write_data_script("lesson-data.js", "MF_LESSON_DATA", data)
    step("computed the first views with CPython")


def write_data_script(name: str, global_name: str, value) -> None:
    text = json.dumps(value, separators=(",", ":"), allow_nan=False)
    (DIST / "data" / name).write_text(f"globalThis.{global_name} = {text};\n")


def offline_zip() -> None:
    """math-fundamentals-offline.zip: the whole app in one folder that works by double-click, its
    runtime files only in their wrapped form (tools/offline_copy.py)."""
    archive = offline_copy.write_zip(DIST, OFFLINE_ZIP_NAME)
    step(f"zipped the offline copy ({archive.stat().st_size / 2**20:.1f} MiB)")


def service_worker(folder: Path = DIST) -> None:
    """service-worker.js: keeps this release's files for use offline (not the offline zip, nor
    what only file:// pages load); the release's id is a hash of every file shipped."""
    release = write_service_worker(SITE / "service-worker.js", folder, OFFLINE_ZIP_NAME)
    step(f"wrote the service worker of release {release.id}: it keeps {len(release.precache)} files "
         f"({release.precache_bytes / 2**20:.1f} MiB) for use offline")


def build() -> Path:
    """The recipe: every step in order. Returns dist/."""
    require_node()
    npm_packages()
    clean_dist()
    site_files()
    javascript_bundle()
    python_runtime()
    network_landscape()
    python_files()
    lesson_data()
    offline_zip()
    service_worker()
    step(f"done: {DIST}")
    return DIST


def main(arguments: list[str]) -> int:
    command = arguments[0] if arguments else "build"
    try:
        if command == "build":
            build()
        elif command == "serve":
            build()
            static_server.serve(DIST, int(arguments[1]) if len(arguments) > 1 else 8000)
        elif command == "test":
            require_node()
            npm_packages()
            install_chromium()
            return subprocess.run([uv_command(), "run", "--frozen", "pytest", *arguments[1:]], cwd=ROOT).returncode
        else:
            print(__doc__)
            return 2
    except BuildError as error:
        print(f"build: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
