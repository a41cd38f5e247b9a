"""Builds the deployable site into dist/, and serves or tests it.

    python3 build.py          build dist/
    python3 build.py serve    build, then serve dist/ on http://127.0.0.1:8000/
    python3 build.py test     build, install what the tests need, run the whole test suite

Each step below is a small function named for what it produces; the recipe is `build()`.
"""

import base64
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SITE = ROOT / "site"
PYTHON_PACKAGE = ROOT / "py" / "math_fundamentals"
NODE_MODULES = ROOT / "node_modules"
PYODIDE = NODE_MODULES / "pyodide"
DIST = ROOT / "dist"
RUNTIME = DIST / "pyodide"
OFFLINE_ZIP_NAME = "math-fundamentals-offline.zip"
# Where the Python files live inside Pyodide's file system (its working directory).
PYTHON_HOME = "/home/pyodide"
MIME_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
              ".json": "application/json", ".zip": "application/zip", ".py": "text/x-python"}


class BuildError(Exception):
    """A step cannot go on; the message says what is missing and how to get it."""


def step(message: str) -> None:
    print(f"build: {message}", flush=True)


def require_node() -> None:
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise BuildError("Node.js and npm are needed to vendor Pyodide and bundle the page. "
                         "Install them (for example `apt-get install nodejs npm`) and run again.")


def npm_packages() -> None:
    """node_modules/ as package-lock.json pins it (pyodide, esbuild)."""
    lock = ROOT / "package-lock.json"
    marker = NODE_MODULES / ".package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    step("installing the pinned npm packages (npm ci)")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)


def clean_dist() -> None:
    shutil.rmtree(DIST, ignore_errors=True)
    (DIST / "data").mkdir(parents=True)


def site_files() -> None:
    """index.html and style.css, as written."""
    for name in ("index.html", "style.css"):
        shutil.copy2(SITE / name, DIST / name)
    step("copied index.html and style.css")


def javascript_bundle() -> None:
    """app.js: the ES modules of site/js bundled into one classic script.

    A classic script because Chromium refuses module scripts on file:// pages.
    The worker's source is bundled in as text, to be started from a Blob URL.
    """
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    subprocess.run([str(esbuild), str(SITE / "js" / "main.js"), "--bundle", "--format=iife",
                    "--target=es2022", "--loader:.worker.js=text", "--log-level=warning",
                    f"--outfile={DIST / 'app.js'}"], check=True)
    step(f"bundled site/js into app.js ({(DIST / 'app.js').stat().st_size // 1024} KiB)")


def python_runtime() -> None:
    """pyodide/: the Pyodide core files, plus each wrapped in a classic script for file:// pages."""
    if not PYODIDE.exists():
        raise BuildError("node_modules/pyodide is missing: run `npm ci`.")
    RUNTIME.mkdir()
    files = {
        "pyodide.js": (PYODIDE / "pyodide.js").read_text(),
        "pyodide.asm.js": classic_runtime_script((PYODIDE / "pyodide.asm.mjs").read_text()),
        "pyodide-lock.json": lock_without_packages((PYODIDE / "pyodide-lock.json").read_text()),
        "pyodide.asm.wasm": (PYODIDE / "pyodide.asm.wasm").read_bytes(),
        "python_stdlib.zip": (PYODIDE / "python_stdlib.zip").read_bytes(),
    }
    (RUNTIME / "offline").mkdir()
    for name, content in files.items():
        if isinstance(content, str):
            (RUNTIME / name).write_text(content)
            wrapped = json.dumps(content)
        else:
            (RUNTIME / name).write_bytes(content)
            wrapped = '"' + base64.b64encode(content).decode("ascii") + '"'
        (RUNTIME / "offline" / f"{name}.js").write_text(
            f"(globalThis.MF_RUNTIME_FILES ??= {{}})[{json.dumps(name)}] = {wrapped};\n")
    manifest = {name: {"size": len(encoded), "crc32": zlib.crc32(encoded)}
                for name, encoded in ((name, content.encode() if isinstance(content, str) else content)
                                      for name, content in files.items())}
    write_data_script("runtime-manifest.js", "MF_RUNTIME_MANIFEST", manifest)
    size = sum(len(content) for content in files.values())
    step(f"vendored the Pyodide runtime ({size / 2**20:.1f} MiB) with file:// wrappers")


