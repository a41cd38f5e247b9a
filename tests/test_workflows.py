"""The GitHub configuration: audited by zizmor, valid against GitHub's schemas, building the README's way.

Both tools are pinned dev dependencies and run offline. Each check also runs once on a copy of
`.github/` with a known defect, to show that it still catches one.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML  # comes with check-jsonschema

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOW = Path("workflows") / "pages.yml"
DEPENDABOT = Path("dependabot.yml")
SCHEMAS = {WORKFLOW: "vendor.github-workflows", DEPENDABOT: "vendor.dependabot"}


def tool(name: str) -> str:
    """The path of a command installed in this environment (uv's .venv)."""
    path = Path(sys.executable).parent / name
    if not path.exists():
        pytest.fail(f"{name} is not installed: run the tests with `uv run pytest`.")
    return str(path)


def run(command: list[str]) -> subprocess.CompletedProcess:
    """The command's result, with stdout and stderr as text."""
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def zizmor(github: Path) -> subprocess.CompletedProcess:
    """zizmor's audit of a .github folder, offline; a file it cannot read is an error, not skipped."""
    return run([tool("zizmor"), "--offline", "--strict-collection", "--no-progress", "--color=never",
                str(github)])


def check_schema(github: Path, file: Path) -> subprocess.CompletedProcess:
    """check-jsonschema's verdict on one file, against GitHub's schema vendored in the package."""
    return run([tool("check-jsonschema"), "--builtin-schema", SCHEMAS[file], str(github / file)])


def broken_copy(tmp_path: Path, file: Path, pattern: str, replacement: str) -> Path:
    """A copy of .github/ with one defect put into one file; fails if the pattern is not there."""
    copy = tmp_path / ".github"
    shutil.copytree(GITHUB, copy)
    text, count = re.subn(pattern, replacement, (copy / file).read_text(), count=1, flags=re.MULTILINE)
    assert count == 1, f"{pattern!r} not found in {file}: update this test's defect"
    (copy / file).write_text(text)
    return copy


def test_zizmor_finds_nothing():
    result = zizmor(GITHUB)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("file, pattern, replacement, audit", [
    pytest.param(WORKFLOW, r"(uses: actions/checkout)@\S+ # \S+", r"\1@v7", "unpinned-uses",
                 id="action-not-pinned"),
    pytest.param(WORKFLOW, r"^    permissions:\n      contents: read.*\n", "    permissions: write-all\n",
                 "excessive-permissions", id="build-job-may-write-all"),
    pytest.param(WORKFLOW, r"(uses: actions/checkout@.*)\n +with:\n +persist-credentials: false\n",
                 r"\1\n", "artipacked", id="checkout-credentials-kept"),
    pytest.param(DEPENDABOT, r"^ +cooldown:\n +default-days: 7\n", "", "dependabot-cooldown",
                 id="updates-without-cooldown"),
])
def test_zizmor_catches_a_defect(tmp_path, file, pattern, replacement, audit):
    result = zizmor(broken_copy(tmp_path, file, pattern, replacement))
    assert result.returncode != 0 and f"[{audit}]" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize("file", SCHEMAS, ids=str)
def test_file_matches_githubs_schema(file):
    result = check_schema(GITHUB, file)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("file, pattern, replacement", [
    pytest.param(WORKFLOW, r"^    runs-on: ubuntu-latest\n", "", id="job-without-runner"),
    pytest.param(WORKFLOW, r"pages: write", "pages: admin", id="unknown-permission-level"),
    pytest.param(DEPENDABOT, r"interval: weekly", "interval: fortnightly", id="unknown-interval"),
])
def test_schema_check_catches_a_defect(tmp_path, file, pattern, replacement):
    result = check_schema(broken_copy(tmp_path, file, pattern, replacement), file)
    assert result.returncode != 0 and "Schema validation errors" in result.stdout, result.stdout


def test_workflow_builds_with_the_readme_command():
    readme = (ROOT / "README.md").read_text()
    said = re.search(r"builds the site with\s+`([^`]+)`", readme)
    assert said, "the README no longer says which command the Pages workflow builds with"
    workflow = YAML(typ="safe").load((GITHUB / WORKFLOW).read_text())
    commands = [step["run"].strip() for job in workflow["jobs"].values()
                for step in job["steps"] if "run" in step]
    assert commands == [said.group(1)]
