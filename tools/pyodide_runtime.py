"""Pyodide's runtime as the site ships it, made with Pyodide itself run under Node.

The standard library is cut in two: the files Python and the lessons load when they start,
compiled to bytecode, and the further modules a learner may import, as sources. A memory
snapshot holds Python started with the lessons imported. The core's files are adapted for a
classic worker, and every file is also wrapped in a classic script for file:// pages.
The Python programs run inside Pyodide are in tools/python/, the Node program that runs them
is tools/run-pyodide.mjs.
"""

import base64
import gzip
import io
import json
import lzma
import subprocess
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from tools.programs import BuildError, run_program

TOOLS = Path(__file__).resolve().parent
RUN_PYODIDE = TOOLS / "run-pyodide.mjs"
PROGRAMS = TOOLS / "python"
# Pyodide's own names for its files, which the site keeps.
STDLIB_NAME = "python_stdlib.zip"
WASM_NAME = "pyodide.asm.wasm"
# A file packed with xz sits next to itself with this suffix.
PACKED_SUFFIX = ".xz"
# What adapting pyodide.asm.mjs for a classic worker relies on: each piece of module syntax in
# it, what a classic script says instead, and how many times it is there.
MODULE_SYNTAX = [("import.meta.url", "globalThis.location.href", 3),
                 ("export default _createPyodideModule;", "globalThis.createPyodideModule = _createPyodideModule;", 1)]
CHECK_CLASSIC_SCRIPT = TOOLS / "check-classic-script.mjs"
ADAPTING = "adapting pyodide.asm.mjs for a classic worker (build step python_runtime, tools/pyodide_runtime.py)"
UPGRADED = ("A Pyodide upgrade changed that file: see how the new one uses import.meta and exports "
            "_createPyodideModule, update MODULE_SYNTAX to match, and read the README's 'Upgrading Pyodide'.")


@dataclass(frozen=True)
class PyodideUnderNode:
    """Pyodide from node_modules/pyodide, started under Node with the lessons in its file system."""

    folder: Path
    python_files: dict[str, str]

    def run(self, *programs: str, argv: Iterable[str] = (), stdlib: Path | None = None,
            inputs: dict[str, str] | None = None, outputs: dict[str, str] | None = None,
            snapshot: Path | None = None) -> str:
        """Runs tools/python/<program> for each of `programs` in turn in one fresh Python, with
        `argv` as sys.argv[1:]; returns what they printed. See tools/run-pyodide.mjs."""
        request = {"pyodide": (self.folder / "pyodide.mjs").as_uri(),
                   "stdlib": str(stdlib or self.folder / STDLIB_NAME), "python": self.python_files,
                   "programs": [str(PROGRAMS / program) for program in programs], "argv": list(argv),
                   "inputs": inputs or {}, "outputs": outputs or {},
                   "snapshot": str(snapshot) if snapshot else None}
        done = run_program(["node", str(RUN_PYODIDE)], input=json.dumps(request), stdout=subprocess.PIPE,
                           text=True, step=f"running {' and '.join(programs)} in Pyodide under Node",
                           advice="Read the Python traceback above; after a Pyodide upgrade, "
                                  "see the README's 'Upgrading Pyodide'.")
        return done.stdout


def split_library(pyodide: PyodideUnderNode, learner_modules: Iterable[str]) -> tuple[bytes, bytes]:
    """Pyodide's standard library as two zips of sources: the files Python and the lessons load
    when they start, and the rest of each package they start with plus the modules a learner may
    import, with all those import (whole packages each)."""
    library = (pyodide.folder / STDLIB_NAME).read_bytes()
    modules = json.loads(pyodide.run("startup.py", "library_modules.py", argv=learner_modules))
    # sysconfig reads its data module by a computed name, so no import shows it.
    startup_files = set(modules["startup_files"]) | {
        name for name in zipfile.ZipFile(io.BytesIO(library)).namelist() if name.startswith("_sysconfigdata")}
    tops = {name.split(".")[0] for name in modules["all"]}
    startup = zip_subset(library, lambda name: name in startup_files)
    more = zip_subset(library, lambda name: name.split("/")[0].removesuffix(".py") in tops
                      and name not in startup_files and not name.endswith("/"))
    return startup, more


