"""Prints, as JSON, the two parts the standard library is shipped in.

    startup.py, then library_modules.py LEARNER_MODULE...

"startup_files": the files of the library zip that Python has loaded once startup.py ran;
"all": every module loaded once the modules a learner may import (the arguments) are too.
"""

import importlib
import json
import sys

place = next(entry for entry in sys.path if entry.endswith(".zip")) + "/"
startup_files = sorted(module.__file__.removeprefix(place) for module in list(sys.modules.values())
                       if (getattr(module, "__file__", None) or "").startswith(place))
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps({"startup_files": startup_files, "all": sorted(sys.modules)}))
