"""Builds the deployable site into dist/, and serves or tests it.

    python3 build.py          build dist/
    python3 build.py serve    build, then serve dist/ on http://127.0.0.1:8000/
    python3 build.py test     build, install what the tests need, run the whole test suite

Each step below is a small function named for what it produces; the recipe is `build()`.
"""

import base64
import functools
import gzip
import http.server
import io
import json
import lzma
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SITE = ROOT / "site"
PYTHON_ROOT = ROOT / "py"
# The packages the page's Python runs: the lessons, and the plumbing the page calls.
PYTHON_PACKAGES = ("math_fundamentals", "page_api")
TRAINED_NETWORK = "page_api/trained_network.json"
NODE_MODULES = ROOT / "node_modules"
PYODIDE = NODE_MODULES / "pyodide"
DIST = ROOT / "dist"
RUNTIME = DIST / "pyodide"
OFFLINE_ZIP_NAME = "math-fundamentals-offline.zip"
SNAPSHOT_NAME = "python-snapshot.bin.gz"
STDLIB_NAME = "python_stdlib.zip"
MORE_STDLIB_NAME = "python_stdlib_more.zip"
WASM_NAME = "pyodide.asm.wasm"
# The wasm binary is also shipped xz-compressed, 0.9 MB (a quarter) smaller than a server's gzip
# makes it: the page takes that form on slow links, where the saved bytes outweigh the time
# to unpack it.
PACKED_SUFFIX = ".xz"
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
MIME_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
              ".json": "application/json", ".zip": "application/zip", ".py": "text/x-python",
              ".xz": "application/x-xz"}


sys.path.insert(0, str(PYTHON_ROOT))


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
    """index.html with its fragments put in, and style.css, as written.

    A line `<!-- include pages/network.html -->` stands for that file of site/. A fragment may
    include others and give them values: `<!-- include parts/x.html prefix="descent-" -->`
    fills in each {{prefix}} of parts/x.html.
    """
    import re

    def assembled(name: str, values: dict[str, str], included_by: str) -> str:
        path = SITE / name
        if not path.is_file():
            raise BuildError(f"site/{name} is missing ({included_by} includes it).")
        text = path.read_text()
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", value)
        if unfilled := re.search(r"\{\{\w+\}\}", text):
            raise BuildError(f"site/{name} needs a value for {unfilled[0]} ({included_by} includes it).")

        def include(match: re.Match) -> str:
            part = assembled(match[1], dict(re.findall(r'(\w+)="([^"]*)"', match[2])), f"site/{name}")
            indent = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
            return part.rstrip("\n").replace("\n", "\n" + indent)

        return re.sub(r'<!-- include (\S+)((?:\s+\w+="[^"]*")*)\s*-->', include, text)

    (DIST / "index.html").write_text(assembled("index.html", {}, "the build"))
    shutil.copy2(SITE / "style.css", DIST / "style.css")
    step("assembled index.html from site/pages and site/parts; copied style.css")


def javascript_bundle() -> None:
    """app.js: the ES modules of site/js bundled into one classic script.

    A classic script because Chromium refuses module scripts on file:// pages.
    The worker's source is bundled in as text, to be started from a Blob URL.
    """
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    # module first: gifenc's "browser" entry is its larger CommonJS build.
    subprocess.run([str(esbuild), str(SITE / "js" / "main.js"), "--bundle", "--format=iife",
                    "--target=es2022", "--loader:.worker.js=text", "--log-level=warning",
                    "--main-fields=module,browser,main",
                    f"--outfile={DIST / 'app.js'}"], check=True)
    subprocess.run([str(esbuild), str(SITE / "js" / "code-editor.js"), "--bundle", "--format=iife",
                    "--target=es2022", "--minify", "--log-level=warning", f"--outfile={DIST / 'editor.js'}"],
                   check=True)
    step(f"bundled site/js into app.js ({(DIST / 'app.js').stat().st_size // 1024} KiB) and the "
         f"CodeMirror editor into editor.js ({(DIST / 'editor.js').stat().st_size // 1024} KiB)")


