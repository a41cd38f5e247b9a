"""Python's start as the page needs it: the lessons imported, the landscape's peaks computed.

Run by tools/run-pyodide.mjs before the memory snapshot is saved, and before
library_modules.py lists what the start loaded. gc.freeze() keeps the start-up objects out of
every later garbage collection.
"""

import gc

from page_api import dispatch, runs  # noqa: F401 - imported for the snapshot

runs.terrain()
gc.collect()
gc.freeze()
