"""index.html assembled from its fragments (site/pages, site/parts), at build time.

A line `<!-- include pages/network.html -->` stands for that file of site/. A fragment may
include others and give them values: `<!-- include parts/x.html prefix="descent-" -->` fills in
each {{prefix}} of parts/x.html. The page needs no fetch at run time, so it works from file://.
"""

import re
from pathlib import Path

from tools.programs import BuildError

INCLUDE = re.compile(r'<!-- include (\S+)((?:\s+\w+="[^"]*")*)\s*-->')


def assembled(site: Path, name: str, values: dict[str, str], included_by: str) -> str:
    """site/`name` with `values` filled in and every include replaced by its fragment."""
    path = site / name
    if not path.is_file():
        raise BuildError(f"site/{name} is missing ({included_by} includes it).")
    text = path.read_text()
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    if unfilled := re.search(r"\{\{\w+\}\}", text):
        raise BuildError(f"site/{name} needs a value for {unfilled[0]} ({included_by} includes it).")

    def include(match: re.Match) -> str:
        part = assembled(site, match[1], dict(re.findall(r'(\w+)="([^"]*)"', match[2])), f"site/{name}")
        indent = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
        return part.rstrip("\n").replace("\n", "\n" + indent)

    return INCLUDE.sub(include, text)