def python_runtime() -> None:
    """pyodide/: the Pyodide core, the standard library in two parts, and a memory snapshot of
    Python started with the lessons imported, each also wrapped in a classic script for file://
    pages.

    The first part holds what Python and the lessons import when they start, compiled to
    bytecode (compiling the sources was most of a cold start without the snapshot). The second
    holds the further modules a learner may import, as sources; the page loads it once Python
    is ready, so it is never on the way to the first run.
    """
    if not PYODIDE.exists():
        raise BuildError("node_modules/pyodide is missing: run `npm ci`.")
    RUNTIME.mkdir()
    library = (PYODIDE / STDLIB_NAME).read_bytes()
    modules = json.loads(run_pyodide_in_node(code=MODULES_CODE % {"learner": json.dumps(LEARNER_MODULES)}))
    # sysconfig reads its data module by a computed name, so no import shows it.
    startup_files = modules["startup_files"] + [name for name in zipfile.ZipFile(io.BytesIO(library)).namelist()
                                                if name.startswith("_sysconfigdata")]
    stdlib = compiled_stdlib(zip_subset(library, lambda name: name in startup_files))
    # The rest of each package started with (its other modules: codecs, submodules) and the
    # learner's modules with all they import, whole packages each.
    tops = {name.split(".")[0] for name in modules["all"]}
    more_stdlib = zip_subset(library, lambda name: name.split("/")[0].removesuffix(".py") in tops
                             and name not in startup_files and not name.endswith("/"))
    snapshot = python_snapshot(stdlib)
    files = {
        "pyodide.js": (PYODIDE / "pyodide.js").read_text(),
        "pyodide.asm.js": classic_runtime_script((PYODIDE / "pyodide.asm.mjs").read_text()),
        "pyodide-lock.json": lock_without_packages((PYODIDE / "pyodide-lock.json").read_text()),
        WASM_NAME: (PYODIDE / WASM_NAME).read_bytes(),
        STDLIB_NAME: stdlib,
        MORE_STDLIB_NAME: more_stdlib,
        SNAPSHOT_NAME: snapshot,
    }
    (RUNTIME / "offline").mkdir()
    manifest = {}
    for name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        manifest[name] = {"size": len(data), "crc32": zlib.crc32(data)}
        (RUNTIME / name).write_bytes(data)
        if name in PACKED:
            packed = packed_file(data)
            (RUNTIME / (name + PACKED_SUFFIX)).write_bytes(packed)
            manifest[name]["packed"] = len(packed)
        wrapped = json.dumps(content) if isinstance(content, str) else f'"{base64.b64encode(content).decode()}"'
        (RUNTIME / "offline" / f"{name}.js").write_text(
            f"(globalThis.MF_RUNTIME_FILES ??= {{}})[{json.dumps(name)}] = {wrapped};\n")
    write_data_script("runtime-manifest.js", "MF_RUNTIME_MANIFEST", manifest)
    size = sum(len(content) for content in files.values())
    step(f"vendored the Pyodide runtime ({size / 2**20:.1f} MiB: standard library for the start "
         f"{len(stdlib) / 2**20:.2f} MiB compiled, the rest for learners {len(more_stdlib) / 2**20:.2f} MiB, "
         f"snapshot {len(snapshot) / 2**20:.1f} MiB gzipped)")


# Runs under Node: starts Pyodide (with a given standard library), writes the lessons and any
# input files into its file system, runs a piece of Python whose last expression (a string) is
# printed, copies output files back out, and saves Python's memory if asked to (a snapshot).
PYODIDE_SCRIPT = """
import { loadPyodide } from "%(pyodide)s";
import fs from "node:fs";
const request = JSON.parse(fs.readFileSync(0, "utf8"));
const pyodide = await loadPyodide({ _makeSnapshot: !!request.snapshot, stdLibURL: request.stdlib,
                                    stdout: () => {}, stderr: () => {} });
for (const [path, source] of Object.entries(request.python)) {
  pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
  pyodide.FS.writeFile(path, source);
}
for (const [path, hostPath] of Object.entries(request.inputs ?? {})) pyodide.FS.writeFile(path, fs.readFileSync(hostPath));
const printed = pyodide.runPython(request.code);
for (const [path, hostPath] of Object.entries(request.outputs ?? {})) fs.writeFileSync(hostPath, pyodide.FS.readFile(path));
if (request.snapshot) fs.writeFileSync(request.snapshot, pyodide.makeMemorySnapshot());
process.stdout.write(typeof printed === "string" ? printed : "");
"""