def compiled_library(pyodide: PyodideUnderNode, sources_zip: bytes, documented: Iterable[str]) -> bytes:
    """The zip with each module compiled by Pyodide's own Python, as .pyc files only; docstrings
    kept only in the `documented` modules."""
    with tempfile.TemporaryDirectory() as folder:
        sources, compiled = Path(folder) / "sources.zip", Path(folder) / "compiled.zip"
        sources.write_bytes(sources_zip)
        pyodide.run("compile_library.py", argv=["/tmp/sources.zip", "/tmp/compiled.zip", *sorted(documented)],
                    inputs={"/tmp/sources.zip": str(sources)}, outputs={"/tmp/compiled.zip": str(compiled)})
        return compiled.read_bytes()


def memory_snapshot(pyodide: PyodideUnderNode, stdlib: bytes) -> bytes:
    """A gzipped memory snapshot of Python started with `stdlib` and tools/python/startup.py run.

    It must be made with the very library zip that ships: Python remembers where each
    module sits inside the zip.
    """
    with tempfile.TemporaryDirectory() as folder:
        library, output = Path(folder) / STDLIB_NAME, Path(folder) / "snapshot.bin"
        library.write_bytes(stdlib)
        pyodide.run("startup.py", stdlib=library, snapshot=output)
        return gzip.compress(output.read_bytes(), compresslevel=9, mtime=0)


def core_files(folder: Path) -> dict[str, str | bytes]:
    """Pyodide's loader, its Emscripten module as a classic script, its lock file without
    packages, and the wasm binary."""
    return {"pyodide.js": (folder / "pyodide.js").read_text(),
            "pyodide.asm.js": classic_runtime_script((folder / "pyodide.asm.mjs").read_text()),
            "pyodide-lock.json": lock_without_packages((folder / "pyodide-lock.json").read_text()),
            WASM_NAME: (folder / WASM_NAME).read_bytes()}


def write_runtime(files: dict[str, str | bytes], folder: Path, packed: set[str]) -> dict[str, dict]:
    """Writes each file into `folder`, the `packed` ones also xz-compressed, and each wrapped in a
    classic script in folder/offline/ (for file:// pages); returns the manifest the page checks
    them against: name -> size, CRC-32 and, if packed, the packed size."""
    (folder / "offline").mkdir(parents=True)
    manifest = {}
    for name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        manifest[name] = {"size": len(data), "crc32": zlib.crc32(data)}
        (folder / name).write_bytes(data)
        if name in packed:
            packed_data = packed_file(data)
            (folder / (name + PACKED_SUFFIX)).write_bytes(packed_data)
            manifest[name]["packed"] = len(packed_data)
        wrapped = json.dumps(content) if isinstance(content, str) else f'"{base64.b64encode(content).decode()}"'
        (folder / "offline" / f"{name}.js").write_text(
            f"(globalThis.MF_RUNTIME_FILES ??= {{}})[{json.dumps(name)}] = {wrapped};\n")
    return manifest


def packed_file(data: bytes) -> bytes:
    """xz at its strongest, with the CRC-32 check that the page's decoder (xz-embedded) verifies."""
    return lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32, preset=9 | lzma.PRESET_EXTREME)


def zip_subset(stdlib_zip: bytes, keep: Callable[[str], bool]) -> bytes:
    """The entries of a zip whose file names keep(name) accepts, compressed as they were."""
    kept = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(stdlib_zip)) as source, zipfile.ZipFile(kept, "w") as target:
        for info in source.infolist():
            if keep(info.filename):
                target.writestr(info, source.read(info), compress_type=info.compress_type)
    return kept.getvalue()


def classic_runtime_script(module_source: str) -> str:
    """pyodide.asm.mjs turned into a classic script that defines globalThis.createPyodideModule.

    Pyodide 314 ships its Emscripten module only as an ES module, which a classic worker (the
    kind a file:// page can start, from a Blob URL) cannot load. Each piece of MODULE_SYNTAX is
    replaced where it is expected, and Node checks that what comes out parses as a classic script.
    """
    for old, new, expected in MODULE_SYNTAX:
        found = module_source.count(old)
        if found != expected:
            raise BuildError(f"{ADAPTING}: it has {found} × {old!r} where {expected} were expected. {UPGRADED}")
        module_source = module_source.replace(old, new)
    run_program(["node", str(CHECK_CLASSIC_SCRIPT), "pyodide.asm.js (adapted from pyodide.asm.mjs)"],
                input=module_source, text=True, step=ADAPTING, advice=UPGRADED)
    return module_source


def lock_without_packages(lock_text: str) -> str:
    """The lock file without its package list: the app loads no packages beyond the core."""
    lock = json.loads(lock_text)
    return json.dumps({"info": lock["info"], "packages": {}})
