"""Compiles every source in a zip to bytecode with this (Pyodide's) Python.

    compile_library.py SOURCES_ZIP COMPILED_ZIP DOCUMENTED_MODULE...

The .pyc files are unchecked-hash ones, so they are used without their sources, and named as
zipimport finds them at the library's place on sys.path. Docstrings are dropped except in the
documented modules, which a learner may ask help() about.
"""

import importlib.util
import sys
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

sources_zip, compiled_zip, *documented = sys.argv[1:]
place = next(entry for entry in sys.path if entry.endswith(".zip"))
with zipfile.ZipFile(sources_zip) as sources, \
        zipfile.ZipFile(compiled_zip, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as compiled:
    for info in sources.infolist():
        data = sources.read(info)
        if not info.filename.endswith(".py"):
            compiled.writestr(info, data)
            continue
        top = info.filename.split("/")[0].removesuffix(".py")
        code = compile(data, f"{place}/{info.filename}", "exec", dont_inherit=True,
                       optimize=0 if top in documented else 2)
        pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        # The source's timestamp, not the clock's: the same sources make the same zip (and release).
        compiled.writestr(zipfile.ZipInfo(info.filename + "c", date_time=info.date_time), bytes(pyc),
                          compress_type=zipfile.ZIP_DEFLATED)
