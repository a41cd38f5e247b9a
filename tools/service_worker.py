"""The service worker that makes the site installable and usable offline after one visit.

Its template, site/service-worker.js, stands for this release through one placeholder, which
the build replaces with the release's id and the files the worker keeps, each with its SHA-256
(the browser checks it as a fetch's `integrity`), written to the site's root, which is the
worker's scope.
"""

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from tools.programs import BuildError
from tools.pyodide_runtime import PACKED_SUFFIX

NAME = "service-worker.js"
PLACEHOLDER = "__PRECACHE__"
# Only a page opened from a folder loads the wrapped runtime files. A page the worker controls
# reads the raw wasm binary from its cache as fast as from a disk, so never asks for the xz form.
WRAPPED_RUNTIME = "pyodide/offline/"
# For browser automation (the tests, the benchmark): a page function that resolves once the
# page's service worker has kept the whole release and is active; rejects after `timeout` ms.
WAIT_UNTIL_ACTIVE_JS = """(timeout) => new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error(`no active service worker within ${timeout} ms`)), timeout);
  navigator.serviceWorker.ready.then(({ active }) => {
    if (active.state === "activated") resolve();
    active.addEventListener("statechange", () => active.state === "activated" && resolve());
  });
})"""


@dataclass(frozen=True)
class Release:
    """A release of the site: its id and the files its service worker keeps (path: integrity)."""

    id: str
    precache: dict[str, str]
    precache_bytes: int


def write_service_worker(template: Path, folder: Path, offline_zip: str) -> Release:
    """folder/service-worker.js from `template`, for the files now in `folder`.

    The release id covers every file shipped but the offline zip, whose contents are the other
    files (and whose bytes change with their timestamps), so any change makes a new release.
    The zip is left out of the cache too: it is downloaded only when asked for.
    """
    text = template.read_text()
    if text.count(PLACEHOLDER) != 1:
        raise BuildError(f"writing {NAME}: {template} must hold {PLACEHOLDER} exactly once, where the "
                         "release's files go.")
    files = {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*")) if path.is_file()}
    digests = {name: hashlib.sha256(path.read_bytes()).digest() for name, path in files.items()
               if name not in (NAME, offline_zip)}
    release_id = hashlib.sha256(b"".join(name.encode() + b"\0" + digest for name, digest in digests.items()))
    precache = {name: "sha256-" + base64.b64encode(digest).decode() for name, digest in digests.items()
                if precached(name)}
    release = Release(release_id.hexdigest()[:16], precache, sum(files[name].stat().st_size for name in precache))
    manifest = json.dumps({"release": release.id, "files": precache}, separators=(",", ":"))
    (folder / NAME).write_text(text.replace(PLACEHOLDER, manifest))
    return release


def precached(name: str) -> bool:
    """Whether the service worker keeps the shipped file `name` (a path inside the site)."""
    return not (name.startswith(WRAPPED_RUNTIME) or name.endswith(PACKED_SUFFIX))


def read_release(folder: Path) -> dict:
    """The release written into folder/service-worker.js: {"release": id, "files": {path: integrity}}."""
    text = (folder / NAME).read_text()
    start = text.index('= {"release":') + 2
    return json.JSONDecoder().raw_decode(text, start)[0]