# Python's start as the page needs it: the lessons imported. gc.freeze() keeps the start-up
# objects out of every later garbage collection.
STARTUP_CODE = """
import gc
from page_api import dispatch, runs
runs.landscape_peaks()
gc.collect()
gc.freeze()
"""

# Which files of the library Python has loaded once it started with the lessons, and which
# modules once a learner's modules are imported too: the two parts of the standard library.
MODULES_CODE = STARTUP_CODE + """
import importlib, json, sys
place = next(entry for entry in sys.path if entry.endswith(".zip")) + "/"
startup_files = sorted(module.__file__.removeprefix(place) for module in list(sys.modules.values())
                       if (getattr(module, "__file__", None) or "").startswith(place))
for name in %(learner)s:
    importlib.import_module(name)
json.dumps({"startup_files": startup_files, "all": sorted(sys.modules)})
"""

# Compiles every source in a zip to bytecode (unchecked-hash .pyc files, so they are used
# without their sources), named as zipimport finds them at the library's place on sys.path.
# Docstrings are dropped except in modules a learner may ask help() about.
COMPILE_CODE = """
import importlib.util, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc
place = next(entry for entry in sys.path if entry.endswith(".zip"))
documented = %(documented)s
with zipfile.ZipFile("/tmp/sources.zip") as sources, \
        zipfile.ZipFile("/tmp/compiled.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as compiled:
    for info in sources.infolist():
        data = sources.read(info)
        if not info.filename.endswith(".py"):
            compiled.writestr(info, data)
            continue
        top = info.filename.split("/")[0].removesuffix(".py")
        code = compile(data, f"{place}/{info.filename}", "exec", dont_inherit=True,
                       optimize=0 if top in documented else 2)
        pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        compiled.writestr(info.filename + "c", bytes(pyc))
"""


def run_pyodide_in_node(*, code: str, stdlib: Path | None = None, **request) -> str:
    script = PYODIDE_SCRIPT % {"pyodide": (PYODIDE / "pyodide.mjs").as_uri()}
    request |= {"code": code, "python": python_sources(),
                "stdlib": str(stdlib or PYODIDE / STDLIB_NAME)}
    done = subprocess.run(["node", "--input-type=module", "-e", script], input=json.dumps(request),
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise BuildError(f"running Pyodide under Node failed:\n{done.stderr[-2000:]}")
    return done.stdout


def compiled_stdlib(sources_zip: bytes) -> bytes:
    """The zip with each module compiled by Pyodide's own Python, as .pyc files only."""
    with tempfile.TemporaryDirectory() as folder:
        sources, compiled = Path(folder) / "sources.zip", Path(folder) / "compiled.zip"
        sources.write_bytes(sources_zip)
        run_pyodide_in_node(code=COMPILE_CODE % {"documented": sorted(DOCUMENTED_MODULES)},
                            inputs={"/tmp/sources.zip": str(sources)},
                            outputs={"/tmp/compiled.zip": str(compiled)})
        return compiled.read_bytes()


def python_snapshot(stdlib: bytes) -> bytes:
    """A gzipped memory snapshot of Python started with `stdlib` and the lessons imported.

    It must be made with the very library zip that ships: Python remembers where each
    module sits inside the zip.
    """
    with tempfile.TemporaryDirectory() as folder:
        library, output = Path(folder) / STDLIB_NAME, Path(folder) / "snapshot.bin"
        library.write_bytes(stdlib)
        run_pyodide_in_node(code=STARTUP_CODE, stdlib=library, snapshot=str(output))
        return gzip.compress(output.read_bytes(), compresslevel=9, mtime=0)


def packed_file(data: bytes) -> bytes:
    """xz at its strongest, with the CRC-32 check that the page's decoder (xz-embedded) verifies."""
    return lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32, preset=9 | lzma.PRESET_EXTREME)


