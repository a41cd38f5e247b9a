"""The offline copy: the whole app in one zip that works by double-click and served over http."""

import zipfile
from pathlib import Path


def write_zip(dist: Path, name: str) -> Path:
    """dist/`name`: everything in dist/ under one folder, math-fundamentals/.

    It carries the runtime files only in their wrapped form (pyodide/offline/), which a page
    opened from a folder loads by script tag, served over http too: its runtime manifest says
    it is the offline copy. That halves the download.
    """
    archive = dist / name
    manifest = dist / "data" / "runtime-manifest.js"
    raw_runtime = {path for path in (dist / "pyodide").iterdir() if path.is_file()}
    files = sorted(path for path in dist.rglob("*") if path.is_file() and path != archive and path not in raw_runtime)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in files:
            name = Path("math-fundamentals") / path.relative_to(dist)
            if path == manifest:
                bundle.writestr(str(name), manifest.read_text() + "globalThis.MF_OFFLINE_COPY = true;\n")
            else:
                bundle.write(path, name)
    return archive