def classic_runtime_script(module_source: str) -> str:
    """pyodide.asm.mjs turned into a classic script that defines globalThis.createPyodideModule."""
    replacements = [("import.meta.url", "globalThis.location.href", 3),
                    ("export default _createPyodideModule;",
                     "globalThis.createPyodideModule = _createPyodideModule;", 1)]
    for old, new, expected in replacements:
        found = module_source.count(old)
        if found != expected:
            raise BuildError(f"pyodide.asm.mjs has {found} × {old!r}, expected {expected}: "
                             "a new Pyodide release needs this step checked.")
        module_source = module_source.replace(old, new)
    return module_source


def lock_without_packages(lock_text: str) -> str:
    """The lock file without its package list: the app loads no packages beyond the core."""
    lock = json.loads(lock_text)
    return json.dumps({"info": lock["info"], "packages": {}})


def python_files() -> dict[str, str]:
    """py/: the lesson modules, readable in the folder and bundled for the worker."""
    sources = {}
    target = DIST / "py" / "math_fundamentals"
    target.mkdir(parents=True)
    for path in sorted(PYTHON_PACKAGE.glob("*.py")):
        shutil.copy2(path, target / path.name)
        sources[f"{PYTHON_HOME}/math_fundamentals/{path.name}"] = path.read_text()
    write_data_script("python-files.js", "MF_PYTHON_FILES", sources)
    step(f"packed {len(sources)} Python modules")
    return sources


def lesson_data() -> None:
    """data/lesson-data.js: the first views, computed at build time by the same Python code."""
    sys.path.insert(0, str(PYTHON_PACKAGE.parent))
    from math_fundamentals import page_api

    catalog = page_api.catalog()
    data = {"catalog": catalog,
            "samples": {entry["name"]: first_view(page_api.sample(entry["name"]))
                        for entry in catalog["functions"]},
            "landscape": page_api.landscape_view()}
    write_data_script("lesson-data.js", "MF_LESSON_DATA", data)
    step("computed the first views with CPython")


def first_view(sample: dict, every: int = 10) -> dict:
    """A sample thinned to every tenth point, enough to draw until live Python takes over.

    The minimum and maximum stay those of the full sample.
    """
    return sample | {"xs": sample["xs"][::every], "ys": sample["ys"][::every]}


def write_data_script(name: str, global_name: str, value) -> None:
    text = json.dumps(value, separators=(",", ":"), allow_nan=False)
    (DIST / "data" / name).write_text(f"globalThis.{global_name} = {text};\n")


def offline_zip() -> None:
    """math-fundamentals-offline.zip: the whole app in one folder that works by double-click."""
    archive = DIST / OFFLINE_ZIP_NAME
    files = sorted(path for path in DIST.rglob("*") if path.is_file() and path != archive)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in files:
            bundle.write(path, Path("math-fundamentals") / path.relative_to(DIST))
    step(f"zipped the offline copy ({archive.stat().st_size / 2**20:.1f} MiB)")


def build() -> Path:
    """The recipe: every step in order. Returns dist/."""
    require_node()
    npm_packages()
    clean_dist()
    site_files()
    javascript_bundle()
    python_runtime()
    python_files()
    lesson_data()
    offline_zip()
    step(f"done: {DIST}")
    return DIST


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files with MIME types that do not depend on the machine's tables."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


class SubPathHandler(StaticHandler):
    """Serves the folder under a path prefix, as GitHub Pages serves /<repo>/."""

    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__not_found__")
        return super().translate_path("/" + path[len(self.prefix):])


def make_server(directory: Path, port: int = 0, prefix: str = "/") -> http.server.ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1 for `directory`, mounted at `prefix` (port 0: any free port)."""
    handler = type("Handler", (SubPathHandler,), {"prefix": prefix})
    return http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(directory)))


def serve(port: int) -> None:
    server = make_server(DIST, port)
    print(f"Serving {DIST} at http://127.0.0.1:{server.server_port}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


def install_test_tools() -> None:
    """uv (for the Python test dependencies) and Chromium (for the browser tests), if missing."""
    if shutil.which("uv") is None:
        step("installing uv with pip")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "uv"], check=True)
    if shutil.which("chromium") is None:
        if os.geteuid() != 0:
            raise BuildError("Chromium is needed for the browser tests: "
                             "`sudo apt-get install chromium`, then run again.")
        step("installing Chromium from Debian's packages")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def main(arguments: list[str]) -> int:
    command = arguments[0] if arguments else "build"
    try:
        if command == "build":
            build()
        elif command == "serve":
            build()
            serve(int(arguments[1]) if len(arguments) > 1 else 8000)
        elif command == "test":
            require_node()
            npm_packages()
            install_test_tools()
            uv = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
            return subprocess.run([uv, "run", "--frozen", "pytest", *arguments[1:]], cwd=ROOT).returncode
        else:
            print(__doc__)
            return 2
    except BuildError as error:
        print(f"build: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
