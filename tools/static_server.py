"""The static server for dist/ (or any copy of it): `build.py serve`, the tests and the benchmark.

It answers as GitHub Pages does: fixed MIME types, gzip where the browser accepts it, a
ten-minute cache lifetime, and optionally the whole folder under a path prefix (/<repo>/).
"""

import contextlib
import functools
import gzip
import http.server
import io
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

MIME_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
              ".json": "application/json", ".zip": "application/zip", ".py": "text/x-python",
              ".xz": "application/x-xz", ".webmanifest": "application/manifest+json"}
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".wasm", ".py", ".svg", ".webmanifest"}


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
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            # The folder's index.html, as Pages sends it for /<repo>/: compressed like the rest.
            path = path / "index.html"
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
    return QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))


@contextlib.contextmanager
def serving(directory: Path, prefix: str = "/") -> Iterator[str]:
    """`directory` served on a free port from a background thread while the block runs; yields
    the root URL (ending in `prefix`)."""
    server = make_server(directory, 0, prefix)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def serve(directory: Path, port: int) -> None:
    """Serves `directory` on http://127.0.0.1:<port>/ until Ctrl+C."""
    server = make_server(directory, port)
    print(f"Serving {directory} at http://127.0.0.1:{server.server_port}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


def warm_up(directory: Path) -> None:
    """Compresses every file once, as a static host has them ready, so no measured load pays for it."""
    for path in directory.rglob("*"):
        if path.is_file() and path.suffix in COMPRESSIBLE:
            gzipped(str(path), path.stat().st_mtime)
