"""Lighthouse's scores for the built site, mobile and desktop, with its default settings, served
compressed as GitHub Pages serves it (tools/static_server.py). Not part of the tests: it is slow.

    uv run python -m tools.lighthouse [--out lighthouse-results]

Writes <out>/lighthouse.json (the scores and the timings behind performance) and each full
report, and prints a table. Needs Node.js (npm fetches the pinned Lighthouse) and Chromium.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
from pathlib import Path

import build
from tools.chromium import CHROMIUM_FLAGS
from tools.static_server import serving, warm_up

LIGHTHOUSE = "lighthouse@13.5.0"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index"]
FORM_FACTORS = {"mobile": [], "desktop": ["--preset=desktop"]}


def audit(url: str, form_factor: str, out: Path) -> dict:
    """One Lighthouse run: the four scores (0-100) and the performance metrics as Lighthouse shows them."""
    report = out / f"{form_factor}.report.json"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    subprocess.run(["npm", "exec", "--yes", "--", LIGHTHOUSE, url, *FORM_FACTORS[form_factor], "--quiet",
                    f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={report}",
                    f"--chrome-flags={flags}"], check=True, env={**os.environ, "CHROME_PATH": chromium})
    result = json.loads(report.read_text())
    return {"scores": {name: round(100 * result["categories"][name]["score"]) for name in CATEGORIES},
            "metrics": {name: result["audits"][name]["displayValue"] for name in METRICS},
            "lighthouse": result["lighthouseVersion"], "chromium": result["environment"]["hostUserAgent"]}


def table(results: dict) -> str:
    rows = ["| | " + " | ".join(CATEGORIES) + " | FCP | LCP | TBT | CLS |", "|---" * 9 + "|"]
    for form_factor, result in results.items():
        metrics = [result["metrics"][name].replace("\u00a0", " ") for name in METRICS[:4]]
        rows.append(f"| {form_factor} | " + " | ".join(str(result["scores"][name]) for name in CATEGORIES)
                    + " | " + " | ".join(metrics) + " |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=build.ROOT / "lighthouse-results")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    if not (build.DIST / "index.html").exists():
        raise SystemExit("lighthouse: build the site first: python3 build.py")
    warm_up(build.DIST)
    with serving(build.DIST) as root:
        results = {form_factor: audit(root, form_factor, out) for form_factor in FORM_FACTORS}
    when = f"{datetime.date.today()} on {platform.machine()}, {os.cpu_count()} cores"
    (out / "lighthouse.json").write_text(json.dumps({"measured": when, "results": results}, indent=2))
    print(f"Lighthouse {results['mobile']['lighthouse']}, measured {when}:\n{table(results)}")


if __name__ == "__main__":
    main()