def zip_subset(stdlib_zip: bytes, keep) -> bytes:
    """The entries of a zip whose file names keep(name) accepts, compressed as they were."""
    kept = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(stdlib_zip)) as source, zipfile.ZipFile(kept, "w") as target:
        for info in source.infolist():
            if keep(info.filename):
                target.writestr(info, source.read(info), compress_type=info.compress_type)
    return kept.getvalue()


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
    done = subprocess.run([uv_command(), "run", "--frozen", "python", "-m", "build_time.network_landscape",
                           str(output), str(SLICE_SPAN)], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(PYTHON_ROOT)})
    if done.returncode != 0:
        raise BuildError(f"computing the network's loss landscape failed:\n{done.stderr[-2000:]}")
    result = json.loads((output / "network-landscape.json").read_text())
    (output / "network-landscape.json").unlink()
    # The trained weights go with the Python that descends on them; the page draws the rest.
    (DIST / "py" / TRAINED_NETWORK).parent.mkdir(parents=True, exist_ok=True)
    (DIST / "py" / TRAINED_NETWORK).write_text(json.dumps(result.pop("network")))
    write_data_script("network-landscape.js", "MF_NETWORK_LANDSCAPE", result)
    step(f"trained the network with numpy and drew its loss landscape ({done.stdout.strip()})")


def uv_command() -> str:
    """uv, installed with pip if this machine has none yet."""
    if shutil.which("uv") is None:
        step("installing uv with pip")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "uv"], check=True)
    return shutil.which("uv") or str(Path(sys.executable).parent / "uv")


def lesson_data() -> None:
    """data/lesson-data.js: the first views, computed at build time by the same Python code."""
    from page_api import discovery, runs

    catalog = discovery.catalog()
    data = {"catalog": catalog,
            # Names this build's Python, so edits a learner saved in the browser belong to it.
            "release": f"{zlib.crc32(json.dumps(python_sources(), sort_keys=True).encode()):08x}",
            "samples": {entry["name"]: first_view(runs.sample(entry["name"]))
                        for entry in catalog["functions"]},
            "landscape": without_xs(runs.landscape_view())}
    write_data_script("lesson-data.js", "MF_LESSON_DATA", data)
    step("computed the first views with CPython")


def first_view(sample: dict, every: int = 10) -> dict:
    """A sample thinned to every tenth point, enough to draw until live Python takes over.

    The evenly spaced xs are left out (the page rebuilds them from x_range); the minimum
    and maximum stay those of the full sample.
    """
    return without_xs(sample | {"xs": sample["xs"][::every], "ys": sample["ys"][::every]})


def without_xs(columns: dict) -> dict:
    """Columns for drawing only: evenly spaced xs replaced by [first, last, count], ys rounded
    to 7 significant digits (far below a pixel). Live Python later sends the exact values."""
    xs = columns["xs"]
    ys = [None if y is None else float(f"{y:.7g}") for y in columns["ys"]]
    return ({key: value for key, value in columns.items() if key not in ("xs", "ys")}
            | {"x_range": [xs[0], xs[-1], len(xs)], "ys": ys})


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
    network_landscape()
    python_files()
    lesson_data()
    offline_zip()
    step(f"done: {DIST}")
    return DIST


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".wasm", ".py", ".svg"}


@functools.lru_cache(maxsize=64)
def gzipped(path: str, modified: float) -> bytes:
    """A file's gzip encoding, computed once per version of the file."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files with fixed MIME types and, like GitHub Pages, gzip where the browser accepts it
    and a ten-minute cache lifetime."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzipped(str(path), path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        # As GitHub Pages does: a revisit within ten minutes uses the browser's cache as is.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


class SubPathHandler(StaticHandler):
    """Serves the folder under a path prefix, as GitHub Pages serves /<repo>/."""

    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__not_found__")
        return super().translate_path("/" + path[len(self.prefix):])


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that closes a tab mid-download is not an error worth a traceback."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(directory: Path, port: int = 0, prefix: str = "/") -> http.server.ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1 for `directory`, mounted at `prefix` (port 0: any free port)."""
    handler = type("Handler", (SubPathHandler,), {"prefix": prefix})
    return QuietServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(directory)))


def serve(port: int) -> None:
    server = make_server(DIST, port)
    print(f"Serving {DIST} at http://127.0.0.1:{server.server_port}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


def install_chromium() -> None:
    """Chromium (for the browser tests), if missing."""
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
