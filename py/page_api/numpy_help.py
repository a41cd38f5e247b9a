"""Code written for numpy, explained for the page's Python, which has only the standard library.

numpy cannot run in the page (no build of it for the browser can be had here). For single
numbers, which is all the lessons use, the standard library has an equivalent of each
common numpy name. ``advice`` lists the lines that use numpy, what each name becomes, and,
when every name has an equivalent, the whole source rewritten, for the learner to accept.
"""

import re

# numpy name -> the standard library's equivalent (for single numbers).
EQUIVALENTS = {
    "sqrt": "math.sqrt", "cos": "math.cos", "sin": "math.sin", "tan": "math.tan", "exp": "math.exp",
    "log": "math.log", "log10": "math.log10", "log2": "math.log2", "tanh": "math.tanh",
    "arcsin": "math.asin", "arccos": "math.acos", "arctan": "math.atan", "arctan2": "math.atan2",
    "floor": "math.floor", "ceil": "math.ceil", "hypot": "math.hypot", "isnan": "math.isnan",
    "isfinite": "math.isfinite", "isinf": "math.isinf", "pi": "math.pi", "e": "math.e", "inf": "math.inf",
    "nan": "math.nan", "abs": "abs", "absolute": "abs", "power": "pow", "maximum": "max", "minimum": "min",
    "round": "round", "float64": "float", "random.normal": "random.gauss", "random.uniform": "random.uniform",
    "random.rand": "random.random", "random.random": "random.random", "random.seed": "random.seed",
    "random.randint": "random.randrange", "random.choice": "random.choice",
}
# Keyword arguments that change name with the function.
KEYWORDS = {"random.gauss": {"loc": "mu", "scale": "sigma"}, "random.uniform": {"low": "a", "high": "b"}}
IMPORT = re.compile(r"^(\s*)(import numpy(?: as (\w+))?|from numpy import .*)\s*$")


def _aliases(source: str) -> list[str]:
    names = {"numpy"}
    for line in source.splitlines():
        found = IMPORT.match(line)
        if found and found.group(3):
            names.add(found.group(3))
    return sorted(names, key=len, reverse=True)


def _rewrite_line(line: str, aliases: list[str], used: dict, unknown: set) -> str:
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, aliases))})\.((?:random\.)?\w+)")

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in EQUIVALENTS:
            unknown.add(f"{match.group(0)}")
            return match.group(0)
        used[match.group(0)] = EQUIVALENTS[name]
        return EQUIVALENTS[name]

    rewritten = pattern.sub(replace, line)
    for function, renames in KEYWORDS.items():
        if function + "(" in rewritten and function not in line:
            for old, new in renames.items():
                rewritten = re.sub(rf"(?<={re.escape(function)}\()(.*?)\b{old}=", rf"\1{new}=", rewritten)
    return rewritten


def advice(source: str) -> dict:
    """The lines that use numpy (1-based), each name's equivalent, and the rewritten source or None."""
    aliases = _aliases(source)
    usage = re.compile(rf"\b(?:{'|'.join(map(re.escape, aliases))})\.\w")
    lines, out, used, unknown = [], [], {}, set()
    for number, line in enumerate(source.splitlines(True), start=1):
        found = IMPORT.match(line.rstrip("\n"))
        if found:
            lines.append(number)
            out.append(("IMPORT", found.group(1), line))
        elif usage.search(line):
            lines.append(number)
            out.append(_rewrite_line(line, aliases, used, unknown))
        else:
            out.append(line)
    # Each numpy import becomes the imports the rewritten names need, less those already at the top.
    present = set(re.findall(r"^import (\w+)\s*$", source, re.MULTILINE))
    needed = sorted({target.split(".")[0] for target in used.values() if "." in target} - present)
    rewritten = "".join(
        "".join(f"{item[1]}import {module}\n" for module in needed) if isinstance(item, tuple) else item
        for item in out)
    return {"lines": lines, "equivalents": used, "unknown": sorted(unknown),
            "rewrite": None if unknown or not lines else rewritten}


def explanation(source: str) -> tuple[str, dict]:
    """The message for code that imports numpy, and the advice behind it."""
    found = advice(source)
    pairs = ", ".join(f"{old} → {new}" for old, new in found["equivalents"].items())
    where = ", ".join(map(str, found["lines"]))
    message = (f"numpy is not available in the page's Python (it runs the standard library only); "
               f"it is used on line{'s' if len(found['lines']) > 1 else ''} {where}. "
               f"For single numbers the standard library does the same: {pairs or 'math and random'}.")
    if found["unknown"]:
        message += f" No equivalent for {', '.join(found['unknown'])}: rewrite those by hand (lists for arrays)."
    message += (" Note: np.sqrt(-1) gives nan where math.sqrt(-1) raises ValueError; the page treats both "
                "as undefined there.")
    return message, found
