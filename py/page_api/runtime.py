"""What the page's own Python needs: the second part of its standard library, and a look at its memory."""

import gc
import importlib
import sys


def importable(modules: list[str]) -> dict[str, bool]:
    """Which of these modules Python can import here (the page's Python has a trimmed library)."""
    found = {}
    for name in modules:
        try:
            importlib.import_module(name)
            found[name] = True
        except ImportError:
            found[name] = False
    return found


def add_library(place: str) -> None:
    """Puts a second part of the standard library (the zip at `place`) behind the first.

    A package imported from the first part looks for its modules only in its own folder there,
    so each one is told about its folder in the new zip too: a codec or submodule left out of
    the first part is found there.
    """
    first_parts = [entry + "/" for entry in sys.path if entry.endswith(".zip") and entry != place]
    if place not in sys.path:
        sys.path.append(place)
    for name, module in list(sys.modules.items()):
        search_path = getattr(module, "__path__", None)
        if not isinstance(search_path, list) or not search_path:
            continue
        inside = f"{place}/{name.replace('.', '/')}"
        if search_path[0].startswith(tuple(first_parts)) and inside not in search_path:
            search_path.append(inside)


def python_memory() -> dict:
    """How many objects Python holds after a collection, and how many stand for JavaScript
    objects (proxies). The load test checks that neither grows with use."""
    gc.collect()
    objects = gc.get_objects()
    try:
        from pyodide.ffi import JsProxy
    except ImportError:  # CPython: there is no JavaScript
        return {"objects": len(objects), "js_proxies": 0}
    return {"objects": len(objects), "js_proxies": sum(isinstance(item, JsProxy) for item in objects)}
